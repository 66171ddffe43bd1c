// A portal builder on another machine (npm run portal:watch): the CMS's own outbound webhooks
// (Settings → Webhooks) tell it what changed; it rebuilds from the public API. A publish adds the
// page, a 涉密 flag (the emergency stop's entry.unpublish) removes it and every list entry, each
// within 10 s; a webhook without the token is refused.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { within } = require('../helpers/portal');
const { ITEM, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { watchPortal } = require('../../dist/src/portal/watch');
const { itemFile, itemHref } = require('../../dist/src/portal/site');

const TOKEN = 'portal-webhook-test-token';
let out, watcher, webhook, department;
const read = (file) => fs.readFileSync(path.join(out, file), 'utf8');
const exists = (file) => fs.existsSync(path.join(out, file));
const pages = () => fs.readdirSync(out, { recursive: true }).filter((f) => /\.(html|xml)$/.test(f));

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-watch-'));
  await setupStrapi();
  await new Promise((r) => strapi.server.httpServer.listen(0, '127.0.0.1', r));
  department = await makeDepartment({ name: unique('网钩门户局') });
  watcher = await watchPortal({ port: 0, token: TOKEN, out, api: `http://127.0.0.1:${strapi.server.httpServer.address().port}`, log: () => {} });
  await watcher.queue.idle(); // the first, full build
  webhook = await strapi.get('webhookStore').createWebhook({
    name: unique('portal-builder-'), url: watcher.url, headers: { Authorization: `Bearer ${TOKEN}` }, events: ['entry.publish', 'entry.unpublish', 'entry.update', 'entry.delete'], isEnabled: true,
  });
  strapi.get('webhookRunner').add(webhook);
});
afterAll(async () => {
  strapi.get('webhookRunner').remove(webhook);
  await strapi.get('webhookStore').deleteWebhook(webhook.id);
  await watcher.close();
  await new Promise((r) => strapi.server.httpServer.close(r));
  await cleanupStrapi();
  fs.rmSync(out, { recursive: true, force: true });
});

it('built the portal in full at start', () => {
  expect(watcher.queue.last().written).toBeGreaterThan(5);
  expect(exists('index.html')).toBe(true);
});

it('adds a published item\'s page and removes it everywhere after 涉密, each within 10 s of the webhook', async () => {
  const item = await makeItem(department, { title: `网钩发布${unique()}` });
  const href = itemHref(item.indexNumber);
  const list = `xxgk/department/${department.documentId}/index.html`;
  expect(await within(10000, () => exists(itemFile(item.indexNumber)) && exists(list) && read(list).includes(href))).toBe(true);
  await watcher.queue.idle();
  expect(watcher.queue.last().rendered).toBeLessThanOrEqual(1);

  await strapi.documents(ITEM).update({ documentId: item.documentId, data: { classified: true, disclosure: 'on_request' } });
  expect(await within(10000, () => !exists(itemFile(item.indexNumber)) && pages().every((f) => !read(f).includes(href)))).toBe(true);
});

it('refuses a webhook without the token, a GET and a body that is not JSON', async () => {
  const post = (headers, body) => fetch(watcher.url, { method: 'POST', headers, body });
  expect((await post({ 'Content-Type': 'application/json' }, JSON.stringify({ event: 'entry.publish', uid: ITEM, entry: { documentId: 'x' } }))).status).toBe(401);
  expect((await post({ Authorization: 'Bearer wrong' }, '{}')).status).toBe(401);
  expect((await fetch(watcher.url)).status).toBe(405);
  expect((await post({ Authorization: `Bearer ${TOKEN}` }, 'not json')).status).toBe(400);
  const other = await post({ Authorization: `Bearer ${TOKEN}` }, JSON.stringify({ event: 'entry.update', uid: 'api::notice-template.notice-template', entry: { documentId: 'y' } }));
  expect([other.status, await other.text()]).toEqual([202, 'nothing\n']);
});
