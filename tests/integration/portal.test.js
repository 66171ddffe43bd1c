// The static portal (src/portal): built from the public API over HTTP as an anonymous client into a
// folder. Pages for every public item and list; nothing the API hides (a draft, an item made 涉密);
// API text escaped; the next build deletes a page that is no longer public and drops it from lists.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, itemData, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { buildPortal } = require('../../dist/src/portal/build');
const { itemFile, itemHref } = require('../../dist/src/portal/site');

let out;
let api;
let department;
const items = {};
const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
const exists = (file) => fs.existsSync(path.join(out, file));
const build = () => buildPortal({ api, out, siteUrl: 'https://xxgk.example.gov.cn', log: () => {} });

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-'));
  process.env.PORTAL_OUT = out; // served at / by global::portal-static
  await setupStrapi();
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  department = await makeDepartment({ name: unique('门户测试局') });
  items.policy = await makeItem(department, { title: `关于门户测试的通知${unique()}`, body: '## 一、总体要求\n\n正文**重点**。\n\n<script>alert(1)</script>' });
  items.script = await makeItem(department, { title: `<script>alert("x")</script>标题${unique()}` });
  items.interpretation = await makeItem(department, { title: `门户测试通知解读${unique()}`, genre: 'interpretation', interprets: [items.policy.documentId] });
  items.secret = await makeItem(department, { title: `将涉密${unique()}` });
  items.draft = await makeItem(department, { title: `草稿${unique()}` }, { status: 'draft' });
});
afterAll(async () => {
  delete process.env.PORTAL_OUT;
  fs.rmSync(out, { recursive: true, force: true });
  await new Promise((r) => strapi.server.httpServer.close(r));
  await cleanupStrapi();
});

