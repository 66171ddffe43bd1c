// PORTAL_AUTO_BUILD=true: after each committed change that can alter the portal — an item's
// publish, unpublish, edit of its published row or flag (涉密, 不予公开), the scheduler's and expiry's
// writes, a department or category change, a 公开指南, 办事指南 or 年报 — this instance rebuilds it
// through the rebuild queue: the changed items' pages and their linkers incrementally (guides,
// procedures and reports are rendered by every build), everything after a department or category
// change. Meant for the one instance that owns the output folder (README → Portal); the build
// itself reads only the public API.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, GUIDE, ITEM, PROCEDURE } from '../constants';
import { isDraftWrite } from '../middlewares/lib/public-cache-store';
import { rememberBulkDocuments, writtenDocuments } from '../middlewares/lib/written-documents';
import { buildPortal } from './build';
import { portalApi } from './instance';
import { rebuildQueue, type RebuildQueue } from './rebuild-queue';

/** Content rendered whole by every build (公开指南, 办事指南, 公开年报). */
const PAGES_ONLY = [GUIDE, PROCEDURE, ANNUAL_REPORT];
const ACTIONS = ['afterCreate', 'afterUpdate', 'afterDelete', 'afterCreateMany', 'afterUpdateMany', 'afterDeleteMany'];

let handle: RebuildQueue | undefined;
export const portalAutoBuild = () => handle;

export function startPortalAutoBuild(strapi: Core.Strapi): RebuildQueue | undefined {
  const settings = strapi.config.get<{ out: string; api: string; siteUrl: string; autoBuild: boolean }>('disclosure.portal');
  if (!settings.autoBuild) return undefined;
  const queue = rebuildQueue(
    (changed) => buildPortal({ api: portalApi(strapi), out: settings.out, siteUrl: settings.siteUrl, timeZone: strapi.config.get('disclosure.timeZone'), changed, log: (m) => strapi.log.info(`[portal] ${m}`) }),
    (error) => strapi.log.error(`[portal] rebuild failed: ${error.message}`),
  );

  async function written(event: any) {
    const uid = event.model.uid;
    if (![ITEM, DEPARTMENT, CATEGORY, ...PAGES_ONLY].includes(uid) || isDraftWrite(strapi, event)) return;
    // Items rebuild their own pages (and linkers and lists); guides, procedures and reports the pages
    // every build writes anyway; departments and categories (names in every list) everything.
    const documentIds = uid === ITEM ? await writtenDocuments(strapi, event) : undefined;
    const after = () => (documentIds ? documentIds.forEach((id) => queue.item(id)) : PAGES_ONLY.includes(uid) ? queue.pages() : queue.everything());
    if (!strapi.db.inTransaction()) return after();
    await strapi.db.transaction(async ({ onCommit }) => onCommit(after));
  }
  const before = async (event: any) => {
    if (event.model.uid === ITEM) await rememberBulkDocuments(strapi, event);
  };
  strapi.db.lifecycles.subscribe({ ...Object.fromEntries(ACTIONS.map((action) => [action, written])), beforeUpdateMany: before, beforeDeleteMany: before } as any);

  handle = queue;
  return handle;
}
