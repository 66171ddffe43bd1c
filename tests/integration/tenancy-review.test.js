// 谁公开谁审查 (002:837): a step's reviewers are members of the document's department (scope
// `department`, the default) or anyone holding the role (scope `any`). Outsiders are refused with
// NOT_IN_DEPARTMENT and the attempt is recorded; 待办 and the "your turn" mail follow the same scope;
// a step nobody may act on is reported at once (NO_REVIEWER).
const { ITEM, unique, itemData, makeDepartment } = require('../helpers/fixtures');
const { workflowSuite, makeUser, wf } = require('../helpers/workflow');
const { adminClient, waitFor } = require('../helpers/admin-http');

const suite = workflowSuite({ name: `租户测试县${unique()}`, parent: null });
const m = () => strapi.plugin('disclosure-workflow').service('membership');
let mailbox;
let county;
let edu;
let fin;
let other;
let lonely;
const u = {};

/** A user with one role who belongs to the given departments only (none: no membership at all). */
async function staff(code, ...memberships) {
  const user = await makeUser(code, undefined, { member: false });
  for (const [department, includeSubDepartments = false] of memberships) await m().add({ user: user.id, department: department.documentId, includeSubDepartments });
  return user;
}

beforeAll(async () => {
  ({ mailbox, department: county } = suite);
  const unit = (name) => makeDepartment({ name: `${name}${unique()}`, parent: county.documentId });
  [edu, fin, other, lonely] = [await unit('教育局'), await unit('财政局'), await unit('统计局'), await unit('无人科室')];
  u.eduAuthor = await staff('gov-author', [edu], [other], [lonely]);
  u.eduHead = await staff('gov-section-head', [edu]);
  u.finHead = await staff('gov-section-head', [fin]);
  u.otherHead = await staff('gov-section-head', [other]);
  u.leader = await staff('gov-leader', [county, true]);
  u.secrecyAnywhere = await staff('gov-secrecy-reviewer');
  u.secrecyEdu = await staff('gov-secrecy-reviewer', [edu]);
  u.secrecyOther = await staff('gov-secrecy-reviewer', [other]);
  // 教育局 and 财政局 documents: two department-scoped reviews, then a county-level secrecy office (scope any).
  await strapi.plugin('disclosure-workflow').service('chains').create(
    {
      name: `县级保密审查 ${unique()}`, contentTypes: ['*'], departments: [edu.documentId, fin.documentId], submitRoles: ['gov-author'],
      steps: [{ name: '一审', roles: ['gov-section-head'] }, { name: '二审', roles: ['gov-leader'], scope: 'department' }],
      signOffRoles: ['gov-secrecy-reviewer'], signOffScope: 'any', priority: 5,
    },
    { actor: suite.actors['gov-office'].id },
  );
});

const draft = (department, overrides = {}) => strapi.documents(ITEM).create({ data: itemData(department, { title: `租户 ${unique()}`, ...overrides }) });
const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const refusedEvents = (doc, event) => strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event, targetDocumentId: doc.documentId } });

