// What every environment gets at start-up: the DOMAIN admin roles, Public read access and the
// topic-category tree, all idempotent; and the demo county for an empty database.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { useFreshDatabase } = require('../helpers/fresh-db');
const { CATEGORY, DEPARTMENT, ITEM, PROCEDURE } = require('../helpers/fixtures');

const CODES = ['gov-author', 'gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-principal', 'gov-office', 'gov-publisher', 'gov-supervisor'];

// A database of its own: what start-up creates is checked from nothing, whatever ran before.
let fresh;
beforeAll(async () => {
  fresh = await useFreshDatabase();
  await setupStrapi();
});
afterAll(async () => {
  await cleanupStrapi();
  await fresh.restore();
});

const rolesByCode = async () => strapi.db.query('admin::role').findMany({ where: { code: { $in: CODES } }, populate: ['permissions'] });

it('creates the eight DOMAIN admin roles with exactly these codes, once', async () => {
  const roles = await rolesByCode();
  expect(roles.map((r) => r.code).sort()).toEqual([...CODES].sort());
  const { ensureAdminRoles } = require('../../dist/src/bootstrap/admin-roles');
  await ensureAdminRoles(strapi);
  expect((await rolesByCode()).length).toBe(8);
});

it('gives each role sensible Content Manager permissions', async () => {
  const roles = Object.fromEntries((await rolesByCode()).map((r) => [r.code, r.permissions.map((p) => `${p.action}|${p.subject ?? ''}`)]));
  const can = (code, action, subject = ITEM) => roles[code].includes(`plugin::content-manager.explorer.${action}|${subject}`);
  expect(can('gov-author', 'create') && can('gov-author', 'update')).toBe(true);
  expect(can('gov-author', 'publish')).toBe(false);
  expect(can('gov-publisher', 'publish') && can('gov-publisher', 'publish', PROCEDURE)).toBe(true);
  expect(can('gov-publisher', 'update')).toBe(false);
  expect(can('gov-office', 'update', DEPARTMENT)).toBe(true);
  for (const code of ['gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-principal', 'gov-supervisor']) {
    expect(can(code, 'read')).toBe(true);
    expect(roles[code].some((p) => /explorer\.(create|update|delete|publish)/.test(p))).toBe(false);
  }
  const procedurePublish = await strapi.db.query('admin::permission').findOne({ where: { action: 'plugin::content-manager.explorer.publish', subject: PROCEDURE, role: { code: 'gov-publisher' } } });
  expect(procedurePublish.properties.locales).toEqual(expect.arrayContaining(['zh-Hans', 'en']));
  const readFields = (await strapi.db.query('admin::permission').findOne({ where: { action: 'plugin::content-manager.explorer.read', subject: ITEM, role: { code: 'gov-supervisor' } } })).properties.fields;
  expect(readFields).toEqual(expect.arrayContaining(['title', 'indexNumber', 'exemptionReason', 'classified']));
});

it('grants the Public role read access to the catalogue and nothing that writes', async () => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
  const actions = role.permissions.map((p) => p.action);
  expect(actions).toEqual(expect.arrayContaining(['api::disclosure-item.disclosure-item.find', 'api::disclosure-item.catalogue.export', 'api::handling-procedure.handling-procedure.findOne']));
  expect(actions.some((a) => /\.(create|update|delete)$/.test(a))).toBe(false);
});

it('seeds the 15 classes of 条例§20 and the common classes as a tree', async () => {
  const statutory = await strapi.documents(CATEGORY).findFirst({ filters: { code: 'A' }, populate: ['children'] });
  expect(statutory.children).toHaveLength(15);
  for (const name of ['机构职能', '政策法规', '规划计划', '业务工作', '统计数据']) {
    expect(await strapi.documents(CATEGORY).findFirst({ filters: { name } })).not.toBeNull();
  }
  const before = await strapi.db.query(CATEGORY).count({});
  await require('../../dist/src/bootstrap/categories').seedCategories(strapi);
  expect(await strapi.db.query(CATEGORY).count({})).toBe(before);
});

it('loads the demo county into an empty database only', async () => {
  const { seedDemoData } = require('../../dist/src/bootstrap/demo-data');
  expect(await strapi.db.query(DEPARTMENT).count({})).toBe(0);
  expect(await seedDemoData(strapi, { items: 12 })).toBe(true);
  const items = await strapi.db.query(ITEM).findMany({ where: { publishedAt: { $notNull: true } } });
  expect(items.length).toBeGreaterThan(8);
  expect(new Set(items.map((i) => i.indexNumber)).size).toBe(items.length);
  const procedure = await strapi.documents(PROCEDURE).findFirst({ filters: { code: 'disclosure-request' }, populate: ['steps'], status: 'published' });
  expect(procedure.statutoryTimeLimit).toBe(20);
  expect(procedure.steps.length).toBeGreaterThanOrEqual(4);
  // The county's 公开指南, published through review, with the office contacts of the government.
  const guide = await strapi.documents('api::disclosure-guide.disclosure-guide').findFirst({ status: 'published', populate: ['department'] });
  expect(guide).toMatchObject({ title: '清溪县人民政府政府信息公开指南', department: expect.objectContaining({ code: '00419800-1' }), officeHours: expect.any(String) });
  // Each demo 政策解读 interprets a published policy item.
  const readings = await strapi.db.query(ITEM).findMany({ where: { genre: 'interpretation', publishedAt: { $notNull: true } }, populate: { interprets: { select: ['documentId'] } } });
  expect(readings.every((r) => r.interprets.length === 1)).toBe(true);
  const REQUEST = 'api::disclosure-request.disclosure-request';
  const lastYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4)) - 1;
  expect(await strapi.db.query(REQUEST).count({ where: { state: 'closed', closedAt: { $gte: `${lastYear}-01-01`, $lte: `${lastYear}-12-31` } } })).toBe(36);
  const open = await strapi.db.query(REQUEST).findMany({ where: { state: 'received' } });
  expect(open.length).toBe(6);
  expect(open.every((r) => r.dueAt > r.receivedAt && r.events[0].type === 'received')).toBe(true);
  expect(await seedDemoData(strapi, { items: 12 })).toBe(false);
});
