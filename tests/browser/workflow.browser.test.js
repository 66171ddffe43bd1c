// Through the real admin in Debian's Chromium: the author submits, each reviewer acts in turn
// with their own login, the secrecy reviewer signs off, the publisher publishes, and the item
// appears in the public API.
const path = require('path');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');
const { ITEM, http, makeDepartment, itemData } = require('../helpers/fixtures');
const { makeUser } = require('../helpers/workflow');

const REQUEST = 'api::disclosure-request.disclosure-request';

let browser;
let base;
let item;
let department;
const users = {};

beforeAll(async () => {
  base = await serveApp();
  for (const code of ['gov-author', 'gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-publisher', 'gov-office']) users[code] = await makeUser(code);
  department = await makeDepartment();
  item = await strapi.documents(ITEM).create({ data: itemData(department, { title: `浏览器测试：关于开展防汛演练的通知 ${Date.now()}` }) });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopApp();
});

/** Logs in as `user` in a fresh browser context and opens `url` (the item's edit view by default). */
async function openAs(user, url = `/admin/content-manager/collection-types/${ITEM}/${item.documentId}`, ready = 'Review and sign-off') {
  const { page, context } = await loginAs(browser, base, user);
  await page.goto(`${base}${url}`);
  await page.getByText(ready).first().waitFor({ timeout: 60000 });
  return { page, context };
}

async function act(user, button, shot) {
  const { page, context } = await openAs(user);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText('Done').first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`) });
  await context.close();
}

const state = () => strapi.plugin('disclosure-workflow').service('workflow').status({ uid: ITEM, documentId: item.documentId });

it('takes an item from submission to the public API through the admin', async () => {
  await act(users['gov-author'], 'Submit for review', '1-submitted');
  expect((await state()).state).toBe('in_review');

  await act(users['gov-section-head'], 'Approve', '2-section-head');
  await act(users['gov-leader'], 'Approve', '3-leader');
  expect((await state()).state).toBe('awaiting_signoff');

  await act(users['gov-secrecy-reviewer'], 'Sign off', '4-signed-off');
  expect(await state()).toMatchObject({ state: 'approved', canPublish: true });
  expect((await http().get(`/api/disclosure-items/${item.documentId}`)).status).toBe(404);

  const { page, context } = await openAs(users['gov-publisher']);
  await page.getByText('Approved and signed off for exactly this content').waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText(/Published|Success/i).first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, '5-published.png') });
  await context.close();

  const res = await http().get(`/api/disclosure-items/${item.documentId}`);
  expect(res.status).toBe(200);
  expect(res.body.data.title).toBe(item.title);
  const events = (await strapi.plugin('disclosure-workflow').service('audit').list({ uid: ITEM, documentId: item.documentId })).map((e) => e.event);
  expect(events).toEqual(['submit', 'decision.approve', 'decision.approve', 'sign-off.public', 'publish']);
});

it('lets the disclosure office assign a request in its panel and shows it overdue on the dashboard', async () => {
  const receivedAt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 45 * 86400000));
  const request = await strapi.documents(REQUEST).create({
    data: { applicantType: 'naturalPerson', applicantName: '张三', description: '请公开本县2025年防汛物资储备清单', delivery: 'paper', channel: 'letter', address: '清溪县', receivedAt },
  });
  const { page, context } = await openAs(users['gov-office'], `/admin/content-manager/collection-types/${REQUEST}/${request.documentId}`, 'Request handling');
  await page.getByRole('combobox', { name: 'Action', exact: true }).click();
  await page.getByRole('option', { name: 'Assign', exact: true }).click();
  await page.getByRole('combobox', { name: 'Department', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(department.code) }).click();
  await page.getByRole('combobox', { name: 'Handler', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(users['gov-author'].email) }).click();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByText('Done').first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, '6-request-assigned.png') });
  const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId: request.documentId }, populate: ['handler'] });
  expect(stored).toMatchObject({ state: 'assigned', handler: { id: users['gov-author'].id } });

  await page.goto(`${base}/admin/plugins/disclosure-workflow/requests`);
  const row = page.getByRole('row', { name: new RegExp(stored.queryCode) });
  await row.getByText(/Overdue by \d+ working days/).waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, '7-requests-dashboard.png') });
  await context.close();
});
