import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate as parse, idParam } from './validate';

const CREATE = Joi.object({
  uid: Joi.string().max(200).required(),
  documentId: Joi.string().max(64).required(),
  locale: Joi.string().max(20).allow(null, ''),
  action: Joi.string().valid('publish', 'unpublish').required(),
  at: Joi.string().max(40).required(),
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
  const actor = (ctx: any) => ctx.state.user.id;
  return {
    find: (ctx) => respond(ctx, () => schedules().list(parse(LIST, ctx.query))),
    create: (ctx) => respond(ctx, () => schedules().schedule({ ...parse(CREATE, ctx.request.body), actor: actor(ctx) })),
    reschedule: (ctx) => respond(ctx, () => schedules().reschedule({ id: idParam(ctx.params.id), ...parse(RESCHEDULE, ctx.request.body), actor: actor(ctx) })),
    cancel: (ctx) => respond(ctx, () => schedules().cancel({ id: idParam(ctx.params.id), actor: actor(ctx) })),
    retry: (ctx) => respond(ctx, () => schedules().retry({ id: idParam(ctx.params.id), actor: actor(ctx) })),
  };
};
