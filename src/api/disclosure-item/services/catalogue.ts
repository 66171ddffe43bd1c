// The public catalogue (公开目录): published, proactive, non-classified items only. The list is one
// SQL query with its joins (department, category) and an exact total counted per filter; the
// lookup and the exports read through the query engine with narrow column lists.
import type { Core } from '@strapi/strapi';
import { CATEGORY, DEPARTMENT, ITEM } from '../../../constants';
import { CATALOGUE_ROW_FIELDS, descendantsOf, type CatalogueQuery } from '../../../domain/catalogue-query';
import { PUBLIC_ITEM_FILTER, wherePublicItem } from '../../../domain/public-item';
import { cachedCount } from '../../../middlewares/lib/public-cache-store';

export const LIST_FIELDS = CATALOGUE_ROW_FIELDS;
const REF_FIELDS = ['documentId', 'name', 'code'];
export const LIST_POPULATE = { department: { select: REF_FIELDS }, category: { select: REF_FIELDS } };

/** The same rule the Document Service applies to public reads, on the published rows. */
export const PUBLIC_WHERE = { publishedAt: { $notNull: true }, ...PUBLIC_ITEM_FILTER };
/** Links to other items (相关信息, 政策解读 both ways, 替代): only public ones are shown. */
const LINKED_ITEM = { select: ['documentId', 'indexNumber', 'title', 'genre'], where: PUBLIC_WHERE };

/** Database ids are internal: the public identifies items by documentId and 索引号. */
export function withoutIds(value: any): any {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const { id: _id, ...rest } = value;
  for (const key of Object.keys(rest)) rest[key] = withoutIds(rest[key]);
  return rest;
}

