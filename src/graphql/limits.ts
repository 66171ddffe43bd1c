// Query cost limits for the public GraphQL endpoint (GraphQL Armor and graphql-js), refused with a
// 400 before anything executes. Strapi's own `depthLimit` (config/plugins.ts) stays the depth limit.
//
// - aliases: at most GRAPHQL_MAX_ALIASES (default 20) — one query cannot ask for the same list
//   hundreds of times;
// - cost: at most GRAPHQL_MAX_COST (default 1000; objects 2, scalars 1, ×1.5 per level — the
//   README's query costs 10, a portal page with five aliased lists about 100);
// - tokens: at most GRAPHQL_MAX_TOKENS (default 2000), enforced by the parser (graphql-js
//   `maxTokens`), so an oversized document is not even parsed;
// - directives: at most 50;
// - fragment cycles (`fragment A on Query { ...B } fragment B on Query { ...A }`) and spreads of
//   undefined fragments: Strapi's depth-limit rule would recurse forever or fail on them (a 500).
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError, KnownFragmentNamesRule, NoFragmentCyclesRule, parse, validate, type DocumentNode, type GraphQLSchema,
} from 'graphql';

export interface GraphqlLimits {
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
}

const badRequest = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/** Fragment cycles and unknown fragments, found with graphql-js's own rules. */
export function fragmentProblems(schema: GraphQLSchema, document: DocumentNode): string | null {
  const [error] = validate(schema, document, [NoFragmentCyclesRule, KnownFragmentNamesRule]);
  return error ? error.message : null;
}

/**
 * Apollo answers an error thrown by a plugin before `didResolveOperation` with a 500, and Strapi's
 * depth-limit rule runs (and recurses forever on a cycle) while validation is set up. So when
 * validation starts, a document with a fragment problem is swapped for a harmless one carrying the
 * refusal; `didResolveOperation`, whose errors Apollo reports as they are, turns it into a 400
 * before anything executes. The swapped document is what Apollo caches for that query text, so a
 * repeated query is refused the same way.
 */
const REFUSAL = Symbol('graphql-refusal');
const HARMLESS = parse('{ __typename }');

const fragmentGuard = {
  async requestDidStart() {
    return {
      async validationDidStart(requestContext: any) {
        const problem = requestContext.document ? fragmentProblems(requestContext.schema, requestContext.document) : null;
        if (problem) requestContext.document = { ...HARMLESS, [REFUSAL]: problem };
      },
      async didResolveOperation(requestContext: any) {
        const problem = requestContext.document?.[REFUSAL];
        if (problem) throw badRequest(problem);
      },
    };
  },
};

export function graphqlLimits(limits: GraphqlLimits) {
  const { plugins, validationRules, allowBatchedHttpRequests } = new ApolloArmor({
    maxAliases: { n: limits.maxAliases },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    // Armor checks tokens in a plugin hook whose refusal Apollo reports as a 500: the parser's own
    // limit (parseOptions below) refuses with a 400 instead.
    maxTokens: { enabled: false },
    // Depth stays with Strapi's `depthLimit` (its counting is the documented contract).
    maxDepth: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    validationRules,
    plugins: [fragmentGuard, ...plugins],
    allowBatchedHttpRequests,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
