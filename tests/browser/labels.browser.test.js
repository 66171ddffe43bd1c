// Through the real admin in Debian's Chromium, in zh-Hans: coded values read as words in the
// items list (column and filter), in the item's edit form (selected values and the options), and
// the request form has no raw JSON "Events" editor.
const path = require('path');
const { ITEM, makeAdmin, makeDepartment, itemData } = require('../helpers/fixtures');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');

const REQUEST = 'api::disclosure-request.disclosure-request';
let browser;
let base;
let admin;
let item;
let request;
let page;
let context;

beforeAll(async () => {
  base = await serveApp();
  admin = (await makeAdmin()).user;
  await strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { preferedLanguage: 'zh-Hans' } });
  const department = await makeDepartment();
  item = await strapi.documents(ITEM).create({
    data: itemData(department, { title: `标签测试：清溪县行政规范性文件 ${Date.now()}`, genre: 'normativeDocument', disclosure: 'proactive', validity: 'valid' }),
  });
  request = await strapi.documents(REQUEST).create({
    data: { applicantType: 'naturalPerson', applicantName: '张三', description: '请公开本县2025年防汛物资储备清单', delivery: 'paper', channel: 'letter', address: '清溪县', receivedAt: '2026-01-05' },
  });
  browser = await launchChromium();
  ({ context, page } = await loginAs(browser, base, admin, { locale: 'zh-CN', viewport: { width: 1440, height: 1100 } }));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stopApp();
});

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `labels-${name}.png`), fullPage: true });
const exactText = (text) => page.getByText(text, { exact: true });

it('shows enumeration labels in the items list, its column and its filter', async () => {
  const query = new URLSearchParams({
    page: '1', pageSize: '10', sort: 'title:ASC',
    'filters[$and][0][title][$eq]': item.title,
    'filters[$and][1][disclosure][$eq]': 'proactive',
  });
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEM}?${query}`);
  await page.getByText(item.title).first().waitFor({ timeout: 60000 });
  await shot('1-items-list');
  await expect(page.locator('tbody').getByText('主动公开', { exact: true }).count()).resolves.toBe(1);
  await expect(page.locator('tbody').getByText('proactive', { exact: true }).count()).resolves.toBe(0);
  // the filter chip names the value by its label too, and the list's own texts are in Chinese
  await expect(page.getByText(/公开属性 Disclosure .*主动公开/).count()).resolves.toBe(1);
  await expect(page.getByText('创建新条目').count()).resolves.toBeGreaterThanOrEqual(1);
  await expect(page.getByText(/proactive/).count()).resolves.toBe(0);
});

it('shows enumeration labels in the item edit form, and 发布机构 as required', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/${ITEM}/${item.documentId}`);
  const genre = page.getByRole('combobox', { name: /体裁 Genre/ });
  await genre.waitFor({ timeout: 60000 });
  await expect(genre.textContent()).resolves.toContain('行政规范性文件');
  await expect(page.getByRole('combobox', { name: /公开属性 Disclosure/ }).textContent()).resolves.toContain('主动公开');
  await expect(page.getByRole('combobox', { name: /^有效性 Validity/ }).textContent()).resolves.toContain('有效');
  const departmentLabel = page.locator('label', { hasText: '发布机构 Department' }).first();
  await expect(departmentLabel.textContent()).resolves.toMatch(/^发布机构 Department.*\*$/);
  await shot('2-item-edit');
  for (const code of ['normativeDocument', 'proactive', 'valid']) await expect(exactText(code).count()).resolves.toBe(0);

  await genre.click();
  await page.getByRole('option', { name: '规章', exact: true }).waitFor({ timeout: 10000 });
  await expect(page.getByRole('option', { name: '政策解读', exact: true }).count()).resolves.toBe(1);
  await expect(page.getByRole('option', { name: 'regulation', exact: true }).count()).resolves.toBe(0);
  await shot('3-item-genre-options');
  await page.keyboard.press('Escape');
});

it('has no raw JSON "Events" editor in the request edit form, and labels its fields and values', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/${REQUEST}/${request.documentId}`);
  const applicantType = page.getByRole('combobox', { name: /申请人类型 Applicant type/ });
  await applicantType.waitFor({ timeout: 60000 });
  await expect(applicantType.textContent()).resolves.toContain('自然人');
  await expect(page.getByRole('combobox', { name: /办理环节 Stage/ }).textContent()).resolves.toContain('已登记');
  await expect(page.getByText('复议诉讼 Review cases').count()).resolves.toBeGreaterThanOrEqual(1);
  await shot('4-request-edit');
  await expect(page.getByText('办理记录 Events').count()).resolves.toBe(0);
  await expect(page.getByText(/^events$/i).count()).resolves.toBe(0);
  await expect(page.getByText('reviewCases', { exact: true }).count()).resolves.toBe(0);
  await expect(page.locator('.cm-editor').count()).resolves.toBe(0);
  for (const code of ['naturalPerson', 'received', 'paper', 'letter']) await expect(exactText(code).count()).resolves.toBe(0);
});
