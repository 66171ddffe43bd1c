// Issue 13 over the admin routes: §31 confirmation of receipt, the on-the-spot answer, reply types,
// consultation clocks, fees (109号), §35 and each new action's refusals (wrong stage, wrong role,
// bad input → 4xx naming the field, nothing written).
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment } = require('../helpers/fixtures');
const { actors, approve } = require('../helpers/workflow');
const { captureMail } = require('../helpers/mail');
const mammoth = require('mammoth');

const REQUEST = 'api::disclosure-request.disclosure-request';
const REPLY = 'api::request-reply.request-reply';
let a, department, smtp;
const tokens = {};
const calendar = () => strapi.plugin('disclosure-workflow').service('calendar');
const notices = () => strapi.service('api::disclosure-request.notices');
const day = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const localToday = () => day(new Date());
const daysAgo = (n) => day(new Date(Date.now() - n * 86400000));
let serial = 0;

beforeAll(async () => {
  smtp = await captureMail();
  await setupStrapi();
  a = await actors();
  department = await makeDepartment();
  for (const who of ['gov-office', 'gov-author', 'gov-supervisor']) {
    const res = await http().post('/admin/login').send({ email: a[who].email, password: 'Test1234!secret' });
    tokens[who] = res.body.data.token;
  }
});
afterAll(async () => {
  await cleanupStrapi();
  await smtp.close();
});

/** A request entered in the Content Manager; each gets its own applicant unless one is given. */
function enter(receivedAt = localToday(), overrides = {}) {
  serial++;
  return strapi.documents(REQUEST).create({
    data: {
      applicantType: 'naturalPerson', applicantName: `申请人${serial}`, email: `applicant${serial}@example.cn`, idNumber: `ID-LAW-${serial}`,
      description: '请公开某项目的环评批复', delivery: 'email', channel: 'letter', receivedAt, ...overrides,
    },
  });
}
const act = (who, documentId, action, body = {}) =>
  http().post(`/disclosure-workflow/requests/${documentId}/actions/${action}`).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const assign = (doc, date) => act('gov-office', doc.documentId, 'assign', { department: department.documentId, handler: a['gov-author'].id, date });
const row = (doc) => strapi.db.query(REQUEST).findOne({ where: { documentId: doc.documentId } });
const code = (res) => res.body.error?.details?.code;
const fields = (res) => [...new Set((res.body.error?.details?.errors ?? []).map((e) => e.path.join('.')))].sort();
/** A refused action leaves the case exactly as it was. */
async function refused(doc, response, status, expected) {
  const before = await row(doc);
  const res = await response();
  expect([res.status, status === 400 && Array.isArray(expected) ? fields(res) : code(res)]).toEqual([status, expected]);
  const after = await row(doc);
  expect([after.revision, after.state, after.events.length]).toEqual([before.revision, before.state, before.events.length]);
}

describe('§31: receipt of an online or fax application is confirmed by the office', () => {
  it('a fax sent on a Friday and confirmed on the Monday is received on the Monday; until then it waits, counted', async () => {
    // The last Friday at least three days back, so its Monday is not in the future.
    let friday = new Date(Date.now() - 3 * 86400000);
    while (friday.getUTCDay() !== 5) friday = new Date(friday.getTime() - 86400000);
    const monday = day(new Date(friday.getTime() + 3 * 86400000));
    const doc = await enter(day(friday), { channel: 'fax' });
    expect(await row(doc)).toMatchObject({ state: 'awaitingConfirmation', submittedAt: day(friday), receivedAt: null, dueAt: null });
    const waiting = (await http().get(`/disclosure-workflow/requests/${doc.documentId}`).set('Authorization', `Bearer ${tokens['gov-office']}`)).body.data;
    expect(waiting).toMatchObject({ state: 'awaitingConfirmation', clock: null, waitingDays: await calendar().workingDaysBetween(day(friday), localToday()) });
    expect(waiting.actions).toEqual(expect.arrayContaining(['confirmReceipt', 'withdraw']));

    await assign(doc); // an unconfirmed application is not assigned yet
    expect((await row(doc)).state).toBe('awaitingConfirmation');
    await refused(doc, () => act('gov-author', doc.documentId, 'confirmReceipt', { date: monday }), 403, 'OFFICE_ONLY');
    await refused(doc, () => act('gov-office', doc.documentId, 'confirmReceipt', { date: daysAgo(40) }), 400, 'DATE_OUT_OF_ORDER');
    await refused(doc, () => act('gov-office', doc.documentId, 'confirmReceipt', { date: 'Monday' }), 400, ['date']);

    const confirmed = await act('gov-office', doc.documentId, 'confirmReceipt', { date: monday });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data).toMatchObject({ state: 'received', receivedAt: monday, dueAt: await calendar().addWorkingDays(monday, 20) });
    expect(smtp.mails.some((m) => m.to.includes((doc.email)) && m.text.includes(`已于${monday}确认收到`))).toBe(true);
    await refused(doc, () => act('gov-office', doc.documentId, 'confirmReceipt', {}), 409, 'CASE_STATE');
    // The 受理回执 is issued with the action, numbered, dated the day of receipt.
    expect(await notices().list(doc.documentId)).toEqual([expect.objectContaining({ kind: 'receipt', issuedAt: monday, number: expect.stringMatching(/〔\d{4}〕\d+号$/) })]);
  });

  it('letters and in-person applications are received on arrival, as before', async () => {
    const doc = await enter(daysAgo(1), { channel: 'in_person' });
    expect(await row(doc)).toMatchObject({ state: 'received', receivedAt: daysAgo(1), submittedAt: daysAgo(1) });
  });
});

