// Department memberships (集约化): the plugin's `membership` service and its admin routes, on the
// app's department tree. Read from the database each time: a change holds on the next call.
const { unique, makeDepartment } = require('../helpers/fixtures');
const { workflowSuite, makeUser } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const suite = workflowSuite({ name: `集约化县${unique()}` });
const m = () => strapi.plugin('disclosure-workflow').service('membership');
const MEMBERSHIP = 'plugin::disclosure-workflow.membership';
let county;
let edu;
let school;
let fin;
let a;

beforeAll(async () => {
  ({ actors: a, department: county } = suite);
  edu = await makeDepartment({ name: `教育局${unique()}`, parent: county.documentId });
  school = await makeDepartment({ name: `实验学校${unique()}`, parent: edu.documentId });
  fin = await makeDepartment({ name: `财政局${unique()}`, parent: county.documentId });
});

const auditEvents = (event) => strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event }, orderBy: [{ seq: 'desc' }], limit: 5 });

describe('membership service', () => {
  it('adds, lists, covers and removes, by documentId or by code, with the sub-tree when asked', async () => {
    const user = await makeUser('gov-author', undefined, { member: false });
    expect(await m().covers({ user: user.id, department: edu.documentId })).toBe(false);

    const added = await m().add({ user: user.id, department: edu.code }, { actor: a['gov-office'].id });
    expect(added).toMatchObject({ user: user.id, department: { documentId: edu.documentId, name: edu.name }, includeSubDepartments: false });
    expect(await m().covers({ user: user.id, department: edu.documentId })).toBe(true);
    expect(await m().covers({ user: user.id, department: school.code })).toBe(false);
    expect(await m().covers({ user: user.id, department: fin.documentId })).toBe(false);

    // Adding again changes the flag, never a second row.
    await m().add({ user: user.id, department: edu.documentId, includeSubDepartments: true });
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userId: user.id } })).toBe(1);
    expect(await m().covers({ user: user.id, department: school.documentId })).toBe(true);
    expect(await m().covers({ user: user.id, department: county.documentId })).toBe(false);

    expect(await m().list({ user: user.id })).toEqual([expect.objectContaining({ user: user.id, department: { documentId: edu.documentId, name: edu.name }, includeSubDepartments: true })]);
    expect((await m().list({ department: edu.code })).map((r) => r.user)).toContain(user.id);

    expect(await m().remove({ user: user.id, department: edu.documentId })).toEqual({ removed: 1 });
    expect(await m().covers({ user: user.id, department: edu.documentId })).toBe(false);
    expect(await m().list({ user: user.id })).toEqual([]);

    const [removed] = await auditEvents('membership.remove');
    expect(removed.data).toMatchObject({ userId: user.id, department: edu.documentId });
    const [add] = await auditEvents('membership.add');
    expect(add.data).toMatchObject({ userId: user.id, department: edu.documentId, includeSubDepartments: true });
    expect(await strapi.plugin('disclosure-workflow').service('audit').verify()).toMatchObject({ ok: true });
  });

  it('a county-wide membership (the root with its sub-tree) covers every unit below it', async () => {
    const office = await makeUser('gov-office', undefined, { member: false });
    await m().add({ user: office.id, department: county.documentId, includeSubDepartments: true });
    for (const unit of [county, edu, school, fin]) expect(await m().covers({ user: office.id, department: unit.documentId })).toBe(true);
    const covered = await m().coveredDepartments({ user: office.id });
    expect(covered).toEqual(expect.arrayContaining([county, edu, school, fin].map((d) => d.documentId)));
    const outside = await makeDepartment({ name: `另一乡镇${unique()}`, parent: null });
    expect(covered).not.toContain(outside.documentId);
  });

  it('refuses an unknown department or user with INVALID_INPUT and writes nothing', async () => {
    const user = await makeUser('gov-author', undefined, { member: false });
    await expect(m().add({ user: user.id, department: 'no-such-unit' })).rejects.toMatchObject({ code: 'INVALID_INPUT', status: 400 });
    await expect(m().add({ user: 999999999, department: edu.documentId })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(m().list({})).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('membership admin routes', () => {
  it('let the office add, list and remove memberships, checked with joi', async () => {
    const user = await makeUser('gov-section-head', undefined, { member: false });
    const office = await adminClient(a['gov-office']);
    const created = await office.post('/disclosure-workflow/memberships').send({ user: user.id, department: fin.code, includeSubDepartments: false });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ user: user.id, department: { documentId: fin.documentId } });

    const listed = await office.get(`/disclosure-workflow/memberships?user=${user.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect((await office.get(`/disclosure-workflow/memberships?department=${fin.documentId}`)).body.data.map((r) => r.user)).toContain(user.id);

    const bad = await office.post('/disclosure-workflow/memberships').send({ user: 'x', department: { $ne: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['user', 'department']));
    expect((await office.get('/disclosure-workflow/memberships')).status).toBe(400);
    expect((await office.post('/disclosure-workflow/memberships').send({ user: user.id, department: 'nowhere' })).status).toBe(400);

    expect((await office.del(`/disclosure-workflow/memberships/${created.body.data.id}`)).body.data).toEqual({ removed: 1 });
    expect((await office.del(`/disclosure-workflow/memberships/${created.body.data.id}`)).status).toBe(404);
    expect((await office.del('/disclosure-workflow/memberships/abc')).status).toBe(400);
  });

  it('refuse users without manage-memberships with the bilingual 403', async () => {
    const author = await adminClient(a['gov-author']);
    const res = await author.post('/disclosure-workflow/memberships').send({ user: a['gov-author'].id, department: edu.documentId });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('NO_PERMISSION');
    expect((await author.get(`/disclosure-workflow/memberships?user=${a['gov-author'].id}`)).status).toBe(403);
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userId: a['gov-author'].id, department: edu.documentId } })).toBe(0);
  });
});

describe('start-up warning for users in no department', () => {
  it('counts active users of scoped roles (departments.scopedRoles or review roles) without a membership, once in one line', async () => {
    const warn = jest.spyOn(strapi.log, 'warn').mockImplementation(() => undefined);
    try {
      const before = await m().warnUnassignedUsers();
      await makeUser('gov-supervisor', undefined, { member: false }); // scoped, though on no chain step
      await makeUser('gov-author', undefined, { member: false });
      await makeUser('gov-author'); // a member
      const inactive = await makeUser('gov-leader', undefined, { member: false });
      await strapi.db.query('admin::user').update({ where: { id: inactive.id }, data: { isActive: false } });
      await makeUser('strapi-editor', undefined, { member: false }); // not a scoped role
      warn.mockClear();

      expect(await m().warnUnassignedUsers()).toBe(before + 2);
      const lines = warn.mock.calls.map(([message]) => message).filter((message) => /belong to no department/.test(message));
      expect(lines).toEqual([
        `[disclosure-workflow] ${before + 2} active user(s) with department-scoped roles belong to no department: they see no department documents and cannot review department-scoped steps until assigned (Settings → 审核流程 → 部门成员, or POST /disclosure-workflow/memberships { user, department, includeSubDepartments })`,
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('what the membership panels choose from', () => {
  it('lists active admin users, flagging users of scoped roles without a department, and every unit with its parent', async () => {
    const unassigned = await makeUser('gov-section-head', undefined, { member: false });
    const inactive = await makeUser('gov-author', undefined, { member: false });
    await strapi.db.query('admin::user').update({ where: { id: inactive.id }, data: { isActive: false } });
    const office = await adminClient(a['gov-office']);

    const users = await office.get('/disclosure-workflow/memberships/users');
    expect(users.status).toBe(200);
    const byId = new Map(users.body.data.map((u) => [u.id, u]));
    expect(byId.get(unassigned.id)).toEqual({ id: unassigned.id, firstname: unassigned.firstname, lastname: unassigned.lastname, email: unassigned.email, unassigned: true });
    expect(byId.get(a['gov-section-head'].id).unassigned).toBe(false);
    expect(byId.has(inactive.id)).toBe(false);

    await m().add({ user: unassigned.id, department: fin.documentId });
    expect((await office.get('/disclosure-workflow/memberships/users')).body.data.find((u) => u.id === unassigned.id).unassigned).toBe(false);

    const units = await office.get('/disclosure-workflow/memberships/departments');
    expect(units.status).toBe(200);
    expect(units.body.data).toEqual(expect.arrayContaining([
      { documentId: edu.documentId, name: edu.name, parent: county.documentId },
      { documentId: school.documentId, name: school.name, parent: edu.documentId },
    ]));
  });

  it('tell the admin who may manage memberships and which type is the unit, and refuse the lists to others', async () => {
    const params = `uid=api::department.department&documentId=${edu.documentId}`;
    const office = await adminClient(a['gov-office']);
    const author = await adminClient(a['gov-author']);
    expect((await office.get(`/disclosure-workflow/permissions?${params}`)).body.data.actions.manageMemberships).toBe(true);
    expect((await author.get(`/disclosure-workflow/permissions?${params}`)).body.data.actions.manageMemberships).toBe(false);
    expect((await author.get('/disclosure-workflow/settings')).body.data.departmentType).toBe('api::department.department');
    for (const path of ['users', 'departments']) {
      const res = await author.get(`/disclosure-workflow/memberships/${path}`);
      expect(res.status).toBe(403);
      expect(res.body.error.details.code).toBe('NO_PERMISSION');
    }
  });
});
