// The process's cache of anonymous public reads and how it is invalidated. Any committed write
// that can alter public output (the public content types' published rows, their components,
// uploaded files, the Public role's permissions; not an editor's draft save) clears every entry: locally at once and again at commit, and on every
// other instance through PostgreSQL LISTEN/NOTIFY (delivered at commit). While the listening
// connection is down the cache is not used at all: a missed notification cannot leave a stale entry.
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import { ByteLru, responseBytes, type CachedResponse } from '../../domain/public-cache';
import { PUBLIC_CONTENT_TYPES } from '../../constants';
import { localDate } from '../../domain/local-date';

export const CHANNEL = 'disclosure_public_cache';
const RECONNECT_MS = 500;
const OTHER_MODELS = ['plugin::upload.file', 'plugin::users-permissions.permission', 'plugin::users-permissions.role'];
const ACTIONS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'];

export interface PublicCacheSettings {
  enabled: boolean;
  maxAge: number;
  staleWhileRevalidate: number;
  maxBytes: number;
}

export interface PublicCacheStore {
  settings: PublicCacheSettings;
  /** False while PostgreSQL notifications may be missed (listener down): no reads, no fills. Clears the cache when the site's local date has changed. */
  usable(): boolean;
  responses: ByteLru<CachedResponse>;
  /** Exact catalogue totals per filter (the list's count), under the same invalidation; kept also with PUBLIC_CACHE=false. */
  counts: ByteLru<number>;
  /** Collection path segments under /api whose anonymous reads are cached. */
  collections: string[];
  clear(reason: string): void;
  /** A committed public change the lifecycles cannot see (raw tables such as the search index): cleared here and on every instance. */
  changed(reason: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A database lifecycle event of a write to a draft row of a draft-and-publish type (an editor's
 * save), which cannot alter public output: only when the written row says so — a row returned
 * without `publishedAt`, a write that sets it, or a bulk write counts as public.
 */
export const isDraftWrite = (strapi: Core.Strapi, event: any): boolean =>
  Boolean((strapi.getModel(event.model.uid) as any)?.options?.draftAndPublish) &&
  event.result !== null && typeof event.result === 'object' && Object.hasOwn(event.result, 'publishedAt') && event.result.publishedAt === null &&
  event.params?.data?.publishedAt == null;

let store: PublicCacheStore | undefined;
export const publicCache = (): PublicCacheStore | undefined => store;

/** An exact total kept per key under the cache's invalidation (the catalogue's and the search's, per filter). */
export async function cachedCount(key: string, compute: () => Promise<number>): Promise<number> {
  const cache = store;
  const cached = cache?.usable() ? cache.counts.get(key) : undefined;
  if (cached !== undefined) return cached;
  const generation = cache?.counts.generation;
  const total = await compute();
  if (cache?.usable()) cache.counts.set(key, total, generation!);
  return total;
}

export function startPublicCache(strapi: Core.Strapi): PublicCacheStore {
  const settings = strapi.config.get<PublicCacheSettings>('disclosure.publicCache');
  const instance = randomUUID();
  const isPostgres = strapi.db.dialect.client === 'postgres';
  const responses = new ByteLru<CachedResponse>(settings.maxBytes, responseBytes);
  const counts = new ByteLru<number>(1 << 20, () => 16);
  let listening = !isPostgres;
  let stopped = false;
  let listener: Client | undefined;

  const clear = (reason: string) => {
    responses.clear();
    counts.clear();
    strapi.log.debug(`[public-cache] cleared: ${reason}`);
  };

  // Answers may carry the site's date (an export's file name): a new local day starts afresh.
  const timeZone = strapi.config.get<string>('disclosure.timeZone');
  let day = localDate(new Date(), timeZone);
  let dayCheckedAt = Date.now();
  function startOfDay() {
    const now = Date.now();
    if (now - dayCheckedAt < 1000) return;
    dayCheckedAt = now;
    const today = localDate(new Date(now), timeZone);
    if (today !== day) clear(`a new day (${(day = today)})`);
  }

  async function changed(reason: string) {
    clear(reason);
    if (isPostgres) await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [CHANNEL, instance]);
  }

  const models = new Set<string>([...PUBLIC_CONTENT_TYPES, ...OTHER_MODELS]);
  for (const uid of PUBLIC_CONTENT_TYPES) {
    for (const attribute of Object.values<any>(strapi.getModel(uid as any).attributes)) {
      if (attribute.type === 'component') models.add(attribute.component);
      if (attribute.type === 'dynamiczone') for (const c of attribute.components) models.add(c);
    }
  }

  async function written(event: any) {
    if (!models.has(event.model.uid) || isDraftWrite(strapi, event)) return;
    if (!strapi.db.inTransaction()) return changed(`${event.action} ${event.model.uid}`);
    clear(`${event.action} ${event.model.uid}`);
    // Inside the writer's transaction: the NOTIFY goes out at its commit (and not on rollback);
    // entries filled between this write and the commit are dropped at commit.
    await strapi.db.transaction(async ({ trx, onCommit }) => {
      onCommit(() => clear(`commit after ${event.action} ${event.model.uid}`));
      if (isPostgres) await trx.raw('SELECT pg_notify(?, ?)', [CHANNEL, instance]);
    });
  }
  strapi.db.lifecycles.subscribe(Object.fromEntries(ACTIONS.map((action) => [action, written])) as any);

  async function listen() {
    const { connection } = strapi.config.get<any>('database.connection');
    const client = new Client(connection);
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = undefined;
      listening = false;
      clear(`notification connection lost${error ? `: ${error.message}` : ''}`);
      client.end().catch(() => {});
      if (!stopped) setTimeout(() => listen().catch(() => {}), RECONNECT_MS);
    };
    listener = client;
    client.on('error', lost);
    client.on('end', () => lost());
    // Every notification, our own included: ours arrives at commit, after reads that saw the old rows.
    client.on('notification', (message) => clear(`notified by ${message.payload === instance ? 'this instance' : 'another instance'}`));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      clear('listening (again)');
      listening = true;
    } catch (error) {
      lost(error as Error);
    }
  }
  if (isPostgres) listen().catch(() => {});

  store = {
    settings,
    usable: () => {
      startOfDay();
      return listening;
    },
    responses,
    counts,
    collections: PUBLIC_CONTENT_TYPES.map((uid) => {
      const { info, kind } = strapi.getModel(uid as any) as any;
      return kind === 'singleType' ? info.singularName : info.pluralName;
    }),
    clear,
    changed,
    async stop() {
      stopped = true;
      const client = listener;
      listener = undefined;
      if (client) await client.end().catch(() => {});
    },
  };
  return store;
}
