// The catalogue's query string, validated: unknown parameters, operator objects and wrong types
// are refused with a field-level message; page sizes above the maximum are capped.
import Joi from 'joi';

export const GENRES = ['regulation', 'normativeDocument', 'notice', 'announcement', 'report', 'decision', 'opinion', 'plan', 'interpretation', 'other'] as const;
export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
/** What an item becomes on its 废止/失效 date (`repealAs`). */
export const LAPSES = ['repealed', 'expired'] as const satisfies ReadonlyArray<(typeof VALIDITIES)[number]>;
/** `relevance` (search ranking) only with `q`, and then the default. */
export const SORTS = ['publishedDate:desc', 'publishedDate:asc', 'relevance'] as const;
/** The fields of an item in the catalogue's list (with its department and category). */
export const CATALOGUE_ROW_FIELDS = ['documentId', 'indexNumber', 'title', 'documentNumber', 'formedAt', 'publishedDate', 'genre', 'keywords', 'summary', 'validity', 'validityChangedAt', 'effectiveAt', 'repealAt'];

export interface CatalogueQuery {
  department?: string;
  includeSubDepartments: boolean;
  category?: string;
  year?: number;
  genre?: (typeof GENRES)[number];
  validity?: (typeof VALIDITIES)[number];
  q?: string;
  indexNumber?: string;
  sort: (typeof SORTS)[number];
  page: number;
  pageSize: number;
}

export interface QueryProblem {
  path: string;
  message: string;
}

const boolString = Joi.boolean().truthy('true', '1').falsy('false', '0');

/** Built once per default page size: compiling the joi schema per request (~2 ms here) cost more than the list query. */
const schemas = new Map<number, Joi.ObjectSchema>();
function schemaFor(defaultPageSize: number): Joi.ObjectSchema {
  let schema = schemas.get(defaultPageSize);
  if (schema) return schema;
  schema = Joi.object({
    department: Joi.string().max(60),
    includeSubDepartments: boolString.default(false),
    category: Joi.string().max(60),
    year: Joi.number().integer().min(1949).max(2100),
    genre: Joi.string().valid(...GENRES),
    validity: Joi.string().valid(...VALIDITIES),
    q: Joi.string().trim().min(1).max(100),
    indexNumber: Joi.string().max(60),
    sort: Joi.string()
      .valid(...SORTS)
      .when('q', {
        is: Joi.exist(),
        then: Joi.any().default('relevance'),
        otherwise: Joi.any().invalid('relevance').default('publishedDate:desc').messages({ 'any.invalid': '按相关度排序需要检索词 q / sort=relevance needs q' }),
      }),
    page: Joi.number().integer().min(1).max(100000).default(1),
    pageSize: Joi.number().integer().min(1).default(defaultPageSize),
  });
  schemas.set(defaultPageSize, schema);
  return schema;
}

export function parseCatalogueQuery(
  raw: Record<string, unknown>,
  limits: { defaultPageSize: number; maxPageSize: number },
): { value?: CatalogueQuery; problems?: QueryProblem[] } {
  const schema = schemaFor(limits.defaultPageSize);
  const { value, error } = schema.validate(raw, { abortEarly: false, convert: true });
  if (error) {
    return {
      problems: error.details.map((d) => ({
        path: d.path.join('.') || String(d.context?.key ?? ''),
        message: d.type === 'object.unknown' ? `未知的查询参数 / unknown parameter "${d.context?.key}"` : d.message,
      })),
    };
  }
  return { value: { ...value, pageSize: Math.min(value.pageSize, limits.maxPageSize) } };
}

/** Every id in the subtrees rooted at `roots` (for department and category trees). */
export function descendantsOf(roots: number[], nodes: Array<{ id: number; parentId: number | null }>): number[] {
  const children = new Map<number, number[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  }
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen];
}
