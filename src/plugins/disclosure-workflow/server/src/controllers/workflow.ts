// Admin HTTP routes mirroring the workflow service; the actor is the logged-in admin user.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { WorkflowRefusal } from '../domain/refusal';
import { ChainValidationError } from '../services/chains';
import { validate } from './validate';

const target = {
  uid: Joi.string().max(200).required(),
  documentId: Joi.string().max(64).required(),
  locale: Joi.string().max(20).allow(null, ''),
};
const text = Joi.string().max(2000).allow('', null);

export const BODIES = {
  submit: Joi.object({ ...target, comment: text, withCompanions: Joi.boolean().strict() }),
  decide: Joi.object({ ...target, decision: Joi.string().valid('approve', 'return', 'reject').required(), comment: text }),
  withdraw: Joi.object({ ...target }),
  signOff: Joi.object({
    ...target,
    conclusion: Joi.string().valid('public', 'redacted', 'withhold', 'escalate').required(),
    opinion: text,
    exemptionReason: Joi.string().max(40).allow(null, ''),
    referredTo: Joi.string().max(200).allow(null, ''),
    redactions: Joi.object().unknown(true).allow(null),
  }),
  status: Joi.object({ ...target }),
  permissions: Joi.object({ uid: target.uid, documentId: target.documentId, locale: target.locale }),
};

const TASKS = Joi.object({ page: Joi.string().pattern(/^\d{1,6}$/), pageSize: Joi.string().pattern(/^\d{1,3}$/) });

function parse(schema: Joi.ObjectSchema, input: unknown) {
  const value = validate(schema, input);
  return { ...value, locale: value.locale || null };
}

/** Refusals become their own status with the code; bad input a 400 listing each field. */
export async function respond(ctx: any, run: () => Promise<unknown>) {
  try {
    ctx.body = { data: await run() };
  } catch (error) {
    if (error instanceof WorkflowRefusal) {
      ctx.status = error.status;
      ctx.body = { data: null, error: { status: error.status, name: 'WorkflowRefusal', message: error.message, details: { code: error.code, zh: error.zh, en: error.en, ...error.extra } } };
      return;
    }
    if (error instanceof ChainValidationError) {
      ctx.status = 400;
      ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: error.message, details: { errors: error.problems.map((p) => ({ path: p.path.split('.'), message: p.message })) } } };
      return;
    }
    throw error;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workflow = () => strapi.plugin('disclosure-workflow').service('workflow');
  const meta = (ctx: any) => ({ actor: ctx.state.user.id, ip: ctx.request.ip });
  const scope = () => strapi.plugin('disclosure-workflow').service('scope');
  /** 集约化: submitting or withdrawing another unit's document is "not found" (deciding has its own NOT_IN_DEPARTMENT). */
  const reachable = async <T extends { uid: string; documentId: string }>(ctx: any, input: T) => {
    await scope().assertReachable(input.uid, input.documentId, await scope().of(ctx.state.user));
    return input;
  };

  return {
    submit: (ctx) => respond(ctx, async () => workflow().submit({ ...(await reachable(ctx, parse(BODIES.submit, ctx.request.body))), ...meta(ctx) })),
    decide: (ctx) => respond(ctx, () => workflow().decide({ ...parse(BODIES.decide, ctx.request.body), ...meta(ctx) })),
    withdraw: (ctx) => respond(ctx, async () => workflow().withdraw({ ...(await reachable(ctx, parse(BODIES.withdraw, ctx.request.body))), ...meta(ctx) })),
    signOff: (ctx) => respond(ctx, () => workflow().signOff({ ...parse(BODIES.signOff, ctx.request.body), ...meta(ctx) })),
    status: (ctx) => respond(ctx, async () => {
      const target = parse(BODIES.status, ctx.query);
      await scope().assertVisible(ctx.state.user, target);
      return workflow().status(target);
    }),
    /** GET /tasks?page&pageSize → { data: [task…], meta: { pagination, counts: { state: n } } }, oldest first. */
    async tasks(ctx) {
      let query: { page?: string; pageSize?: string };
      try {
        query = validate(TASKS, ctx.query);
      } catch (error) {
        return respond(ctx, () => Promise.reject(error));
      }
      const { results, pagination, counts } = await workflow().tasks(ctx.state.user.id, { page: Number(query.page) || 1, pageSize: Number(query.pageSize) || 50 });
      ctx.body = { data: results, meta: { pagination, counts } };
    },
    permissions: (ctx) => respond(ctx, () => workflow().permissions({ ...parse(BODIES.permissions, ctx.query), actor: ctx.state.user.id, ability: ctx.state.userAbility })),
    governed: (ctx) => respond(ctx, async () => strapi.plugin('disclosure-workflow').service('content').governedTypes()),
  };
};
