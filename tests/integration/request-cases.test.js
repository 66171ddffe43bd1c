// 依申请公开 case handling over the admin routes: every stage, every refusal, the derived clock,
// the reply through the approval chain, the daily job and who may see or act.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, ITEM } = require('../helpers/fixtures');
const { actors, approve, makeUser } = require('../helpers/workflow');
const { captureMail } = require('../helpers/mail');

const REQUEST = 'api::disclosure-request.disclosure-request';
const REPLY = 'api::request-reply.request-reply';
let a, department, smtp;
const tokens = {};
const calendar = () => strapi.plugin('disclosure-workflow').service('calendar');
const localToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const daysAgo = (n) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - n * 86400000));

beforeAll(async () => {
  smtp = await captureMail();
  await setupStrapi();
  a = await actors();
  a.otherAuthor = await makeUser('gov-author');
  department = await makeDepartment();
  for (const who of ['gov-office', 'gov-author', 'otherAuthor', 'gov-supervisor', 'gov-leader']) {
    const res = await http().post('/admin/login').send({ email: a[who].email, password: 'Test1234!secret' });
    tokens[who] = res.body.data.token;
  }
});
afterAll(async () => {
  await cleanupStrapi();
  await smtp.close();
});

/** A request entered in the Content Manager, e.g. a letter received `receivedAt`. */
async function letter(receivedAt = localToday(), overrides = {}) {
  return strapi.documents(REQUEST).create({
    data: {
      applicantType: 'naturalPerson', applicantName: '李四', email: 'lisi@example.cn', phone: '13800000000', description: '请公开某项目的环评批复',
      delivery: 'email', channel: 'letter', receivedAt, ...overrides,
    },
  });
}
const act = (who, documentId, action, body = {}) =>
  http().post(`/disclosure-workflow/requests/${documentId}/actions/${action}`).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const get = (who, path) => http().get(`/disclosure-workflow/requests${path}`).set('Authorization', `Bearer ${tokens[who]}`);
const assign = (doc, { handler = a['gov-author'].id, date } = {}) => act('gov-office', doc.documentId, 'assign', { department: department.documentId, handler, date });
const row = (doc) => strapi.db.query(REQUEST).findOne({ where: { documentId: doc.documentId } });
const code = (res) => res.body.error?.details?.code;

describe('requests entered in the Content Manager', () => {
  it('start their clock: 20 working days from the date received', async () => {
    const doc = await letter(daysAgo(3));
    const stored = await row(doc);
    expect(stored.state).toBe('received');
    expect(stored.queryCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    expect(stored.dueAt).toBe(await calendar().addWorkingDays(daysAgo(3), 20));
    expect(stored.events).toEqual([{ type: 'received', date: daysAgo(3) }]);
  });

  it('keep stage, clock and outcome out of plain edits', async () => {
    const doc = await letter();
    await expect(strapi.documents(REQUEST).update({ documentId: doc.documentId, data: { state: 'closed', disposition: 'granted' } })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['state'] }), expect.objectContaining({ path: ['disposition'] })] },
    });
    await strapi.documents(REQUEST).update({ documentId: doc.documentId, data: { notes: '申请人来电补充说明', state: 'received' } });
    expect((await row(doc)).notes).toBe('申请人来电补充说明');
  });

  it('show stage, clock and outcome read-only in the Content Manager form', async () => {
    const service = strapi.plugin('content-manager').service('content-types');
    const config = await service.findConfiguration(service.findContentType(REQUEST));
    for (const field of ['state', 'dueAt', 'disposition', 'handler', 'events']) expect([field, config.metadatas[field].edit.editable]).toEqual([field, false]);
    expect(config.metadatas.receivedAt.edit.editable).not.toBe(false);
    expect(config.metadatas.queryCode.edit.label).toBe('查询码 Query code');
  });

  it('take historical cases with their outcome, and refuse a closing date before receipt', async () => {
    const doc = await letter('2024-03-01', { disposition: 'unableNoInfo', closedAt: '2024-03-20' });
    expect(await row(doc)).toMatchObject({ state: 'closed', disposition: 'unableNoInfo', closedAt: '2024-03-20' });
    await expect(letter('2024-03-01', { disposition: 'granted', closedAt: '2024-02-01' })).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['closedAt'] })] } });
    await expect(letter(daysAgo(-3))).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['receivedAt'] })] } });
  });
});