describe('the on-the-spot answer (当场答复)', () => {
  it('records the reply in its type\'s row without the clock, or drafts a written one for review and sign-off', async () => {
    const oral = await enter(localToday(), { channel: 'in_person' });
    await refused(oral, () => act('gov-author', oral.documentId, 'answerOnTheSpot', { replyType: 'alreadyPublic', summary: '告知网址' }), 403, 'NOT_HANDLER');
    await refused(oral, () => act('gov-office', oral.documentId, 'answerOnTheSpot', { replyType: 'alreadyPublic', summary: '告知网址' }), 400, 'INVALID_INPUT');
    await refused(oral, () => act('gov-office', oral.documentId, 'answerOnTheSpot', { replyType: 'sometimes' }), 400, ['replyType', 'summary']);
    const answered = await act('gov-office', oral.documentId, 'answerOnTheSpot', { replyType: 'alreadyPublic', accessRoute: '县政府门户网站“政府信息公开”栏目', summary: '当场告知获取途径' });
    expect(answered.body.data).toMatchObject({ state: 'replied', disposition: 'granted', closedAt: localToday(), clock: null });

    const written = await enter(localToday(), { channel: 'in_person' });
    const body = { replyType: 'publication', summary: '告知获取公报的途径', document: true };
    // A written reply is its department's document: the case is assigned first.
    await refused(written, () => act('gov-office', written.documentId, 'answerOnTheSpot', body), 409, 'DEPARTMENT_REQUIRED');
    await assign(written);
    const drafted = await act('gov-office', written.documentId, 'answerOnTheSpot', body);
    expect(drafted.body.data).toMatchObject({ state: 'replying', clock: null });
    const replyId = drafted.body.data.events.at(-1).reply;
    expect(await strapi.documents(REPLY).findOne({ documentId: replyId })).toMatchObject({ replyType: 'publication', onTheSpot: true, disposition: 'notProcessedPublication' });
    await approve(REPLY, replyId);
    const issued = await act('gov-office', written.documentId, 'reply', {});
    expect(issued.body.data).toMatchObject({ state: 'replied', disposition: 'notProcessedPublication' });
  });
});

describe('reply types', () => {
  it('derive the disposition, whatever is typed, and a lapse is never a reply\'s', async () => {
    const reply = await strapi.documents(REPLY).create({ data: { title: '答复书', replyType: 'withheld', exemptionReason: 'stateSecret', disposition: 'granted' } });
    expect(reply.disposition).toBe('deniedStateSecret');
    const changed = await strapi.documents(REPLY).update({ documentId: reply.documentId, data: { replyType: 'needsCreation' } });
    expect(changed.disposition).toBe('unableNeedCreation');
    await expect(strapi.documents(REPLY).create({ data: { title: '答复书', replyType: 'provided', disposition: 'otherOverdueFee' } })).resolves.toMatchObject({ disposition: 'granted' });
  });

  it('are issued only with the fields the type requires: a 400 naming them, the case unchanged', async () => {
    const doc = await enter();
    await assign(doc);
    const drafted = await act('gov-author', doc.documentId, 'draftReply', { replyType: 'notOurs', competentAgency: '县市场监管局' });
    const replyId = drafted.body.data.events.at(-1).reply;
    await approve(REPLY, replyId);
    await refused(doc, () => act('gov-author', doc.documentId, 'reply', {}), 400, ['competentAgencyContact']);
    expect(await strapi.documents(REPLY).findOne({ documentId: replyId, status: 'published' })).toBeNull();
    await refused(doc, () => act('gov-author', doc.documentId, 'draftReply', { replyType: 'withheld', exemptionReason: 'secret' }), 400, ['exemptionReason']);
  });
});

