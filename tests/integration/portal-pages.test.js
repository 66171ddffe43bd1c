// The portal's guide, procedure and annual-report pages (static build), and the three pages the CMS
// renders per request without JavaScript: search, the 依申请公开 form (field errors, one request per
// submission key) and the status lookup. No applicant's data reaches any static page.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { CATEGORY, http, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { publishPortalContent } = require('../helpers/portal');
const { SECTION_HEADINGS } = require('../../dist/src/domain/annual-report');
const { buildPortal } = require('../../dist/src/portal/build');
const { RULES_CATEGORY_CODE } = require('../../dist/src/bootstrap/categories');
const { itemHref } = require('../../dist/src/portal/site');

const REQUEST = 'api::disclosure-request.disclosure-request';

let out;
let api;
let department;
let marker;
const docs = {};
const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
const build = () => buildPortal({ api, out, log: () => {} });
/** Every file of the built portal, as text. */
const everyFile = () => fs.readdirSync(out, { recursive: true }).filter((f) => fs.statSync(path.join(out, f)).isFile()).map((f) => [f, read(f)]);

const valid = (overrides = {}) => ({
  applicantType: 'naturalPerson',
  applicantName: `门户申请人${unique()}`,
  idType: '护照',
  idNumber: `E${Date.now()}`.slice(0, 12),
  phone: '13800138000',
  description: '本县2024年财政预算执行情况的报告',
  delivery: 'online',
  submissionKey: `key-${unique()}-${Date.now()}`.padEnd(24, '0'),
  ...overrides,
});
const post = (fields) => http().post('/xxgk/apply').type('form').send(fields);
const stored = (submissionKey) => strapi.db.query(REQUEST).count({ where: { submissionKey } });

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pages-'));
  process.env.PORTAL_OUT = out;
  await setupStrapi();
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  marker = `门户检索${unique()}`;
  department = await makeDepartment({ name: unique('门户页面局') });
  docs.item = await makeItem(department, { title: `关于${marker}的通知`, body: `正文提到${marker}。` });
  const rules = await strapi.db.query(CATEGORY).findOne({ where: { code: RULES_CATEGORY_CODE } });
  docs.rule = await makeItem(department, { title: `政府信息公开保密审查制度${unique()}`, category: rules.documentId });
  Object.assign(docs, await publishPortalContent(department, { procedure: { name: `门户测试办事指南<b>${unique()}</b>` } }));
  await build();
});
afterAll(async () => {
  delete process.env.PORTAL_OUT;
  fs.rmSync(out, { recursive: true, force: true });
  await new Promise((r) => strapi.server.httpServer.close(r));
  await cleanupStrapi();
});

describe('static pages of guides, procedures and annual reports', () => {
  it('lists the items of the 公开制度 category under 公开制度, linked from every page', () => {
    const rules = read('xxgk/gkzd/index.html');
    expect(rules).toContain(`href="${itemHref(docs.rule.indexNumber)}"`);
    expect(rules).not.toContain(`href="${itemHref(docs.item.indexNumber)}"`);
    expect(read('index.html')).toContain('<a href="/xxgk/gkzd/">公开制度</a>');
  });

  it('writes the 公开指南 and the 依申请公开 page with its links to the form and the status lookup', () => {
    expect(read('xxgk/gkzn/index.html')).toContain(`href="/xxgk/gkzn/${docs.guide.documentId}.html"`);
    const guide = read(`xxgk/gkzn/${docs.guide.documentId}.html`);
    expect(guide).toContain('<strong>网上</strong>');
    expect(guide).toContain('0571-12345678');
    const ysqgk = read('xxgk/ysqgk/index.html');
    expect(ysqgk).toContain('href="/xxgk/apply"');
    expect(ysqgk).toContain('href="/xxgk/status"');
  });

  it('writes each 办事指南 with materials, steps with time limits, fees and FAQ; its name escaped', () => {
    const page = read(`xxgk/bszn/${docs.procedure.documentId}.html`);
    expect(page).toContain('&lt;b&gt;');
    expect(page).not.toMatch(/<b>/);
    expect(page).toContain('<td>申请表</td><td>必需</td>');
    expect(page).toMatch(/答复：20 个工作日/);
    expect(page).toContain('<dt>需要收费吗？</dt><dd>不收费。</dd>');
    expect(read('xxgk/bszn/index.html')).toContain(`/xxgk/bszn/${docs.procedure.documentId}.html`);
  });

  it('writes each annual report in the 2021 format (tables 二, 三, 四) and its print view', () => {
    expect(read('xxgk/ndbg/index.html')).toMatch(new RegExp(`2025 年度[\\s\\S]*${docs.report.documentId}\\.html`));
    const page = read(`xxgk/ndbg/${docs.report.documentId}.html`);
    for (const heading of [SECTION_HEADINGS.table2, SECTION_HEADINGS.table3, SECTION_HEADINGS.table4]) expect(page).toContain(heading);
    for (const table of ['table2', 'table3', 'table4']) expect(page).toContain(`<table class="${table}">`);
    expect(page).toContain('<link rel="stylesheet" href="/assets/site.css">');
    const print = read(`xxgk/ndbg/${docs.report.documentId}.print.html`);
    expect(print).toContain('@page { size: A4');
    expect(print).toContain('<table class="table3">');
  });
});

