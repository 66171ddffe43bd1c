// Anonymous public reads: strong ETag, Cache-Control, 304, the in-process cache (a hit carries the
// same headers as a full answer), never for authenticated requests, and cleared by every change
// that alters public output — locally, and on PostgreSQL by LISTEN/NOTIFY.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, DEPARTMENT, http, makeDepartment, makeItem, makeApiToken, unique } = require('../helpers/fixtures');
const { publicCache, CHANNEL } = require('../../dist/src/middlewares/lib/public-cache-store');
const { cacheKey } = require('../../dist/src/domain/public-cache');

let department;
let marker;
const ORIGIN = 'https://portal.example.org';

beforeAll(async () => {
  await setupStrapi();
  // One port for the whole file (supertest reuses a listening server): the Host is part of the key.
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  marker = unique('缓存');
  department = await makeDepartment({ name: `缓存测试局${marker}` });
});
afterAll(async () => {
  await new Promise((r) => strapi.server.httpServer.close(r));
  await cleanupStrapi();
});

const catalogue = (query = {}) => http().get('/api/catalogue').query({ q: marker, ...query }).set('Origin', ORIGIN);
const titles = (res) => res.body.data.map((r) => r.title);
const cached = (url, origin = '') => publicCache().responses.get(cacheKey({ protocol: 'http', host: `127.0.0.1:${strapi.server.httpServer.address().port}`, origin, url }));
const withoutDate = ({ date: _d, ...headers }) => headers;
const waitFor = async (check, ms = 1000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not within the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('HTTP caching of public reads', () => {
  it('sends a strong ETag, Cache-Control and Vary, and answers If-None-Match with 304', async () => {
    await makeItem(department, { title: `${marker} 甲` });
    const res = await catalogue();
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['cache-control']).toBe('public, max-age=10, stale-while-revalidate=30');
    expect(res.headers.vary).toMatch(/Origin/);
    const again = await catalogue().set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(res.headers.etag);
    expect(again.text).toBeFalsy();
    expect((await catalogue().set('If-None-Match', '"other"')).status).toBe(200);
  });

  it('a cached answer has the same headers and bytes as the full one', async () => {
    const query = { pageSize: 7 };
    const first = await catalogue(query);
    const url = first.req.path;
    expect(cached(url, ORIGIN)).toBeDefined();
    const second = await catalogue(query);
    expect(withoutDate(second.headers)).toEqual(withoutDate(first.headers));
    expect(second.text).toBe(first.text);
    expect(first.headers['access-control-allow-origin']).toBeDefined();
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    // Another Origin (the server's own: CORS with credentials): its own entry, replayed exactly.
    const own = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const ownFull = await http().get(url).set('Origin', own);
    expect(ownFull.headers['access-control-allow-credentials']).toBe('true');
    expect(cached(url, own)).toBeDefined();
    const ownHit = await http().get(url).set('Origin', own);
    expect(withoutDate(ownHit.headers)).toEqual(withoutDate(ownFull.headers));
    expect(withoutDate(ownHit.headers)).not.toEqual(withoutDate(first.headers));
    // Without Origin (strapi::cors answers `*`): the same, hit or not.
    const plain = await http().get(url);
    expect(withoutDate((await http().get(url)).headers)).toEqual(withoutDate(plain.headers));
  });

  it('covers lookup, exports and the Public role REST reads', async () => {
    const item = await makeItem(department, { title: `${marker} 乙` });
    for (const path of [
      `/api/catalogue/lookup?indexNumber=${encodeURIComponent(item.indexNumber)}`,
      `/api/catalogue/export.csv?q=${encodeURIComponent(marker)}`,
      `/api/catalogue/export.json?q=${encodeURIComponent(marker)}`,
      `/api/disclosure-items/${item.documentId}`,
      `/api/departments/${department.documentId}`,
      '/api/disclosure-categories?pagination[pageSize]=5',
      '/api/handling-procedures?pagination[pageSize]=5',
    ]) {
      const res = await http().get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.etag).toBeDefined();
      expect(cached(path)).toBeDefined();
      expect((await http().get(path).set('If-None-Match', res.headers.etag)).status).toBe(304);
    }
    const csv = await http().get(`/api/catalogue/export.csv?q=${encodeURIComponent(marker)}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
  });

  it('never serves or stores a request with credentials', async () => {
    const token = await makeApiToken('read-only');
    const path = `/api/departments/${department.documentId}?fields[0]=name`;
    const res = await http().get(path).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control'] ?? '').not.toMatch(/public/);
    expect(cached(path)).toBeUndefined();
    await http().get(path); // anonymous: now cached
    expect(cached(path)).toBeDefined();
    const again = await http().get(path).set('Authorization', 'Bearer not-a-token');
    expect(again.status).toBe(401); // not the anonymous cached answer
  });
});

describe('invalidation', () => {
  it('涉密, 不予公开 and unpublish leave the cached list at once', async () => {
    const a = await makeItem(department, { title: `${marker} 丙` });
    const b = await makeItem(department, { title: `${marker} 丁` });
    const c = await makeItem(department, { title: `${marker} 戊` });
    expect(titles(await catalogue())).toEqual(expect.arrayContaining([`${marker} 丙`, `${marker} 丁`, `${marker} 戊`]));
    await strapi.documents(ITEM).update({ documentId: a.documentId, data: { classified: true, disclosure: 'on_request' } });
    expect(titles(await catalogue())).not.toContain(`${marker} 丙`);
    await strapi.documents(ITEM).update({ documentId: b.documentId, data: { disclosure: 'withheld', exemptionReason: 'processInfo' } });
    expect(titles(await catalogue())).not.toContain(`${marker} 丁`);
    await strapi.documents(ITEM).unpublish({ documentId: c.documentId });
    const after = await catalogue();
    expect(titles(after)).not.toContain(`${marker} 戊`);
    expect(after.body.meta.pagination.total).toBe(after.body.data.length);
  });

  it('a write through the query engine (as the scheduler and expiry do) and a department rename invalidate', async () => {
    const item = await makeItem(department, { title: `${marker} 己` });
    const lookup = () => http().get('/api/catalogue/lookup').query({ indexNumber: item.indexNumber });
    expect((await lookup()).status).toBe(200);
    await strapi.db.query(ITEM).updateMany({ where: { documentId: item.documentId }, data: { validity: 'repealed' } });
    expect((await lookup()).body.data.validity).toBe('repealed');
    await strapi.documents(DEPARTMENT).update({ documentId: department.documentId, data: { name: `改名局${marker}` } });
    expect((await lookup()).body.data.department.name).toBe(`改名局${marker}`);
  });

  it('a Public-role permission change invalidates', async () => {
    const path = `/api/departments/${department.documentId}`;
    expect((await http().get(path)).status).toBe(200);
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action: 'api::department.department.findOne', role: role.id } });
    await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    try {
      expect((await http().get(path)).status).toBe(403);
    } finally {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: permission.action, role: role.id } });
    }
    expect((await http().get(path)).status).toBe(200);
  });

  it("an editor's draft save keeps the cache; publishing it clears it", async () => {
    const item = await makeItem(department, { title: `${marker} 辛` });
    // On PostgreSQL the publish's own NOTIFY comes back a moment later: let it arrive first.
    for (let seen = -1; seen !== publicCache().responses.generation; ) {
      seen = publicCache().responses.generation;
      await new Promise((r) => setTimeout(r, 300));
    }
    const first = await catalogue({ pageSize: 9 });
    expect(titles(first)).toContain(`${marker} 辛`);
    const url = first.req.path;
    expect(cached(url, ORIGIN)).toBeDefined();
    const generation = publicCache().responses.generation;
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { title: `${marker} 辛（修订稿）` } });
    expect(publicCache().responses.generation).toBe(generation);
    expect(cached(url, ORIGIN)).toBeDefined();
    expect(titles(await catalogue({ pageSize: 9 }))).toContain(`${marker} 辛`);
    // The revised draft goes out through the gate: the published row is rewritten, the cache cleared.
    await require('../helpers/workflow').approveAndPublish(ITEM, item.documentId);
    expect(cached(url, ORIGIN)).toBeUndefined();
    expect(titles(await catalogue({ pageSize: 9 }))).toContain(`${marker} 辛（修订稿）`);
  });

  it('a new local day starts with an empty cache (an export names its date)', async () => {
    const path = `/api/catalogue/export.csv?q=${encodeURIComponent(marker)}`;
    const today = await http().get(path);
    expect(today.headers['content-disposition']).toMatch(/catalogue-\d{4}-\d{2}-\d{2}\.csv/);
    expect(cached(path)).toBeDefined();
    const now = Date.now();
    const tomorrow = jest.spyOn(Date, 'now').mockReturnValue(now + 24 * 3600 * 1000);
    try {
      expect(publicCache().usable()).toBe(true);
      expect(cached(path)).toBeUndefined();
    } finally {
      tomorrow.mockRestore();
    }
  });

  it('an answer computed before a change is not stored after it', async () => {
    const cache = publicCache();
    const generation = cache.responses.generation;
    await makeItem(department, { title: `${marker} 庚` });
    expect(cache.responses.generation).toBeGreaterThan(generation);
    expect(cache.responses.set('/stale', { status: 200, headers: {}, body: Buffer.from('x'), etag: '"x"' }, generation)).toBe(false);
  });

  (/^postgres/.test(process.env.DATABASE_URL || '') ? it : it.skip)('PostgreSQL: a NOTIFY from another instance clears within 1 s', async () => {
    await catalogue();
    expect(publicCache().responses.size).toBeGreaterThan(0);
    await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [CHANNEL, 'another-instance']);
    await waitFor(() => publicCache().responses.size === 0);
  });

  (/^postgres/.test(process.env.DATABASE_URL || '') ? it : it.skip)('PostgreSQL: a lost notification connection empties and bypasses the cache until it is listening again', async () => {
    await catalogue();
    expect(publicCache().responses.size).toBeGreaterThan(0);
    const listeners = `SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN ${CHANNEL}' AND pid <> pg_backend_pid()`;
    expect((await strapi.db.connection.raw(listeners)).rows.length).toBeGreaterThan(0);
    await strapi.db.connection.raw(`SELECT pg_terminate_backend(pid) FROM (${listeners}) AS l`);
    await waitFor(() => !publicCache().usable());
    expect(publicCache().responses.size).toBe(0);
    await waitFor(() => publicCache().usable(), 5000);
    // Listening again: answers are stored, and a notification clears them.
    await catalogue();
    expect(publicCache().responses.size).toBeGreaterThan(0);
    await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [CHANNEL, 'another-instance']);
    await waitFor(() => publicCache().responses.size === 0);
  });
});
