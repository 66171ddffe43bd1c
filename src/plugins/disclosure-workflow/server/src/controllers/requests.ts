// Admin routes for 依申请公开 case handling. Strapi registers an API's own routes as content-API
// routes only, so the admin side of the request API lives here; the work is done by
// strapi.service('api::disclosure-request.case').
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate } from './validate';
import { refuse } from '../domain/refusal';
import { ACTIONS } from '../constants';
import { DISPOSITIONS } from '../../../../../domain/request-codes';

const day = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).message('{{#label}} must be a date YYYY-MM-DD');
const note = Joi.string().max(2000).allow('', null);
/** The body each case action accepts; anything else is a 400 naming the field. */
export const ACTION_BODIES: Record<string, Joi.ObjectSchema> = {
  assign: Joi.object({ department: Joi.string().max(64).required(), handler: Joi.number().integer().positive().required(), date: day, note }),
  requestCorrection: Joi.object({ deadline: day.required(), date: day, note }),
  receiveCorrection: Joi.object({ date: day, note }),
  lapseCorrection: Joi.object({ date: day, note }),
  startConsultation: Joi.object({ kind: Joi.string().valid('thirdParty', 'otherAgency').required(), party: Joi.string().max(200).required(), date: day, note }),
  endConsultation: Joi.object({ date: day, note }),
  extend: Joi.object({ days: Joi.number().integer().min(1).max(20).required(), reason: Joi.string().trim().min(1).max(1000).required(), date: day, note }),
  draftReply: Joi.object({ disposition: Joi.string().valid(...DISPOSITIONS), note }),
  reply: Joi.object({ date: day, note }),
  close: Joi.object({ date: day, note }),
  publishAsItem: Joi.object({ title: Joi.string().max(200), note }),
};
const LIST = Joi.object({ state: Joi.string().valid('received', 'assigned', 'correction', 'consultation', 'extended', 'replying'), mine: Joi.boolean() });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.service('api::disclosure-request.case');
  const can = (ctx: any, action: string) => cases().can(ctx.state.user.id, action);

  /** Everyone with read-requests sees every case; handlers see the cases assigned to them. */
  async function scope(ctx: any): Promise<number | undefined> {
    if (await can(ctx, ACTIONS.readRequests)) return undefined;
    if (await can(ctx, ACTIONS.handleRequests)) return ctx.state.user.id;
    return refuse('NOT_ALLOWED');
  }

  return {
    find: (ctx) => respond(ctx, async () => {
      const { state, mine } = validate(LIST, ctx.query);
      const own = await scope(ctx);
      return cases().dashboard({ state, handler: mine ? ctx.state.user.id : own });
    }),
    assignees: (ctx) => respond(ctx, async () => ((await can(ctx, ACTIONS.manageRequests)) ? cases().assignees() : refuse('OFFICE_ONLY'))),
    findOne: (ctx) => respond(ctx, async () => {
      const own = await scope(ctx);
      const found = await cases().get(ctx.params.documentId);
      if (own !== undefined && found.handler?.id !== own) refuse('NOT_FOUND');
      return found;
    }),
    act: (ctx) => respond(ctx, async () => {
      const schema = ACTION_BODIES[ctx.params.action] ?? refuse('INVALID_INPUT', `unknown action ${ctx.params.action}`);
      return cases().act({ documentId: ctx.params.documentId, action: ctx.params.action, input: validate(schema, ctx.request.body), actor: ctx.state.user.id });
    }),
  };
};
