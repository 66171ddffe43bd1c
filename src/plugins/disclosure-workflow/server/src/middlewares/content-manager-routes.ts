// Content Manager routes the Document Service middleware does not fully answer for a user limited
// to their departments (services/scope.ts):
// - one document (`/collection-types/:model/:id…`, `/relations/:model/:id/:field`): the CM answers
//   a document it cannot load with an empty 200 and the titles of its other locales; out of scope
//   is a 404 before the controller runs;
// - the home page's document counts are raw SQL over whole tables: counted within the scope.
import type { Core } from '@strapi/strapi';
import { PLUGIN } from '../constants';

const ONE_DOCUMENT = [/^\/collection-types\/:model\/:id(\/|$)/, /^\/relations\/:model\/:id\/:targetField$/];
const COUNTS = '/homepage/count-documents';
const READ = 'plugin::content-manager.explorer.read';

export function guardContentManagerRoutes(strapi: Core.Strapi) {
  const scope = () => strapi.plugin(PLUGIN).service('scope');

  const oneDocument = async (ctx: any, next: () => Promise<void>) => {
    const { model, id } = ctx.params ?? {};
    if (ctx.state.user && scope().ownedTypes().has(model)) await scope().assertReachable(model, id, await scope().of(ctx.state.user));
    return next();
  };

  const counts = async (ctx: any, next: () => Promise<void>) => {
    const userScope = ctx.state.user ? await scope().of(ctx.state.user) : { all: true };
    if (userScope.all) return next();
    ctx.body = { data: await countWithin(ctx.state.userAbility, userScope) };
  };

  /** Draft / published / modified documents of every readable content type, department-owned ones within the scope. */
  async function countWithin(ability: any, userScope: any) {
    const totals = { draft: 0, published: 0, modified: 0 };
    for (const [uid, model] of Object.entries<any>(strapi.contentTypes)) {
      if (!uid.startsWith('api::') || model.kind !== 'collectionType' || !ability?.can(READ, uid)) continue;
      const rows = await strapi.db.query(uid).findMany({ where: scope().where(uid, userScope) ?? {}, select: ['documentId', 'publishedAt', 'updatedAt'] });
      const byDocument = new Map<string, { draft?: number; published?: number }>();
      for (const row of rows) {
        const entry = byDocument.get(row.documentId) ?? {};
        entry[row.publishedAt ? 'published' : 'draft'] = new Date(row.updatedAt).getTime();
        byDocument.set(row.documentId, entry);
      }
      for (const entry of byDocument.values()) {
        if (!model.options?.draftAndPublish || entry.published === undefined) totals[model.options?.draftAndPublish ? 'draft' : 'published'] += 1;
        else totals[entry.draft === entry.published ? 'published' : 'modified'] += 1;
      }
    }
    return totals;
  }

  const routers = Object.values<any>(strapi.plugin('content-manager').routes ?? {});
  for (const route of routers.flatMap((router) => router?.routes ?? [])) {
    const guard = ONE_DOCUMENT.some((pattern) => pattern.test(route.path)) ? oneDocument : route.path === COUNTS ? counts : null;
    if (guard) route.config = { ...route.config, middlewares: [...(route.config?.middlewares ?? []), guard] };
  }
}
