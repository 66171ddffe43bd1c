// 废止/失效 on a date: after every write or publication of a governed document whose type has an
// `expiry`, its one pending `expire` schedule follows the signed date, in the same transaction.
import type { Core } from '@strapi/strapi';
import { PLUGIN } from '../constants';
import type { WorkflowConfig } from '../config';

const WRITES = new Set(['create', 'update', 'clone', 'discardDraft', 'delete', 'publish', 'unpublish']);

export function expirySync(strapi: Core.Strapi) {
  const hasExpiry = (uid: string) => Boolean((strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig).contentTypes[uid]?.expiry);
  return async (ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) => {
    if (!WRITES.has(ctx.action) || !hasExpiry(ctx.uid)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = ctx.action === 'create' || ctx.action === 'clone' ? result?.documentId : ctx.params?.documentId;
      if (documentId) {
        const locale = await strapi.plugin(PLUGIN).service('content').resolveLocale(ctx.uid, ctx.params?.locale);
        await strapi.plugin(PLUGIN).service('schedule').syncExpiry({ uid: ctx.uid, documentId, locale });
      }
      return result;
    });
  };
}
