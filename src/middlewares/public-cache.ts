// Anonymous public reads (catalogue list, lookup, exports; REST reads of the public content types)
// get a strong ETag, `Cache-Control: public, max-age, stale-while-revalidate`, a 304 on a matching
// If-None-Match, and are answered from the in-process cache (lib/public-cache-store.ts) when
// possible. It runs before strapi::security and strapi::cors and stores every header the rest of
// the chain set; what those depend on (the Origin, and the server's own origin from Host and
// protocol) is part of the key, so a hit replays exactly the headers of a full answer.
// A request with an Authorization or Cookie header is neither served from nor stored in the cache.
import { Readable } from 'stream';
import { cacheControl, cacheKey, etagOf, isPublicReadPath, matchesIfNoneMatch, type CachedResponse } from '../domain/public-cache';
import { publicCache } from './lib/public-cache-store';

async function bytesOf(body: unknown): Promise<Buffer | undefined> {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  if (body && typeof body === 'object') return Buffer.from(JSON.stringify(body));
  return undefined;
}

function send(ctx: any, entry: CachedResponse, settings: { maxAge: number; staleWhileRevalidate: number }) {
  for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
  ctx.vary('Origin');
  ctx.set('ETag', entry.etag);
  ctx.set('Cache-Control', cacheControl(settings));
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), entry.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = entry.status;
  ctx.body = entry.body;
}

export default (_config, { strapi }) => {
  const prefix = strapi.config.get('api.rest.prefix', '/api');
  return async (ctx, next) => {
    const cache = publicCache();
    if (!cache?.settings.enabled || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || !isPublicReadPath(ctx.path, prefix, cache.collections)) return next();
    if (ctx.get('Authorization') || ctx.get('Cookie')) return next();
    const key = cacheKey({ protocol: ctx.protocol, host: ctx.host, origin: ctx.get('Origin'), url: ctx.url });
    const usable = cache.usable();
    const hit = usable ? cache.responses.get(key) : undefined;
    if (hit) return send(ctx, hit, cache.settings);

    const generation = cache.responses.generation;
    await next();
    if (ctx.status !== 200) return;
    const body = await bytesOf(ctx.body);
    if (!body) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries<any>(ctx.response.headers)) {
      if (name !== 'content-length') headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const entry: CachedResponse = { status: 200, headers, body, etag: etagOf(body) };
    if (usable && cache.usable()) cache.responses.set(key, entry, generation);
    send(ctx, entry, cache.settings);
  };
};
