// Anonymous and end-user reads (REST and GraphQL alike) see only what is published and public,
// whatever the caller asks for: drafts, 不予公开 and 涉密 items are filtered here, on the server.
import type { Core } from '@strapi/strapi';
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
    if (ctx.uid === ITEM) params.filters = params.filters ? { $and: [params.filters, PUBLIC_ITEM_FILTER] } : PUBLIC_ITEM_FILTER;
    if (params.populate !== undefined) params.populate = restrictPopulate(strapi, ctx.uid, params.populate);
    ctx.params = params;
    return next();
  };
}
