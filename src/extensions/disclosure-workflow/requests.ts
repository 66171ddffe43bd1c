// Admin routes of 依申请公开 case handling, added to the workflow plugin's admin API (strapi-server.ts
// in this folder) so they keep their /disclosure-workflow/requests… paths; the work is done by
// strapi.service('api::disclosure-request.case'). Refusals (CaseRefusal) and bad input
// (ValidationError, each field named) are answered by Strapi's error middleware.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuse } from '../../domain/case-refusal';
import { WITHDRAWAL_CHANNELS } from '../../domain/request-codes';
import { CONSULTATION_OUTCOMES, MAX_EXTENSION_DAYS, OPEN_CASE_STATES } from '../../domain/request-flow';
import { REPLY_TYPES } from '../../domain/reply-types';
import { EXEMPTION_REASONS } from '../../domain/disclosure-rules';
import { requestActionId } from '../../api/disclosure-request/permissions';
import { REQUEST } from '../../constants';

const day = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).message('{{#label}} must be a date YYYY-MM-DD');
const note = Joi.string().max(2000).allow('', null);
/** The body each case action accepts; anything else is a 400 naming the field. */
const reason = Joi.string().trim().min(1).max(1000);
const money = Joi.number().min(0).max(1_000_000).precision(2);
/** A reply's type and the fields that type requires (checked again, per type, by the flow and at publish). */
const replyType = {
  replyType: Joi.string().valid(...REPLY_TYPES),
  exemptionReason: Joi.string().valid(...EXEMPTION_REASONS),
  accessRoute: Joi.string().trim().max(1000),
  competentAgency: Joi.string().trim().max(200),
  competentAgencyContact: Joi.string().trim().max(300),
  earlierReply: Joi.string().trim().max(300),
};
/** The body each case action accepts; anything else is a 400 naming the field. */
export const ACTION_BODIES: Record<string, Joi.ObjectSchema> = {
  confirmReceipt: Joi.object({ date: day, note }),
  answerOnTheSpot: Joi.object({ ...replyType, replyType: replyType.replyType.required(), summary: Joi.string().trim().min(1).max(2000).required(), document: Joi.boolean(), date: day, note }),
  assign: Joi.object({ department: Joi.string().max(64).required(), handler: Joi.number().integer().positive().required(), date: day, note }),
  requestCorrection: Joi.object({ deadline: day.required(), items: Joi.string().trim().min(1).max(2000).required(), date: day, note }),
  receiveCorrection: Joi.object({ date: day, note }),
  lapseCorrection: Joi.object({ date: day, note }),
  acceptLateCorrection: Joi.object({ reason: reason.required(), date: day, note }),
  withdraw: Joi.object({ channel: Joi.string().valid(...WITHDRAWAL_CHANNELS).required(), date: day, note }),
  startConsultation: Joi.object({ kind: Joi.string().valid('thirdParty', 'otherAgency').required(), party: Joi.string().trim().min(1).max(200).required(), sentAt: day, deliveredAt: day, note }),
  recordConsultationAnswer: Joi.object({
    outcome: Joi.string().valid(...CONSULTATION_OUTCOMES).required(),
    reason: Joi.when('outcome', { is: 'disagree', then: reason.required(), otherwise: reason.allow('', null) }),
    date: day,
    note,
  }),
  extend: Joi.object({ days: Joi.number().integer().min(1).max(MAX_EXTENSION_DAYS).required(), reason: reason.required(), date: day, note }),
  feeNotice: Joi.object({
    mode: Joi.string().valid('perCase', 'perPage').required(),
    pages: Joi.when('mode', { is: 'perPage', then: Joi.number().integer().min(1).max(1_000_000).required(), otherwise: Joi.forbidden() }),
    amount: money,
    // The officer gives the amount charged or the reduction (减免), not both.
    reduction: Joi.when('amount', { is: Joi.exist(), then: Joi.forbidden(), otherwise: money }),
    reason: Joi.when('amount', { is: Joi.exist(), then: reason, otherwise: Joi.when('reduction', { is: Joi.number().greater(0).required(), then: reason.required(), otherwise: reason }) }),
    date: day,
    note,
  }),
  recordPayment: Joi.object({ amount: money.required(), date: day.required(), receiptNumber: Joi.string().trim().min(1).max(100).required(), note }),
  lapseFee: Joi.object({ date: day, note }),
  askReasons: Joi.object({ date: day, note }),
  declineExcessive: Joi.object({ reason: reason.required(), date: day, note }),
  setReasonableDate: Joi.object({ date: day.required(), reason: reason.required(), note }),
  draftReply: Joi.object({ ...replyType, note }),
  reply: Joi.object({ date: day, note }),
  close: Joi.object({ date: day, note }),
  publishAsItem: Joi.object({ title: Joi.string().max(200), note }),
};
const LIST = Joi.object({ state: Joi.string().valid(...OPEN_CASE_STATES), mine: Joi.boolean() });

function validate(schema: Joi.ObjectSchema, input: unknown) {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false });
  if (error) throw new errors.ValidationError(error.message, { errors: error.details.map((d) => ({ path: d.path.map(String), message: d.message })) });
  return value;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cases = () => strapi.service('api::disclosure-request.case');
  const can = (ctx: any, name: 'read' | 'handle' | 'manage') => cases().can(ctx.state.user.id, requestActionId(strapi, name));

  const scope = () => strapi.plugin('disclosure-workflow').service('scope');
  /** 集约化: a case of a unit the user's memberships do not cover is not found (404). */
  const assertInScope = async (ctx: any) => scope().assertReachable(REQUEST, ctx.params.documentId, await scope().of(ctx.state.user));

  /** Everyone with read-requests sees every case of their units; handlers see the cases assigned to them. */
  async function visibleTo(ctx: any): Promise<number | undefined> {
    if (await can(ctx, 'read')) return undefined;
    if (await can(ctx, 'handle')) return ctx.state.user.id;
    return refuse('NOT_ALLOWED');
  }

  return {
    async find(ctx: any) {
      const { state, mine } = validate(LIST, ctx.query);
      const own = await visibleTo(ctx);
      const within = scope().where(REQUEST, await scope().of(ctx.state.user));
      ctx.body = { data: await cases().dashboard({ state, handler: mine ? ctx.state.user.id : own, within }) };
    },
    async assignees(ctx: any) {
      if (!(await can(ctx, 'manage'))) refuse('OFFICE_ONLY');
      const units = await scope().of(ctx.state.user);
      ctx.body = { data: await cases().assignees(units.all ? undefined : units.departments) };
    },
    async findOne(ctx: any) {
      const own = await visibleTo(ctx);
      await assertInScope(ctx);
      const found = await cases().get(ctx.params.documentId);
      if (own !== undefined && found.handler?.id !== own) refuse('NOT_FOUND');
      ctx.body = { data: found };
    },
    async act(ctx: any) {
      const schema = ACTION_BODIES[ctx.params.action] ?? refuse('INVALID_INPUT', `unknown action ${ctx.params.action}`);
      const input = validate(schema, ctx.request.body);
      await assertInScope(ctx);
      // The office hands a case only to a unit it covers.
      if (ctx.params.action === 'assign') await scope().assertAssignable(REQUEST, { department: input.department }, await scope().of(ctx.state.user), { creating: true });
      ctx.body = { data: await cases().act({ documentId: ctx.params.documentId, action: ctx.params.action, input, actor: ctx.state.user.id }) };
    },
  };
};