describe('assignment', () => {
  it('is done by the office, flagged when later than one working day, and mailed to the handler', async () => {
    const doc = await letter(daysAgo(30));
    expect(code(await act('gov-author', doc.documentId, 'assign', { department: department.documentId, handler: a['gov-author'].id }))).toBe('OFFICE_ONLY');
    const res = await assign(doc);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'assigned', assignedLate: true, handler: { id: a['gov-author'].id }, department: { documentId: department.documentId } });
    expect(smtp.mails.some((m) => m.to.includes(a['gov-author'].email) && m.text.includes(res.body.data.queryCode))).toBe(true);
    const onTime = await letter();
    expect((await assign(onTime)).body.data.assignedLate).toBe(false);
  });

  it('rejects bad input with the field named, and unknown departments without writing anything', async () => {
    const doc = await letter();
    const bad = await act('gov-office', doc.documentId, 'assign', { department: department.documentId, handler: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['handler']);
    const unknown = await act('gov-office', doc.documentId, 'assign', { department: 'nosuchdepartment', handler: a['gov-author'].id });
    expect(unknown.status).toBe(400);
    expect(await row(doc)).toMatchObject({ state: 'received', revision: 0 });
    const outsider = await makeUser('gov-author', undefined, { member: false });
    const notMember = await act('gov-office', doc.documentId, 'assign', { department: department.documentId, handler: outsider.id });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.details).toMatchObject({ code: 'HANDLER_NOT_MEMBER', zh: expect.any(String), en: expect.any(String) });
    expect(await row(doc)).toMatchObject({ state: 'received', revision: 0 });
    expect((await act('gov-office', doc.documentId, 'fly', {})).status).toBe(400);
    expect((await act('gov-office', 'nosuchcase', 'close', {})).status).toBe(404);
  });
});