describe('consultations (§32, §34)', () => {
  it('a third party that does not answer: recorded as 未答复 by the daily job after the answer date; the clock ran again from that date', async () => {
    const doc = await enter(daysAgo(40));
    await assign(doc, daysAgo(40));
    const due = (await row(doc)).dueAt;
    const sentAt = daysAgo(38);
    const started = await act('gov-author', doc.documentId, 'startConsultation', { kind: 'thirdParty', party: '某某公司', sentAt, deliveredAt: daysAgo(37) });
    const answerBy = await calendar().addWorkingDays(daysAgo(37), 15);
    expect(started.body.data.events.at(-1)).toMatchObject({ type: 'pauseStarted', date: sentAt, deliveredAt: daysAgo(37), answerBy });
    await refused(doc, () => act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'none', date: answerBy }), 409, 'CONSULTATION_NOT_DUE');
    await refused(doc, () => act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'disagree' }), 400, ['reason']);
    await refused(doc, () => act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'maybe' }), 400, ['outcome']);

    const result = await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(result.unanswered).toBeGreaterThanOrEqual(1);
    const after = await row(doc);
    expect(after.state).toBe('assigned');
    expect(after.events.at(-1)).toEqual({ type: 'pauseEnded', date: localToday(), outcome: 'none', by: null });
    expect(after.dueAt).toBe(await calendar().addWorkingDays(due, await calendar().workingDaysBetween(sentAt, answerBy)));
  });

  it('another agency\'s silence is consent (§34), recorded when the date passes', async () => {
    const doc = await enter(daysAgo(40));
    await assign(doc, daysAgo(40));
    await act('gov-author', doc.documentId, 'startConsultation', { kind: 'otherAgency', party: '县自然资源局', sentAt: daysAgo(39) });
    await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect((await row(doc)).events.at(-1)).toMatchObject({ type: 'pauseEnded', outcome: 'none', deemedConsent: true });
  });

  it('a paused case is on the dashboard with its resume date, and an answer resumes it', async () => {
    const doc = await enter(daysAgo(1));
    await assign(doc);
    await act('gov-author', doc.documentId, 'startConsultation', { kind: 'thirdParty', party: '某合作社' });
    const res = await http().get('/disclosure-workflow/requests').set('Authorization', `Bearer ${tokens['gov-office']}`);
    const listed = res.body.data.cases.find((c) => c.documentId === doc.documentId);
    expect(listed).toMatchObject({ urgency: 'waiting', clock: { paused: true, resumesAt: await calendar().addWorkingDays(localToday(), 15) } });
    const answered = await act('gov-author', doc.documentId, 'recordConsultationAnswer', { outcome: 'disagree', reason: '涉及商业秘密' });
    expect(answered.body.data).toMatchObject({ state: 'assigned', clock: { paused: false } });
    expect(answered.body.data.events.at(-1)).toMatchObject({ outcome: 'disagree', reason: '涉及商业秘密' });
  });
});