describe('review scope', () => {
  it('refuses another unit’s section head (NOT_IN_DEPARTMENT, recorded); the unit’s own, a sub-tree leader and a scope-any secrecy office go through', async () => {
    const doc = await draft(edu);
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    await expect(wf().decide({ ...target(doc), actor: u.finHead.id, decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_IN_DEPARTMENT', status: 403, zh: expect.any(String), en: expect.any(String) });
    expect((await wf().status(target(doc))).current).toBe(0);
    const [refused] = await refusedEvents(doc, 'decision.refused');
    expect(refused).toMatchObject({ actor: u.finHead.id, data: { code: 'NOT_IN_DEPARTMENT', department: edu.documentId } });

    await wf().decide({ ...target(doc), actor: u.eduHead.id, decision: 'approve' });
    await wf().decide({ ...target(doc), actor: u.leader.id, decision: 'approve' });
    // The county-level secrecy office, member of no unit, reads what waits for it — and only that.
    const secrecy = await adminClient(u.secrecyAnywhere);
    const opened = await secrecy.get(`/content-manager/collection-types/${ITEM}/${doc.documentId}`);
    expect(opened.status).toBe(200);
    expect(opened.body.data.title).toBe(doc.title);
    const listed = await secrecy.get(`/content-manager/collection-types/${ITEM}?page=1&pageSize=100&_q=${encodeURIComponent(doc.title)}`);
    expect(listed.body.results.map((r) => r.documentId)).toEqual([doc.documentId]);
    const waitingElsewhere = await draft(edu);
    expect((await secrecy.get(`/content-manager/collection-types/${ITEM}/${waitingElsewhere.documentId}`)).status).toBe(404);
    const signed = await wf().signOff({ ...target(doc), actor: u.secrecyAnywhere.id, conclusion: 'public' });
    expect((await secrecy.get(`/content-manager/collection-types/${ITEM}/${doc.documentId}`)).status).toBe(404);
    expect(signed).toMatchObject({ state: 'approved', canPublish: true });
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    expect(await strapi.plugin('disclosure-workflow').service('audit').verify()).toMatchObject({ ok: true });
  });

  it('keeps the default chain’s sign-off in the department: a secrecy reviewer of another unit or of none is refused', async () => {
    const doc = await draft(other);
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    await wf().decide({ ...target(doc), actor: u.otherHead.id, decision: 'approve' });
    await wf().decide({ ...target(doc), actor: u.leader.id, decision: 'approve' });
    for (const outsider of [u.secrecyAnywhere, u.secrecyEdu]) {
      await expect(wf().signOff({ ...target(doc), actor: outsider.id, conclusion: 'public' })).rejects.toMatchObject({ code: 'NOT_IN_DEPARTMENT' });
    }
    expect(await refusedEvents(doc, 'sign-off.refused')).toHaveLength(2);
    expect((await wf().signOff({ ...target(doc), actor: u.secrecyOther.id, conclusion: 'public' })).state).toBe('approved');
  });

  it('still answers NOT_ALLOWED to someone without the step’s role, whatever their department', async () => {
    const doc = await draft(edu);
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    await expect(wf().decide({ ...target(doc), actor: u.secrecyEdu.id, decision: 'approve' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('answers over HTTP with the bilingual 403 and offers no approve button to outsiders', async () => {
    const doc = await draft(fin);
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    const fromEdu = await adminClient(u.eduHead);
    const permissions = await fromEdu.get(`/disclosure-workflow/permissions?uid=${ITEM}&documentId=${doc.documentId}`);
    expect(permissions.body.data.actions.decide).toBe(false);
    const res = await fromEdu.post('/disclosure-workflow/decide').send({ ...target(doc), decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.details).toMatchObject({ code: 'NOT_IN_DEPARTMENT', zh: expect.stringContaining('部门'), en: expect.stringContaining('department') });
    const fromFin = await adminClient(u.finHead);
    expect((await fromFin.get(`/disclosure-workflow/permissions?uid=${ITEM}&documentId=${doc.documentId}`)).body.data.actions.decide).toBe(true);
  });
});

describe('待办 and mail follow the scope', () => {
  it('lists a submission only for the reviewers of its department, and mails only them', async () => {
    mailbox.mails.length = 0;
    const doc = await draft(edu);
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    const ids = async (user) => (await wf().tasks(user.id, { pageSize: 200 })).results.map((t) => t.documentId);
    expect(await ids(u.eduHead)).toContain(doc.documentId);
    expect(await ids(u.finHead)).not.toContain(doc.documentId);

    const about = (mail) => mail.raw.includes(doc.documentId);
    expect(await waitFor(() => mailbox.mails.find((mail) => about(mail) && mail.to.includes(u.eduHead.email)))).toBeTruthy();
    const recipients = mailbox.mails.filter(about).flatMap((mail) => mail.to);
    expect(recipients).not.toContain(u.finHead.email);
    expect(recipients).not.toContain(u.otherHead.email);
  });

  it('tells the submitter and the office at once when nobody may act (NO_REVIEWER)', async () => {
    mailbox.mails.length = 0;
    const office = await staff('gov-office', [county, true]);
    const doc = await draft(lonely, { title: `无人审核 ${unique()}` });
    await wf().submit({ ...target(doc), actor: u.eduAuthor.id });
    const told = await waitFor(() => mailbox.mails.find((mail) => mail.text.includes('NO_REVIEWER') && mail.raw.includes(doc.documentId)));
    expect(told).toBeTruthy();
    expect(told.to).toEqual(expect.arrayContaining([u.eduAuthor.email, office.email]));
    const [event] = await waitFor(() => refusedEvents(doc, 'no-reviewer').then((rows) => (rows.length ? rows : null)));
    expect(event.data).toMatchObject({ code: 'NO_REVIEWER', department: lonely.documentId, roles: ['gov-section-head'] });
  });
});

describe('chain settings', () => {
  it('refuses an unknown scope, naming the field', async () => {
    const office = await adminClient(suite.actors['gov-office']);
    const res = await office.post('/disclosure-workflow/chains').send({
      name: `坏范围 ${unique()}`, contentTypes: ['*'], submitRoles: ['gov-author'], signOffRoles: ['gov-secrecy-reviewer'],
      steps: [{ name: '一审', roles: ['gov-section-head'], scope: 'everyone' }], signOffScope: 'nobody',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['steps.0.scope', 'signOffScope']));
  });
});