describe('correction (补正)', () => {
  it('is allowed once, within 7 working days, and restarts the clock from the corrected request', async () => {
    const doc = await letter(daysAgo(2));
    await assign(doc);
    const deadline = await calendar().addWorkingDays(localToday(), 10);
    const sent = await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', deadline, note: '请说明具体项目名称' });
    expect(sent.body.data).toMatchObject({ state: 'correction', dueAt: null });
    expect(smtp.mails.some((m) => m.to.includes('lisi@example.cn') && m.text.includes(deadline) && m.text.includes('请补充具体项目名称'))).toBe(true);
    const back = await act('gov-author', doc.documentId, 'receiveCorrection', {});
    expect(back.body.data).toMatchObject({ state: 'assigned', dueAt: await calendar().addWorkingDays(localToday(), 20) });
    expect(code(await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', deadline }))).toBe('CORRECTION_USED');
  });

  it('names what to correct: without it a 400 naming the field, nothing written', async () => {
    const doc = await letter(daysAgo(1));
    await assign(doc);
    for (const items of [undefined, '', '   ']) {
      const res = await act('gov-author', doc.documentId, 'requestCorrection', { deadline: await calendar().addWorkingDays(localToday(), 10), items });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e) => e.path.join('.'))).toEqual(['items']);
    }
    expect((await row(doc)).state).toBe('assigned');
  });

  it('is refused after 7 working days from receipt', async () => {
    const doc = await letter(daysAgo(30));
    await assign(doc);
    const res = await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', deadline: await calendar().addWorkingDays(localToday(), 10) });
    expect(res.status).toBe(409);
    expect(code(res)).toBe('CORRECTION_TOO_LATE');
  });

  it('closes the case as 逾期不补正 when the set date passes (daily job), not before', async () => {
    const doc = await letter(daysAgo(6));
    await assign(doc, { date: daysAgo(6) });
    expect((await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', date: daysAgo(5), deadline: daysAgo(1) })).status).toBe(200);
    const pending = await letter(daysAgo(1));
    await assign(pending);
    await act('gov-author', pending.documentId, 'requestCorrection', { items: '请补充具体项目名称', deadline: await calendar().addWorkingDays(localToday(), 5) });
    expect(code(await act('gov-office', pending.documentId, 'lapseCorrection', {}))).toBe('CORRECTION_NOT_DUE');

    const result = await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(result.closed).toBeGreaterThanOrEqual(1);
    expect(await row(doc)).toMatchObject({ state: 'closed', disposition: 'otherOverdueCorrection', closedAt: localToday() });
    expect((await row(pending)).state).toBe('correction');
    expect(code(await act('gov-author', doc.documentId, 'receiveCorrection', {}))).toBe('CASE_STATE');
  });
});

describe('a late correction with 正当理由 (issue 13)', () => {
  it('is accepted by the office only, with a reason, and restarts the clock — also after the daily job closed the case', async () => {
    const doc = await letter(daysAgo(6));
    await assign(doc, { date: daysAgo(6) });
    await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', date: daysAgo(5), deadline: daysAgo(1) });
    expect(code(await act('gov-author', doc.documentId, 'acceptLateCorrection', { reason: '邮寄延误' }))).toBe('OFFICE_ONLY');
    const noReason = await act('gov-office', doc.documentId, 'acceptLateCorrection', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors.map((e) => e.path.join('.'))).toEqual(['reason']);
    expect((await row(doc)).state).toBe('correction');

    await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(await row(doc)).toMatchObject({ state: 'closed', disposition: 'otherOverdueCorrection' });
    const accepted = await act('gov-office', doc.documentId, 'acceptLateCorrection', { reason: '邮寄延误，有邮戳为证' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({ state: 'assigned', disposition: null, closedAt: null, dueAt: await calendar().addWorkingDays(localToday(), 20) });
    expect(accepted.body.data.events.at(-1)).toMatchObject({ type: 'correctionReceived', lateReason: '邮寄延误，有邮戳为证' });
    expect(code(await act('gov-office', doc.documentId, 'acceptLateCorrection', { reason: '再次' }))).toBe('CASE_STATE');
  });

  it('is not offered or accepted before the set date passes, nor on a case closed for another reason', async () => {
    const doc = await letter(daysAgo(1));
    await assign(doc);
    await act('gov-author', doc.documentId, 'requestCorrection', { items: '请补充具体项目名称', deadline: await calendar().addWorkingDays(localToday(), 5) });
    expect(code(await act('gov-office', doc.documentId, 'acceptLateCorrection', { reason: '理由' }))).toBe('CORRECTION_NOT_DUE');
    const withdrawn = await letter(daysAgo(1));
    await act('gov-office', withdrawn.documentId, 'withdraw', { channel: 'phone' });
    expect((await get('gov-office', `/${withdrawn.documentId}`)).body.data.actions).not.toContain('acceptLateCorrection');
    expect(code(await act('gov-office', withdrawn.documentId, 'acceptLateCorrection', { reason: '理由' }))).toBe('CASE_STATE');
  });
});

describe('withdrawal (撤回, issue 13)', () => {
  it('closes the case on its date with the channel recorded, counted as (六)3 其他', async () => {
    const doc = await letter(daysAgo(3));
    await assign(doc, { date: daysAgo(3) });
    const res = await act('gov-author', doc.documentId, 'withdraw', { channel: 'phone', date: daysAgo(1), note: '申请人来电撤回' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ state: 'closed', disposition: 'otherReasons', closedAt: daysAgo(1) });
    expect(res.body.data.events.at(-1)).toMatchObject({ type: 'withdrawn', date: daysAgo(1), channel: 'phone', note: '申请人来电撤回' });
    expect(code(await act('gov-office', doc.documentId, 'withdraw', { channel: 'letter' }))).toBe('CASE_STATE');
    const trail = await strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: 'request.withdraw', targetDocumentId: doc.documentId } });
    expect(trail).toHaveLength(1);
  });

  it('needs a known channel: a 400 naming it, nothing written', async () => {
    const doc = await letter(daysAgo(1));
    for (const body of [{}, { channel: 'pigeon' }, { channel: ['phone'] }]) {
      const res = await act('gov-office', doc.documentId, 'withdraw', body);
      expect(res.status).toBe(400);
      expect([...new Set(res.body.error.details.errors.map((e) => e.path.join('.')))]).toEqual(['channel']);
    }
    expect(await row(doc)).toMatchObject({ state: 'received', revision: 0, disposition: null });
  });
});

