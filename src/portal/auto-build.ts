// PORTAL_AUTO_BUILD=true: after each committed change that can alter the portal — an item's
// publish, unpublish, edit of its published row or flag (涉密, 不予公开), the scheduler's and expiry's
// writes, a department or category change, a 公开指南, 办事指南 or 年报 — this instance rebuilds it,
// debounced: the changed items' pages and their linkers incrementally (guides, procedures and
// reports are rendered by every build), everything after a department or category change. Builds in this process run one at a time. Meant for the one instance that owns the output
// folder (README → Portal); the build itself reads only the public API.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, GUIDE, ITEM, PROCEDURE } from '../constants';
import { isDraftWrite } from '../middlewares/lib/public-cache-store';
import { rememberBulkDocuments, writtenDocuments } from '../middlewares/lib/written-documents';
import { buildPortal, type BuildResult } from './build';
import { portalApi } from './instance';

/** Quiet time before a build starts, and the longest a change waits for one. */
const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 4000;
/** Content rendered whole by every build (公开指南, 办事指南, 公开年报). */
const PAGES_ONLY = [GUIDE, PROCEDURE, ANNUAL_REPORT];
const ACTIONS = ['afterCreate', 'afterUpdate', 'afterDelete', 'afterCreateMany', 'afterUpdateMany', 'afterDeleteMany'];

export interface PortalAutoBuild {
  /** The last build's result (undefined before the first). */
  last(): BuildResult | undefined;
  /** Resolves when no build is scheduled or running. */
  idle(): Promise<void>;
  stop(): void;
}

let handle: PortalAutoBuild | undefined;
export const portalAutoBuild = () => handle;

export function startPortalAutoBuild(strapi: Core.Strapi): PortalAutoBuild | undefined {
  const settings = strapi.config.get<{ out: string; api: string; siteUrl: string; autoBuild: boolean }>('disclosure.portal');
  if (!settings.autoBuild) return undefined;
  let changed = new Set<string>();
  let everything = false;
  let firstAt: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let last: BuildResult | undefined;
  let stopped = false;

  function arm() {
    if (stopped) return;
    firstAt ??= Date.now();
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(DEBOUNCE_MS, firstAt + MAX_WAIT_MS - Date.now())));
  }

  /** An item's pages (by documentId), everything (none given), or only the always-built pages (`pagesOnly`). */
  function schedule(documentId?: string, pagesOnly = false) {
    if (documentId) changed.add(documentId);
    else if (!pagesOnly) everything = true;
    arm();
  }

  function run() {
    timer = undefined;
    if (running) return void running.then(arm);
    const build = { changed: everything ? undefined : [...changed] };
    changed = new Set();
    everything = false;
    firstAt = undefined;
    running = buildPortal({ api: portalApi(strapi), out: settings.out, siteUrl: settings.siteUrl, timeZone: strapi.config.get('disclosure.timeZone'), ...build, log: (m) => strapi.log.info(`[portal] ${m}`) })
      .then((result) => {
        last = result;
      })
      .catch((error: Error) => {
        strapi.log.error(`[portal] rebuild failed: ${error.message}`);
      })
      .finally(() => {
        running = undefined;
      });
  }

  async function written(event: any) {
    const uid = event.model.uid;
    if (![ITEM, DEPARTMENT, CATEGORY, ...PAGES_ONLY].includes(uid) || isDraftWrite(strapi, event)) return;
    // Items rebuild their own pages (and linkers and lists); guides, procedures and reports the pages
    // every build writes anyway; departments and categories (names in every list) everything.
    const documentIds = uid === ITEM ? await writtenDocuments(strapi, event) : undefined;
    const after = () => (documentIds ? documentIds.forEach((id) => schedule(id)) : schedule(undefined, PAGES_ONLY.includes(uid)));
    if (!strapi.db.inTransaction()) return after();
    await strapi.db.transaction(async ({ onCommit }) => onCommit(after));
  }
  const before = async (event: any) => {
    if (event.model.uid === ITEM) await rememberBulkDocuments(strapi, event);
  };
  strapi.db.lifecycles.subscribe({ ...Object.fromEntries(ACTIONS.map((action) => [action, written])), beforeUpdateMany: before, beforeDeleteMany: before } as any);

  handle = {
    last: () => last,
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, 50)));
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
  return handle;
}
