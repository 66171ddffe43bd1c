// The hash of a document's public content: what the reviewers approved and the secrecy reviewer
// signed. Relations count by documentId, media by the SHA-256 of the stored bytes (`sha256`,
// computed when Strapi writes or replaces the file and kept with it) with the record's `hash`
// (which names its URL), size and mime; components and dynamic zones by their content;
// timestamps, workflow bookkeeping and private fields do not count.
import { canonicalJson, sha256 } from './canonical';

export interface AttributeInfo {
  type: string;
  private?: boolean;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
}
export type SchemaLookup = (uid: string) => { attributes: Record<string, AttributeInfo> };

const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const mediaKey = (file: any) =>
  file ? { sha256: file.sha256 ?? null, hash: file.hash ?? null, size: file.size ?? null, mime: file.mime ?? null } : null;
const relationKey = (doc: any) => (doc ? doc.documentId ?? null : null);

/** A type's attribute without a value does not count, so adding one to a type changes no existing hash. */
const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

function normalise(uid: string, entity: any, schemas: SchemaLookup, excluded: Set<string>, top = false): Record<string, unknown> {
  const { attributes } = schemas(uid);
  const out: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SYSTEM_FIELDS.has(name) || excluded.has(name) || attribute.private) continue;
    const value = entity?.[name];
    if (top && isEmpty(value)) continue;
    switch (attribute.type) {
      case 'relation':
        if (attribute.relation?.startsWith('morph')) continue;
        out[name] = Array.isArray(value) ? value.map(relationKey) : relationKey(value);
        break;
      case 'media':
        out[name] = Array.isArray(value) ? value.map(mediaKey) : mediaKey(value);
        break;
      case 'component':
        out[name] = Array.isArray(value)
          ? value.map((c) => normalise(attribute.component!, c, schemas, new Set()))
          : value
            ? normalise(attribute.component!, value, schemas, new Set())
            : null;
        break;
      case 'dynamiczone':
        out[name] = (value ?? []).map((c: any) => ({ __component: c.__component, ...normalise(c.__component, c, schemas, new Set()) }));
        break;
      case 'password':
        break;
      default:
        out[name] = value instanceof Date ? value.toISOString() : value ?? null;
    }
  }
  return out;
}

export function publicContent(uid: string, entity: any, schemas: SchemaLookup, excluded: string[] = []) {
  return normalise(uid, entity, schemas, new Set(excluded), true);
}

/**
 * Canonical content stored under the earlier rule (every attribute, empty ones as null or []) as
 * the current rule gives it: excluded and empty attributes dropped. Carries approvals over.
 */
export function currentCanonical(content: Record<string, unknown>, excluded: string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(content).filter(([name, value]) => !excluded.includes(name) && !isEmpty(value)));
}

export function contentHash(uid: string, entity: any, schemas: SchemaLookup, excluded: string[] = []): string {
  return sha256(canonicalJson(publicContent(uid, entity, schemas, excluded)));
}

/** The populate tree that loads everything `contentHash` reads, and nothing more. */
export function hashPopulate(uid: string, schemas: SchemaLookup, depth = 0): Record<string, unknown> {
  const populate: Record<string, unknown> = {};
  if (depth > 10) return populate;
  for (const [name, attribute] of Object.entries(schemas(uid).attributes)) {
    if (SYSTEM_FIELDS.has(name) || attribute.private) continue;
    if (attribute.type === 'relation' && !attribute.relation?.startsWith('morph')) populate[name] = { select: ['documentId'] };
    if (attribute.type === 'media') populate[name] = { select: ['sha256', 'hash', 'size', 'mime'] };
    if (attribute.type === 'component') populate[name] = { populate: hashPopulate(attribute.component!, schemas, depth + 1) };
    if (attribute.type === 'dynamiczone') populate[name] = true;
  }
  return populate;
}