describe('portal build', () => {
  let first;
  beforeAll(async () => {
    first = await build();
  });

  it('writes a page per public item at its 索引号, and none for a draft', async () => {
    for (const key of ['policy', 'script', 'interpretation', 'secret']) expect([key, exists(itemFile(items[key].indexNumber))]).toEqual([key, true]);
    expect(items.draft.indexNumber ? exists(itemFile(items.draft.indexNumber)) : false).toBe(false);
    const pages = fs.readdirSync(path.join(out, 'xxgk'), { recursive: true }).filter((f) => f.endsWith('.html'));
    expect(pages.some((f) => read(path.join('xxgk', f)).includes(items.draft.title))).toBe(false);
    expect(first.items).toBeGreaterThanOrEqual(4);
  });

  it('renders the metadata block, the Markdown body without raw HTML, and the 解读 link', () => {
    const html = read(itemFile(items.policy.indexNumber));
    expect(html).toContain(`<td>${items.policy.indexNumber}</td>`);
    expect(html).toContain(`<td>${department.name}</td>`);
    expect(html).toContain('<h2>一、总体要求</h2>');
    expect(html).toContain('<strong>重点</strong>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain(`<link rel="canonical" href="https://xxgk.example.gov.cn${itemHref(items.policy.indexNumber)}">`);
    expect(html).toMatch(new RegExp(`<h2>政策解读</h2>\\s*<ul><li><a href="${itemHref(items.interpretation.indexNumber)}">${items.interpretation.title}</a>`));
  });

  it('escapes API text: a title with <script> is text on its page and in the lists', () => {
    for (const file of [itemFile(items.script.indexNumber), `xxgk/department/${department.documentId}/index.html`]) {
      const html = read(file);
      expect(html).not.toContain('<script>alert("x")</script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('lists the department\'s items, the trees, the sitemap, the feed and robots.txt', () => {
    const list = read(`xxgk/department/${department.documentId}/index.html`);
    for (const key of ['policy', 'script', 'interpretation', 'secret']) expect(list).toContain(`href="${itemHref(items[key].indexNumber)}"`);
    expect(list).toContain('共 4 条');
    expect(read('xxgk/department/index.html')).toContain(`href="/xxgk/department/${department.documentId}/"`);
    expect(read('sitemap.xml')).toContain(`<loc>https://xxgk.example.gov.cn${itemHref(items.policy.indexNumber)}</loc>`);
    const feed = read('feed.xml');
    expect(feed.match(/<entry>/g)).toHaveLength(Math.min(50, first.items));
    expect(read('robots.txt')).toContain('Sitemap: https://xxgk.example.gov.cn/sitemap.xml');
    const home = read('index.html');
    expect(home).toContain('href="/assets/site.css"');
    expect(home.match(/<td><a href="\/xxgk\/[^"]+\.html">/g)).toHaveLength(Math.min(20, first.items));
    expect(exists('assets/site.css')).toBe(true);
  });

  it('the next build after an item is made 涉密 deletes its page and drops it from every list and the sitemap', async () => {
    await strapi.documents(ITEM).update({ documentId: items.secret.documentId, data: { classified: true, disclosure: 'on_request' } });
    const second = await build();
    expect(second.removed).toBeGreaterThanOrEqual(1);
    expect(exists(itemFile(items.secret.indexNumber))).toBe(false);
    const href = itemHref(items.secret.indexNumber);
    // Every page and list of the portal: full, department, category, year, genre, validity; home, feed, sitemap.
    const everyPage = fs.readdirSync(out, { recursive: true }).filter((f) => /\.(html|xml)$/.test(f));
    expect(everyPage).toEqual(expect.arrayContaining(['xxgk/list/index.html', `xxgk/department/${department.documentId}/index.html`, 'sitemap.xml', 'feed.xml', 'index.html']));
    expect(everyPage.some((f) => f.startsWith('xxgk/year/')) && everyPage.some((f) => f.startsWith('xxgk/genre/'))).toBe(true);
    for (const file of everyPage) expect([file, read(file).includes(href)]).toEqual([file, false]);
    expect(read(`xxgk/department/${department.documentId}/index.html`)).toContain('共 3 条');
  });

  it('is served at the site root by the CMS, beside the API, and nothing else from its folder', async () => {
    const home = await http().get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    expect(home.text).toContain('政府信息公开');
    const page = await http().get(itemHref(items.policy.indexNumber));
    expect(page.status).toBe(200);
    expect(page.text).toContain(items.policy.title);
    expect((await http().get('/assets/site.css')).headers['content-type']).toMatch(/text\/css/);
    expect((await http().get('/xxgk/no-such-page.html')).status).toBe(404);
    expect((await http().get('/.portal-manifest.json')).status).toBe(404);
    expect([400, 403, 404]).toContain((await http().get('/xxgk/%2e%2e/%2e%2e/package.json')).status);
    expect((await http().get('/api/catalogue')).body.data).toEqual(expect.any(Array));
  });
});


describe('list pages numbered from the oldest', () => {
  // Items of one year only this test publishes, so the year's list holds exactly them.
  const YEAR = 1991;
  const row = (n, extra = {}) => ({
    ...itemData(department, { title: `稳定分页${n}号${unique()}` }),
    documentId: unique('stable').padEnd(24, '0'),
    indexNumber: unique(`S-${YEAR}-`),
    publishedDate: new Date(Date.UTC(YEAR, 1, 1, 4) + n * 86_400_000).toISOString(),
    publishedAt: new Date(),
    department: undefined,
    ...extra,
  });
  const base = `xxgk/year/${YEAR}`;
  const titlesOf = (file) => [...read(file).matchAll(/<td><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

  it('adds a newer item to the newest page and the index only; an unpublished old one shifts the later pages', async () => {
    const rows = Array.from({ length: 45 }, (_, n) => row(n));
    await strapi.db.query(ITEM).createMany({ data: rows });
    await build();
    const byNewest = [...rows].reverse().map((r) => r.title);
    expect(titlesOf(`${base}/1.html`)).toEqual(byNewest.slice(25, 45));
    expect(titlesOf(`${base}/2.html`)).toEqual(byNewest.slice(5, 25));
    expect(titlesOf(`${base}/3.html`)).toEqual(byNewest.slice(0, 5));
    expect(titlesOf(`${base}/index.html`)).toEqual(byNewest.slice(0, 20));
    expect(read(`${base}/index.html`)).toContain('共 45 条');
    const stamp = (file) => fs.statSync(path.join(out, file)).mtimeMs;
    const older = { one: stamp(`${base}/1.html`), two: stamp(`${base}/2.html`) };
    const oldPage = { one: read(`${base}/1.html`), two: read(`${base}/2.html`) };

    const newest = row(45);
    await strapi.db.query(ITEM).createMany({ data: [newest] });
    await build();
    expect({ one: stamp(`${base}/1.html`), two: stamp(`${base}/2.html`) }).toEqual(older);
    expect({ one: read(`${base}/1.html`), two: read(`${base}/2.html`) }).toEqual(oldPage);
    expect(titlesOf(`${base}/3.html`)).toEqual([newest.title, ...byNewest.slice(0, 5)]);
    expect(titlesOf(`${base}/index.html`)[0]).toBe(newest.title);

    // The oldest item leaves: every page after it shifts by one.
    await strapi.db.query(ITEM).update({ where: { documentId: rows[0].documentId }, data: { classified: true } });
    await build();
    expect(titlesOf(`${base}/1.html`)).toEqual([...byNewest.slice(24, 44)]);
    expect(titlesOf(`${base}/3.html`)).toEqual([newest.title, ...byNewest.slice(0, 4)]);
  });
});
