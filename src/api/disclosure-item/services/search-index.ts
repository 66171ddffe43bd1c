// The search index of the 政策文件库: one row per public published item (by documentId), written in
// the transaction of every write to an item row (DB lifecycles see the plugin's publish, expiry,
// scheduler and companion writes too), so it commits or rolls back with the change. Attachment text
// is extracted afterwards by a background pass whose state (`attachments_pending`) is in the table:
// title and body are searchable at commit, attachments a moment later.
// PostgreSQL: weighted tsvector (title/文号 A, keywords/summary B, body/attachments C) with a GIN
// index, plus small title and title+summary vectors for ranking. SQLite: an FTS5 table.
import { AsyncResource } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ITEM } from '../../../constants';
import { indexTokens, plainText } from '../../../domain/search-text';
import { PUBLIC_ITEM_ROWS_SQL } from '../../../domain/public-item';
import { publicCache } from '../../../middlewares/lib/public-cache-store';
import { rememberBulkDocuments, writtenDocuments } from '../../../middlewares/lib/written-documents';
import { PUBLIC_WHERE } from './catalogue';

export const SEARCH_TABLE = 'search_items';
export const SEARCH_FTS = 'search_fts';
/** Beyond this, an attachment's text is not indexed (a 200-page PDF is about 150,000 characters). */
const MAX_ATTACHMENT_CHARS = 300_000;
const BATCH = 200;
const POLL_MS = 30_000;

