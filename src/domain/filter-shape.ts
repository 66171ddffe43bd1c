// Strapi's query layer throws plain errors (→ 500) on some malformed filter shapes, such as
// `filters[$and]=x` or `filters[title][$eq][$eq]=1`. This checks the shape of a REST `filters`
// (and populate filters) tree first, so bad input is a 400 with the offending path.
type Path = string[];

const LOGICAL = new Set(['$and', '$or']);
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays into objects with numeric keys; both mean a list. */
const listItems = (v: unknown): unknown[] | null =>
  Array.isArray(v) ? v : isObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k)) ? Object.values(v) : null;

function checkTree(value: unknown, path: Path): Path | null {
  if (isScalar(value)) return null;
  const items = listItems(value);
  if (items) return items.every(isScalar) ? null : path;
  if (!isObject(value)) return path;
  for (const [key, inner] of Object.entries(value)) {
    const here = [...path, key];
    let bad: Path | null = null;
    if (LOGICAL.has(key)) {
      const list = listItems(inner);
      if (!list) return here;
      for (const [i, entry] of list.entries()) {
        bad = isObject(entry) ? checkTree(entry, [...here, String(i)]) : [...here, String(i)];
        if (bad) break;
      }
    } else if (LIST_OPERATORS.has(key)) {
      const list = listItems(inner);
      if (list ? !list.every(isScalar) : !isScalar(inner)) bad = here;
    } else if (key === '$not') {
      // `$not` negates a condition: an operator map or a nested filter, never a bare value.
      bad = isObject(inner) ? checkTree(inner, here) : here;
    } else if (key.startsWith('$')) {
      if (!isScalar(inner)) bad = here;
    } else {
      // An attribute: a value, a list, an operator map or a nested relation filter.
      bad = checkTree(inner, here);
    }
    if (bad) return bad;
  }
  return null;
}

/** The path of the first malformed node of a filters tree, or null when the shape is sound. */
export function checkFilters(filters: unknown, path: Path = ['filters']): Path | null {
  if (filters === undefined) return null;
  return isObject(filters) ? checkTree(filters, path) : path;
}

/** Same check for the `filters` found anywhere inside an object-form populate. */
export function checkPopulateFilters(populate: unknown, path: Path = ['populate']): Path | null {
  if (!isObject(populate)) return null;
  for (const [key, value] of Object.entries(populate)) {
    if (!isObject(value)) continue;
    const here = [...path, key];
    const bad = checkFilters(value.filters, [...here, 'filters']) ?? checkPopulateFilters(value.populate, [...here, 'populate']) ??
      (isObject(value.on) ? checkPopulateFilters(value.on, [...here, 'on']) : null);
    if (bad) return bad;
  }
  return null;
}
