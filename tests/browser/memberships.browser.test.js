// Department memberships through the real admin in Debian's Chromium, in zh-Hans: the 部门成员 panel
// on a department's edit view adds and removes a member (and is not shown to an author), and
// Settings → 部门成员 shows and changes one person's memberships and lists the unassigned reviewers.
const path = require('path');
const { launchChromium, serveApp, stopApp, loginAs, SHOTS } = require('../helpers/browser');
const { DEPARTMENT, makeDepartment, unique } = require('../helpers/fixtures');
const { actors, makeUser } = require('../helpers/workflow');
const { waitFor } = require('../helpers/admin-http');

let browser;
let base;
let a;
let department;
const m = () => strapi.plugin('disclosure-workflow').service('membership');

beforeAll(async () => {
  base = await serveApp();
  a = await actors();
  await strapi.db.query('admin::user').update({ where: { id: a['gov-office'].id }, data: { preferedLanguage: 'zh-Hans' } });
  department = await makeDepartment({ name: `成员面板测试局${unique()}` });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopApp();
});

/** Types into a Combobox (it opens on key presses, not on a pasted value) and picks the option. */
async function pick(page, combobox, text) {
  await combobox.pressSequentially(text);
  await page.getByRole('option', { name: text }).click();
}

const editView = (doc) => `/admin/content-manager/collection-types/${DEPARTMENT}/${doc.documentId}`;
const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `memberships-${name}.png`), fullPage: true });

/** Logs in as `user` (zh-CN browser) and opens `url`, waiting for `ready`; the page text on failure. */
async function openAs(user, url, ready) {
  const { context, page } = await loginAs(browser, base, user, { locale: 'zh-CN' });
  await page.goto(`${base}${url}`);
  try {
    await ready(page).waitFor({ timeout: 60000 });
  } catch (error) {
    await shot(page, `failed-${Date.now()}`);
    throw new Error(`${error.message}\npage text: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
  }
  return { context, page };
}

it('adds and removes a member through the department panel', async () => {
  const person = await makeUser('gov-section-head', undefined, { member: false });
  const { context, page } = await openAs(a['gov-office'], editView(department), (p) => p.getByText('暂无成员。'));
  const panel = page.getByTestId('members-panel');
  await page.getByText('部门成员', { exact: true }).first().waitFor();

  const picker = panel.getByRole('combobox', { name: '添加成员' });
  await pick(page, picker, person.email);
  await panel.getByRole('checkbox', { name: '包括下级部门' }).click();
  await panel.getByRole('button', { name: '添加', exact: true }).click();
  const row = panel.getByTestId('member-row').filter({ hasText: person.email });
  await row.waitFor({ timeout: 30000 });
  expect(await row.textContent()).toContain(`${person.lastname}${person.firstname}`);
  expect(await row.textContent()).toContain('含下级部门');
  expect(await picker.inputValue()).toBe(''); // ready for the next member
  expect(await m().list({ department: department.documentId })).toEqual([expect.objectContaining({ user: person.id, includeSubDepartments: true })]);
  await shot(page, '1-panel-added');

  await row.getByRole('button', { name: '移除' }).click();
  await panel.getByText('暂无成员。').waitFor({ timeout: 30000 });
  expect(await m().list({ department: department.documentId })).toEqual([]);
  await context.close();
});

it('shows no members panel to a user without manage-memberships', async () => {
  const { context, page } = await loginAs(browser, base, a['gov-author']);
  await page.goto(`${base}${editView(department)}`);
  await page.locator('input[name="code"]').waitFor({ timeout: 60000 });
  await page.waitForLoadState('networkidle');
  expect(await page.getByTestId('members-panel').count()).toBe(0);
  expect(await page.getByText('Members', { exact: true }).count()).toBe(0);
  await context.close();
});

it('shows and changes one person\'s memberships on the settings page, and lists reviewers without a department', async () => {
  const person = await makeUser('gov-leader', undefined, { member: false });
  const loner = await makeUser('gov-secrecy-reviewer', undefined, { member: false });
  await m().add({ user: person.id, department: department.documentId });
  const url = `/admin/settings/disclosure-workflow/memberships?user=${person.id}`;
  const { context, page } = await openAs(a['gov-office'], url, (p) => p.getByTestId('membership-row').filter({ hasText: department.name }));
  await page.getByRole('heading', { name: '部门成员' }).first().waitFor();
  await page.getByRole('link', { name: '部门成员' }).first().waitFor();
  await shot(page, '2-settings-user');

  // Include the sub-departments, then remove.
  const row = page.getByTestId('membership-row').filter({ hasText: department.name });
  await row.getByRole('checkbox', { name: '包括下级部门' }).click();
  expect(await waitFor(async () => (await m().list({ user: person.id }))[0]?.includeSubDepartments, 30000)).toBe(true);
  await row.getByRole('button', { name: '移除' }).click();
  await page.getByText('该人员尚未分配部门。').waitFor({ timeout: 30000 });
  expect(await m().list({ user: person.id })).toEqual([]);

  // A reviewer without a department is listed; choosing them opens their (empty) memberships.
  const unassigned = page.getByTestId('unassigned-reviewers');
  expect(await unassigned.textContent()).toContain('尚未分配部门的工作人员');
  await unassigned.getByRole('button', { name: loner.email }).click();
  await page.waitForURL((u) => u.searchParams.get('user') === String(loner.id));
  await page.getByText('该人员尚未分配部门。').waitFor({ timeout: 30000 });
  expect(await page.getByRole('combobox', { name: '人员' }).inputValue()).toContain(loner.email);

  await pick(page, page.getByRole('combobox', { name: '添加部门' }), department.name);
  await page.getByRole('button', { name: '添加', exact: true }).click();
  await page.getByTestId('membership-row').filter({ hasText: department.name }).waitFor({ timeout: 30000 });
  await unassigned.getByRole('button', { name: loner.email }).waitFor({ state: 'detached', timeout: 30000 });
  expect(await page.getByRole('combobox', { name: '添加部门' }).inputValue()).toBe('');
  expect(await m().list({ user: loner.id })).toEqual([expect.objectContaining({ department: expect.objectContaining({ documentId: department.documentId }), includeSubDepartments: false })]);
  await shot(page, '3-settings-added');
  await context.close();
});