type Filters = Omit<CatalogueQuery, 'sort' | 'page' | 'pageSize'>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** ids of the tree nodes named by documentId or code, with their descendants if asked. */
  async function subtree(uid: string, key: string, withDescendants: boolean): Promise<number[]> {
    const nodes = await strapi.db.query(uid).findMany({ select: ['id', 'documentId', 'code'], populate: { parent: { select: ['id'] } } });
    const roots = nodes.filter((n: any) => n.documentId === key || n.code === key).map((n: any) => n.id);
    if (!withDescendants) return roots;
    return descendantsOf(roots, nodes.map((n: any) => ({ id: n.id, parentId: n.parent?.id ?? null })));
  }

  async function where(filters: Filters) {
    const and: object[] = [PUBLIC_WHERE];
    if (filters.department) and.push({ department: { id: { $in: await subtree(DEPARTMENT, filters.department, filters.includeSubDepartments) } } });
    if (filters.category) and.push({ category: { id: { $in: await subtree(CATEGORY, filters.category, true) } } });
    if (filters.year) and.push({ formedAt: { $gte: `${filters.year}-01-01`, $lte: `${filters.year}-12-31` } });
    if (filters.genre) and.push({ genre: filters.genre });
    if (filters.validity) and.push({ validity: filters.validity });
    if (filters.indexNumber) and.push({ indexNumber: filters.indexNumber });
    return { $and: and };
  }

  const orderBy = (sort: CatalogueQuery['sort']) => {
    const direction = sort.endsWith(':asc') ? 'asc' : 'desc';
    return [{ publishedDate: direction }, { id: direction }];
  };

  // Table, column and link-table names from Strapi's metadata, read once.
  let schema: ReturnType<typeof readSchema> | undefined;
  function readSchema() {
    const meta: any = strapi.db.metadata.get(ITEM);
    const column = (field: string) => meta.attributes[field].columnName ?? field;
    const link = (field: string) => {
      const { joinTable } = meta.attributes[field];
      const target: any = strapi.db.metadata.get(meta.attributes[field].target);
      return { table: joinTable.name, item: joinTable.joinColumn.name, ref: joinTable.inverseJoinColumn.name, refTable: target.tableName, refColumn: (f: string) => target.attributes[f].columnName ?? f };
    };
    const datetimes = LIST_FIELDS.filter((f) => meta.attributes[f].type === 'datetime');
    return { table: meta.tableName as string, column, department: link('department'), category: link('category'), datetimes };
  }

  /** Ids of the department and category subtrees a filter names (a builder is thenable: not returned from async code). */
  async function treeIds(filters: Filters) {
    return {
      department: filters.department ? await subtree(DEPARTMENT, filters.department, filters.includeSubDepartments) : undefined,
      category: filters.category ? await subtree(CATEGORY, filters.category, true) : undefined,
    };
  }

  /** The filtered set of public published items as a knex query on `i`. */
  function filtered(filters: Filters, trees: Awaited<ReturnType<typeof treeIds>>) {
    schema ??= readSchema();
    const s = schema;
    const knex = strapi.db.connection;
    const c = (field: string) => `i.${s.column(field)}`;
    const query = knex(`${s.table} as i`).whereNotNull(c('publishedAt'));
    wherePublicItem(query, (name) => `i.${name}`);
    for (const name of ['department', 'category'] as const) {
      const ids = trees[name];
      if (!ids) continue;
      const l = s[name];
      query.whereIn('i.id', knex(l.table).select(l.item).whereIn(l.ref, ids));
    }
    if (filters.year) query.whereBetween(c('formedAt'), [`${filters.year}-01-01`, `${filters.year}-12-31`]);
    if (filters.genre) query.where(c('genre'), filters.genre);
    if (filters.validity) query.where(c('validity'), filters.validity);
    if (filters.indexNumber) query.where(c('indexNumber'), filters.indexNumber);
    return query;
  }

  /** One page: the item columns and the two references, by left joins on the link tables. */
  async function page(query: CatalogueQuery, trees: Awaited<ReturnType<typeof treeIds>>) {
    const direction = query.sort.endsWith(':asc') ? 'asc' : 'desc';
    const builder = filtered(query, trees);
    const s = schema!;
    const rows = await builder
      .select([...LIST_FIELDS.map((f) => `i.${s.column(f)} as ${f}`)])
      .select(['department', 'category'].flatMap((name) => REF_FIELDS.map((f) => `${name}.${s[name as 'department'].refColumn(f)} as ${name}_${f}`)))
      .leftJoin(`${s.department.table} as dl`, 'dl.' + s.department.item, 'i.id')
      .leftJoin(`${s.department.refTable} as department`, 'department.id', 'dl.' + s.department.ref)
      .leftJoin(`${s.category.table} as cl`, 'cl.' + s.category.item, 'i.id')
      .leftJoin(`${s.category.refTable} as category`, 'category.id', 'cl.' + s.category.ref)
      .orderBy([{ column: `i.${s.column('publishedDate')}`, order: direction }, { column: 'i.id', order: direction }])
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return rows.map((row: any) => {
      const item: any = {};
      for (const f of LIST_FIELDS) item[f] = row[f];
      // As the query engine returns them: datetimes as ISO strings, dates as stored text.
      for (const f of s.datetimes) if (item[f] !== null && item[f] !== undefined) item[f] = new Date(item[f]).toISOString();
      for (const name of ['department', 'category']) {
        item[name] = row[`${name}_documentId`] == null ? null : Object.fromEntries(REF_FIELDS.map((f) => [f, row[`${name}_${f}`]]));
      }
      return item;
    });
  }

  /** The exact total, kept per filter in the public cache (cleared by every public change). */
  function count(query: CatalogueQuery, trees: Awaited<ReturnType<typeof treeIds>>): Promise<number> {
    const { page: _p, pageSize: _s, sort: _o, ...filters } = query;
    return cachedCount(`catalogue:${JSON.stringify(filters)}`, async () => {
      const [{ total }] = await filtered(filters, trees).count({ total: '*' });
      return Number(total);
    });
  }

  return {
    async list(query: CatalogueQuery) {
      // Full-text search (services/search.ts), with the other filters as conditions on the live rows.
      const trees = await treeIds(query);
      if (query.q) return strapi.service('api::disclosure-item.search').list(query, () => filtered(query, trees).select('i.document_id'));
      const [data, total] = await Promise.all([page(query, trees), count(query, trees)]);
      return {
        data,
        meta: { pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total } },
      };
    },

    /** One public item by 索引号, with body, attachments and its public linked items. */
    async lookup(indexNumber: string) {
      const item = await strapi.db.query(ITEM).findOne({
        select: [...LIST_FIELDS, 'body'],
        where: await where({ indexNumber, includeSubDepartments: false }),
        populate: {
          ...LIST_POPULATE,
          attachments: { select: ['name', 'url', 'mime', 'size', 'hash'] },
          related: LINKED_ITEM,
          interprets: LINKED_ITEM,
          interpretations: LINKED_ITEM,
          supersededBy: LINKED_ITEM,
          supersedes: LINKED_ITEM,
        },
      });
      return item ? withoutIds(item) : null;
    },

    /** Every matching item in pages of `batch`, for streaming exports; at most `max` rows. */
    async *iterate(filters: Filters & { sort: CatalogueQuery['sort'] }, { batch = 500, max }: { batch?: number; max: number }) {
      // With `q`, the list's full-text search and order.
      if (filters.q) {
        const trees = await treeIds(filters);
        return yield* strapi.service('api::disclosure-item.search').iterate(filters, () => filtered(filters, trees).select('i.document_id'), { batch, max });
      }
      const conditions = await where(filters);
      for (let offset = 0; offset < max; offset += batch) {
        const rows = await strapi.db.query(ITEM).findMany({
          select: LIST_FIELDS,
          where: conditions,
          populate: LIST_POPULATE,
          orderBy: orderBy(filters.sort),
          limit: Math.min(batch, max - offset),
          offset,
        });
        if (rows.length) yield withoutIds(rows);
        if (rows.length < batch) return;
      }
    },
  };
};