const SCHEMA = {
  postgres: [
    `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (document_id varchar(255) PRIMARY KEY, published_date timestamptz, vec tsvector NOT NULL, title_vec tsvector NOT NULL,
      meta_vec tsvector NOT NULL, attachment_sig text NOT NULL DEFAULT '', attachment_text text NOT NULL DEFAULT '', attachments_pending smallint NOT NULL DEFAULT 0)`,
    `ALTER TABLE ${SEARCH_TABLE} ADD COLUMN IF NOT EXISTS published_date timestamptz`,
    // Vectors and attachment text out of line: a common word's matches are read row by row for
    // their documentId, so the rows themselves stay about 100 bytes.
    `ALTER TABLE ${SEARCH_TABLE} SET (toast_tuple_target = 128)`,
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_vec_idx ON ${SEARCH_TABLE} USING GIN (vec)`,
    // The ranking tiers are looked up through these, never by reading each match's vectors.
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_title_idx ON ${SEARCH_TABLE} USING GIN (title_vec)`,
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_meta_idx ON ${SEARCH_TABLE} USING GIN (meta_vec)`,
    // Relevance pages tier by tier in date order: a common word's page is the newest matches.
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_date_idx ON ${SEARCH_TABLE} (published_date, document_id)`,
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_pending_idx ON ${SEARCH_TABLE} (document_id) WHERE attachments_pending = 1`,
  ],
  sqlite: [
    `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE, published_date INTEGER, attachment_sig TEXT NOT NULL DEFAULT '',
      attachment_text TEXT NOT NULL DEFAULT '', attachments_pending INTEGER NOT NULL DEFAULT 0)`,
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_date_idx ON ${SEARCH_TABLE} (published_date, document_id)`,
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_FTS} USING fts5(a, b, c, tokenize = 'unicode61 remove_diacritics 0')`,
  ],
};

const ROW_FIELDS = ['id', 'documentId', 'publishedDate', 'title', 'documentNumber', 'keywords', 'summary', 'body'];
const ROW_POPULATE = { attachments: { select: ['name', 'url', 'mime', 'hash', 'sha256'] } };

type Fields = { publishedDate?: string | Date | null; title?: string | null; documentNumber?: string | null; keywords?: string | null; summary?: string | null; body?: string | null };
type Attachments = { sig: string; text: string; pending: boolean };

/** The files an item's index row was built from: it is re-extracted when this changes. */
const signature = (row: { attachments?: Array<{ hash: string; sha256?: string | null }> | null }) =>
  (row.attachments ?? []).map((f) => f.sha256 ?? f.hash).sort().join(',');

/** Tokens by weight: A title and 文号, B keywords and summary, C body and attachment text. */
function weighted(row: Fields, attachmentText: string) {
  const a = indexTokens(`${row.title ?? ''} ${row.documentNumber ?? ''}`);
  const b = indexTokens(`${row.keywords ?? ''} ${row.summary ?? ''}`);
  const c = indexTokens(`${plainText(row.body)} ${attachmentText}`);
  return { a, b, c };
}

/** A tsvector literal: each token once per weight class (tokens are letters and digits only). */
function tsvector(groups: Array<[string[], number, string]>): string {
  const positions = new Map<string, string[]>();
  for (const [tokens, position, weight] of groups) {
    for (const t of tokens) positions.set(t, [...(positions.get(t) ?? []), `${position}${weight}`]);
  }
  return [...positions].map(([t, p]) => `'${t}':${p.join(',')}`).join(' ');
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pg = () => strapi.db.dialect.client === 'postgres';
  const inTransaction = <T>(run: (trx: any) => Promise<T>) => strapi.db.transaction(({ trx }) => run(trx));
  let timer: NodeJS.Timeout | null = null;
  let poll: NodeJS.Timeout | null = null;
  let draining = false;
  let stopped = false;

  /** Writes index rows: `entries` of one document each (PostgreSQL: one statement for all). */
  async function write(trx: any, entries: Array<{ documentId: string; row: Fields; att: Attachments }>) {
    if (!entries.length) return;
    if (pg()) {
      const vec = (literal: string) => trx.raw('?::tsvector', [literal]);
      const rows = entries.map(({ documentId, row, att }) => {
        const { a, b, c } = weighted(row, att.text);
        return {
          document_id: documentId,
          published_date: row.publishedDate ? new Date(row.publishedDate) : null,
          vec: vec(tsvector([[a, 1, 'A'], [b, 2, 'B'], [c, 3, 'C']])),
          title_vec: vec(tsvector([[a, 1, 'A']])),
          meta_vec: vec(tsvector([[a, 1, 'A'], [b, 2, 'B']])),
          attachment_sig: att.sig,
          attachment_text: att.text,
          attachments_pending: att.pending ? 1 : 0,
        };
      });
      await trx(SEARCH_TABLE).insert(rows).onConflict('document_id').merge();
      return;
    }
    for (const { documentId, row, att } of entries) await writeFts(trx, documentId, row, att);
  }

  async function writeFts(trx: any, documentId: string, row: Fields, att: Attachments) {
    const { a, b, c } = weighted(row, att.text);
    const published = row.publishedDate ? new Date(row.publishedDate).getTime() : null;
    const state = { published_date: published, attachment_sig: att.sig, attachment_text: att.text, attachments_pending: att.pending ? 1 : 0 };
    const existing = await trx(SEARCH_TABLE).where({ document_id: documentId }).first('id');
    let id = existing?.id;
    if (id) await trx(SEARCH_TABLE).where({ id }).update(state);
    else [id] = await trx(SEARCH_TABLE).insert({ document_id: documentId, ...state });
    await trx(SEARCH_FTS).where('rowid', id).del();
    await trx(SEARCH_FTS).insert({ rowid: id, a: a.join(' '), b: b.join(' '), c: c.join(' ') });
  }

  async function remove(trx: any, documentId: string) {
    if (!pg()) {
      const existing = await trx(SEARCH_TABLE).where({ document_id: documentId }).first('id');
      if (existing) await trx(SEARCH_FTS).where('rowid', existing.id).del();
    }
    await trx(SEARCH_TABLE).where({ document_id: documentId }).del();
  }

  /** Attachment text to index with `row`: extracted now, kept from the last build, or pending. */
  function attachmentsFor(row: any, current: any, extracted?: { sig: string; text: string }): Attachments {
    const sig = signature(row);
    if (extracted?.sig === sig) return { sig, text: extracted.text, pending: false };
    if (current && current.attachment_sig === sig) return { sig, text: current.attachment_text, pending: Boolean(current.attachments_pending) };
    return { sig, text: '', pending: sig !== '' };
  }

  /** Brings one document's index row in line with its published public version (or removes it). */
  async function sync(documentId: string, extracted?: { sig: string; text: string }) {
    const pending = await inTransaction(async (trx) => {
      const row = await strapi.db.query(ITEM).findOne({ where: { documentId, ...PUBLIC_WHERE }, select: ROW_FIELDS, populate: ROW_POPULATE });
      if (!row) return void (await remove(trx, documentId));
      const current = await trx(SEARCH_TABLE).where({ document_id: documentId }).first('attachment_sig', 'attachment_text', 'attachments_pending');
      const att = attachmentsFor(row, current, extracted);
      await write(trx, [{ documentId, row, att }]);
      return att.pending;
    });
    if (pending) kick();
  }

  /** The background pass: extracts the text of pending rows' attachments (any instance may do it). */
  async function drain() {
    // Called directly (drain()) while a kick is pending: that run is this one.
    if (timer) clearTimeout(timer);
    timer = null;
    if (draining || stopped) return;
    draining = true;
    try {
      const inspection = strapi.plugin('disclosure-workflow').service('inspection');
      const seen = new Set<string>();
      for (;;) {
        const rows = await strapi.db.connection(SEARCH_TABLE).where({ attachments_pending: 1 }).whereNotIn('document_id', [...seen]).limit(20).select('document_id');
        if (!rows.length || stopped) break;
        for (const { document_id: documentId } of rows) {
          seen.add(documentId);
          const row = await strapi.db.query(ITEM).findOne({ where: { documentId, ...PUBLIC_WHERE }, select: ['id'], populate: ROW_POPULATE });
          if (!row) {
            await sync(documentId);
            continue;
          }
          const texts: string[] = [];
          for (const file of row.attachments ?? []) texts.push(await inspection.attachmentText(file));
          await sync(documentId, { sig: signature(row), text: texts.join('\n').slice(0, MAX_ATTACHMENT_CHARS) });
        }
        // New matches no item write announced: cached answers (and totals) of searches are stale.
        await publicCache()?.changed('search index: attachment text');
      }
    } catch (error) {
      if (!stopped) strapi.log.warn(`[search] attachment text pass: ${(error as Error).message}`);
    } finally {
      draining = false;
    }
  }

  // Timers inherit the caller's async context: a pass started from inside a publish would run in
  // its (by then finished) transaction. Bound here, it runs in the context the service was made in.
  const drainOutside = AsyncResource.bind(drain);
  function kick() {
    if (!timer && !stopped) timer = setTimeout(drainOutside, 50);
  }

  /** Re-syncs the documents an item write touched (single or bulk). */
  async function written(event: any) {
    for (const documentId of (await writtenDocuments(strapi, event)) ?? []) await sync(documentId);
  }
  const remember = (event: any) => rememberBulkDocuments(strapi, event).then(() => undefined);

  return {
    /** Creates the tables (idempotent; another instance may be doing the same) and starts the background pass. */
    async ensure() {
      const statements = SCHEMA[strapi.db.dialect.client as keyof typeof SCHEMA];
      if (!statements) throw new Error(`search: unsupported database client ${strapi.db.dialect.client}`);
      for (const sql of statements) {
        await strapi.db.connection.raw(sql).catch((error: Error) => {
          if (!/already exists|duplicate key/i.test(String(error?.message))) throw error;
        });
      }
      // First start after an upgrade: published items exist but the index is empty.
      const [{ n }] = await strapi.db.connection(SEARCH_TABLE).count({ n: '*' });
      if (Number(n) === 0 && (await strapi.db.query(ITEM).count({ where: PUBLIC_WHERE })) > 0) {
        this.reindex().catch((error: Error) => strapi.log.warn(`[search] initial index build: ${error.message}`));
      }
      stopped = false;
      poll = setInterval(kick, POLL_MS);
      poll.unref();
      kick();
    },

    /** Every write to an item row re-syncs its document, in the writer's transaction. */
    subscribe() {
      strapi.db.lifecycles.subscribe({
        models: [ITEM],
        afterCreate: written,
        afterUpdate: written,
        afterDelete: written,
        afterCreateMany: written,
        beforeUpdateMany: remember,
        afterUpdateMany: written,
        beforeDeleteMany: remember,
        afterDeleteMany: written,
      });
    },

    sync,

    /** Attachment text still being extracted (for tests and the rebuild's progress). */
    async pendingCount(): Promise<number> {
      const [{ n }] = await strapi.db.connection(SEARCH_TABLE).where({ attachments_pending: 1 }).count({ n: '*' });
      return Number(n);
    },

    /** Rebuilds every row from the published public items, in batches; then drops rows of items no longer public. */
    async reindex(progress: (done: number, total: number) => void = () => {}) {
      const total = await strapi.db.query(ITEM).count({ where: PUBLIC_WHERE });
      let done = 0;
      let lastId = 0;
      progress(0, total);
      for (;;) {
        const rows = await strapi.db.query(ITEM).findMany({ where: { ...PUBLIC_WHERE, id: { $gt: lastId } }, orderBy: { id: 'asc' }, limit: BATCH, select: ROW_FIELDS, populate: ROW_POPULATE });
        if (!rows.length) break;
        await inTransaction(async (trx) => {
          const current = new Map<string, any>(
            (await trx(SEARCH_TABLE).whereIn('document_id', rows.map((r: any) => r.documentId)).select('document_id', 'attachment_sig', 'attachment_text', 'attachments_pending')).map((r: any) => [r.document_id, r]),
          );
          await write(trx, rows.map((row: any) => ({ documentId: row.documentId, row, att: attachmentsFor(row, current.get(row.documentId)) })));
        });
        done += rows.length;
        lastId = rows[rows.length - 1].id;
        progress(done, total);
      }
      const items = strapi.db.metadata.get(ITEM).tableName;
      await inTransaction(async (trx) => {
        await trx.raw(`DELETE FROM ${SEARCH_TABLE} WHERE document_id NOT IN (SELECT document_id FROM ${items} WHERE ${PUBLIC_ITEM_ROWS_SQL})`);
        if (!pg()) await trx.raw(`DELETE FROM ${SEARCH_FTS} WHERE rowid NOT IN (SELECT id FROM ${SEARCH_TABLE})`);
      });
      await publicCache()?.changed('search index rebuilt');
      kick();
      return { total: done };
    },

    /** Waits for the background pass to finish the attachment text there is now. */
    async drain() {
      while (draining) await new Promise((r) => setTimeout(r, 20));
      await drain();
    },

    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      timer = poll = null;
    },
  };
};
