// A fresh clone's first start: an empty database with the demo county must still let the first
// administrator register (the demo staff are admin users, but none is a super admin); the demo
// staff who can sign in are created with one password, printed once.
const { useFreshDatabase } = require('../helpers/fresh-db');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, ITEM } = require('../helpers/fixtures');

let fresh;
let consoleLog;
// Seeding the demo county publishes ~200 items through the chain: minutes on a busy PostgreSQL.
beforeAll(async () => {
  fresh = await useFreshDatabase({ DEMO_DATA: 'true' });
  consoleLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await setupStrapi();
}, 600000);
afterAll(async () => {
  consoleLog.mockRestore();
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

describe('demo staff', () => {
  const { DEMO_STAFF, ensureDemoStaff } = require('../../dist/src/bootstrap/demo-staff');
  const EMAILS = DEMO_STAFF.map((a) => a.email);
  const printedPasswords = () => consoleLog.mock.calls.map((args) => args.join(' ')).flatMap((text) => [...text.matchAll(/password: (\S+)/g)].map((m) => m[1]));
  const staff = () => strapi.db.query('admin::user').findMany({ where: { email: { $in: EMAILS } }, populate: ['roles'] });
  const departmentIds = async (codes) => (await strapi.db.query('api::department.department').findMany({ where: { code: { $in: codes } }, select: ['documentId'] })).map((d) => d.documentId);
  const login = async (email, password) => (await http().post('/admin/login').send({ email, password })).body.data?.token;
  /** documentIds the user's Content Manager list shows, all pages. */
  async function listedItems(token) {
    const ids = [];
    for (let page = 1; ; page++) {
      const res = await http().get(`/content-manager/collection-types/${ITEM}?page=${page}&pageSize=100`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      ids.push(...res.body.results.map((r) => r.documentId));
      if (page >= res.body.pagination.pageCount) return ids;
    }
  }
  const itemsOf = async (departmentCodes) => {
    const rows = await strapi.db.query(ITEM).findMany({ where: departmentCodes ? { department: { code: { $in: departmentCodes } } } : {}, select: ['documentId'] });
    return [...new Set(rows.map((r) => r.documentId))].sort();
  };

  it('are created at first start, active, in their roles and departments, with one password printed once', async () => {
    const [password, ...more] = printedPasswords();
    expect(password).toEqual(expect.any(String));
    expect(more).toEqual([]);
    const users = await staff();
    expect(users).toHaveLength(DEMO_STAFF.length);
    const memberships = strapi.plugin('disclosure-workflow').service('membership');
    for (const account of DEMO_STAFF) {
      const user = users.find((u) => u.email === account.email);
      expect({ email: user.email, isActive: user.isActive, roles: user.roles.map((r) => r.code) }).toEqual({ email: account.email, isActive: true, roles: [account.role] });
      expect(user.password).not.toContain(password);
      const [membership, ...others] = await memberships.list({ user: user.id });
      expect(others).toEqual([]);
      expect(membership).toMatchObject({ department: { documentId: (await departmentIds([account.department]))[0] }, includeSubDepartments: account.includeSubDepartments });
    }
    expect(await login('edu.author@qingxi.example.gov.cn', password)).toEqual(expect.any(String));
    expect(await memberships.warnUnassignedUsers()).toBe(0);
  });

  it('are not created again, nor the password printed again, when start-up runs again', async () => {
    const printed = consoleLog.mock.calls.length;
    expect(await ensureDemoStaff(strapi)).toBe(0);
    expect(await staff()).toHaveLength(DEMO_STAFF.length);
    expect(consoleLog.mock.calls.length).toBe(printed);
  });

  it('see only the items of their department in the Content Manager, the county office all of them', async () => {
    const [password] = printedPasswords();
    const education = await itemsOf(['00419803-6', '00419814-1']); // 教育局 and its 基础教育科
    expect(education.length).toBeGreaterThan(0);
    expect((await listedItems(await login('edu.author@qingxi.example.gov.cn', password))).sort()).toEqual(education);
    const finance = await listedItems(await login('finance.author@qingxi.example.gov.cn', password));
    expect(finance.length).toBeGreaterThan(0);
    expect(finance.filter((id) => education.includes(id))).toEqual([]);
    expect((await listedItems(await login('county.office@qingxi.example.gov.cn', password))).sort()).toEqual(await itemsOf());
  });

  it('are never created with NODE_ENV=production, even with DEMO_DATA on', async () => {
    await strapi.db.query('admin::user').deleteMany({ where: { email: { $in: EMAILS } } });
    const warn = jest.spyOn(strapi.log, 'warn').mockImplementation(() => undefined);
    const nodeEnv = process.env.NODE_ENV;
    const printed = consoleLog.mock.calls.length;
    try {
      process.env.NODE_ENV = 'production';
      expect(await ensureDemoStaff(strapi)).toBe(0);
      expect(await staff()).toEqual([]);
      expect(consoleLog.mock.calls.length).toBe(printed);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('NODE_ENV=production: no demo staff accounts are created'));
      process.env.NODE_ENV = nodeEnv; // the same database outside production: created
      expect(await ensureDemoStaff(strapi)).toBe(DEMO_STAFF.length);
    } finally {
      process.env.NODE_ENV = nodeEnv;
      warn.mockRestore();
    }
  });
});
