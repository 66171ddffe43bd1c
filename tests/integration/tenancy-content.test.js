// 谁制作谁公开 (条例§10) in the Content Manager: a 教育局 user sees, opens, changes, publishes, deletes
// and links only 教育局 documents, through every admin route, and cannot hand a document to another
// unit; a county-wide user sees both. Membership changes hold on the next request.
const { ITEM, unique, itemData, makeDepartment, makeAdmin } = require('../helpers/fixtures');
const { workflowSuite, makeUser, approve } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const suite = workflowSuite({ name: `租户内容测试${unique()}` });
const CM = `/content-manager/collection-types/${ITEM}`;
const CONDITION = 'plugin::disclosure-workflow.in-my-departments';
const m = () => strapi.plugin('disclosure-workflow').service('membership');
const token = unique('T');
let edu;
let fin;
const u = {};
const d = {};

async function staff(code, departments, extraRoles = []) {
  const user = await makeUser(code, undefined, { member: false });
  for (const [department, includeSubDepartments = false] of departments) await m().add({ user: user.id, department: department.documentId, includeSubDepartments });
  if (extraRoles.length) await strapi.service('admin::user').updateById(user.id, { roles: [...user.roles.map((r) => r.id), ...extraRoles] });
  return user;
}

/** A role that may delete items without any condition: only the department middleware stands in the way. */
async function unconditionalDeleter() {
  const { permissionsFor } = require('../../dist/src/bootstrap/admin-roles');
  const locales = (await strapi.plugin('i18n').service('locales').find()).map((l) => l.code);
  const role = await strapi.service('admin::role').create({ name: `删除 ${unique()}`, code: unique('deleter-'), description: 'test' });
  await strapi.service('admin::role').assignPermissions(role.id, permissionsFor(strapi, [{ action: 'plugin::content-manager.explorer.delete', subjects: [ITEM] }], locales));
  return role.id;
}

const draft = (department, title = `${token} ${unique()}`) => strapi.documents(ITEM).create({ data: itemData(department, { title }) });
const rowOf = (doc) => strapi.db.query(ITEM).findOne({ where: { documentId: doc.documentId, publishedAt: null }, populate: { department: true, related: true } });
const isPublished = async (doc) => Boolean(await strapi.db.query(ITEM).findOne({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } }));
const expectHidden = (res, ...docs) => {
  expect([403, 404]).toContain(res.status);
  for (const doc of docs) expect(JSON.stringify(res.body)).not.toContain(doc.title);
};

beforeAll(async () => {
  edu = await makeDepartment({ name: `教育局${unique()}` });
  fin = await makeDepartment({ name: `财政局${unique()}` });
  await makeDepartment({ name: `外县${unique()}`, parent: null }); // so nobody below is county-wide by accident
  u.eduAuthor = await staff('gov-author', [[edu]]);
  u.eduPublisher = await staff('gov-publisher', [[edu]]);
  u.eduDeleter = await staff('gov-author', [[edu]], [await unconditionalDeleter()]);
  u.office = await staff('gov-office', [[suite.department, true], [edu], [fin]]);
  for (const key of ['eduItem', 'eduSpare']) d[key] = await draft(edu);
  for (const key of ['finItem', 'finSpare']) d[key] = await draft(fin);
  d.eduApproved = await draft(edu);
  d.finApproved = await draft(fin);
  await approve(ITEM, d.eduApproved.documentId);
  await approve(ITEM, d.finApproved.documentId);
});

