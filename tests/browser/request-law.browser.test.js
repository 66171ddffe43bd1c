// Issue 13 through the real admin in Debian's Chromium, in zh-Hans: the office confirms receipt of a
// fax in the case panel (the notices panel then lists the numbered 受理回执), a fee notice's form asks
// for pages only when charged 按量, and the dashboard shows a paused case with its resume date.
const path = require('path');
const { makeAdmin, makeDepartment } = require('../helpers/fixtures');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');

const REQUEST = 'api::disclosure-request.disclosure-request';
let browser, base, admin, page, context;
const day = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const shot = (name) => page.screenshot({ path: path.join(SHOTS, `request-law-${name}.png`), fullPage: true });
const cases = () => strapi.service('api::disclosure-request.case');

beforeAll(async () => {
  base = await serveApp();
  admin = (await makeAdmin()).user;
  await strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { preferedLanguage: 'zh-Hans' } });
  browser = await launchChromium();
  ({ context, page } = await loginAs(browser, base, admin, { locale: 'zh-CN', viewport: { width: 1440, height: 1400 } }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stopApp();
});

async function choose(name, option) {
  await page.getByRole('combobox', { name, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

it('confirms receipt of a fax in the case panel and lists the numbered 受理回执', async () => {
  const fax = await strapi.documents(REQUEST).create({
    data: { applicantType: 'naturalPerson', applicantName: '赵六', description: '请公开本县2025年道路养护合同', delivery: 'paper', channel: 'fax', address: '清溪县城关镇', receivedAt: day(new Date(Date.now() - 86400000)) },
  });
  await page.goto(`${base}/admin/content-manager/collection-types/${REQUEST}/${fax.documentId}`);
  await page.getByText(/待确认收到，已等待 \d+ 个工作日/).waitFor({ timeout: 60000 });
  // The notices panel loads on its own, a moment after the case panel.
  await page.getByText('尚未出具告知书。').waitFor({ timeout: 30000 });
  await expect(page.getByText('尚未出具告知书。').count()).resolves.toBe(1);
  await shot('1-awaiting');
  await choose('办理操作', '确认收到（第三十一条）');
  await page.getByRole('button', { name: '确认收到（第三十一条）', exact: true }).click();
  await page.getByText('操作成功').first().waitFor({ timeout: 30000 });
  await page.getByText(/受理回执 · .*依申〔\d{4}〕\d+号/).waitFor({ timeout: 30000 });
  await shot('2-confirmed');
  expect(await strapi.db.query(REQUEST).findOne({ where: { documentId: fax.documentId } })).toMatchObject({ state: 'received', receivedAt: day(new Date()) });
});

it('asks for pages only for a fee charged 按量, and shows a consultation pause with its resume date', async () => {
  const department = await makeDepartment();
  const letter = await strapi.documents(REQUEST).create({
    data: { applicantType: 'naturalPerson', applicantName: '钱七', description: '请公开本县2025年污水处理厂运行数据', delivery: 'paper', channel: 'letter', address: '清溪县', receivedAt: day(new Date()) },
  });
  await strapi.plugin('disclosure-workflow').service('membership').add({ user: admin.id, department: department.documentId });
  await cases().act({ documentId: letter.documentId, action: 'assign', input: { department: department.documentId, handler: admin.id }, actor: null });
  await page.goto(`${base}/admin/content-manager/collection-types/${REQUEST}/${letter.documentId}`);
  await choose('办理操作', '发出收费通知（国办函〔2020〕109号）');
  await choose('计收方式', '按件计收');
  await expect(page.getByRole('textbox', { name: '页数' }).count()).resolves.toBe(0);
  await choose('计收方式', '按量计收');
  await page.getByLabel('页数').waitFor();
  await shot('3-fee-form');

  await cases().act({ documentId: letter.documentId, action: 'startConsultation', input: { kind: 'otherAgency', party: '县生态环境局' }, actor: null });
  const resumes = await strapi.plugin('disclosure-workflow').service('calendar').addWorkingDays(day(new Date()), 15);
  await page.goto(`${base}/admin/plugins/disclosure-workflow/requests`);
  const { queryCode } = await strapi.db.query(REQUEST).findOne({ where: { documentId: letter.documentId } });
  await page.getByRole('row', { name: new RegExp(queryCode) }).getByText(`暂停计时，${resumes} 恢复`).waitFor({ timeout: 30000 });
  await shot('4-dashboard-paused');
});
