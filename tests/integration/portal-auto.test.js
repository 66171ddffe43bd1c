// The portal's incremental rebuild (PORTAL_AUTO_BUILD=true): after a publish its page and the lists
// appear, after an item is made 涉密 its page is deleted and every list drops it — each within 10 s
// of the change — and pages the change does not concern are not read or written again.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { within } = require('../helpers/portal');
const { ITEM, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { buildPortal } = require('../../dist/src/portal/build');
const { portalAutoBuild } = require('../../dist/src/portal/auto-build');
const { itemFile, itemHref } = require('../../dist/src/portal/site');

let out;
let department;
let base;
const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
const exists = (file) => fs.existsSync(path.join(out, file));

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-auto-'));
  Object.assign(process.env, { PORTAL_OUT: out, PORTAL_AUTO_BUILD: 'true' });
  await setupStrapi();
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  department = await makeDepartment({ name: unique('增量门户局') });
  base = await makeItem(department, { title: `已有信息${unique()}` });
  await portalAutoBuild().idle();
  await buildPortal({ api: `http://127.0.0.1:${strapi.server.httpServer.address().port}`, out, log: () => {} });
});
afterAll(async () => {
  delete process.env.PORTAL_OUT;
  delete process.env.PORTAL_AUTO_BUILD;
  await portalAutoBuild()?.idle();
  await new Promise((r) => strapi.server.httpServer.close(r));
  await cleanupStrapi();
  fs.rmSync(out, { recursive: true, force: true });
});

it('a publish adds the page and list entries within 10 s, reading only that item', async () => {
  const untouched = fs.statSync(path.join(out, itemFile(base.indexNumber))).mtimeMs;
  const item = await makeItem(department, { title: `新发布${unique()}` });
  const list = `xxgk/department/${department.documentId}/index.html`;
  expect(await within(10000, () => exists(itemFile(item.indexNumber)) && read(list).includes(itemHref(item.indexNumber)))).toBe(true);
  await portalAutoBuild().idle();
  const result = portalAutoBuild().last();
  expect(result.rendered).toBeLessThanOrEqual(1);
  expect(result.items).toBeGreaterThanOrEqual(2);
  expect(fs.statSync(path.join(out, itemFile(base.indexNumber))).mtimeMs).toBe(untouched);
});

it('an item made 涉密 loses its page and leaves every list within 10 s', async () => {
  const item = await makeItem(department, { title: `将涉密${unique()}` });
  const href = itemHref(item.indexNumber);
  const lists = () => [`xxgk/department/${department.documentId}/index.html`, 'sitemap.xml'];
  // Every page that links to it: the full list (the shared test database may hold newer items), the
  // year, genre and validity lists, the home page, the feed.
  const pages = () => fs.readdirSync(out, { recursive: true }).filter((f) => /\.(html|xml)$/.test(f));
  const inFullList = () => pages().some((f) => f.startsWith('xxgk/list/') && read(f).includes(href));
  const anywhere = () => pages().some((f) => read(f).includes(href));
  expect(await within(10000, () => exists(itemFile(item.indexNumber)) && lists().every((f) => read(f).includes(href)) && inFullList())).toBe(true);
  await portalAutoBuild().idle();
  await strapi.documents(ITEM).update({ documentId: item.documentId, data: { classified: true, disclosure: 'on_request' } });
  const changedAt = Date.now();
  expect(await within(10000, () => !exists(itemFile(item.indexNumber)) && lists().every((f) => !read(f).includes(href)) && !anywhere())).toBe(true);
  expect(Date.now() - changedAt).toBeLessThan(10000);
});

it('an editor\'s draft save starts no rebuild', async () => {
  await portalAutoBuild().idle();
  const before = portalAutoBuild().last();
  await strapi.documents(ITEM).update({ documentId: base.documentId, data: { summary: '只改草稿' } });
  await new Promise((r) => setTimeout(r, 1500));
  await portalAutoBuild().idle();
  expect(portalAutoBuild().last()).toBe(before);
});