describe('Content Manager lists and counts', () => {
  it('a 教育局 author lists only 教育局 items, and the count says so; the county office sees both units', async () => {
    const author = await adminClient(u.eduAuthor);
    const list = await author.get(`${CM}?page=1&pageSize=100&_q=${token}`);
    expect(list.status).toBe(200);
    const ids = list.body.results.map((r) => r.documentId).sort();
    expect(ids).toEqual([d.eduItem, d.eduSpare, d.eduApproved].map((x) => x.documentId).sort());
    expect(list.body.pagination.total).toBe(3);
    expect(JSON.stringify(list.body)).not.toContain(d.finItem.title);

    const office = await adminClient(u.office);
    const all = await office.get(`${CM}?page=1&pageSize=100&_q=${token}`);
    expect(all.body.pagination.total).toBe(6);
  });

  it('a filter naming the other unit finds nothing rather than its items', async () => {
    const author = await adminClient(u.eduAuthor);
    const res = await author.get(`${CM}?page=1&pageSize=100&filters[$and][0][department][documentId][$eq]=${fin.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBe(0);
  });
});

describe('one document of another unit', () => {
  it('cannot be opened (in any locale), updated or listed as a relation source', async () => {
    const author = await adminClient(u.eduAuthor);
    expectHidden(await author.get(`${CM}/${d.finItem.documentId}`), d.finItem);
    expectHidden(await author.get(`${CM}/${d.finItem.documentId}?locale=en`), d.finItem);
    expectHidden(await author.get(`/content-manager/relations/${ITEM}/${d.finItem.documentId}/related`), d.finItem);
    expectHidden(await author.put(`${CM}/${d.finItem.documentId}`).send({ title: '改了' }), d.finItem);
    expect((await rowOf(d.finItem)).title).toBe(d.finItem.title);
    const own = await author.get(`${CM}/${d.eduItem.documentId}`);
    expect(own.status).toBe(200);
    expect(own.body.data.title).toBe(d.eduItem.title);
  });

  it('cannot be published, alone or in bulk', async () => {
    const publisher = await adminClient(u.eduPublisher);
    expectHidden(await publisher.post(`${CM}/${d.finApproved.documentId}/actions/publish`).send({}), d.finApproved);
    const bulk = await publisher.post(`${CM}/actions/bulkPublish`).send({ documentIds: [d.finApproved.documentId] });
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    expect(bulk.status).toBeLessThan(500);
    expect(await isPublished(d.finApproved)).toBe(false);
    const own = await publisher.post(`${CM}/${d.eduApproved.documentId}/actions/publish`).send({});
    expect(own.status).toBe(200);
    expect(await isPublished(d.eduApproved)).toBe(true);
  });

  it('cannot be deleted, alone or in bulk, even by a role whose delete permission has no condition', async () => {
    const deleter = await adminClient(u.eduDeleter);
    expectHidden(await deleter.del(`${CM}/${d.finSpare.documentId}`), d.finSpare);
    const bulk = await deleter.post(`${CM}/actions/bulkDelete`).send({ documentIds: [d.finSpare.documentId] });
    expect(bulk.status === 200 ? bulk.body.count : 0).toBe(0);
    expect(await rowOf(d.finSpare)).not.toBeNull();
    expect((await deleter.del(`${CM}/${d.eduSpare.documentId}`)).status).toBe(200);
    expect(await rowOf(d.eduSpare)).toBeNull();
  });
});

describe('the department field and relations', () => {
  it('a new item can only be created for a unit the author belongs to (400 on the field, nothing written)', async () => {
    const author = await adminClient(u.eduAuthor);
    const title = `${token} 新 ${unique()}`;
    for (const department of [fin.documentId, { connect: [{ documentId: fin.documentId }] }, undefined]) {
      const res = await author.post(CM).send({ ...itemData(edu, { title }), department });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toMatchObject({ code: 'NOT_IN_DEPARTMENT', errors: [{ path: ['department'] }] });
    }
    expect(await strapi.db.query(ITEM).count({ where: { title } })).toBe(0);
    const ok = await author.post(CM).send({ ...itemData(edu, { title }), department: { connect: [{ documentId: edu.documentId }] } });
    expect(ok.status).toBe(201);
    expect((await rowOf(ok.body.data)).department.documentId).toBe(edu.documentId);
  });

  it('an annual report is drafted for the office’s own unit only', async () => {
    const office = await adminClient(await staff('gov-office', [[edu]]));
    const REPORT = 'api::annual-report.annual-report';
    const title = `${token} 年报 ${unique()}`;
    const other = await office.post(`/content-manager/collection-types/${REPORT}`).send({ title, year: 2025, department: { connect: [{ documentId: fin.documentId }] } });
    expect(other.status).toBe(400);
    expect(other.body.error.details).toMatchObject({ code: 'NOT_IN_DEPARTMENT', errors: [{ path: ['department'] }] });
    expect(await strapi.db.query(REPORT).count({ where: { title } })).toBe(0);
    const own = await office.post(`/content-manager/collection-types/${REPORT}`).send({ title, year: 2025, department: { connect: [{ documentId: edu.documentId }] } });
    expect(own.status).toBe(201);
  });

  it('an own item cannot be handed to another unit or cleared of its unit', async () => {
    const author = await adminClient(u.eduAuthor);
    for (const department of [{ connect: [{ documentId: fin.documentId }], disconnect: [] }, { set: [fin.documentId] }, null, { disconnect: [{ documentId: edu.documentId }] }]) {
      const res = await author.put(`${CM}/${d.eduItem.documentId}`).send({ department });
      expect(res.status).toBe(400);
      expect(res.body.error.details.code).toBe('NOT_IN_DEPARTMENT');
    }
    expect((await rowOf(d.eduItem)).department.documentId).toBe(edu.documentId);
  });

  it('the relation picker offers only own-unit items, and linking another unit’s item is refused', async () => {
    const author = await adminClient(u.eduAuthor);
    const picker = await author.get(`/content-manager/relations/${ITEM}/related?id=${d.eduItem.documentId}&pageSize=100&_q=${token}`);
    expect(picker.status).toBe(200);
    const offered = picker.body.results.map((r) => r.documentId);
    expect(offered).toContain(d.eduApproved.documentId);
    expect(offered).not.toContain(d.finItem.documentId);
    expect(JSON.stringify(picker.body)).not.toContain(d.finItem.title);
    const link = await author.put(`${CM}/${d.eduItem.documentId}`).send({ related: { connect: [{ documentId: d.finItem.documentId }] } });
    expect(link.status).toBe(400);
    expect(link.body.error.details).toMatchObject({ code: 'NOT_IN_DEPARTMENT', errors: [{ path: ['related'] }] });
    expect((await rowOf(d.eduItem)).related).toEqual([]);
  });
});

describe('the home page', () => {
  it('counts only the units’ documents the user may see', async () => {
    const countFor = async (user) => (await (await adminClient(user)).get('/content-manager/homepage/count-documents')).body.data;
    const before = await countFor(u.eduAuthor);
    const office = await countFor(u.office);
    await draft(fin);
    expect(await countFor(u.eduAuthor)).toEqual(before);
    const officeAfter = await countFor(u.office);
    expect(officeAfter.draft).toBe(office.draft + 1);
    await draft(edu);
    expect((await countFor(u.eduAuthor)).draft).toBe(before.draft + 1);
  });

  it('lists only own-unit documents among the recently edited ones', async () => {
    const latest = await draft(fin);
    const recent = async (user) => JSON.stringify((await (await adminClient(user)).get('/content-manager/homepage/recent-documents?action=update')).body.data);
    expect(await recent(u.office)).toContain(latest.title);
    expect(await recent(u.eduAuthor)).not.toContain(latest.title);
    expect(await recent(u.eduAuthor)).toContain(token);
  });
});

describe('memberships and roles', () => {
  it('a membership change holds on the next request', async () => {
    const author = await adminClient(u.eduAuthor);
    const seesFin = async () => (await author.get(`${CM}/${d.finItem.documentId}`)).status === 200;
    expect(await seesFin()).toBe(false);
    await m().add({ user: u.eduAuthor.id, department: fin.documentId });
    expect(await seesFin()).toBe(true);
    await m().remove({ user: u.eduAuthor.id, department: fin.documentId });
    expect(await seesFin()).toBe(false);
  });

  it('a user of a scoped role with no membership sees no department’s items', async () => {
    const nobody = await adminClient(await staff('gov-author', []));
    const list = await nobody.get(`${CM}?page=1&pageSize=10&_q=${token}`);
    expect(list.status).toBe(200);
    expect(list.body.pagination.total).toBe(0);
  });

  it('Settings → Roles shows the condition, applied to the gov-* roles’ Content Manager permissions', async () => {
    const superAdmin = await adminClient((await makeAdmin()).user);
    const conditions = await superAdmin.get('/admin/permissions');
    expect(conditions.body.data.conditions.map((c) => c.id)).toContain(CONDITION);
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gov-author' } });
    const permissions = (await superAdmin.get(`/admin/roles/${role.id}/permissions`)).body.data;
    const read = permissions.find((p) => p.action === 'plugin::content-manager.explorer.read' && p.subject === ITEM);
    expect(read.conditions).toEqual([CONDITION]);
  });
});
