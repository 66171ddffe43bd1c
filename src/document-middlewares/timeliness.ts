// §26 timeliness of 公开事项, kept in `timelinessDays` / `timelinessMet` by the system: after every
// write that can change it — first publication (admin, REST, the scheduler, the historical import
// and the demo seed all end in a Document Service create/update/publish), a change of 成文日期,
// 变更日期 or 公开属性 — each stored version (draft and published) is computed from its own values.
// Clients cannot set the two fields.
import type { Core } from '@strapi/strapi';
import { ITEM } from '../constants';
import { computeTimeliness } from '../domain/timeliness';

type Ctx = { uid: string; action: string; params: any };

const STORED = ['timelinessDays', 'timelinessMet'];
const INPUTS = ['formedAt', 'changedAt', 'disclosure', 'publishedDate', 'classified'];
const AFTER = new Set(['create', 'update', 'publish', 'discardDraft', 'clone']);

const asBoolean = (value: unknown) => (value === null || value === undefined ? null : Boolean(value));

export function timelinessRecorder(strapi: Core.Strapi) {
  const timeZone = () => strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');

  /** Computes and stores the timeliness of every version of the item that differs from what it holds. */
  async function record(documentId: string) {
    const rows = await strapi.db.query(ITEM).findMany({
      where: { documentId },
      select: ['id', 'disclosure', 'formedAt', 'changedAt', 'publishedDate', 'timelinessDays', 'timelinessMet'],
    });
    if (!rows.some((r: any) => r.publishedDate || r.timelinessDays !== null)) return;
    const calendar = await strapi.plugin('disclosure-workflow').service('calendar').snapshot();
    for (const row of rows) {
      const next = computeTimeliness(row, calendar, timeZone());
      if (next.timelinessDays === (row.timelinessDays ?? null) && next.timelinessMet === asBoolean(row.timelinessMet)) continue;
      await strapi.db.query(ITEM).update({ where: { id: row.id }, data: next });
    }
  }

  /** Recompute the stored timeliness of these items (e.g. after the calendar's overrides change). */
  async function recompute(documentIds: string[]) {
    for (const documentId of documentIds) await record(documentId);
  }

  const middleware = async (ctx: Ctx, next: () => Promise<any>) => {
    if (ctx.uid !== ITEM || !AFTER.has(ctx.action)) return next();
    const data = ctx.params?.data;
    if (data && typeof data === 'object') {
      const given = { ...data };
      for (const field of STORED) delete given[field];
      ctx.params.data = given;
    }
    const touches = ctx.action !== 'update' || ctx.params?.status === 'published' || (data && INPUTS.some((f) => f in data));
    const result = await next();
    const documentId = (ctx.action === 'clone' || ctx.action === 'create' ? result?.documentId : ctx.params?.documentId) ?? result?.documentId;
    if (touches && typeof documentId === 'string') await record(documentId);
    return result;
  };
  return Object.assign(middleware, { recompute });
}