describe('consultation and extension', () => {
  it('pauses for a consultation; the office alone extends, once, at most 20 working days, with a reason', async () => {
    const doc = await letter(daysAgo(1));
    await assign(doc);
    const due = (await row(doc)).dueAt;
    const started = await act('gov-author', doc.documentId, 'startConsultation', { kind: 'thirdParty', party: '某某公司' });
    expect(started.body.data.state).toBe('consultation');
    const answerBy = await calendar().addWorkingDays(localToday(), 15);
    expect(started.body.data.clock).toMatchObject({ paused: true, resumesAt: answerBy });
    expect(started.body.data.events.at(-1)).toMatchObject({ type: 'pauseStarted', date: localToday(), kind: 'thirdParty', party: '某某公司', answerBy });
    const ended = await act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'agree' });
    expect(ended.body.data).toMatchObject({ state: 'assigned', dueAt: due });

    expect(code(await act('gov-author', doc.documentId, 'extend', { days: 10, reason: '涉及第三方' }))).toBe('OFFICE_ONLY');
    const tooLong = await act('gov-office', doc.documentId, 'extend', { days: 21, reason: '涉及第三方' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.errors[0].path).toEqual(['days']);
    expect((await act('gov-office', doc.documentId, 'extend', { days: 10 })).body.error.details.errors[0].path).toEqual(['reason']);
    const extended = await act('gov-office', doc.documentId, 'extend', { days: 10, reason: '需调取档案' });
    expect(extended.body.data).toMatchObject({ state: 'extended', dueAt: await calendar().addWorkingDays(due, 10) });
    expect(smtp.mails.some((m) => m.to.includes('lisi@example.cn') && m.text.includes('延长10个工作日'))).toBe(true);
    expect(code(await act('gov-office', doc.documentId, 'extend', { days: 5, reason: '再延' }))).toBe('EXTENSION_USED');
  });

  it('lets one of two simultaneous actions through', async () => {
    const doc = await letter();
    await assign(doc);
    await act('gov-author', doc.documentId, 'startConsultation', { kind: 'otherAgency', party: '县自然资源局' });
    const answer = () => act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'agree' });
    const [x, y] = await Promise.all([answer(), answer()]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((await row(doc)).events.filter((e) => e.type === 'pauseEnded')).toHaveLength(1);
  });
});

