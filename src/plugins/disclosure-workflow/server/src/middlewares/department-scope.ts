// Document Service middleware: an admin user limited to their departments (services/scope.ts) reads,
// counts and changes only documents of the units they cover, on every path that reaches the
// Document Service — Content Manager lists, edit views, bulk actions and counts, the plugin's and
// the app's admin routes. Relation pickers query the database directly; the RBAC condition
// (services/permissions.ts) limits them. The plugin's own writes (a withhold sign-off) pass.
import type { Core } from '@strapi/strapi';
import { PLUGIN } from '../constants';

type Ctx = { uid: string; action: string; params: any };

const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const ON_EXISTING = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** The admin user behind the current request, if any. */
function adminUser(strapi: Core.Strapi) {
  const request: any = strapi.requestContext.get();
  return request?.state?.auth?.strategy?.name === 'admin' ? request.state.user : null;
}

export function departmentScope(strapi: Core.Strapi) {
  const scope = () => strapi.plugin(PLUGIN).service('scope');

  return async (ctx: Ctx, next: () => Promise<any>) => {
    const user = adminUser(strapi);
    if (!user || !scope().ownedTypes().has(ctx.uid)) return next();
    const userScope = await scope().of(user);
    if (userScope.all) return next();
    const params = ctx.params ?? {};
    if (READS.has(ctx.action)) {
      const where = scope().where(ctx.uid, userScope);
      ctx.params = { ...params, filters: params.filters ? { $and: [params.filters, where] } : where };
      return next();
    }
    if (ON_EXISTING.has(ctx.action) && strapi.plugin(PLUGIN).service('workflow').ownWrite(params.documentId)) return next();
    if (ON_EXISTING.has(ctx.action)) await scope().assertReachable(ctx.uid, params.documentId, userScope);
    if (['create', 'update', 'clone'].includes(ctx.action)) {
      await scope().assertAssignable(ctx.uid, params.data, userScope, { creating: ctx.action === 'create' });
      await scope().assertLinkable(ctx.uid, params.data, userScope);
    }
    return next();
  };
}
