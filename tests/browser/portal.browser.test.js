// The static portal in Debian's Chromium, as a citizen uses it: home → category → item → 解读; a
// search and its hit; the application form, invalid then valid, by keyboard, then the status by the
// query code; an annual report and its print view; the 适老化 mode remembered; 360 px wide. Every
// page type is checked with axe-core (WCAG 2.1 A/AA): no serious or critical violation. Screenshots
// at desktop and 360 px go to .tmp/browser.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { AxeBuilder } = require('@axe-core/playwright');
const { CATEGORY, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { publishPortalContent } = require('../helpers/portal');
const { launchChromium, serveApp, stopApp, SHOTS } = require('../helpers/browser');
const { buildPortal } = require('../../dist/src/portal/build');
const { itemHref } = require('../../dist/src/portal/site');

const REQUEST = 'api::disclosure-request.disclosure-request';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };

let browser, base, out, category, marker;
const docs = {};
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `portal-${name}.png`), fullPage: true });

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands. */
async function violations(page) {
  const { violations: found } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function open(viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport, ...options });
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-browser-'));
  process.env.PORTAL_OUT = out; // served at / by global::portal-static
  base = await serveApp();
  marker = `浏览器门户${unique()}`;
  const department = await makeDepartment({ name: unique('门户浏览局') });
  category = await strapi.db.query(CATEGORY).findOne({ where: { code: 'A01' } });
  docs.policy = await makeItem(department, { title: `关于${marker}的实施办法`, category: category.documentId, genre: 'normativeDocument', body: '## 一、总则\n\n为规范管理，制定本办法。' });
  docs.reading = await makeItem(department, { title: `《${marker}实施办法》政策解读`, category: category.documentId, genre: 'interpretation', interprets: [docs.policy.documentId] });
  Object.assign(docs, await publishPortalContent(department));
  await buildPortal({ api: base, out, log: () => {} });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  delete process.env.PORTAL_OUT;
  await stopApp();
  fs.rmSync(out, { recursive: true, force: true });
});

it('navigates home → category → item → 解读', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/`);
  await page.getByRole('navigation', { name: '专栏导航' }).getByRole('link', { name: '按主题' }).click();
  await page.getByRole('link', { name: category.name, exact: true }).click();
  await page.getByRole('link', { name: docs.policy.title }).click();
  await page.waitForURL(`**${itemHref(docs.policy.indexNumber)}`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(docs.policy.title);
  await shot(page, '1-item-desktop');
  await page.locator('section.links').getByRole('link', { name: docs.reading.title }).click();
  await page.waitForURL(`**${itemHref(docs.reading.indexNumber)}`);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(docs.reading.title);
  await context.close();
});

it('searches with and without JavaScript and opens a hit', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/xxgk/search`);
  await page.getByLabel('关键词、文号或标题').fill(marker);
  await page.getByLabel('关键词、文号或标题').press('Enter');
  const hit = page.locator('#results').getByRole('link', { name: docs.policy.title });
  await hit.waitFor();
  expect(await page.locator('#results mark').first().textContent()).toBe(marker);
  await shot(page, '2-search');
  await hit.click();
  await page.waitForURL(`**${itemHref(docs.policy.indexNumber)}`);
  await context.close();

  const plain = await open(DESKTOP, { javaScriptEnabled: false });
  await plain.page.goto(`${base}/`);
  await plain.page.getByLabel('政策文件检索').fill(marker);
  await plain.page.getByRole('button', { name: '搜索' }).click();
  await plain.page.waitForURL(/\/xxgk\/search\?q=/);
  await plain.page.getByRole('link', { name: docs.reading.title }).waitFor();
  await plain.context.close();
});

/** Fills the form by keyboard only: Tab from field to field, typing, arrows in the selects. */
async function typeForm(page, values) {
  await page.locator('#f-applicantType').focus();
  await page.keyboard.press('ArrowDown'); // 自然人
  const order = ['applicantName', 'idType', 'idNumber', 'organizationName', 'organizationCode', 'phone', 'email', 'address', 'description', 'documentNumber'];
  for (const name of order) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.name)).toBe(name);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    if (values[name]) await page.keyboard.type(values[name]);
  }
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.name)).toBe('delivery');
  await page.keyboard.press('End'); // 网上
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.textContent)).toBe('提交申请');
}