describe('search page (GET /xxgk/search)', () => {
  it('lists the catalogue API\'s hits with highlights, without JavaScript', async () => {
    const res = await http().get('/xxgk/search').query({ q: marker });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain(`href="${itemHref(docs.item.indexNumber)}"`);
    expect(res.text).toContain(`<mark>${marker}</mark>`);
    expect(res.text).toContain('共找到 1 条');
  });

  it('shows the form alone without q, and the API\'s message for a query it refuses', async () => {
    const empty = await http().get('/xxgk/search');
    expect(empty.status).toBe(200);
    expect(empty.text).not.toContain('共找到');
    const long = await http().get('/xxgk/search').query({ q: 'x'.repeat(150) });
    expect(long.status).toBe(400);
    expect(long.text).toMatch(/id="q-error" class="error" role="alert">[^<]*100/);
  });

  it('escapes the query it shows back', async () => {
    const res = await http().get('/xxgk/search').query({ q: '<script>alert(1)</script>' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('application form (GET and POST /xxgk/apply) and status (GET /xxgk/status)', () => {
  it('serves the form with the §29 fields and a fresh submission key each time, never cached', async () => {
    const [a, b] = [await http().get('/xxgk/apply'), await http().get('/xxgk/apply')];
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('no-store');
    for (const name of ['applicantType', 'applicantName', 'idType', 'idNumber', 'phone', 'email', 'address', 'organizationName', 'organizationCode', 'description', 'documentNumber', 'delivery']) expect(a.text).toContain(`name="${name}"`);
    const key = (res) => /name="submissionKey" value="([^"]+)"/.exec(res.text)[1];
    expect(key(a)).not.toBe(key(b));
  });

  it('answers an invalid form with each field\'s error next to it, the values kept (escaped), nothing stored', async () => {
    const fields = valid({ phone: 'abc', description: '短', delivery: 'email', applicantName: '张<i>三' });
    const res = await post(fields);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<p id="e-phone" class="error">联系电话格式不正确<\/p>/);
    expect(res.text).toMatch(/<p id="e-description" class="error">[^<]*至少 5 个字<\/p>/);
    expect(res.text).toMatch(/<p id="e-email" class="error">电子邮箱不能为空<\/p>/);
    expect(res.text).toMatch(/<p id="e-applicantName" class="error">[^<]*网页标记<\/p>/);
    expect(res.text).toMatch(/<p id="e-idType" class="error" hidden><\/p>/);
    expect(res.text).toContain('value="张&lt;i&gt;三"');
    expect(res.text).toContain(`name="submissionKey" value="${fields.submissionKey}"`);
    expect(res.text.match(/aria-invalid="true"/g)).toHaveLength(4);
    expect(await stored(fields.submissionKey)).toBe(0);
  });

  it('stores a valid form once, shows the query code, and answers a second send of it with the same code', async () => {
    const fields = valid();
    const first = await post(fields);
    expect(first.status).toBe(201);
    const code = /id="query-code">([A-Z2-7-]+)</.exec(first.text)[1];
    const again = await post(fields);
    expect(again.status).toBe(201);
    expect(/id="query-code">([A-Z2-7-]+)</.exec(again.text)[1]).toBe(code);
    expect(await stored(fields.submissionKey)).toBe(1);
    expect(first.text).not.toContain(fields.applicantName);

    const status = await http().get('/xxgk/status').query({ code: code.toLowerCase() });
    expect(status.status).toBe(200);
    expect(status.text).toContain('<td>待确认收到</td>');
    expect(status.text).not.toContain(fields.applicantName);
  });

  it('stores one request when the same key arrives on the API at once', async () => {
    const fields = valid();
    const answers = await Promise.all([1, 2, 3].map(() => http().post('/api/disclosure-requests/apply').send(fields)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.queryCode)).size).toBe(1);
    expect(await stored(fields.submissionKey)).toBe(1);
  });

  it('answers an unknown or malformed query code with 404 and a message at the field', async () => {
    for (const code of ['AAAA-BBBB-CCCC-DDDD', 'not a code', '<script>']) {
      const res = await http().get('/xxgk/status').query({ code });
      expect([code, res.status]).toEqual([code, 404]);
      expect(res.text).toMatch(/id="e-code" class="error" role="alert">查询码不存在/);
      expect(res.text).not.toContain('<script>');
    }
  });

  it('refuses other methods', async () => {
    expect((await http().put('/xxgk/apply').send({})).status).toBe(405);
    expect((await http().post('/xxgk/search').send({})).status).toBe(405);
  });

  it('puts no applicant data in any page of the rebuilt portal', async () => {
    const fields = valid();
    const res = await post(fields);
    expect(res.status).toBe(201);
    const code = /id="query-code">([A-Z2-7-]+)</.exec(res.text)[1];
    await build();
    const leaks = everyFile().filter(([, text]) => [fields.applicantName, fields.idNumber, code].some((v) => text.includes(v)));
    expect(leaks.map(([f]) => f)).toEqual([]);
    expect(everyFile().length).toBeGreaterThan(10);
  });
});
