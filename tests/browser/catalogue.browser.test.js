// Issue 15 through the real admin in Debian's Chromium, in zh-Hans: a policy submitted together with
// its 解读 (one click carries both into review), the item's §26 timeliness line, and the office's
// timeliness page per department.
const path = require('path');
const { ITEM, itemData, makeDepartment, makeItem } = require('../helpers/fixtures');
const { makeUser, wf } = require('../helpers/workflow');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');
const { waitFor } = require('../helpers/admin-http');

let browser, base, users, department;

beforeAll(async () => {
  base = await serveApp();
  users = {};
  for (const code of ['gov-author', 'gov-office']) {
    users[code] = await makeUser(code);
    await strapi.db.query('admin::user').update({ where: { id: users[code].id }, data: { preferedLanguage: 'zh-Hans' } });
  }
  department = await makeDepartment({ name: `时效测试局${Date.now()}` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopApp();
});

it('submits a policy with its interpretation in one round from the workflow panel', async () => {
  const policy = await strapi.documents(ITEM).create({ data: itemData(department, { title: `清溪县测试办法 ${Date.now()}`, genre: 'normativeDocument' }) });
  const reading = await strapi.documents(ITEM).create({ data: itemData(department, { title: `《测试办法》政策解读 ${Date.now()}`, genre: 'interpretation', interprets: [policy.documentId] }) });
  const { context, page } = await loginAs(browser, base, users['gov-author'], { locale: 'zh-CN', viewport: { width: 1440, height: 1300 } });
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEM}/${policy.documentId}`);
  const option = page.getByText('连同解读一并送审（1 篇）');
  await option.waitFor({ timeout: 60000 });
  await option.click();
  await page.screenshot({ path: path.join(SHOTS, 'catalogue-1-submit-with-interpretation.png'), fullPage: true });
  await page.getByRole('button', { name: '送审', exact: true }).click();
  await waitFor(async () => (await wf().status({ uid: ITEM, documentId: reading.documentId })).state === 'in_review', 30000);
  expect((await wf().status({ uid: ITEM, documentId: reading.documentId })).state).toBe('in_review');
  expect((await wf().status({ uid: ITEM, documentId: policy.documentId })).state).toBe('in_review');
  await context.close();
});

it('shows the item its §26 timeliness, and the office the summary per department', async () => {
  const item = await makeItem(department, { title: `时效测试 ${Date.now()}`, formedAt: '2025-09-26' });
  const stored = await strapi.db.query(ITEM).findOne({ where: { documentId: item.documentId, publishedAt: null } });
  expect(stored.timelinessDays).toEqual(expect.any(Number));
  const { context, page } = await loginAs(browser, base, users['gov-office'], { locale: 'zh-CN', viewport: { width: 1440, height: 1100 } });
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEM}/${item.documentId}`);
  await page.getByText(`用时 ${stored.timelinessDays} 个工作日`).waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'catalogue-2-item-timeliness.png'), fullPage: true });
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
  await page.goto(`${base}/admin/plugins/disclosure-workflow/timeliness?year=${year}`);
  await page.getByText('主动公开时效（条例第二十六条）').first().waitFor({ timeout: 60000 });
  await page.getByRole('row').filter({ hasText: department.name }).waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, 'catalogue-3-timeliness-page.png'), fullPage: true });
  await context.close();
});
