import { errors } from '@strapi/utils';
import { checkFilters, checkPopulateFilters } from '../domain/filter-shape';

/** Refuses malformed REST filter trees with a 400 before they reach the query layer. */
export default () => async (ctx, next) => {
  if (ctx.path.startsWith('/api/')) {
    const bad = checkFilters(ctx.query.filters) ?? checkPopulateFilters(ctx.query.populate);
    if (bad) {
      const message = `查询条件格式错误 / malformed filter at ${bad.join('.')}`;
      throw new errors.ValidationError(message, { errors: [{ path: bad, message, name: 'ValidationError' }] });
    }
  }
  await next();
};
