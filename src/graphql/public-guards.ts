// GraphQL resolves nested relations with its own queries, outside the Document Service, so the
// public filter for the item-to-item relations (`DisclosureItem.related`, `interprets`, …) is applied
// to the relation's arguments here.
import type { Core } from '@strapi/strapi';
import { isTrustedCaller } from '../document-middlewares/public-visibility';
import { REPLY, REQUEST, REVIEW_CASE } from '../constants';
import { PUBLIC_ITEM_GRAPHQL_FILTERS } from '../domain/public-item';

/** Item-to-item relations: 相关信息, 政策解读 both ways, 替代 both ways. */
const LINKED_ITEM_FIELDS = ['related', 'interprets', 'interpretations', 'supersededBy', 'supersedes'];
const TO_ONE = new Set(['supersededBy']);

const restrictRelatedItems = async (next: any, parent: any, args: any, context: any, info: any) => {
  if (isTrustedCaller(context?.state)) return next(parent, args, context, info);
  const filters = { and: [...(args?.filters ? [args.filters] : []), ...PUBLIC_ITEM_GRAPHQL_FILTERS] };
  return next(parent, { ...args, status: 'published', filters }, context, info);
};

export function registerGraphqlGuards(strapi: Core.Strapi) {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  // Requests, their replies and appeals never appear in the public schema.
  for (const uid of [REQUEST, REPLY, REVIEW_CASE]) graphql.service('extension').shadowCRUD(uid).disable();
  graphql.service('extension').use(() => ({
    resolversConfig: Object.fromEntries(
      LINKED_ITEM_FIELDS.flatMap((field) => [`DisclosureItem.${field}`, ...(TO_ONE.has(field) ? [] : [`DisclosureItem.${field}_connection`])]).map((path) => [path, { middlewares: [restrictRelatedItems] }]),
    ),
  }));
}
