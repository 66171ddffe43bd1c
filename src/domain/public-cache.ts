// The in-process cache of anonymous public reads: a least-recently-used map bounded in bytes, with a
// generation number so an answer computed before an invalidation is never stored after it, and the
// HTTP rules (strong ETag, If-None-Match, Cache-Control) the middleware applies. No Strapi import.
import { createHash } from 'crypto';

export interface CachedResponse {
  status: number;
  /** Headers the route set (Content-Type, Content-Disposition…), replayed on a hit. */
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
}

export class ByteLru<V> {
  private entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;
  /** Bumped by every clear(): a value computed under an older generation is not stored. */
  generation = 0;

  constructor(private readonly maxBytes: number, private readonly sizeOf: (value: V) => number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key); // re-insert: Map order is the recency order
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` computed under `generation`; false when it is stale or does not fit. */
  set(key: string, value: V, generation: number): boolean {
    if (generation !== this.generation) return false;
    const bytes = this.sizeOf(value) + key.length;
    if (bytes > this.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    return true;
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  clear() {
    this.generation += 1;
    this.entries.clear();
    this.used = 0;
  }

  get size() {
    return this.entries.size;
  }

  get bytes() {
    return this.used;
  }
}

/**
 * The cache key: the URL, and what the CORS answer depends on — the request's Origin and the
 * server's own origin (protocol and Host) — so a stored answer's headers are those of a full one.
 */
export const cacheKey = (r: { protocol: string; host: string; origin: string; url: string }) => `${r.protocol}://${r.host}\n${r.origin}\n${r.url}`;

/** Strong validator: the SHA-256 of the exact bytes sent. */
export const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url')}"`;

/** RFC 9110 §13.1.2: `*` or a list of entity tags; weak ones compare by their opaque tag. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export const cacheControl = ({ maxAge, staleWhileRevalidate }: { maxAge: number; staleWhileRevalidate: number }) =>
  `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`;

export const responseBytes = (r: CachedResponse) => r.body.length + r.etag.length + Object.entries(r.headers).reduce((n, [k, v]) => n + k.length + v.length, 0) + 64;

/** Public read paths under the REST prefix: the catalogue and the Public role's collection reads. */
export function isPublicReadPath(path: string, prefix: string, collections: string[]): boolean {
  if (!path.startsWith(`${prefix}/`)) return false;
  const rest = path.slice(prefix.length + 1).split('/');
  if (rest[0] === 'catalogue') return rest.length === 1 || (rest.length === 2 && ['lookup', 'export.csv', 'export.json'].includes(rest[1]));
  return collections.includes(rest[0]) && rest.length <= 2 && rest.every(Boolean);
}