it('applies by keyboard: the server\'s field errors next to the fields, then the query code and the status', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/xxgk/ysqgk/`);
  await page.getByRole('link', { name: '在线提交申请' }).click();
  await page.waitForURL('**/xxgk/apply');
  const key = await page.locator('input[name="submissionKey"]').inputValue();
  const applicant = { applicantName: `键盘申请人${unique()}`, idType: '护照', idNumber: 'E12345678', phone: '电话号码', description: `请公开${marker}的制定说明` };
  await typeForm(page, applicant);
  await page.keyboard.press('Enter');
  const phoneError = page.locator('#e-phone');
  await phoneError.waitFor({ state: 'visible' });
  expect(await phoneError.textContent()).toBe('联系电话格式不正确');
  expect(await page.evaluate(() => document.activeElement.name)).toBe('phone');
  expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true');
  expect(await strapi.db.query(REQUEST).count({ where: { submissionKey: key } })).toBe(0);
  await shot(page, '3-apply-errors');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('13800138000');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // a second press while the first is sent
  const code = page.locator('#query-code');
  await code.waitFor();
  const queryCode = (await code.textContent()).trim();
  expect(queryCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  expect(await strapi.db.query(REQUEST).count({ where: { submissionKey: key } })).toBe(1);
  await shot(page, '4-apply-done');

  await page.getByRole('link', { name: '查询办理进度' }).click();
  await page.waitForURL('**/xxgk/status?code=*');
  await page.getByText('待确认收到').waitFor();
  expect(await page.content()).not.toContain(applicant.applicantName);
  await shot(page, '5-status');
  await context.close();
});

it('applies without JavaScript: the server\'s errors, then one request for the form\'s key', async () => {
  const { context, page } = await open(DESKTOP, { javaScriptEnabled: false });
  await page.goto(`${base}/xxgk/apply`);
  const key = await page.locator('input[name="submissionKey"]').inputValue();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#error-summary').waitFor();
  expect(await page.locator('#e-applicantName').textContent()).toBe('申请人姓名或名称不能为空');
  await page.selectOption('#f-applicantType', 'naturalPerson');
  await page.fill('#f-applicantName', `无脚本申请人${unique()}`);
  await page.fill('#f-idType', '护照');
  await page.fill('#f-idNumber', 'E7654321');
  await page.fill('#f-phone', '13900139000');
  await page.fill('#f-description', '请公开本县2025年财政决算报告');
  await page.selectOption('#f-delivery', 'online');
  // The page with the errors keeps the form's key: sending it again cannot make a second request.
  expect(await page.locator('input[name="submissionKey"]').inputValue()).toBe(key);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('#query-code').waitFor();
  expect((await page.locator('#query-code').textContent()).trim()).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  expect(await strapi.db.query(REQUEST).count({ where: { submissionKey: key } })).toBe(1);
  await context.close();
});

it('shows an annual report in the 2021 format and its print view', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/`);
  await page.getByRole('navigation', { name: '专栏导航' }).getByRole('link', { name: '公开年报' }).click();
  await page.getByRole('link', { name: docs.report.title }).click();
  await page.locator('table.table3').waitFor();
  expect(await page.locator('table.table2, table.table3, table.table4').count()).toBe(3);
  await shot(page, '6-report');
  await page.getByRole('link', { name: '打印版' }).click();
  await page.locator('table.table3').waitFor();
  await page.emulateMedia({ media: 'print' });
  await shot(page, '7-report-print');
  await context.close();
});

it('keeps the 适老化 mode across pages and visits', async () => {
  const { context, page } = await open();
  await page.goto(`${base}/`);
  const toggle = page.getByRole('button', { name: '适老化模式' });
  await toggle.click();
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await page.goto(`${base}${itemHref(docs.policy.indexNumber)}`);
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
  expect(await page.getByRole('button', { name: '退出适老化模式' }).getAttribute('aria-pressed')).toBe('true');
  expect(await violations(page)).toEqual([]);
  await shot(page, '8-elder');
  await page.getByRole('button', { name: '退出适老化模式' }).click();
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false);
  await context.close();
});

it('fits 360 px without sideways scrolling', async () => {
  const { context, page } = await open(PHONE);
  for (const [name, url] of [['home', '/'], ['item', itemHref(docs.policy.indexNumber)], ['list', '/xxgk/list/'], ['apply', '/xxgk/apply'], ['report', `/xxgk/ndbg/${docs.report.documentId}.html`]]) {
    await page.goto(`${base}${url}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect([name, overflow]).toEqual([name, 0]);
    await shot(page, `9-360-${name}`);
  }
  await context.close();
});

it('has no serious or critical axe violation on any page type', async () => {
  const { context, page } = await open();
  const pages = {
    home: '/',
    list: '/xxgk/list/',
    'department tree': '/xxgk/department/',
    'category tree': '/xxgk/category/',
    'category list': `/xxgk/category/${category.documentId}/`,
    'year list': '/xxgk/year/' + fs.readdirSync(path.join(out, 'xxgk/year'))[0] + '/',
    item: itemHref(docs.policy.indexNumber),
    guides: '/xxgk/gkzn/',
    guide: `/xxgk/gkzn/${docs.guide.documentId}.html`,
    procedures: '/xxgk/bszn/',
    procedure: `/xxgk/bszn/${docs.procedure.documentId}.html`,
    reports: '/xxgk/ndbg/',
    report: `/xxgk/ndbg/${docs.report.documentId}.html`,
    'report print': `/xxgk/ndbg/${docs.report.documentId}.print.html`,
    'application guide': '/xxgk/ysqgk/',
    search: `/xxgk/search?q=${encodeURIComponent(marker)}`,
    apply: '/xxgk/apply',
    status: '/xxgk/status?code=AAAA-BBBB-CCCC-DDDD',
  };
  // The check itself finds a violation where there is one.
  await page.setContent('<!doctype html><html lang="zh-Hans"><head><title>t</title></head><body><main><img src="data:,"></main></body></html>');
  expect(await violations(page)).toEqual([expect.stringMatching(/^image-alt/)]);
  const found = {};
  for (const [name, url] of Object.entries(pages)) {
    const res = await page.goto(`${base}${url}`);
    expect([name, res.status()]).toEqual([name, name === 'status' ? 404 : 200]);
    const problems = await violations(page);
    if (problems.length) found[name] = problems;
  }
  // The form with the server's errors shown, and the confirmation.
  await page.goto(`${base}/xxgk/apply`);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.locator('.field.invalid').first().waitFor();
  found['apply with errors'] = await violations(page);
  expect(Object.entries(found).filter(([, problems]) => problems.length)).toEqual([]);
  await context.close();
});
