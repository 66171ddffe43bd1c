// Malformed query parameters are a 400 naming the parameter, never a 500 from the query layer.
//
// The guard sits where Strapi validates a content-API query — `strapi.contentAPI.validate.query`,
// called by every core controller (REST, whatever the spelling of the path: `/api`, `/API`, `/Api`
// all route) and by every GraphQL resolver — and runs before Strapi's own validators. Strapi lets
// through shapes its query layer then fails on: `filters[$and]=x`, `filters[title][$eq][$eq]=1`,
// sort paths with empty segments (`sort=..`, `sort=title.`, `sort=.title`), and similar.
//
// Not a Koa middleware (no default export): it is installed once at register (src/index.ts).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkFilters, checkPopulateFilters } from '../domain/filter-shape';

type Path = string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays into objects with numeric keys; both mean a list. */
const listItems = (v: unknown): unknown[] | null =>
  Array.isArray(v) ? v : isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => /^\d+$/.test(k)) ? Object.values(v) : null;

/** An attribute path: dot-separated names, none empty, no spaces or control characters. */
const NAME = /^[^\s.:,\u0000-\u001f\u007f]+$/;
const goodPath = (path: string) => path.split('.').every((part) => NAME.test(part));
const ORDERS = new Set(['asc', 'desc']);

function checkSortString(value: string, path: Path): Path | null {
  for (const segment of value.split(',').map((s) => s.trim())) {
    if (!segment) continue; // Strapi drops empty segments itself
    const [field, order, ...rest] = segment.split(':').map((s) => s.trim());
    if (!goodPath(field) || rest.length > 0 || (order !== undefined && !ORDERS.has(order.toLowerCase()))) return path;
  }
  return null;
}

function checkSortObject(value: Record<string, unknown>, path: Path): Path | null {
  for (const [key, inner] of Object.entries(value)) {
    const here = [...path, key];
    if (!goodPath(key)) return here;
    if (isObject(inner)) {
      const bad = checkSortObject(inner, here);
      if (bad) return bad;
    } else if (typeof inner !== 'string' || (inner.trim() && !ORDERS.has(inner.trim().toLowerCase()))) {
      return here;
    }
  }
  return null;
}

/** `sort`: a string (`a:asc,b.c:desc`), a list of strings or of `{ attribute: order }` objects. */
export function checkSort(sort: unknown, path: Path = ['sort']): Path | null {
  if (sort === undefined || sort === null) return null;
  if (typeof sort === 'string') return checkSortString(sort, path);
  const items = listItems(sort);
  if (items) {
    for (const [i, item] of items.entries()) {
      const here = [...path, String(i)];
      const bad = typeof item === 'string' ? checkSortString(item, here) : isObject(item) ? checkSortObject(item, here) : here;
      if (bad) return bad;
    }
    return null;
  }
  return isObject(sort) ? checkSortObject(sort, path) : path;
}

/** `fields`: attribute names (no paths), as a comma-separated string or a list of them. */
export function checkFields(fields: unknown, path: Path = ['fields']): Path | null {
  if (fields === undefined || fields === null) return null;
  const items = typeof fields === 'string' ? [fields] : listItems(fields);
  if (!items) return path;
  for (const [i, item] of items.entries()) {
    const here = typeof fields === 'string' ? path : [...path, String(i)];
    if (typeof item !== 'string') return here;
    if (!item.split(',').every((name) => name.trim() === '*' || NAME.test(name.trim()))) return here;
  }
  return null;
}

/** `populate`: `*`, relation paths (`a.b`), lists of them, or the object form (recursively). */
export function checkPopulate(populate: unknown, path: Path = ['populate']): Path | null {
  if (populate === undefined || populate === null || typeof populate === 'boolean') return null;
  const pathsOk = (s: string) => s.split(',').every((p) => p.trim() === '' || p.trim() === '*' || goodPath(p.trim()));
  if (typeof populate === 'string') return pathsOk(populate) ? null : path;
  const items = listItems(populate);
  if (items) {
    for (const [i, item] of items.entries()) if (typeof item !== 'string' || !pathsOk(item)) return [...path, String(i)];
    return null;
  }
  if (!isObject(populate)) return path;
  for (const [key, value] of Object.entries(populate)) {
    const here = [...path, key];
    if (key !== '*' && !NAME.test(key)) return here;
    if (value === true || value === false || value === 'true' || value === 'false' || value === '*') continue;
    if (!isObject(value)) return here;
    const bad =
      (value.sort !== undefined ? checkSort(value.sort, [...here, 'sort']) : null) ??
      (value.fields !== undefined ? checkFields(value.fields, [...here, 'fields']) : null) ??
      (value.populate !== undefined ? checkPopulate(value.populate, [...here, 'populate']) : null) ??
      (isObject(value.on) ? checkPopulate(value.on, [...here, 'on']) : value.on !== undefined ? [...here, 'on'] : null);
    if (bad) return bad;
  }
  return null;
}

