// `GET /api/catalogue?q=…`: full-text search over the index (services/search-index.ts); every hit
// shown is read from the live published public row, so a stale index row never shows a hidden item.
// Relevance is a tier — every query token in the title/文号 (3), in title/文号/keywords/summary (2),
// anywhere including body and attachments (1) — then newer before older.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ITEM } from '../../../constants';
import type { CatalogueQuery } from '../../../domain/catalogue-query';
import { highlight, plainText, queryTokens } from '../../../domain/search-text';
import { LIST_FIELDS, LIST_POPULATE, PUBLIC_WHERE, withoutIds } from './catalogue';
import { cachedCount, publicCache } from '../../../middlewares/lib/public-cache-store';
import { SEARCH_FTS, SEARCH_TABLE } from './search-index';

/** The catalogue filters besides `q` (each narrows the join through the catalogue's own conditions). */
const FILTERS = ['department', 'category', 'year', 'genre', 'validity', 'indexNumber'] as const;
/** Every query token in the title/文号 (3), in title/文号/keywords/summary (2), anywhere (1). */
const TIERS = [3, 2, 1] as const;
/** The catalogue's filtered public published items, as a fresh query of their documentIds. */
type Candidates = () => Knex.QueryBuilder;
type Tier = (typeof TIERS)[number];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const pg = () => strapi.db.dialect.client === 'postgres';

  const filtered = (query: Pick<CatalogueQuery, (typeof FILTERS)[number]>) => FILTERS.some((f) => query[f] !== undefined);

  /**
   * Matching index rows. `level` picks the vector: 3 title/文号, 2 title/文号/keywords/summary, 1 all
   * (the default). The levels nest, so a tier is its level's matches without the next level's:
   * `exclude` adds that condition, per row (cheap when walking a few rows) or as one GIN lookup
   * (when reading all of them). With catalogue filters the matches are narrowed to the catalogue's
   * own filtered public published items (`candidates`); without, the index alone is ranked and
   * counted — it holds only public published items, written in their writers' transactions — and
   * the page is checked against the live rows before it is shown (list()).
   */
  function matches(tokens: string[], query: CatalogueQuery, candidates: Candidates, level: Tier = 1, exclude?: 'perRow' | 'lookup', from: any = SEARCH_TABLE) {
    const knex = strapi.db.connection;
    let qb: any;
    if (pg()) {
      const all = tokens.map((t) => `'${t}'`).join(' & ');
      const vector = { 3: 'title_vec', 2: 'meta_vec', 1: 'vec' };
      qb = knex({ s: from }).whereRaw(`s.${vector[level]} @@ ?::tsquery`, [all]);
      const above = level < 3 ? vector[(level + 1) as Tier] : undefined;
      if (above && exclude === 'perRow') qb.whereRaw(`NOT s.${above} @@ ?::tsquery`, [all]);
      if (above && exclude === 'lookup') qb.whereRaw(`s.document_id NOT IN (SELECT document_id FROM ${SEARCH_TABLE} WHERE ${above} @@ ?::tsquery)`, [all]);
    } else {
      const all = tokens.map((t) => `"${t}"`).join(' ');
      // FTS5 allows one MATCH per table reference: the other levels are sub-queries with column filters.
      const columns = { 3: 'a', 2: 'a b', 1: 'a b c' };
      const within = (l: Tier) => knex.raw(`SELECT rowid FROM ${SEARCH_FTS} WHERE ${SEARCH_FTS} MATCH ?`, [`{${columns[l]}} : (${all})`]);
      qb = knex(SEARCH_FTS).join({ s: SEARCH_TABLE }, 's.id', `${SEARCH_FTS}.rowid`).whereRaw(`${SEARCH_FTS} MATCH ?`, [all]);
      if (level > 1) qb.whereIn(`${SEARCH_FTS}.rowid`, within(level));
      if (level < 3 && exclude) qb.whereNotIn(`${SEARCH_FTS}.rowid`, within((level + 1) as Tier));
    }
    if (filtered(query)) qb.whereIn('s.document_id', candidates());
    return qb;
  }

  /**
   * PostgreSQL, scoped to these statements' transaction. A sequential scan would read every row's
   * whole vector; the GIN indexes answer without. `plan` overrides the planner's pick for a page,
   * whose estimates for several tokens are far off: `walk` the date index testing each row (a word in
   * many items fills the page within a few rows) or `lookup` the matches in the GIN index and sort
   * them (a rare word).
   */
  async function inPg(query: any, plan?: 'walk' | 'lookup') {
    return strapi.db.connection.transaction(async (trx: any) => {
      // A page of 20 is not worth starting parallel workers for.
      await trx.raw('SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0');
      if (plan) await trx.raw(plan === 'walk' ? 'SET LOCAL enable_sort = off' : 'SET LOCAL enable_indexscan = off');
      return query.transacting(trx);
    });
  }

  /** The live published public rows of these documents, by documentId. */
  async function live(documentIds: string[]): Promise<Map<string, any>> {
    if (!documentIds.length) return new Map();
    const rows = await strapi.db.query(ITEM).findMany({ select: [...LIST_FIELDS, 'body'], where: { documentId: { $in: documentIds }, ...PUBLIC_WHERE }, populate: LIST_POPULATE });
    return new Map(rows.map((r: any) => [r.documentId, r]));
  }

  /** A level's matches counted, kept per query, filters and level under the public cache's invalidation. */
  function count(tokens: string[], query: CatalogueQuery, candidates: Candidates, level: Tier = 1): Promise<number> {
    const { page: _p, pageSize: _s, sort: _o, q: _q, ...filters } = query;
    return cachedCount(`search:${JSON.stringify({ tokens, level, ...filters })}`, async () => {
      const counted = matches(tokens, query, candidates, level).count({ n: '*' }).first();
      return Number((pg() ? await inPg(counted) : await counted).n);
    });
  }

  /** Rows in the index (the planner's figure), to tell how far a walk along the dates goes; kept with the counts. */
  function indexRows(): Promise<number> {
    return cachedCount('search:index-rows', async () => {
      const { rows } = await strapi.db.connection.raw('SELECT reltuples FROM pg_class WHERE oid = ?::regclass', [SEARCH_TABLE]);
      return Number(rows[0]?.reltuples ?? -1);
    });
  }

  /**
   * Up to `limit` documentIds from `offset` of a tier's `size` matches (all matches without a tier),
   * newest first (or oldest). On PostgreSQL without filters a page may walk the date index testing
   * each row: about (offset + limit) × rows / size rows, each reading a vector (~10× a GIN hit). The
   * walk is tried when that is within a tenth of the level's GIN matches, and stops there: matches
   * crowded among old items fall back to the GIN lookup, so a walk never costs more than the lookup.
   */
  async function pageOf(tokens: string[], query: CatalogueQuery, candidates: Candidates, tier: Tier | undefined, offset: number, limit: number, size: number) {
    const date = query.sort === 'publishedDate:asc' ? 'asc' : 'desc';
    const order = [{ column: 's.published_date', order: date }, { column: 's.document_id', order: date }];
    const read = async (plan: 'walk' | 'lookup' | undefined, from?: any, label: string | undefined = plan) => {
      const ordered = matches(tokens, query, candidates, tier ?? 1, tier ? (plan === 'walk' ? 'perRow' : 'lookup') : undefined, from)
        .select('s.document_id').orderBy(order).limit(limit).offset(offset);
      if (label) strapi.log.debug(`[search] tier ${tier ?? 'all'} rows ${offset}+${limit}: ${label}`);
      const hits = pg() ? await inPg(ordered, plan) : await ordered;
      return hits.map((h: any) => h.document_id as string) as string[];
    };
    if (!pg() || filtered(query)) return read(undefined);
    const [rows, levelMatches] = await Promise.all([indexRows(), count(tokens, query, candidates, tier ?? 1)]);
    const budget = Math.ceil(levelMatches / 10);
    if (rows > 0 && ((offset + limit) * rows) / Math.max(size, 1) <= budget) {
      const newest = strapi.db.connection(SEARCH_TABLE).select('*').orderBy([{ column: 'published_date', order: date }, { column: 'document_id', order: date }]).limit(budget);
      const walked = await read('walk', newest);
      if (walked.length === limit || offset + walked.length >= size) return walked;
      return read('lookup', undefined, 'lookup after a short walk');
    }
    return read('lookup');
  }

  /**
   * `limit` ranked documentIds from `offset` and the number of matches. By relevance the tiers are
   * paged one after another, each counted from the nested levels (title, title+summary, all) and
   * read in date order only as far as the page needs: a word in nearly every item fills page 1 from
   * its newest title matches instead of ordering all of its matches.
   */
  async function rank(tokens: string[], query: CatalogueQuery, candidates: Candidates, offset: number, limit: number) {
    const total = await count(tokens, query, candidates);
    if (query.sort !== 'relevance') return { documentIds: await pageOf(tokens, query, candidates, undefined, offset, limit, total), total };
    const documentIds: string[] = [];
    for (const tier of TIERS) {
      if (documentIds.length === limit) break;
      const size = (await count(tokens, query, candidates, tier)) - (tier < 3 ? await count(tokens, query, candidates, (tier + 1) as Tier) : 0);
      if (offset >= size) {
        offset -= size;
        continue;
      }
      documentIds.push(...(await pageOf(tokens, query, candidates, tier, offset, limit - documentIds.length, size)));
      offset = 0;
    }
    return { documentIds, total };
  }

  return {
    async list(query: CatalogueQuery, candidates: Candidates) {
      const tokens = queryTokens(query.q ?? '');
      const page = { page: query.page, pageSize: query.pageSize };
      if (!tokens.length) return { data: [], meta: { pagination: { ...page, pageCount: 0, total: 0 } } };
      const ranking = () => rank(tokens, query, candidates, (query.page - 1) * query.pageSize, query.pageSize);
      let ranked = await ranking();
      let rows = await live(ranked.documentIds);
      const stale = ranked.documentIds.filter((id) => !rows.has(id));
      if (stale.length) {
        // An index row whose item is no longer public (a write that bypassed the query engine):
        // never shown; the rows are repaired and the page ranked again.
        for (const documentId of stale) await strapi.service('api::disclosure-item.search-index').sync(documentId);
        await publicCache()?.changed('search index repaired');
        ranked = await ranking();
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

    /** The exports' rows for `q`, in the list's order, `batch` at a time from the live public rows; at most `max`. */
    async *iterate(query: Omit<CatalogueQuery, 'page' | 'pageSize'>, candidates: Candidates, { batch, max }: { batch: number; max: number }) {
      const tokens = queryTokens(query.q ?? '');
      if (!tokens.length) return;
      const all = { ...query, page: 1, pageSize: batch };
      for (let offset = 0; offset < max; offset += batch) {
        const { documentIds } = await rank(tokens, all, candidates, offset, Math.min(batch, max - offset));
        const rows = await live(documentIds);
        const page = documentIds.map((id) => rows.get(id)).filter(Boolean).map(({ body: _body, ...row }) => withoutIds(row));
        if (page.length) yield page;
        if (documentIds.length < batch) return;
      }
    },
  };
};
