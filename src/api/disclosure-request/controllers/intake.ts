import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkIntake } from '../../../domain/request-intake';

const QUERY_CODE = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(ctx) {
    const intake = strapi.service('api::disclosure-request.intake');
    if (!(await intake.allow(ctx.request.ip))) {
      throw new errors.RateLimitError('提交过于频繁，请稍后再试 / too many submissions, try again later');
    }
    const { value, problems } = checkIntake(ctx.request.body);
    if (problems) {
      throw new errors.ValidationError(problems.map((p) => p.message).join('；'), {
        errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
      });
    }
    ctx.status = 201;
    ctx.body = await intake.receive(value);
  },

  /** 查询码 lookup: where the request stands, never who sent it. */
  async status(ctx) {
    const code = String(ctx.params.queryCode ?? '').toUpperCase();
    const found = QUERY_CODE.test(code) ? await strapi.service('api::disclosure-request.intake').status(code) : null;
    if (!found) return ctx.notFound('查询码不存在 / unknown query code');
    ctx.body = found;
  },
});
