// `GET /api/catalogue?q=…`: full-text search over the index (services/search-index.ts); every hit
// shown is read from the live published public row, so a stale index row never shows a hidden item.
// Relevance is a tier — every query token in the title/文号 (3), in title/文号/keywords/summary (2),
// anywhere including body and attachments (1) — then newer before older.
import type { Core } from '@strapi/strapi';
import { ITEM } from '../../../constants';
import type { CatalogueQuery } from '../../../domain/catalogue-query';
import { wherePublicItem } from '../../../domain/public-item';
import { highlight, plainText, queryTokens } from '../../../domain/search-text';
import { LIST_FIELDS, LIST_POPULATE, PUBLIC_WHERE, withoutIds } from './catalogue';
import { cachedCount, publicCache } from '../../../middlewares/lib/public-cache-store';
import { SEARCH_FTS, SEARCH_TABLE } from './search-index';

/** The catalogue filters besides `q` (each narrows the join through the catalogue's own conditions). */
const FILTERS = ['department', 'category', 'year', 'genre', 'validity', 'indexNumber'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pg = () => strapi.db.dialect.client === 'postgres';

  /**
   * Matching index rows with their tier. With catalogue filters the live rows are joined (`where`:
   * the catalogue's conditions); without, the index alone is ranked and counted — it holds only
   * public published items, written in their writers' transactions — and the page is checked
   * against the live rows before it is shown (list()).
   */
  function matches(tokens: string[], query: CatalogueQuery, where: object) {
    const knex = strapi.db.connection;
    let qb: any;
    let tier: any;
    if (pg()) {
      const all = tokens.map((t) => `'${t}'`).join(' & ');
      qb = knex({ s: SEARCH_TABLE }).whereRaw('s.vec @@ ?::tsquery', [all]);
      // Each tier is one GIN lookup (a hashed sub-plan), not a test of every match's vectors.
      const within = `s.document_id IN (SELECT document_id FROM ${SEARCH_TABLE} WHERE ?? @@ ?::tsquery)`;
      tier = knex.raw(`CASE WHEN ${within} THEN 3 WHEN ${within} THEN 2 ELSE 1 END AS tier`, ['title_vec', all, 'meta_vec', all]);
    } else {
      const all = tokens.map((t) => `"${t}"`).join(' ');
      // FTS5 allows one MATCH per table reference: the tiers are sub-queries with column filters.
      const within = `${SEARCH_FTS}.rowid IN (SELECT rowid FROM ${SEARCH_FTS} WHERE ${SEARCH_FTS} MATCH ?)`;
      qb = knex(SEARCH_FTS).join({ s: SEARCH_TABLE }, 's.id', `${SEARCH_FTS}.rowid`).whereRaw(`${SEARCH_FTS} MATCH ?`, [all]);
      tier = knex.raw(`CASE WHEN ${within} THEN 3 WHEN ${within} THEN 2 ELSE 1 END AS tier`, [`{a} : (${all})`, `{a b} : (${all})`]);
    }
    if (FILTERS.some((f) => query[f] !== undefined)) {
      qb.join({ d: strapi.db.metadata.get(ITEM).tableName }, 'd.document_id', 's.document_id').whereNotNull('d.published_at');
      wherePublicItem(qb, (column) => `d.${column}`);
      qb.whereIn('d.id', (strapi.db as any).entityManager.createQueryBuilder(ITEM).select('id').where(where).getKnexQuery());
    }
    return { qb, tier };
  }

  /**
   * The planner takes a common word (in most rows) for a sequential scan, which reads every row's
   * whole vector; the GIN index answers it without. Scoped to these statements' transaction.
   */
  async function withoutSeqScan(...queries: any[]) {
    return strapi.db.connection.transaction(async (trx: any) => {
      // Parallel workers would each rebuild the tiers' hashed sub-plans.
      await trx.raw('SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0');
      const results = [];
      for (const q of queries) results.push(await q.transacting(trx));
      return results;
    });
  }

  /** The live published public rows of these documents, by documentId. */
  async function live(documentIds: string[]): Promise<Map<string, any>> {
    if (!documentIds.length) return new Map();
    const rows = await strapi.db.query(ITEM).findMany({ select: [...LIST_FIELDS, 'body'], where: { documentId: { $in: documentIds }, ...PUBLIC_WHERE }, populate: LIST_POPULATE });
    return new Map(rows.map((r: any) => [r.documentId, r]));
  }

  /** One page of ranked documentIds and the number of matches. */
  async function rank(tokens: string[], query: CatalogueQuery, where: object) {
    const { qb, tier } = matches(tokens, query, where);
    const ordered = qb.clone().select('s.document_id', tier);
    const date = query.sort === 'publishedDate:asc' ? 'asc' : 'desc';
    ordered.orderBy([...(query.sort === 'relevance' ? [{ column: 'tier', order: 'desc' }] : []), { column: 's.published_date', order: date }, { column: 's.document_id', order: date }]);
    ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize);
    const [hits] = pg() ? await withoutSeqScan(ordered) : [await ordered];
    // A separate statement (a window count would keep every match in a spilling tuple store), kept
    // per query and filters under the public cache's invalidation: a common word has most rows.
    const { page: _p, pageSize: _s, sort: _o, q: _q, ...filters } = query;
    const total = await cachedCount(`search:${JSON.stringify({ tokens, ...filters })}`, async () => {
      const counted = qb.clone().count({ n: '*' }).first();
      const [count] = pg() ? await withoutSeqScan(counted) : [await counted];
      return Number(count.n);
    });
    return { documentIds: hits.map((h: any) => h.document_id), total };
  }

  return {
    async list(query: CatalogueQuery, where: object) {
      const tokens = queryTokens(query.q ?? '');
      const page = { page: query.page, pageSize: query.pageSize };
      if (!tokens.length) return { data: [], meta: { pagination: { ...page, pageCount: 0, total: 0 } } };
      let ranked = await rank(tokens, query, where);
      let rows = await live(ranked.documentIds);
      const stale = ranked.documentIds.filter((id) => !rows.has(id));
      if (stale.length) {
        // An index row whose item is no longer public (a write that bypassed the query engine):
        // never shown; the rows are repaired and the page ranked again.
        for (const documentId of stale) await strapi.service('api::disclosure-item.search-index').sync(documentId);
        await publicCache()?.changed('search index repaired');
        ranked = await rank(tokens, query, where);
        rows = await live(ranked.documentIds);
      }
      const attachmentText = new Map<string, string>(
        rows.size ? (await strapi.db.connection(SEARCH_TABLE).whereIn('document_id', [...rows.keys()]).select('document_id', 'attachment_text')).map((r: any) => [r.document_id, r.attachment_text]) : [],
      );
      const data = ranked.documentIds
        .map((id) => rows.get(id))
        .filter(Boolean)
        .map(({ body, ...row }) => ({
          ...withoutIds(row),
          highlight: highlight([row.title, row.documentNumber, row.keywords, row.summary, plainText(body), attachmentText.get(row.documentId)], query.q!),
        }));
      return { data, meta: { pagination: { ...page, pageCount: Math.ceil(ranked.total / query.pageSize), total: ranked.total } } };
    },
  };
};
