// Which documents a DB lifecycle event of a content type wrote. A single-row write names its row
// (read by id when the writer selected fewer fields); a bulk update or delete is resolved before it
// runs, from its `where`; a bulk create, from the ids it returns. Several subscribers (the search
// index, the portal's auto-build) ask about the same bulk write: the lookup is made once per write,
// kept against the write's params object, which every subscriber's before- and after-event share.
import type { Core } from '@strapi/strapi';

const found = new WeakMap<object, Promise<string[]>>();

const lookup = (strapi: Core.Strapi, uid: string, where: object) =>
  strapi.db
    .query(uid as any)
    .findMany({ where, select: ['documentId'] })
    .then((rows: any[]) => [...new Set(rows.map((r) => r.documentId as string))]);

/** For `beforeUpdateMany`/`beforeDeleteMany`: finds the documents the bulk write is about to touch. */
export function rememberBulkDocuments(strapi: Core.Strapi, event: any): Promise<string[]> {
  const key = event.params ?? event;
  if (!found.has(key)) found.set(key, lookup(strapi, event.model.uid, event.params?.where ?? {}));
  return found.get(key)!;
}

/** For the after-events: the documents written (`undefined` when the event names none). */
export async function writtenDocuments(strapi: Core.Strapi, event: any): Promise<string[] | undefined> {
  const uid = event.model.uid;
  if (event.action === 'afterUpdateMany' || event.action === 'afterDeleteMany') return event.params && found.has(event.params) ? found.get(event.params) : undefined;
  if (event.action === 'afterCreateMany') {
    const ids = event.result?.ids ?? [];
    if (!ids.length) return [];
    if (!found.has(event.result)) found.set(event.result, lookup(strapi, uid, { id: { $in: ids } }));
    return found.get(event.result);
  }
  if (event.result?.documentId) return [event.result.documentId];
  if (!event.result?.id) return undefined;
  return lookup(strapi, uid, { id: event.result.id });
}