describe('the reply', () => {
  it('goes through the approval chain and sign-off, then closes the case and can become a proactive item', async () => {
    const doc = await letter();
    await assign(doc);
    expect(code(await act('gov-author', doc.documentId, 'reply', {}))).toBe('CASE_STATE');
    const drafted = await act('gov-author', doc.documentId, 'draftReply', { replyType: 'provided' });
    expect(drafted.body.data.state).toBe('replying');
    const replyId = drafted.body.data.events.at(-1).reply;
    const draft = await strapi.documents(REPLY).findOne({ documentId: replyId, populate: ['request'] });
    expect(draft).toMatchObject({ disposition: 'granted', request: { documentId: doc.documentId } });
    // Every author may read replies: the draft carries none of the applicant's personal data.
    const { applicantName, queryCode } = await row(doc);
    expect(`${draft.title}\n${draft.body}`).not.toContain(applicantName);
    expect(`${draft.title}\n${draft.body}`).not.toContain(queryCode);

    const early = await act('gov-author', doc.documentId, 'reply', {});
    expect(early.status).toBe(403);
    expect(await row(doc)).toMatchObject({ state: 'replying', closedAt: null });

    await approve(REPLY, replyId);
    const replied = await act('gov-author', doc.documentId, 'reply', {});
    expect(replied.body.data).toMatchObject({ state: 'replied', disposition: 'granted', closedAt: localToday() });
    expect(smtp.mails.some((m) => m.to.includes('lisi@example.cn') && m.text.includes(draft.title))).toBe(true);
    const status = await http().get(`/api/disclosure-requests/status/${replied.body.data.queryCode}`);
    expect(status.body).toMatchObject({ state: 'replied', disposition: 'granted' });

    const item = await act('gov-author', doc.documentId, 'publishAsItem', { title: '某项目环评批复' });
    const itemId = item.body.data.events.at(-1).item;
    expect(await strapi.documents(ITEM).findOne({ documentId: itemId })).toMatchObject({ title: '某项目环评批复', disclosure: 'proactive', publishedAt: null });
    expect(code(await act('gov-author', doc.documentId, 'publishAsItem', {}))).toBe('ALREADY_DONE');
    expect((await act('gov-author', doc.documentId, 'close', {})).body.data.state).toBe('closed');
  });

  it('only turns granted replies into items', async () => {
    const doc = await letter();
    await assign(doc);
    const drafted = await act('gov-author', doc.documentId, 'draftReply', { replyType: 'notHeld' });
    await approve(REPLY, drafted.body.data.events.at(-1).reply);
    await act('gov-author', doc.documentId, 'reply', {});
    expect(code(await act('gov-author', doc.documentId, 'publishAsItem', {}))).toBe('NOT_GRANTED');
  });

  it('is never reachable from the public API', async () => {
    expect((await http().get('/api/request-replies')).status).toBe(404);
    const gql = await http().post('/graphql').send({ query: '{ requestReplies { documentId } }' });
    expect(JSON.stringify(gql.body)).toMatch(/Cannot query field/);
  });
});

describe('who sees and acts', () => {
  it('keeps other authors away from a case and scopes their list to their own cases', async () => {
    const doc = await letter();
    await assign(doc);
    expect(code(await act('otherAuthor', doc.documentId, 'startConsultation', { kind: 'otherAgency', party: 'x' }))).toBe('NOT_HANDLER');
    expect((await get('otherAuthor', `/${doc.documentId}`)).status).toBe(404);
    expect((await get('gov-author', `/${doc.documentId}`)).status).toBe(200);
    const mine = await get('otherAuthor', '');
    expect(mine.body.data.cases.every((c) => c.handler?.id === a.otherAuthor.id)).toBe(true);
    expect((await get('gov-leader', '')).status).toBe(403);
  });

  it('gives the office and the supervisor a dashboard by state and urgency, overdue first', async () => {
    const late = await letter(daysAgo(45));
    await assign(late);
    // A case written without the service (an old import, direct SQL) still gets its clock.
    const bare = await strapi.db.query(REQUEST).create({
      data: { queryCode: 'BARE-CASE-0000-0001', applicantType: 'otherOrg', applicantName: '某机构', description: '某事项', delivery: 'paper', channel: 'letter', receivedAt: daysAgo(2), state: 'received' },
    });
    const res = await get('gov-supervisor', '');
    expect(res.status).toBe(200);
    const { counts, cases } = res.body.data;
    expect(cases[0]).toMatchObject({ urgency: 'overdue', clock: { overdue: true } });
    expect(cases.find((c) => c.documentId === late.documentId).clock.workingDaysLeft).toBeLessThan(0);
    expect(counts.byUrgency.overdue).toBe(cases.filter((c) => c.urgency === 'overdue').length);
    expect(Object.values(counts.byState).reduce((x, y) => x + y, 0)).toBe(cases.length);
    expect(cases.find((c) => c.documentId === bare.documentId).clock.workingDaysLeft).toBe(await calendar().workingDaysBetween(localToday(), await calendar().addWorkingDays(daysAgo(2), 20)));
    expect(code(await act('gov-supervisor', late.documentId, 'close', {}))).toBe('NOT_HANDLER');
  });

  it('mails each handler one digest a day of cases coming due', async () => {
    await assign(await letter(daysAgo(45)), { handler: a.otherAuthor.id });
    const before = smtp.mails.length;
    const first = await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(first.handlers).toBeGreaterThanOrEqual(1);
    const digest = smtp.mails.slice(before).find((m) => m.to.includes(a.otherAuthor.email) && m.text.includes('到期提醒'));
    expect(digest.text).toMatch(/已超期 overdue/);
    const again = await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(again.handlers).toBe(0);
  });

  it('tries a reminder again on the next run when the mail server refused it', async () => {
    await assign(await letter(daysAgo(45)), { handler: a['gov-office'].id });
    const email = strapi.plugin('email').service('email');
    const send = email.send;
    email.send = async () => { throw new Error('SMTP down'); }; // the outside world failing, not Strapi
    try {
      expect((await strapi.service('api::disclosure-request.reminders').daily(localToday())).handlers).toBe(0);
    } finally {
      email.send = send;
    }
    expect((await strapi.service('api::disclosure-request.reminders').daily(localToday())).handlers).toBe(1);
  });
});