describe('fees (109号)', () => {
  it('按量: quotes from the pages, takes a reasoned reduction, stops the clock from notice to payment', async () => {
    const doc = await enter(daysAgo(12));
    await assign(doc, daysAgo(12));
    const due = (await row(doc)).dueAt;
    await refused(doc, () => act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 150, amount: 1500, reduction: 200 }), 400, ['reduction']);
    await refused(doc, () => act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage' }), 400, ['pages']);
    await refused(doc, () => act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 150, reduction: 200 }), 400, ['reason']);
    await refused(doc, () => act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 30 }), 409, 'FEE_NOT_DUE');

    const noticeDate = daysAgo(10);
    const noticed = await act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 150, reduction: 200, reason: '低保户', date: noticeDate });
    // 31–100 at 10 (700) + 101–150 at 20 (1000) = 1700, less 200.
    const payBy = await calendar().addWorkingDays(noticeDate, 20);
    expect(noticed.body.data).toMatchObject({ state: 'feePending', clock: { paused: true } });
    expect(noticed.body.data.events.at(-1)).toMatchObject({ type: 'feeNoticed', mode: 'perPage', pages: 150, quoted: 1700, reduction: 200, amount: 1500, reason: '低保户', payBy });
    expect(smtp.mails.some((m) => m.to.includes(doc.email) && m.text.includes('1500元'))).toBe(true);

    const docx = await notices().render({ documentId: doc.documentId, kind: 'feeNotice', format: 'docx' });
    const { value: text } = await mammoth.extractRawText({ buffer: docx.body });
    for (const part of ['1500', payBy.slice(0, 4)]) expect([part, text.includes(part)]).toEqual([part, true]);

    await refused(doc, () => act('gov-author', doc.documentId, 'recordPayment', { amount: 1700, date: daysAgo(5), receiptNumber: 'No.001' }), 400, 'FEE_AMOUNT');
    await refused(doc, () => act('gov-author', doc.documentId, 'recordPayment', { amount: 1500, date: daysAgo(5) }), 400, ['receiptNumber']);
    const paidOn = daysAgo(5);
    const paid = await act('gov-author', doc.documentId, 'recordPayment', { amount: 1500, date: paidOn, receiptNumber: 'No.001' });
    expect(paid.body.data).toMatchObject({ state: 'assigned', fee: { amount: 1500, paid: { amount: 1500, date: paidOn } } });
    expect(await row(doc)).toMatchObject({ fee: 1500, feePaidAt: paidOn, dueAt: await calendar().addWorkingDays(due, await calendar().workingDaysBetween(noticeDate, paidOn)) });
    await refused(doc, () => act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 150 }), 409, 'FEE_USED');
  });

  it('按件: the applicant\'s 11th application this month is the first charged (100 yuan), the 10th is free', async () => {
    const same = { applicantName: '张多多', idNumber: `ID-MANY-${Date.now()}` };
    const docs = [];
    for (let i = 0; i < 11; i++) docs.push(await enter(localToday(), same));
    for (const doc of docs.slice(9)) await assign(doc);
    await refused(docs[9], () => act('gov-author', docs[9].documentId, 'feeNotice', { mode: 'perCase' }), 409, 'FEE_NOT_DUE');
    const res = await act('gov-author', docs[10].documentId, 'feeNotice', { mode: 'perCase' });
    expect(res.body.data.events.at(-1)).toMatchObject({ mode: 'perCase', nth: 11, quoted: 100, amount: 100 });
  });

  it('not paid by the date: the daily job closes the case as 逾期未缴费', async () => {
    const doc = await enter(daysAgo(45));
    await assign(doc, daysAgo(45));
    await act('gov-author', doc.documentId, 'feeNotice', { mode: 'perPage', pages: 40, date: daysAgo(44) });
    await refused(doc, () => act('gov-author', doc.documentId, 'recordPayment', { amount: 100, date: localToday(), receiptNumber: 'late' }), 409, 'FEE_LAPSED');
    const result = await strapi.service('api::disclosure-request.reminders').daily(localToday());
    expect(result.unpaid).toBeGreaterThanOrEqual(1);
    expect(await row(doc)).toMatchObject({ state: 'closed', disposition: 'otherOverdueFee', closedAt: localToday(), fee: null });
  });
});

describe('§35: requests beyond a reasonable range', () => {
  it('the office asks for reasons, then sets a longer reasoned date that replaces the statutory one', async () => {
    const doc = await enter(daysAgo(1));
    await assign(doc);
    await refused(doc, () => act('gov-office', doc.documentId, 'setReasonableDate', { date: '2099-01-01', reason: '数量大' }), 409, 'REASONS_NOT_ASKED');
    await refused(doc, () => act('gov-author', doc.documentId, 'askReasons', {}), 403, 'OFFICE_ONLY');
    expect((await act('gov-office', doc.documentId, 'askReasons', {})).status).toBe(200);
    expect(smtp.mails.some((m) => m.to.includes(doc.email) && m.text.includes('第三十五条'))).toBe(true);
    const due = (await row(doc)).dueAt;
    await refused(doc, () => act('gov-office', doc.documentId, 'setReasonableDate', { reason: '数量大' }), 400, ['date']);
    await refused(doc, () => act('gov-office', doc.documentId, 'setReasonableDate', { date: due, reason: '数量大' }), 400, 'INVALID_INPUT');
    const later = await calendar().addWorkingDays(due, 30);
    const set = await act('gov-office', doc.documentId, 'setReasonableDate', { date: later, reason: '申请涉及十年档案' });
    expect(set.body.data).toMatchObject({ state: 'assigned', dueAt: later });
    expect(set.body.data.events.at(-1)).toMatchObject({ type: 'reasonableDate', date: localToday(), dueAt: later, reason: '申请涉及十年档案' });
  });

  it('or declines it (不予处理, table 三 (五)4)', async () => {
    const doc = await enter();
    await assign(doc);
    await act('gov-office', doc.documentId, 'askReasons', {});
    await refused(doc, () => act('gov-office', doc.documentId, 'declineExcessive', {}), 400, ['reason']);
    const declined = await act('gov-office', doc.documentId, 'declineExcessive', { reason: '申请人未说明理由' });
    expect(declined.body.data).toMatchObject({ state: 'replied', disposition: 'notProcessedMassive', closedAt: localToday() });
  });
});
