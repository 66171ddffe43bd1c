// The public catalogue (公开目录): published, proactive, non-classified items only, read with
// narrow column lists straight from the database layer.
import type { Core } from '@strapi/strapi';
import { CATEGORY, DEPARTMENT, ITEM } from '../../../constants';
import { descendantsOf, type CatalogueQuery } from '../../../domain/catalogue-query';
import { PUBLIC_ITEM_FILTER } from '../../../domain/public-item';

export const LIST_FIELDS = ['documentId', 'indexNumber', 'title', 'documentNumber', 'formedAt', 'publishedDate', 'genre', 'keywords', 'summary', 'validity', 'validityChangedAt', 'effectiveAt', 'repealAt'];
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
    if (filters.q) {
      and.push({ $or: ['title', 'documentNumber', 'summary'].map((field) => ({ [field]: { $containsi: filters.q } })) });
    }
    return { $and: and };
  }

  const orderBy = (sort: CatalogueQuery['sort']) => {
    const direction = sort.endsWith(':asc') ? 'asc' : 'desc';
    return [{ publishedDate: direction }, { id: direction }];
  };

  return {
    async list(query: CatalogueQuery) {
      // Full-text search (services/search.ts), with the other filters as conditions on the live rows.
      if (query.q) return strapi.service('api::disclosure-item.search').list(query, await where({ ...query, q: undefined }));
      const conditions = await where(query);
      const [data, total] = await Promise.all([
        strapi.db.query(ITEM).findMany({
          select: LIST_FIELDS,
          where: conditions,
          populate: LIST_POPULATE,
          orderBy: orderBy(query.sort),
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        }),
        strapi.db.query(ITEM).count({ where: conditions }),
      ]);
      return {
        data: withoutIds(data),
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
