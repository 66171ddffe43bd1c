// Admin routes of the pre-publication checks: the findings on a document's draft (for whoever may
// see its review status), and a secrecy reviewer's override with a written reason.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate } from './validate';

const target = { uid: Joi.string().max(200).required(), documentId: Joi.string().max(64).required(), locale: Joi.string().max(20).allow(null, '') };
const CHECK = Joi.object(target);
const OVERRIDE = Joi.object({
  ...target,
  rule: Joi.string().max(60).pattern(/^[A-Za-z0-9._-]+$/).required(),
  field: Joi.string().max(100),
  location: Joi.string().max(300).allow(null),
  reason: Joi.string().trim().min(1).max(2000).required(),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const visible = async (ctx: any, input: any) => {
    const value = { ...input, locale: input.locale || null };
    await plugin().service('scope').assertVisible(ctx.state.user, value);
    return value;
  };
  return {
    types: (ctx: any) => respond(ctx, async () => plugin().service('inspection').inspectedTypes()),
    check: (ctx: any) => respond(ctx, async () => plugin().service('inspection').check(await visible(ctx, validate(CHECK, ctx.query)))),
    override: (ctx: any) =>
      respond(ctx, async () => plugin().service('inspection').override({ ...(await visible(ctx, validate(OVERRIDE, ctx.request.body))), actor: ctx.state.user.id, ip: ctx.request.ip })),
  };
};
