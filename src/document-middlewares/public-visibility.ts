// Anonymous and end-user reads (REST and GraphQL alike) see only what is published and public,
// whatever the caller asks for: drafts, 不予公开 and 涉密 items are filtered here, on the server.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ITEM, PUBLIC_CONTENT_TYPES } from '../constants';
import { PUBLIC_ITEM_FILTER } from '../domain/public-item';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Admin users and full-access API tokens are trusted; everyone else is the public. */
export function isTrustedCaller(state: any): boolean {
  const strategy = state?.auth?.strategy?.name;
  if (strategy === 'admin') return true;
  return strategy === 'api-token' && state?.auth?.credentials?.type === 'full-access';
}

function populatableAttributes(model: any): string[] {
  return Object.entries(model.attributes)
    .filter(([, a]: [string, any]) => ['relation', 'media', 'component', 'dynamiczone'].includes(a.type))
    .map(([name]) => name);
}

function toPopulateObject(model: any, populate: unknown): Record<string, any> | unknown {
  if (populate === '*' || populate === true) {
    return Object.fromEntries(populatableAttributes(model).map((name) => [name, true]));
  }
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (!paths) return populate;
  const tree: Record<string, any> = {};
  for (const path of paths.map(String)) {
    const [head, ...rest] = path.split('.');
    if (!rest.length) tree[head] = tree[head] ?? true;
    else {
      const node = typeof tree[head] === 'object' ? tree[head] : { populate: [] };
      node.populate.push(rest.join('.'));
      tree[head] = node;
    }
  }
  return tree;
}

/** Adds the public filter to every populated relation that points at disclosure items. */
export function restrictPopulate(strapi: Core.Strapi, uid: string, populate: unknown): unknown {
  const model: any = strapi.getModel(uid as any);
  const tree = toPopulateObject(model, populate);
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) return tree;
  const out: Record<string, any> = {};
  for (const [name, value] of Object.entries(tree)) {
    const attribute = model.attributes[name];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : null;
    if (!target || !value) {
      out[name] = value;
      continue;
    }
    const node: Record<string, any> = value === true || value === '*' ? {} : { ...(value as object) };
    if (node.populate !== undefined) node.populate = restrictPopulate(strapi, target, node.populate);
    if (target === ITEM) node.filters = node.filters ? { $and: [node.filters, PUBLIC_ITEM_FILTER] } : PUBLIC_ITEM_FILTER;
    out[name] = Object.keys(node).length ? node : true;
  }
  return out;
}

const LOGICAL = new Set(['$and', '$or', '$not']);
const PUBLIC_ROW = { $and: [{ publishedAt: { $notNull: true } }, PUBLIC_ITEM_FILTER] };

/**
 * A filter through a relation to disclosure items (`filters[interpretations][title][$eq]=…`) sees
 * only public ones: otherwise the answer would tell whether a hidden item with that title exists.
 */
export function restrictFilters(strapi: Core.Strapi, uid: string, filters: unknown): unknown {
  if (Array.isArray(filters)) return filters.map((f) => restrictFilters(strapi, uid, f));
  if (!filters || typeof filters !== 'object') return filters;
  const model: any = strapi.getModel(uid as any);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    const attribute = model?.attributes?.[key];
    if (LOGICAL.has(key)) out[key] = restrictFilters(strapi, uid, value);
    else if (attribute?.type === 'relation' && attribute.target) {
      const inner = restrictFilters(strapi, attribute.target, value);
      out[key] = attribute.target === ITEM ? { $and: [inner, PUBLIC_ROW] } : inner;
    } else out[key] = value;
  }
  return out;
}

/** Sorting public items by a linked item's field would order them by hidden items: refused. */
function assertNoLinkedSort(strapi: Core.Strapi, uid: string, sort: unknown) {
  const model: any = strapi.getModel(uid as any);
  const heads = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(heads) : typeof value === 'string' ? value.split(',').map((p) => p.split(/[.:]/)[0].trim()) : value && typeof value === 'object' ? Object.keys(value) : [];
  const linked = heads(sort).find((name) => model?.attributes?.[name]?.type === 'relation' && model.attributes[name].target === ITEM);
  if (linked) {
    const message = `不能按关联的公开事项排序 / cannot sort by the linked items in "${linked}"`;
    throw new errors.ValidationError(message, { errors: [{ path: ['sort'], message, name: 'ValidationError' }] });
  }
}

export function publicVisibility(strapi: Core.Strapi) {
  const guarded = new Set<string>(PUBLIC_CONTENT_TYPES);
  return async (ctx: { uid: string; action: string; params: any; contentType: any }, next: () => Promise<any>) => {
    if (!guarded.has(ctx.uid) || !READ_ACTIONS.has(ctx.action)) return next();
    const request = strapi.requestContext.get();
    if (!request || isTrustedCaller(request.state)) return next();
    const params = { ...(ctx.params ?? {}) };
    if (ctx.contentType?.options?.draftAndPublish) {
      params.status = 'published';
      delete params.hasPublishedVersion;
      delete params.publicationFilter;
    }
    if (params.filters !== undefined) params.filters = restrictFilters(strapi, ctx.uid, params.filters);
    if (params.sort !== undefined) assertNoLinkedSort(strapi, ctx.uid, params.sort);
    if (ctx.uid === ITEM) params.filters = params.filters ? { $and: [params.filters, PUBLIC_ITEM_FILTER] } : PUBLIC_ITEM_FILTER;
    if (params.populate !== undefined) params.populate = restrictPopulate(strapi, ctx.uid, params.populate);
    ctx.params = params;
    return next();
  };
}
