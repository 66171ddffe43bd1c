// Filters whose values cannot be compared with their attribute (see src/domain/filter-types.ts)
// are a 400 naming the condition, on every read path (REST, GraphQL, code), instead of Strapi's 500.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { badFilterValue, badPopulateFilterValue } from '../domain/filter-types';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

export function filterTypes(strapi: Core.Strapi) {
  const modelOf = (uid: string) => strapi.getModel(uid as any) as any;
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    if (READ_ACTIONS.has(ctx.action) && ctx.uid.startsWith('api::')) {
      const bad = badFilterValue(modelOf, ctx.uid, ctx.params?.filters) ?? badPopulateFilterValue(modelOf, ctx.uid, ctx.params?.populate);
      if (bad) {
        const message = `查询条件的值无效 / invalid filter value at ${bad.join('.')}`;
        throw new errors.ValidationError(message, { errors: [{ path: bad, message, name: 'ValidationError' }] });
      }
    }
    return next();
  };
}