/** The first malformed parameter of a content-API query (`filters`, `populate`, `sort`, `fields`), or null. */
export function checkQueryShape(query: unknown): Path | null {
  if (!isObject(query)) return null;
  return (
    checkFilters(query.filters) ??
    checkPopulateFilters(query.populate) ??
    checkSort(query.sort) ??
    checkFields(query.fields) ??
    checkPopulate(query.populate)
  );
}

export function queryShapeError(bad: Path) {
  const param = bad[0];
  const message = param === 'filters' || bad.includes('filters')
    ? `查询条件格式错误 / malformed filter at ${bad.join('.')}`
    : `查询参数格式错误 / malformed ${param} at ${bad.join('.')}`;
  return new errors.ValidationError(message, { errors: [{ path: bad, message, name: 'ValidationError' }] });
}

type Model = { attributes?: Record<string, any> } | undefined;
type GetModel = (uid: string) => Model;
const targetModel = (attribute: any, getModel: GetModel): Model => {
  const uid = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : attribute?.type === 'media' ? 'plugin::upload.file' : null;
  return uid ? getModel(uid) : undefined;
};

/** A sort path that goes on below a plain attribute (`title.x`, `sort[title][x]=asc`) — the query layer fails on it. */
function sortPathPastScalar(model: Model, parts: string[], getModel: GetModel): boolean {
  let current = model;
  for (const [i, part] of parts.entries()) {
    const attribute = current?.attributes?.[part];
    if (!attribute) return false; // unknown keys: Strapi's own validator answers them (400)
    if (i === parts.length - 1) return false;
    current = targetModel(attribute, getModel);
    if (!current) return true;
  }
  return false;
}

/** Sort paths checked against the model: nesting only below relations, components and media. */
export function checkSortAgainstModel(sort: unknown, model: Model, getModel: GetModel, path: Path = ['sort']): Path | null {
  if (!model?.attributes || sort === undefined || sort === null) return null;
  const fromString = (value: string, here: Path) =>
    value.split(',').some((segment) => segment.trim() && sortPathPastScalar(model, segment.split(':')[0].trim().split('.'), getModel)) ? here : null;
  const fromObject = (value: Record<string, unknown>, prefix: string[], here: Path): Path | null => {
    for (const [key, inner] of Object.entries(value)) {
      const parts = [...prefix, key];
      if (isObject(inner)) {
        if (sortPathPastScalar(model, [...parts, '\u0000'], getModel)) return [...here, key];
        const bad = fromObject(inner, parts, [...here, key]);
        if (bad) return bad;
      }
    }
    return null;
  };
  if (typeof sort === 'string') return fromString(sort, path);
  const items = listItems(sort);
  if (items) {
    for (const [i, item] of items.entries()) {
      const here = [...path, String(i)];
      const bad = typeof item === 'string' ? fromString(item, here) : isObject(item) ? fromObject(item, [], here) : null;
      if (bad) return bad;
    }
    return null;
  }
  return isObject(sort) ? fromObject(sort, [], path) : null;
}

/** Runs the shape check before Strapi's own content-API query validation (REST and GraphQL). */
export function guardContentApiQueries(strapi: Core.Strapi) {
  const validate = strapi.contentAPI.validate as any;
  const original = validate.query.bind(validate);
  validate.query = async (query: unknown, schema: unknown, options: unknown) => {
    const bad = checkQueryShape(query) ?? checkSortAgainstModel((query as any)?.sort, schema as Model, (uid) => strapi.getModel(uid as any) as Model);
    if (bad) throw queryShapeError(bad);
    return original(query, schema, options);
  };
}
