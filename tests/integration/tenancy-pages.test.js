// 集约化 on the plugin's and the app's admin pages: the request dashboard and cases, the audit page
// and its export, schedules, review status and slips show and act only on the units a user covers.
// The county office (a whole tree from its root) also sees requests not yet assigned to any unit.
const { ITEM, unique, itemData, makeDepartment } = require('../helpers/fixtures');
const { workflowSuite, makeUser, approve } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const suite = workflowSuite({ name: `租户页面测试${unique()}` });
const REQUEST = 'api::disclosure-request.disclosure-request';
const m = () => strapi.plugin('disclosure-workflow').service('membership');
const cases = () => strapi.service('api::disclosure-request.case');
const future = () => new Date(Date.now() + 7 * 86400000).toISOString();
let edu;
let fin;
let elsewhere;
const u = {};
const d = {};

async function staff(code, departments) {
  const user = await makeUser(code, undefined, { member: false });
  for (const [department, includeSubDepartments = false] of departments) await m().add({ user: user.id, department: department.documentId, includeSubDepartments });
  return user;
}
const letter = () => strapi.documents(REQUEST).create({
  data: { applicantType: 'naturalPerson', applicantName: '王五', email: 'wangwu@example.cn', description: `租户申请 ${unique()}`, delivery: 'email', channel: 'letter', receivedAt: new Date().toISOString().slice(0, 10) },
});
const assign = (doc, department, handler) => cases().act({ documentId: doc.documentId, action: 'assign', input: { department: department.documentId, handler: handler.id }, actor: u.countyOffice.id });
const ids = (list) => list.map((x) => x.documentId);

beforeAll(async () => {
  edu = await makeDepartment({ name: `教育局${unique()}` });
  fin = await makeDepartment({ name: `财政局${unique()}` });
  elsewhere = await makeDepartment({ name: `外县${unique()}`, parent: null });
  u.countyOffice = await makeUser('gov-office'); // the test county with its whole tree
  u.eduOffice = await staff('gov-office', [[edu]]);
  u.eduAuthor = await staff('gov-author', [[edu]]);
  u.finAuthor = await staff('gov-author', [[fin]]);
  u.eduPublisher = await staff('gov-publisher', [[edu]]);
  [d.reqEdu, d.reqFin, d.reqNew, d.reqSpare] = [await letter(), await letter(), await letter(), await letter()];
  await assign(d.reqEdu, edu, u.eduAuthor);
  await assign(d.reqFin, fin, u.finAuthor);
  for (const [key, unit] of [['eduDoc', edu], ['finDoc', fin]]) {
    d[key] = await strapi.documents(ITEM).create({ data: itemData(unit) });
    await approve(ITEM, d[key].documentId);
  }
  d.finDraft = await strapi.documents(ITEM).create({ data: itemData(fin) });
  const schedules = strapi.plugin('disclosure-workflow').service('schedule');
  const publisher = suite.actors['gov-publisher'];
  d.eduSchedule = await schedules.schedule({ uid: ITEM, documentId: d.eduDoc.documentId, action: 'publish', at: future(), actor: publisher.id });
  d.finSchedule = await schedules.schedule({ uid: ITEM, documentId: d.finDoc.documentId, action: 'publish', at: future(), actor: publisher.id });
});

