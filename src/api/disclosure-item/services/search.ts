// `GET /api/catalogue?q=…`: full-text search over the index (services/search-index.ts), always
// joined back to the live published public row, so a stale index row never shows a hidden item.
// Relevance is a tier — every query token in the title/文号 (3), in title/文号/keywords/summary (2),
// anywhere including body and attachments (1) — then newer before older.
import type { Core } from '@strapi/strapi';
import { ITEM } from '../../../constants';
import type { CatalogueQuery } from '../../../domain/catalogue-query';
import { wherePublicItem } from '../../../domain/public-item';
import { highlight, plainText, queryTokens } from '../../../domain/search-text';
import { LIST_FIELDS, LIST_POPULATE, withoutIds } from './catalogue';
import { SEARCH_FTS, SEARCH_TABLE } from './search-index';

/** The catalogue filters besides `q` (each narrows the join through the catalogue's own conditions). */
const FILTERS = ['department', 'category', 'year', 'genre', 'validity', 'indexNumber'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pg = () => strapi.db.dialect.client === 'postgres';

  /** Matching published public rows with their tier; `where`: the catalogue's conditions (query engine). */
  function matches(tokens: string[], query: CatalogueQuery, where: object) {
    const knex = strapi.db.connection;
    const items = strapi.db.metadata.get(ITEM).tableName;
    let qb: any;
    let tier: any;
    if (pg()) {
      const all = tokens.map((t) => `'${t}'`).join(' & ');
      qb = knex({ s: SEARCH_TABLE }).join({ d: items }, 'd.document_id', 's.document_id').whereRaw('s.vec @@ ?::tsquery', [all]);
      // Each tier is one GIN lookup (a hashed sub-plan), not a test of every match's vectors.
      const within = `s.document_id IN (SELECT document_id FROM ${SEARCH_TABLE} WHERE ?? @@ ?::tsquery)`;
      tier = knex.raw(`CASE WHEN ${within} THEN 3 WHEN ${within} THEN 2 ELSE 1 END AS tier`, ['title_vec', all, 'meta_vec', all]);
    } else {
      const all = tokens.map((t) => `"${t}"`).join(' ');
      // FTS5 allows one MATCH per table reference: the tiers are sub-queries with column filters.
      const within = `${SEARCH_FTS}.rowid IN (SELECT rowid FROM ${SEARCH_FTS} WHERE ${SEARCH_FTS} MATCH ?)`;
      qb = knex(SEARCH_FTS).join({ s: SEARCH_TABLE }, 's.id', `${SEARCH_FTS}.rowid`).join({ d: items }, 'd.document_id', 's.document_id').whereRaw(`${SEARCH_FTS} MATCH ?`, [all]);
      tier = knex.raw(`CASE WHEN ${within} THEN 3 WHEN ${within} THEN 2 ELSE 1 END AS tier`, [`{a} : (${all})`, `{a b} : (${all})`]);
    }
    qb.whereNotNull('d.published_at');
    wherePublicItem(qb, (column) => `d.${column}`);
    if (FILTERS.some((f) => query[f] !== undefined)) {
      qb.whereIn('d.id', (strapi.db as any).entityManager.createQueryBuilder(ITEM).select('id').where(where).getKnexQuery());
    }
    return { qb, tier };
  }

  /**
   * The planner takes a common word (in most rows) for a sequential scan, which reads every row's
   * whole vector; the GIN index answers it without. Scoped to this statement's transaction.
   */
  async function withoutSeqScan(qb: any) {
    return strapi.db.connection.transaction(async (trx: any) => {
      await trx.raw('SET LOCAL enable_seqscan = off');
      return qb.transacting(trx);
    });
  }

  return {
    async list(query: CatalogueQuery, where: object) {
      const tokens = queryTokens(query.q ?? '');
      const page = { page: query.page, pageSize: query.pageSize };
      if (!tokens.length) return { data: [], meta: { pagination: { ...page, pageCount: 0, total: 0 } } };
      const { qb, tier } = matches(tokens, query, where);
      const ordered = qb.clone().select('d.id', tier, strapi.db.connection.raw('count(*) over () AS total'));
      if (query.sort === 'relevance') ordered.orderBy([{ column: 'tier', order: 'desc' }, { column: 'd.published_date', order: 'desc' }, { column: 'd.id', order: 'desc' }]);
      else ordered.orderBy([{ column: 'd.published_date', order: query.sort.endsWith(':asc') ? 'asc' : 'desc' }, { column: 'd.id', order: 'desc' }]);
      ordered.limit(query.pageSize).offset((query.page - 1) * query.pageSize);
      const hits: Array<{ id: number; total: number | string }> = pg() ? await withoutSeqScan(ordered) : await ordered;
      const total = hits.length ? Number(hits[0].total) : Number((await qb.clone().count({ n: '*' }).first()).n);

      const ids = hits.map((h) => h.id);
      const rows = ids.length ? await strapi.db.query(ITEM).findMany({ select: [...LIST_FIELDS, 'body'], where: { id: { $in: ids } }, populate: LIST_POPULATE }) : [];
      const attachmentText = new Map<string, string>(
        rows.length ? (await strapi.db.connection(SEARCH_TABLE).whereIn('document_id', rows.map((r: any) => r.documentId)).select('document_id', 'attachment_text')).map((r: any) => [r.document_id, r.attachment_text]) : [],
      );
      const byId = new Map<number, any>(rows.map((r: any) => [r.id, r]));
      const data = ids
        .map((id) => byId.get(id))
        .filter(Boolean)
        .map(({ body, ...row }) => ({
          ...withoutIds(row),
          highlight: highlight([row.title, row.documentNumber, row.keywords, row.summary, plainText(body), attachmentText.get(row.documentId)], query.q!),
        }));
      return { data, meta: { pagination: { ...page, pageCount: Math.ceil(total / query.pageSize), total } } };
    },
  };
};
