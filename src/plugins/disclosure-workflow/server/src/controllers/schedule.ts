import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate as parse, idParam } from './validate';
import { SCHEDULE } from '../constants';

const CREATE = Joi.object({
  uid: Joi.string().max(200).required(),
  documentId: Joi.string().max(64).required(),
  locale: Joi.string().max(20).allow(null, ''),
  action: Joi.string().valid('publish', 'unpublish').required(),
  at: Joi.string().max(40).required(),
  withCompanions: Joi.boolean().strict(),
});
const RESCHEDULE = Joi.object({ at: Joi.string().max(40).required() });
// Plain strings only: query operators (`state[$ne]=x`) never reach the database.
const LIST = Joi.object({
  state: Joi.string().max(20).allow(''),
  uid: Joi.string().max(200).allow(''),
  department: Joi.string().max(200).allow(''),
  documentId: Joi.string().max(64).allow(''),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schedules = () => strapi.plugin('disclosure-workflow').service('schedule');
  const scope = () => strapi.plugin('disclosure-workflow').service('scope');
  const actor = (ctx: any) => ctx.state.user.id;
  const userScope = (ctx: any) => scope().of(ctx.state.user);
  /** 集约化: a schedule of another unit's document is "not found". */
  const own = async (ctx: any) => {
    const id = idParam(ctx.params.id);
    const row = await strapi.db.query(SCHEDULE).findOne({ where: { id }, select: ['targetUid', 'targetDocumentId'] });
    if (row) await scope().assertReachable(row.targetUid, row.targetDocumentId, await userScope(ctx));
    return id;
  };
  return {
    find: (ctx) => respond(ctx, async () => schedules().list({ ...parse(LIST, ctx.query), within: await scope().targetsWhere(await userScope(ctx)) })),
    create: (ctx) => respond(ctx, async () => {
      const input = parse(CREATE, ctx.request.body);
      await scope().assertReachable(input.uid, input.documentId, await userScope(ctx));
      return schedules().schedule({ ...input, actor: actor(ctx) });
    }),
    reschedule: (ctx) => respond(ctx, async () => schedules().reschedule({ id: await own(ctx), ...parse(RESCHEDULE, ctx.request.body), actor: actor(ctx) })),
    cancel: (ctx) => respond(ctx, async () => schedules().cancel({ id: await own(ctx), actor: actor(ctx) })),
    retry: (ctx) => respond(ctx, async () => schedules().retry({ id: await own(ctx), actor: actor(ctx) })),
  };
};
