// A fresh clone's first start: an empty database with the demo county must still let the first
// administrator register (the demo staff are admin users, but none is a super admin).
const { useFreshDatabase } = require('../helpers/fresh-db');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http } = require('../helpers/fixtures');

let fresh;
// Seeding the demo county publishes ~200 items through the chain: minutes on a busy PostgreSQL.
beforeAll(async () => {
  fresh = await useFreshDatabase({ DEMO_DATA: 'true' });
  await setupStrapi();
}, 600000);
afterAll(async () => {
  await cleanupStrapi();
  await fresh.restore();
});

const FIRST = { firstname: '县', lastname: '管理员', email: 'admin@qingxi.example.gov.cn', password: 'Qingxi2026!admin' };

it('offers registration on a demo database where nobody has registered', async () => {
  expect(await strapi.db.query('admin::user').count({ where: { email: { $endsWith: '@qingxi.example.gov.cn' } } })).toBeGreaterThan(0);
  const init = await http().get('/admin/init');
  expect(init.status).toBe(200);
  expect(init.body.data.hasAdmin).toBe(false);
});

it('registers the first administrator as super admin, logs in, and closes registration', async () => {
  const registered = await http().post('/admin/register-admin').send(FIRST);
  expect(registered.status).toBe(200);
  expect(registered.body.data.user.email).toBe(FIRST.email);
  const user = await strapi.db.query('admin::user').findOne({ where: { email: FIRST.email }, populate: ['roles'] });
  expect(user.roles.map((r) => r.code)).toEqual(['strapi-super-admin']);
  expect((await http().get('/admin/init')).body.data.hasAdmin).toBe(true);

  const login = await http().post('/admin/login').send({ email: FIRST.email, password: FIRST.password });
  expect(login.status).toBe(200);
  expect(login.body.data.token).toEqual(expect.any(String));

  const again = await http().post('/admin/register-admin').send({ ...FIRST, email: 'second@qingxi.example.gov.cn' });
  expect(again.status).toBe(400);
  expect(again.body.error.message).toBe('You cannot register a new super admin');
  expect(await strapi.db.query('admin::user').count({ where: { email: 'second@qingxi.example.gov.cn' } })).toBe(0);
});

it('keeps the attribute form of exists() as Strapi has it', async () => {
  const users = strapi.service('admin::user');
  expect(await users.exists({ email: FIRST.email })).toBe(true);
  expect(await users.exists({ email: 'nobody@example.org' })).toBe(false);
});

/** What an answer returned: REST `data` (a list or one entry), a GraphQL query's list, or a bare JSON body. */
const rows = (path, body) => {
  if (path.startsWith('/graphql')) return Object.values(body?.data ?? {})[0] ?? [];
  if (body && 'data' in body) return [].concat(body.data ?? []);
  return body && Object.keys(body).length ? [body] : [];
};

it('answers every curl example of the README with data on the demo county', async () => {
  const { readmeCurlCommands } = require('../helpers/readme-examples');
  const examples = readmeCurlCommands();
  expect(examples.length).toBeGreaterThanOrEqual(8);
  let queryCode = null;
  for (const example of examples) {
    const path = example.path.replace(/K7QX-M2PA-(…|%E2%80%A6)/, queryCode);
    let call = http()[example.method.toLowerCase()](path).set(example.headers);
    if (example.body) call = call.send(example.body);
    const res = await call;
    expect({ example: example.title, status: res.status }).toEqual({ example: example.title, status: expect.any(Number) });
    if (res.status >= 300) throw new Error(`${example.title} → ${res.status} ${res.text.slice(0, 300)}`);
    if (res.body?.errors) throw new Error(`${example.title} → ${JSON.stringify(res.body.errors).slice(0, 300)}`);
    if (res.body?.queryCode) queryCode = res.body.queryCode;
    if (!rows(path, res.body).length) throw new Error(`${example.title} returned no data`);
  }
  expect(queryCode).toEqual(expect.any(String));
});

it('gives the demo catalogue distinct, realistic titles', async () => {
  const items = await strapi.documents('api::disclosure-item.disclosure-item').findMany({ fields: ['title'], limit: 1000 });
  expect(items.length).toBeGreaterThanOrEqual(200);
  expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
  const firstPage = (await http().get('/api/catalogue?pageSize=20')).body.data.map((i) => i.title);
  expect(new Set(firstPage).size).toBe(20);
});

it("opens the Content Manager's item list on a varied first page", async () => {
  const { token } = (await http().post('/admin/login').send({ email: FIRST.email, password: FIRST.password })).body.data;
  const auth = { Authorization: `Bearer ${token}` };
  const { settings } = (await http().get('/content-manager/content-types/api::disclosure-item.disclosure-item/configuration').set(auth)).body.data.contentType;
  expect(settings).toMatchObject({ defaultSortBy: 'formedAt', defaultSortOrder: 'DESC' });
  const page = await http()
    .get(`/content-manager/collection-types/api::disclosure-item.disclosure-item?page=1&pageSize=10&sort=${settings.defaultSortBy}:${settings.defaultSortOrder}`)
    .set(auth);
  expect(page.status).toBe(200);
  const titles = page.body.results.map((r) => r.title);
  expect(new Set(titles).size).toBe(10);
  expect(new Set(page.body.results.map((r) => r.genre)).size).toBeGreaterThanOrEqual(4);
  expect(new Set(titles.map((t) => t.slice(-6))).size).toBeGreaterThanOrEqual(6);
});