describe('依申请公开', () => {
  it('the dashboard shows the cases of the units a user covers; the county office also the unassigned ones', async () => {
    const dashboard = async (user) => ids((await (await adminClient(user)).get('/disclosure-workflow/requests')).body.data.cases);
    const county = await dashboard(u.countyOffice);
    expect(county).toEqual(expect.arrayContaining([d.reqEdu, d.reqFin, d.reqNew].map((x) => x.documentId)));
    const eduOffice = await dashboard(u.eduOffice);
    expect(eduOffice).toContain(d.reqEdu.documentId);
    expect(eduOffice).not.toContain(d.reqFin.documentId);
    expect(eduOffice).not.toContain(d.reqNew.documentId);
    expect(await dashboard(u.eduAuthor)).toEqual([d.reqEdu.documentId]);
  });

  it('another unit’s case cannot be opened or acted on, and its applicant stays unseen', async () => {
    const eduOffice = await adminClient(u.eduOffice);
    const open = await eduOffice.get(`/disclosure-workflow/requests/${d.reqFin.documentId}`);
    expect(open.status).toBe(404);
    expect(JSON.stringify(open.body)).not.toContain('王五');
    const acted = await eduOffice.post(`/disclosure-workflow/requests/${d.reqFin.documentId}/actions/extend`).send({ days: 5, reason: '需要协调' });
    expect(acted.status).toBe(404);
    expect((await strapi.db.query(REQUEST).findOne({ where: { documentId: d.reqFin.documentId } })).revision).toBe(1);
    expect((await eduOffice.get(`/disclosure-workflow/requests/${d.reqEdu.documentId}`)).status).toBe(200);
    const permissions = await eduOffice.get(`/disclosure-workflow/permissions?uid=${REQUEST}&documentId=${d.reqFin.documentId}`);
    expect(permissions.body.data.caseActions).toEqual([]);
  });

  it('the office assigns only to units it covers, and offers only those', async () => {
    const county = await adminClient(u.countyOffice);
    const refused = await county.post(`/disclosure-workflow/requests/${d.reqSpare.documentId}/actions/assign`).send({ department: elsewhere.documentId, handler: u.eduAuthor.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toMatchObject({ code: 'NOT_IN_DEPARTMENT', errors: [{ path: ['department'] }] });
    expect((await strapi.db.query(REQUEST).findOne({ where: { documentId: d.reqSpare.documentId } })).state).toBe('received');
    const offered = (await (await adminClient(u.eduOffice)).get('/disclosure-workflow/requests/assignees')).body.data.departments;
    expect(ids(offered)).toEqual([edu.documentId]);
  });

  it('the Content Manager lists requests the same way', async () => {
    const list = async (user) => ids((await (await adminClient(user)).get(`/content-manager/collection-types/${REQUEST}?page=1&pageSize=100&${[d.reqEdu, d.reqFin, d.reqNew].map((x, i) => `filters[documentId][$in][${i}]=${x.documentId}`).join('&')}`)).body.results);
    const county = await list(u.countyOffice);
    expect(county).toEqual(expect.arrayContaining([d.reqEdu, d.reqFin, d.reqNew].map((x) => x.documentId)));
    const eduOffice = await list(u.eduOffice);
    expect(eduOffice).toContain(d.reqEdu.documentId);
    expect(eduOffice).not.toContain(d.reqFin.documentId);
    expect(eduOffice).not.toContain(d.reqNew.documentId);
  });
});

describe('audit page, schedules, status and slips', () => {
  it('the audit page and its export show only events about the reader’s units', async () => {
    const publisher = await adminClient(u.eduPublisher);
    const page = (await publisher.get('/disclosure-workflow/audit?pageSize=200')).body;
    const targets = new Set(page.data.map((e) => e.targetDocumentId));
    expect(targets.has(d.eduDoc.documentId)).toBe(true);
    expect(targets.has(d.finDoc.documentId)).toBe(false);
    expect(page.data.every((e) => e.targetDocumentId)).toBe(true);
    const asked = (await publisher.get(`/disclosure-workflow/audit?documentId=${d.finDoc.documentId}`)).body;
    expect(asked.meta.pagination.total).toBe(0);
    const csv = (await publisher.get('/disclosure-workflow/audit/export.csv')).text;
    expect(csv).toContain(d.eduDoc.documentId);
    expect(csv).not.toContain(d.finDoc.documentId);
    const countyOffice = await adminClient(suite.actors['gov-office']);
    const county = (await countyOffice.get(`/disclosure-workflow/audit?documentId=${d.finDoc.documentId}`)).body;
    expect(county.meta.pagination.total).toBeGreaterThan(0);
    // Events about no document (an export) are the county office's — a whole tree — not a unit's.
    const exports = async (client) => (await client.get('/disclosure-workflow/audit?event=audit.export&pageSize=200')).body.meta.pagination.total;
    expect(await exports(countyOffice)).toBeGreaterThan(0);
    expect(await exports(publisher)).toBe(0);
  });

  it('schedules list, change and create only for the reader’s units', async () => {
    const publisher = await adminClient(u.eduPublisher);
    const listed = ids((await publisher.get('/disclosure-workflow/schedules')).body.data.map((s) => ({ documentId: s.targetDocumentId })));
    expect(listed).toContain(d.eduDoc.documentId);
    expect(listed).not.toContain(d.finDoc.documentId);
    expect((await publisher.del(`/disclosure-workflow/schedules/${d.finSchedule.id}`)).status).toBe(404);
    expect((await publisher.put(`/disclosure-workflow/schedules/${d.finSchedule.id}`).send({ at: future() })).status).toBe(404);
    expect((await strapi.db.query('plugin::disclosure-workflow.schedule').findOne({ where: { id: d.finSchedule.id } })).state).toBe('pending');
    expect((await publisher.post('/disclosure-workflow/schedules').send({ uid: ITEM, documentId: d.finDoc.documentId, action: 'unpublish', at: future() })).status).toBe(404);
  });

  it('review status, slip and submit of another unit’s document are "not found"', async () => {
    const author = await adminClient(u.eduAuthor);
    const target = (doc) => `uid=${ITEM}&documentId=${doc.documentId}`;
    expect((await author.get(`/disclosure-workflow/status?${target(d.finDoc)}`)).status).toBe(404);
    const slip = await author.get(`/disclosure-workflow/slip?${target(d.finDoc)}&format=json`);
    expect(slip.status).toBe(404);
    expect(JSON.stringify(slip.body)).not.toContain(d.finDoc.title);
    expect((await author.get(`/disclosure-workflow/status?${target(d.eduDoc)}`)).status).toBe(200);
    expect((await author.get(`/disclosure-workflow/slip?${target(d.eduDoc)}&format=json`)).status).toBe(200);
    expect((await author.post('/disclosure-workflow/submit').send({ uid: ITEM, documentId: d.finDraft.documentId })).status).toBe(404);
    expect(await strapi.db.query('plugin::disclosure-workflow.round').count({ where: { targetDocumentId: d.finDraft.documentId } })).toBe(0);
  });
});
