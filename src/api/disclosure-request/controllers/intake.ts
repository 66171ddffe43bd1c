import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { QUERY_CODE, RATE_LIMITED } from '../../../domain/request-intake';


export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(ctx) {
    const outcome = await strapi.service('api::disclosure-request.intake').submit(ctx.request.ip, ctx.request.body);
    if ('limited' in outcome) throw new errors.RateLimitError(RATE_LIMITED);
    if ('problems' in outcome) {
      throw new errors.ValidationError(outcome.problems.map((p) => p.message).join('；'), {
        errors: outcome.problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
      });
    }
    ctx.status = 201;
    ctx.body = outcome.received;
  },

  /** 查询码 lookup: where the request stands, never who sent it. */
  async status(ctx) {
    const code = String(ctx.params.queryCode ?? '').toUpperCase();
    const found = QUERY_CODE.test(code) ? await strapi.service('api::disclosure-request.intake').status(code) : null;
    if (!found) return ctx.notFound('查询码不存在 / unknown query code');
    ctx.body = found;
  },
});
