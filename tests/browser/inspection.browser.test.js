// Issue 14 through the real admin in Debian's Chromium, in zh-Hans: the 发布前检查 panel shows a
// finding masked (never the number in clear), the secrecy reviewer overrides it with a reason, and
// 我的待办 shows the document's check counts once it is submitted.
const path = require('path');
const { ITEM, itemData, makeDepartment } = require('../helpers/fixtures');
const { makeUser, wf } = require('../helpers/workflow');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');

const ID = '11010519491231002X';
let browser, base, users, doc;

beforeAll(async () => {
  base = await serveApp();
  users = {};
  for (const code of ['gov-author', 'gov-section-head', 'gov-secrecy-reviewer']) {
    users[code] = await makeUser(code);
    await strapi.db.query('admin::user').update({ where: { id: users[code].id }, data: { preferedLanguage: 'zh-Hans' } });
  }
  const department = await makeDepartment();
  doc = await strapi.documents(ITEM).create({ data: itemData(department, { title: `检查面板测试 ${Date.now()}`, body: `附：申请材料，身份证号 ${ID}。` }) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stopApp();
});

it('shows the masked finding and lets the secrecy reviewer override it with a reason', async () => {
  const { context, page } = await loginAs(browser, base, users['gov-secrecy-reviewer'], { locale: 'zh-CN', viewport: { width: 1440, height: 1300 } });
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEM}/${doc.documentId}`);
  const panel = page.getByTestId('inspection-panel');
  await panel.getByText('1 项须处理').waitFor({ timeout: 60000 });
  await panel.getByText(/110105\*{8}002X/).waitFor();
  expect(await panel.textContent()).not.toContain(ID);
  await page.screenshot({ path: path.join(SHOTS, 'inspection-1-finding.png'), fullPage: true });
  await panel.getByRole('button', { name: '放行（须写明理由）' }).click();
  await panel.getByRole('textbox', { name: '放行理由' }).fill('附件为申请人本人提交的材料，公开前另行删减');
  await panel.getByRole('button', { name: '确认放行' }).click();
  await panel.getByText('已由保密审查员放行').waitFor({ timeout: 30000 });
  await panel.getByText('未发现须处理的问题').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'inspection-2-overridden.png'), fullPage: true });
  await context.close();
});

it('shows the check counts on 我的待办 once the document is submitted', async () => {
  await wf().submit({ uid: ITEM, documentId: doc.documentId, actor: users['gov-author'].id });
  const { context, page } = await loginAs(browser, base, users['gov-section-head'], { locale: 'zh-CN' });
  await page.goto(`${base}/admin/plugins/disclosure-workflow`);
  const row = page.getByTestId('task-row').filter({ hasText: doc.title });
  await row.getByTestId('task-findings').getByText('检查 1 错 / 0 提示').waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'inspection-3-tasks.png'), fullPage: true });
  await context.close();
});
