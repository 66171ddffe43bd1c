// What the review UI asks the server: the audit page's route (paging, filters, newest first, names,
// labels, CSV export), the permissions route, bilingual 403s instead of "Policy Failed", the
// enriched 待办 list and the slip's checks.
const { ITEM, http, unique, itemData, makeAdmin } = require('../helpers/fixtures');
const { workflowSuite, makeUser, wf } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const REQUEST = 'api::disclosure-request.disclosure-request';
const suite = workflowSuite({ name: `审计测试部门${unique()}` });
let mailbox;
let a;
let department;
beforeAll(() => ({ mailbox, actors: a, department } = suite));

const draft = (overrides = {}) => strapi.documents(ITEM).create({ data: itemData(department, overrides) });
const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const as = adminClient;
const nameOf = (u) => `${u.lastname}${u.firstname}`;
const localDay = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86400000));

/** A document taken through submit → two approvals → sign-off: 4 events. */
async function reviewedDoc(title = `审计页测试 ${unique()}`) {
  const doc = await draft({ title });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id, comment: '请审核' });
  await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve', comment: '同意' });
  await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
  await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'public' });
  return doc;
}

describe('GET /disclosure-workflow/audit', () => {
  let doc;
  beforeAll(async () => {
    doc = await reviewedDoc();
  });

  it('returns one document\'s events newest first, paged, with names, role names, labels and the title', async () => {
    const office = await as(a['gov-office']);
    const res = await office.get(`/disclosure-workflow/audit?uid=${ITEM}&documentId=${doc.documentId}&pageSize=3`);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 2, total: 4 });
    expect(res.body.data.map((e) => e.event)).toEqual(['sign-off.public', 'decision.approve', 'decision.approve']);
    const seqs = res.body.data.map((e) => e.seq);
    expect([...seqs].sort((x, y) => y - x)).toEqual(seqs);
    const approval = res.body.data[2];
    expect(approval).toEqual({
      seq: expect.any(Number), at: expect.any(String), event: 'decision.approve', eventLabel: { zh: '审核同意', en: 'Approved' },
      actor: { id: a['gov-section-head'].id, name: nameOf(a['gov-section-head']) }, actorRole: '科室负责人 Section head',
      targetUid: ITEM, targetDocumentId: doc.documentId, title: doc.title, comment: '同意',
    });
    const second = await office.get(`/disclosure-workflow/audit?uid=${ITEM}&documentId=${doc.documentId}&pageSize=3&page=2`);
    expect(second.body.data.map((e) => e.event)).toEqual(['submit']);
    expect(second.body.data[0]).toMatchObject({ actor: { id: a['gov-author'].id, name: nameOf(a['gov-author']) }, eventLabel: { zh: '送审', en: 'Submitted for review' } });
  });

  it('pages through the whole trail newest first (not the first 500 events, oldest first)', async () => {
    // The super admin: not limited to departments, so the whole trail of a database other suites share.
    const office = await as((await makeAdmin()).user);
    const first = await office.get('/disclosure-workflow/audit?pageSize=2');
    const last = await strapi.db.query('plugin::disclosure-workflow.audit-event').findOne({ orderBy: { seq: 'desc' } });
    expect(first.body.data[0].seq).toBe(last.seq);
    expect(first.body.meta.pagination.total).toBe(await strapi.db.query('plugin::disclosure-workflow.audit-event').count());
    const page2 = await office.get('/disclosure-workflow/audit?pageSize=2&page=2');
    expect(page2.body.data[0].seq).toBeLessThan(first.body.data[1].seq);
  });

  it('filters by event (code or family), actor (id or name), document and date range', async () => {
    const office = await as(a['gov-office']);
    const base = `/disclosure-workflow/audit?documentId=${doc.documentId}`;
    const events = async (q) => (await office.get(`${base}&${q}`)).body.data.map((e) => e.event);
    expect(await events('event=decision')).toEqual(['decision.approve', 'decision.approve']);
    expect(await events('event=submit')).toEqual(['submit']);
    expect(await events(`actor=${a['gov-leader'].id}`)).toEqual(['decision.approve']);
    expect(await events(`actor=${encodeURIComponent(nameOf(a['gov-secrecy-reviewer']))}`)).toEqual(['sign-off.public']);
    expect(await events('actor=nobody-has-this-name')).toEqual([]);
    expect(await events(`from=${localDay()}&to=${localDay()}`)).toHaveLength(4);
    expect(await events(`from=${localDay(1)}`)).toEqual([]);
    expect(await events(`to=${localDay(-1)}`)).toEqual([]);
    expect(await events(`from=${encodeURIComponent(new Date(Date.now() - 3600000).toISOString())}`)).toHaveLength(4);
    const byType = await office.get(`/disclosure-workflow/audit?uid=${REQUEST}&documentId=${doc.documentId}`);
    expect(byType.body.data).toEqual([]);
  });

  it('refuses malformed query parameters with a 400 (operators are not strings)', async () => {
    const office = await as(a['gov-office']);
    for (const q of ['documentId[$ne]=x', 'uid[$ne]=x', 'actor[$in][0]=1', 'event[$ne]=submit', 'page=abc', 'pageSize=-1', 'from=yesterday', 'unknown=1']) {
      const res = await office.get(`/disclosure-workflow/audit?${q}`);
      expect([q, res.status]).toEqual([q, 400]);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect((await office.get('/disclosure-workflow/audit/export.csv?documentId[$ne]=x')).status).toBe(400);
  });

  it('answers users without read-audit with the bilingual 403, not "Policy Failed"', async () => {
    const res = await (await as(a['gov-author'])).get('/disclosure-workflow/audit');
    expect(res.status).toBe(403);
    expect(res.body.error.message).not.toMatch(/Policy Failed/);
    expect(res.body.error.details).toMatchObject({ code: 'NO_PERMISSION', zh: expect.stringContaining('权限'), en: expect.stringContaining('permission') });
  });

  it('exports the filtered events as CSV (UTF-8 with a BOM) and records the export', async () => {
    const publisher = await as(a['gov-publisher']);
    const res = await publisher.get(`/disclosure-workflow/audit/export.csv?documentId=${doc.documentId}&event=decision`).buffer(true).parse((r, cb) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toContain('时间 Time');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('审核同意');
    expect(lines[1]).toContain(nameOf(a['gov-leader']));
    expect(lines[1]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const exported = await (await as(a['gov-office'])).get(`/disclosure-workflow/audit?event=audit.export&actor=${a['gov-publisher'].id}`);
    expect(exported.body.data[0]).toMatchObject({ event: 'audit.export', eventLabel: { zh: '导出审计记录', en: 'Audit trail exported' }, actor: { id: a['gov-publisher'].id } });
    const stored = await strapi.db.query('plugin::disclosure-workflow.audit-event').findOne({ where: { seq: exported.body.data[0].seq } });
    expect(stored.data).toEqual({ filters: { documentId: doc.documentId, event: 'decision' }, rows: 2 });
    expect(await strapi.plugin('disclosure-workflow').service('audit').verify()).toMatchObject({ ok: true });
  });

  it('gives every signed-in user the site time zone and the event labels', async () => {
    const res = await (await as(a['gov-author'])).get('/disclosure-workflow/settings');
    expect(res.status).toBe(200);
    expect(res.body.data.timeZone).toBe('Asia/Shanghai');
    expect(res.body.data.events).toEqual(expect.arrayContaining([{ code: 'audit.export', zh: '导出审计记录', en: 'Audit trail exported' }]));
  });

  it('keeps the service\'s list({ uid, documentId }) oldest first', async () => {
    const events = (await strapi.plugin('disclosure-workflow').service('audit').list(target(doc))).map((e) => e.event);
    expect(events).toEqual(['submit', 'decision.approve', 'decision.approve', 'sign-off.public']);
  });
});

describe('GET /disclosure-workflow/slip', () => {
  it('validates its parameters and needs read permission on the content type', async () => {
    const doc = await reviewedDoc();
    const office = await as(a['gov-office']);
    const ok = await office.get(`/disclosure-workflow/slip?uid=${ITEM}&documentId=${doc.documentId}&format=json`);
    expect(ok.status).toBe(200);
    expect(ok.body.data.body).toContain('dw-slip');
    expect(ok.body.data.css).toMatch(/@page\{size:A4/);
    expect(ok.body.data.html).not.toMatch(/onclick/i);
    expect((await office.get(`/disclosure-workflow/slip?uid=${ITEM}&documentId[$ne]=x`)).status).toBe(400);
    expect((await office.get(`/disclosure-workflow/slip?uid[$ne]=x&documentId=${doc.documentId}`)).status).toBe(400);
    expect((await office.get(`/disclosure-workflow/slip?uid=admin::user&documentId=${doc.documentId}`)).status).toBe(400);

    const role = await strapi.service('admin::role').create({ name: `无读取权限 ${unique()}`, description: 'no permissions' });
    const nobody = await strapi.service('admin::user').create({ email: `noread-${unique()}@example.gov.cn`, firstname: '无', lastname: '权限', password: 'Test1234!secret', isActive: true, roles: [role.id] });
    const refused = await (await as(nobody)).get(`/disclosure-workflow/slip?uid=${ITEM}&documentId=${doc.documentId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.details).toMatchObject({ code: 'NO_PERMISSION', zh: expect.any(String), en: expect.any(String) });
  });
});

describe('GET /disclosure-workflow/permissions', () => {
  const perms = async (user, doc, uid = ITEM) => (await (await as(user)).get(`/disclosure-workflow/permissions?uid=${uid}&documentId=${doc.documentId}`)).body.data;

  it('tells each user which workflow actions they may take on a document now', async () => {
    const doc = await draft();
    expect((await perms(a['gov-author'], doc)).actions).toMatchObject({ submit: true, withdraw: false, decide: false, signOff: false, schedule: false });
    expect((await perms(a['gov-publisher'], doc)).actions).toMatchObject({ submit: false, decide: false, signOff: false, publish: true, schedule: true });
    expect((await perms(a['gov-section-head'], doc)).actions).toMatchObject({ submit: false, decide: false, schedule: false });

    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    expect((await perms(a['gov-author'], doc)).actions).toMatchObject({ submit: false, withdraw: true, decide: false });
    expect((await perms(a['gov-section-head'], doc)).actions).toMatchObject({ decide: true, signOff: false, schedule: false });
    expect((await perms(a['gov-leader'], doc)).actions).toMatchObject({ decide: false });
    await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
    await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
    expect((await perms(a['gov-secrecy-reviewer'], doc)).actions).toMatchObject({ signOff: true, decide: false, schedule: false, submit: false });
    expect((await perms(a['gov-leader'], doc)).actions).toMatchObject({ signOff: false, decide: false });
  });

  it('lists the case actions a user may take on a request (office: assign and extend; a handler: neither)', async () => {
    const request = await strapi.documents(REQUEST).create({
      data: { applicantType: 'naturalPerson', applicantName: '李四', email: 'lisi@example.cn', description: '请公开某项目的环评批复', delivery: 'email', channel: 'letter', receivedAt: localDay() },
    });
    expect((await perms(a['gov-office'], request, REQUEST)).caseActions).toEqual(expect.arrayContaining(['assign', 'requestCorrection']));
    expect((await perms(a['gov-author'], request, REQUEST)).caseActions).toEqual([]);
    await strapi.service('api::disclosure-request.case').act({ documentId: request.documentId, action: 'assign', input: { department: department.documentId, handler: a['gov-author'].id }, actor: a['gov-office'].id });
    const handler = (await perms(a['gov-author'], request, REQUEST)).caseActions;
    expect(handler).toEqual(expect.arrayContaining(['requestCorrection', 'startConsultation', 'draftReply']));
    expect(handler).not.toContain('assign');
    expect(handler).not.toContain('extend');
    expect((await perms(a['gov-office'], request, REQUEST)).caseActions).toEqual(expect.arrayContaining(['assign', 'extend']));
    expect((await perms(a['gov-leader'], request, REQUEST)).caseActions).toEqual([]);
  });

  it('validates its query', async () => {
    const res = await (await as(a['gov-author'])).get(`/disclosure-workflow/permissions?uid=${ITEM}&documentId[$ne]=x`);
    expect(res.status).toBe(400);
  });
});

describe('permission refusals on the workflow routes', () => {
  it('are a 403 with the product\'s bilingual message, never "Policy Failed"', async () => {
    const doc = await draft();
    const publisher = await as(a['gov-publisher']);
    for (const [path, body] of [['/disclosure-workflow/submit', target(doc)], ['/disclosure-workflow/decide', { ...target(doc), decision: 'approve' }], ['/disclosure-workflow/sign-off', { ...target(doc), conclusion: 'public' }]]) {
      const res = await publisher.post(path).send(body);
      expect([path, res.status]).toEqual([path, 403]);
      expect(res.body.error.message).not.toMatch(/Policy Failed/);
      expect(res.body.error.details).toEqual({ code: 'NO_PERMISSION', zh: expect.any(String), en: expect.any(String), actions: expect.any(Array) });
    }
    const chains = await (await as(a['gov-author'])).get('/disclosure-workflow/chains');
    expect(chains.status).toBe(403);
    expect(chains.body.error.details.code).toBe('NO_PERMISSION');
  });
});

describe('GET /disclosure-workflow/tasks', () => {
  it('lists title, type, department, step, submitter and waiting time, oldest waiting first', async () => {
    const reviewer = await makeUser('gov-section-head');
    const older = await draft({ title: `较早送审的事项 ${unique()}` });
    const newer = await draft({ title: `较晚送审的事项 ${unique()}` });
    await wf().submit({ ...target(older), actor: a['gov-author'].id });
    await new Promise((r) => setTimeout(r, 20));
    await wf().submit({ ...target(newer), actor: a['gov-author'].id });
    const res = await (await as(reviewer)).get('/disclosure-workflow/tasks');
    expect(res.status).toBe(200);
    const rows = res.body.data.filter((t) => [older.documentId, newer.documentId].includes(t.documentId));
    expect(rows.map((t) => t.documentId)).toEqual([older.documentId, newer.documentId]);
    expect(rows[0]).toMatchObject({
      uid: ITEM, title: older.title, typeLabel: { zh: '公开事项', en: 'Disclosure item' }, departmentName: department.name, state: 'in_review',
      step: expect.any(String), submitter: { id: a['gov-author'].id, name: nameOf(a['gov-author']) }, submittedAt: expect.any(String),
      waitingSince: expect.any(String), waitingMs: expect.any(Number),
    });
    const all = res.body.data.map((t) => t.waitingSince);
    expect([...all].sort()).toEqual(all);
  });

  it('pages through every waiting document, with the total and the count by state', async () => {
    const reviewer = await as(await makeUser('gov-section-head'));
    for (let i = 0; i < 3; i++) await wf().submit({ ...target(await draft({ title: `分页待办 ${unique()}` })), actor: a['gov-author'].id });
    const first = (await reviewer.get('/disclosure-workflow/tasks?pageSize=2')).body;
    const { total, pageCount } = first.meta.pagination;
    expect(total).toBeGreaterThanOrEqual(3);
    expect(first.data).toHaveLength(2);
    expect(pageCount).toBe(Math.ceil(total / 2));
    expect(Object.values(first.meta.counts).reduce((a, b) => a + b, 0)).toBe(total);
    const seen = [];
    for (let page = 1; page <= pageCount; page++) seen.push(...(await reviewer.get(`/disclosure-workflow/tasks?pageSize=2&page=${page}`)).body.data.map((t) => t.documentId));
    expect(new Set(seen).size).toBe(total);
    expect((await reviewer.get('/disclosure-workflow/tasks?pageSize=abc')).status).toBe(400);
    expect((await reviewer.get('/disclosure-workflow/tasks?page[$gt]=1')).status).toBe(400);
  });

  it('leaves out what the reviewer submitted or already approved in the round (separation of duties)', async () => {
    const doc = await draft({ title: `已审过的事项 ${unique()}` });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const head = a['gov-section-head'];
    const listed = async (user) => (await wf().tasks(user.id, { pageSize: 200 })).results.some((t) => t.documentId === doc.documentId);
    expect(await listed(head)).toBe(true);
    await wf().decide({ ...target(doc), actor: head.id, decision: 'approve' });
    expect(await listed(head)).toBe(false);
    expect(await listed(a['gov-leader'])).toBe(true);
  });
});

describe('parameters of the other admin routes', () => {
  it('are plain strings and numbers: operators and non-numeric ids are a 400, not a query', async () => {
    const publisher = await as(a['gov-publisher']);
    const office = await as(a['gov-office']);
    for (const path of ['/disclosure-workflow/schedules?state[$ne]=x', '/disclosure-workflow/schedules?documentId[$in][0]=a', '/disclosure-workflow/schedules?uid[$null]=true']) {
      const res = await publisher.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
    expect((await publisher.get('/disclosure-workflow/schedules?state=pending')).status).toBe(200);
    const calls = {
      'PUT schedules/abc': () => publisher.put('/disclosure-workflow/schedules/abc').send({ at: '2030-01-01T00:00:00Z' }),
      'DELETE schedules/1e3': () => publisher.del('/disclosure-workflow/schedules/1e3'),
      'POST schedules/-1/retry': () => publisher.post('/disclosure-workflow/schedules/-1/retry'),
      'PUT chains/abc': () => office.put('/disclosure-workflow/chains/abc').send({}),
      'DELETE chains/0': () => office.del('/disclosure-workflow/chains/0'),
    };
    for (const [call, send] of Object.entries(calls)) {
      const res = await send();
      expect({ call, status: res.status, path: res.body.error?.details?.errors?.[0]?.path }).toEqual({ call, status: 400, path: ['id'] });
    }
  });
});
