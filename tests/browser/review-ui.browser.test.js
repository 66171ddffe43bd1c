// The review UI in Debian's Chromium: the side panel follows the server after Save without a reload,
// buttons only for what the user may do, 待办 with titles and departments, the audit page (newest
// first, filters) and the review slip's Print button and print stylesheet.
const path = require('path');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');
const { ITEM, makeDepartment, itemData, unique } = require('../helpers/fixtures');
const { actors, approve, wf } = require('../helpers/workflow');

let browser;
let base;
let department;
let a;

beforeAll(async () => {
  base = await serveApp();
  a = await actors();
  department = await makeDepartment({ name: `浏览器测试局${unique()}` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopApp();
});

const draft = (title) => strapi.documents(ITEM).create({ data: itemData(department, { title: `${title} ${unique()}` }) });
const editView = (doc) => `/admin/content-manager/collection-types/${ITEM}/${doc.documentId}`;

/** Logs in as `user` in a fresh browser context and opens `url`, waiting for `ready`. */
async function openAs(user, url, ready) {
  const { context, page } = await loginAs(browser, base, user);
  await page.goto(`${base}${url}`);
  try {
    await page.getByText(ready).first().waitFor({ timeout: 60000 });
  } catch (error) {
    await page.screenshot({ path: path.join(SHOTS, `ui-failed-${Date.now()}.png`) });
    throw new Error(`${error.message}\npage text: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
  }
  return { page, context };
}

it('updates the review panel after Save, without a page reload', async () => {
  const doc = await draft('浏览器测试：审核后修改');
  await approve(ITEM, doc.documentId);
  const { page, context } = await openAs(a['gov-author'], editView(doc), 'Approved and signed off for exactly this content');
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.screenshot({ path: path.join(SHOTS, 'ui-1-approved.png') });

  await page.locator('input[name="title"]').fill(`${doc.title}（修订）`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('workflow-reason').getByText('the content changed after approval').waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, 'ui-2-after-save.png') });

  expect(await page.evaluate(() => window.__sameDocument)).toBe(true); // no reload
  await expect(page.getByTestId('workflow-reason').textContent()).resolves.not.toMatch(/may be published/);
  expect(await page.getByTestId('workflow-state').textContent()).toBe('Draft (not submitted)');
  expect(await page.getByRole('button', { name: 'Submit for review', exact: true }).count()).toBe(1);
  expect((await wf().status({ uid: ITEM, documentId: doc.documentId })).reason).toBe('CHANGED_AFTER_APPROVAL');

  // Submitting from the panel updates it in place as well.
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await page.getByTestId('workflow-state').getByText('In review').waitFor({ timeout: 30000 });
  expect(await page.getByRole('button', { name: 'Submit for review', exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Withdraw', exact: true }).count()).toBe(1);
  await context.close();
});

it('offers each user only the actions they may take', async () => {
  const doc = await draft('浏览器测试：按钮权限');
  const publisher = await openAs(a['gov-publisher'], editView(doc), 'Review and sign-off');
  await publisher.page.getByTestId('workflow-state').waitFor();
  expect(await publisher.page.getByRole('button', { name: 'Submit for review', exact: true }).count()).toBe(0);
  expect(await publisher.page.getByText('Scheduled publishing').count()).toBe(1);
  await publisher.page.screenshot({ path: path.join(SHOTS, 'ui-3-publisher-panel.png') });
  await publisher.context.close();

  await wf().submit({ uid: ITEM, documentId: doc.documentId, actor: a['gov-author'].id });
  const head = await openAs(a['gov-section-head'], editView(doc), 'Review and sign-off');
  await head.page.getByRole('button', { name: 'Approve', exact: true }).waitFor({ timeout: 30000 });
  expect(await head.page.getByText('Scheduled publishing').count()).toBe(0);
  expect(await head.page.getByRole('button', { name: 'Submit for review', exact: true }).count()).toBe(0);
  await head.page.screenshot({ path: path.join(SHOTS, 'ui-4-reviewer-panel.png') });
  await head.context.close();
});

it('lists 待办 with the title and the department', async () => {
  const doc = await draft('浏览器测试：待办标题');
  await wf().submit({ uid: ITEM, documentId: doc.documentId, actor: a['gov-author'].id });
  const { page, context } = await openAs(a['gov-section-head'], '/admin/plugins/disclosure-workflow', 'My review tasks');
  const row = page.getByTestId('task-row').filter({ hasText: doc.title });
  await row.waitFor({ timeout: 30000 });
  expect(await row.textContent()).toContain(department.name);
  expect(await row.textContent()).toContain('Disclosure item');
  expect(await row.getByRole('link', { name: doc.title }).getAttribute('href')).toBe(editView(doc));
  await page.screenshot({ path: path.join(SHOTS, 'ui-5-tasks.png') });
  await context.close();
});

it('shows the audit trail newest first, with names and labels, and filters it', async () => {
  const doc = await draft('浏览器测试：审计');
  await approve(ITEM, doc.documentId);
  const { page, context } = await openAs(a['gov-office'], `/admin/plugins/disclosure-workflow/audit?documentId=${doc.documentId}`, 'Audit trail');
  const rows = page.getByTestId('audit-row');
  await rows.first().waitFor({ timeout: 30000 });
  const seqs = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-seq'))));
  expect(seqs).toHaveLength(4);
  expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
  expect(await rows.first().textContent()).toContain('Sign-off: public');
  expect(await rows.last().textContent()).toContain('Submitted for review');
  expect(await rows.last().textContent()).toContain(`${a['gov-author'].lastname}${a['gov-author'].firstname}`);
  await page.screenshot({ path: path.join(SHOTS, 'ui-6-audit.png') });

  await page.getByLabel('Actor (name, e-mail or id)').fill(a['gov-leader'].email);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('actor') === a['gov-leader'].email);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-row"]').length === 1, null, { timeout: 30000 });
  expect(await rows.first().textContent()).toContain('Approved');
  await page.screenshot({ path: path.join(SHOTS, 'ui-7-audit-filtered.png') });
  await context.close();
});

it('prints only the review slip, on A4, from a working Print button', async () => {
  const doc = await draft('浏览器测试：审核单');
  await approve(ITEM, doc.documentId);
  const { page, context } = await openAs(a['gov-office'], `/admin/plugins/disclosure-workflow/slip?uid=${ITEM}&documentId=${doc.documentId}`, '政府信息公开审核单');
  const csp = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && csp.push(m.text()));
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await page.getByTestId('slip-print').click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  expect(csp).toEqual([]);

  const a4 = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => {
      try {
        return [...sheet.cssRules].some((rule) => rule instanceof CSSPageRule && /A4/i.test(rule.style.getPropertyValue('size')));
      } catch {
        return false;
      }
    }),
  );
  expect(a4).toBe(true);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    slip: getComputedStyle(document.getElementById('dw-slip-print')).display,
    others: [...document.body.children].filter((el) => el.id !== 'dw-slip-print' && el.tagName !== 'SCRIPT').map((el) => getComputedStyle(el).display),
    text: document.getElementById('dw-slip-print').innerText,
  }));
  expect(printed.slip).toBe('block');
  expect(printed.others.every((d) => d === 'none')).toBe(true);
  expect(printed.text).toContain(doc.title);
  await page.screenshot({ path: path.join(SHOTS, 'ui-8-slip-print.png'), fullPage: true });
  await page.pdf({ path: path.join(SHOTS, 'ui-8-slip.pdf'), preferCSSPageSize: true });
  await context.close();
});

it('shows the schedules page empty, then one schedule counted in the singular, and a filter that matches nothing', async () => {
  await strapi.db.query('plugin::disclosure-workflow.schedule').deleteMany({});
  const { page, context } = await openAs(a['gov-publisher'], '/admin/plugins/disclosure-workflow/schedules', 'No schedules yet.');
  await page.screenshot({ path: path.join(SHOTS, 'ui-schedules-empty.png') });

  const doc = await draft('定时发布页面测试：关于开展消防安全检查的通知');
  await approve(ITEM, doc.documentId);
  const at = new Date(Date.now() + 7 * 86400000).toISOString();
  await strapi.plugin('disclosure-workflow').service('schedule').schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at, actor: a['gov-publisher'].id });
  await page.reload();
  await page.getByText('1 schedule ·').first().waitFor({ timeout: 60000 });
  await page.getByText(doc.title).first().waitFor();

  await page.getByRole('textbox', { name: 'Department' }).fill('没有这个部门');
  await page.getByText('No schedules match these filters.').waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, 'ui-schedules-filtered.png') });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText(doc.title).first().waitFor({ timeout: 30000 });
  await context.close();
});
