// Strapi's query layer answers a non-numeric value for a number attribute (or a text operator on
// one) with a 500, and JSON attributes cannot be compared at all. This finds such a condition in a
// filters tree, following $and/$or/$not, relations and components, so it can be refused as a 400.
type Model = { attributes: Record<string, any> } | undefined;
type Path = string[];

const NUMERIC_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
/** The operators Strapi casts to the attribute's type. */
const NUMBER_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$not']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays into objects with numeric keys: both are lists. */
const listOf = (v: unknown): unknown[] | null =>
  Array.isArray(v) ? v : isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => /^\d+$/.test(k)) ? Object.values(v) : null;
const isNumber = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

function badNumberCondition(value: unknown, path: Path): Path | null {
  const list = listOf(value);
  if (list) return list.every(isNumber) ? null : path;
  if (!isObject(value)) return isNumber(value) ? null : path;
  for (const [operator, operand] of Object.entries(value)) {
    if (PRESENCE_OPERATORS.has(operator)) continue;
    if (!NUMBER_OPERATORS.has(operator)) return [...path, operator];
    // `$eq: null` / `$ne: null` are "is (not) null" to Strapi: a comparison it answers, not a 500.
    if ((operator === '$eq' || operator === '$ne') && operand === null) continue;
    const bad = badNumberCondition(operand, [...path, operator]);
    if (bad) return bad;
  }
  return null;
}

/** The path of the first condition whose value cannot be compared with its attribute, or null. */
export function badFilterValue(modelOf: (uid: string) => Model, uid: string, filters: unknown, path: Path = ['filters'], depth = 0): Path | null {
  if (!isObject(filters) || depth > 10) return null;
  const model = modelOf(uid);
  for (const [key, value] of Object.entries(filters)) {
    const here = [...path, key];
    let bad: Path | null = null;
    if (key === '$and' || key === '$or') {
      for (const [i, entry] of (listOf(value) ?? []).entries()) if ((bad = badFilterValue(modelOf, uid, entry, [...here, String(i)], depth + 1))) break;
    } else if (key === '$not') {
      bad = badFilterValue(modelOf, uid, value, here, depth + 1);
    } else {
      const attribute = key === 'id' ? { type: 'integer' } : model?.attributes?.[key];
      if (!attribute) continue;
      if (NUMERIC_TYPES.has(attribute.type)) bad = badNumberCondition(value, here);
      else if (attribute.type === 'json') bad = isObject(value) && Object.keys(value).every((k) => PRESENCE_OPERATORS.has(k)) ? null : here;
      else if (attribute.type === 'relation' && attribute.target) bad = badFilterValue(modelOf, attribute.target, value, here, depth + 1);
      else if (attribute.type === 'component') bad = badFilterValue(modelOf, attribute.component, value, here, depth + 1);
    }
    if (bad) return bad;
  }
  return null;
}

/** The same check for the `filters` inside a populate tree (object form). */
export function badPopulateFilterValue(modelOf: (uid: string) => Model, uid: string, populate: unknown, path: Path = ['populate'], depth = 0): Path | null {
  if (!isObject(populate) || depth > 10) return null;
  const model = modelOf(uid);
  for (const [key, node] of Object.entries(populate)) {
    const attribute = model?.attributes?.[key];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : null;
    if (!target || !isObject(node)) continue;
    const bad = badFilterValue(modelOf, target, node.filters, [...path, key, 'filters']) ?? badPopulateFilterValue(modelOf, target, node.populate, [...path, key, 'populate'], depth + 1);
    if (bad) return bad;
  }
  return null;
}