describe('historical import', () => {
  const history = () => strapi.service('api::disclosure-request.history');
  const record = (overrides = {}) => ({
    applicantType: 'research', applicantName: '某大学', description: '2023年度财政预算执行情况', delivery: 'paper', channel: 'letter',
    receivedAt: '2023-12-20', closedAt: '2024-01-10', disposition: 'partialGrant', department: department.code, fee: '', ...overrides,
  });
  const count = () => strapi.db.query(REQUEST).count({ where: { applicantName: { $in: ['某大学', '某律所'] } } });

  it('writes nothing when one record is bad, and names the row and field', async () => {
    const before = await count();
    const { imported, problems } = await history().import([record(), record({ applicantName: '某律所', disposition: 'maybe', closedAt: '2023-01-01' }), record({ department: 'NOPE' })]);
    expect(imported).toBe(0);
    expect(problems.map((p) => `${p.row}:${p.field}`).sort()).toEqual(['2:closedAt', '2:disposition', '3:department']);
    expect(await count()).toBe(before);
  });

  it('imports closed cases with their outcome and department', async () => {
    const { imported } = await history().import([record(), record({ applicantName: '某律所', applicantType: 'legalService', disposition: 'granted' })]);
    expect(imported).toBe(2);
    const rows = await strapi.db.query(REQUEST).findMany({ where: { applicantName: { $in: ['某大学', '某律所'] } }, populate: ['department'] });
    expect(rows.map((r) => [r.state, r.disposition, r.closedAt, r.department?.code]).sort()).toEqual([
      ['closed', 'granted', '2024-01-10', department.code],
      ['closed', 'partialGrant', '2024-01-10', department.code],
    ]);
  });
});

describe('assignees', () => {
  it('lists departments and users who may handle requests, for the office only', async () => {
    const res = await get('gov-office', '/assignees');
    expect(res.body.data.departments.map((d) => d.documentId)).toContain(department.documentId);
    const ids = res.body.data.handlers.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining([a['gov-author'].id, a['gov-office'].id]));
    expect(ids).not.toContain(a['gov-leader'].id);
    expect(code(await get('gov-author', '/assignees'))).toBe('OFFICE_ONLY');
  });
});

describe('annual report reminders', () => {
  it('tell the office, once a day, which departments have not published last year\'s report before 31 January', async () => {
    const deadline = `${Number(localToday().slice(0, 4)) + 1}-01-31`;
    let day = deadline;
    while ((await calendar().workingDaysBetween(day, deadline)) < 3) day = new Date(Date.parse(`${day}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
    expect(await calendar().workingDaysBetween(day, deadline)).toBe(3);
    const before = smtp.mails.length;
    const first = await strapi.service('api::disclosure-request.reminders').daily(day);
    expect(first.reports).toBe(1);
    const mail = smtp.mails.slice(before).find((m) => m.text.includes('年度报告提醒'));
    expect(mail.to).toContain(a['gov-office'].email);
    expect(mail.text).toContain(department.name);
    expect((await strapi.service('api::disclosure-request.reminders').daily(day)).reports).toBe(0);
  });
});
