// Every case action from every stage, on hand-counted dates of the 2025 calendar
// (国庆 10/1–10/8 off; Sunday 9/28 and Saturday 10/11 worked).
const { step, ACTIONS, CASE_STATES } = require('../../dist/src/domain/request-flow');
const { createCalendar } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const calendar = createCalendar();
const ctx = (today) => ({ today, calendar });
const received = { type: 'received', date: '2025-09-26' };
const kase = (state, events = [received], disposition = null) => ({ state, events, disposition });
const refusal = (fn) => {
  try {
    fn();
  } catch (error) {
    return error.code;
  }
  throw new Error('expected a refusal');
};

describe('which stage each action comes from', () => {
  const inputs = {
    assign: { department: 'd', handler: 1 }, requestCorrection: { deadline: '2025-10-20', items: '请补充具体项目名称' }, startConsultation: { kind: 'otherAgency', party: 'x' },
    extend: { days: 5, reason: 'r' }, draftReply: { reply: 'r1' }, reply: { disposition: 'granted', reply: 'r1' }, publishAsItem: { item: 'i1' },
    acceptLateCorrection: { reason: 'r' }, withdraw: { channel: 'phone' }, answerOnTheSpot: { replyType: 'provided', summary: 's' },
    recordConsultationAnswer: { outcome: 'agree' }, feeNotice: { mode: 'perPage', pages: 40, quoted: 100 }, recordPayment: { amount: 100, receiptNumber: 'r' },
    setReasonableDate: { date: '2026-01-30', reason: 'r' }, declineExcessive: { reason: 'r' },
  };
  const working = ['received', 'assigned', 'extended'];
  const allowed = {
    assign: ['received', 'assigned'], requestCorrection: ['received', 'assigned'], receiveCorrection: ['correction'], lapseCorrection: ['correction'],
    startConsultation: working, recordConsultationAnswer: ['consultation'], extend: ['assigned', 'extended', 'consultation', 'replying'],
    draftReply: working, reply: ['replying'], close: ['replied'], publishAsItem: ['replied', 'closed'],
    acceptLateCorrection: ['correction', 'closed'], withdraw: ['awaitingConfirmation', 'received', 'assigned', 'correction', 'consultation', 'extended', 'feePending', 'replying'],
    confirmReceipt: ['awaitingConfirmation'], answerOnTheSpot: ['received', 'assigned'], feeNotice: ['assigned', 'extended'], recordPayment: ['feePending'], lapseFee: ['feePending'],
    askReasons: working, declineExcessive: working, setReasonableDate: working,
  };
  it('lists exactly the actions of the flow', () => expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(allowed).sort()));
  for (const [action, from] of Object.entries(allowed)) {
    for (const state of CASE_STATES.filter((s) => !from.includes(s))) {
      it(`refuses ${action} from ${state}`, () => expect(refusal(() => step(kase(state), action, inputs[action] ?? {}, ctx('2025-10-09')))).toBe('CASE_STATE'));
    }
  }
});

describe('assign', () => {
  it('is on time within one working day of receipt, late after', () => {
    expect(step(kase('received'), 'assign', { department: 'd', handler: 1, date: '2025-09-28' }, ctx('2025-09-28')).event.late).toBe(false);
    expect(step(kase('received'), 'assign', { department: 'd', handler: 1, date: '2025-09-29' }, ctx('2025-09-29')).event.late).toBe(true);
  });
  it('needs a department and a handler', () => expect(refusal(() => step(kase('received'), 'assign', { handler: 1 }, ctx('2025-09-28')))).toBe('INVALID_INPUT'));
});

describe('correction', () => {
  it('may be asked within 7 working days of receipt (9/28 … 10/13), not on the 8th', () => {
    const ok = step(kase('assigned'), 'requestCorrection', { items: '请补充具体项目名称', date: '2025-10-13', deadline: '2025-10-27' }, ctx('2025-10-13'));
    expect(ok).toMatchObject({ state: 'correction', event: { type: 'correctionRequested', deadline: '2025-10-27' } });
    expect(refusal(() => step(kase('assigned'), 'requestCorrection', { items: '请补充具体项目名称', date: '2025-10-14', deadline: '2025-10-27' }, ctx('2025-10-14')))).toBe('CORRECTION_TOO_LATE');
  });
  const asked = [received, { type: 'assigned', date: '2025-09-26' }, { type: 'correctionRequested', date: '2025-09-29', deadline: '2025-10-13' }];
  it('only once', () => {
    const back = [...asked, { type: 'correctionReceived', date: '2025-10-10' }];
    expect(refusal(() => step(kase('assigned', back), 'requestCorrection', { items: '请补充具体项目名称', deadline: '2025-10-20' }, ctx('2025-10-10')))).toBe('CORRECTION_USED');
  });
  it('names what to correct (一次性告知)', () => {
    expect(refusal(() => step(kase('assigned'), 'requestCorrection', { date: '2025-09-29', deadline: '2025-10-13', items: ' ' }, ctx('2025-09-29')))).toBe('INVALID_INPUT');
    expect(step(kase('assigned'), 'requestCorrection', { date: '2025-09-29', deadline: '2025-10-13', items: ' 项目名称 ' }, ctx('2025-09-29')).event.items).toBe('项目名称');
  });
  it('needs a deadline after the notice', () => {
    expect(refusal(() => step(kase('assigned'), 'requestCorrection', { items: '请补充具体项目名称', date: '2025-09-29', deadline: '2025-09-29' }, ctx('2025-09-29')))).toBe('INVALID_INPUT');
  });
  it('returns to the stage it left when the corrected request arrives by the deadline', () => {
    expect(step(kase('correction', asked), 'receiveCorrection', { date: '2025-10-13' }, ctx('2025-10-13')).state).toBe('assigned');
    expect(refusal(() => step(kase('correction', asked), 'receiveCorrection', { date: '2025-10-14' }, ctx('2025-10-14')))).toBe('CORRECTION_LAPSED');
  });
  it('lapses only after the deadline, closing the case as 逾期不补正', () => {
    expect(refusal(() => step(kase('correction', asked), 'lapseCorrection', {}, ctx('2025-10-13')))).toBe('CORRECTION_NOT_DUE');
    expect(step(kase('correction', asked), 'lapseCorrection', {}, ctx('2025-10-14'))).toMatchObject({
      state: 'closed', patch: { disposition: 'otherOverdueCorrection', closedAt: '2025-10-14' },
    });
  });
});

describe('consultation and extension', () => {
  it('gives a third party 15 working days (9/30, 10/9–10/11, 10/13–10/17, 10/20–10/24, 10/27) from the letter and returns to the stage it paused', () => {
    const started = step(kase('extended', [received, { type: 'extended', date: '2025-09-26', days: 5, reason: 'r' }]), 'startConsultation', { kind: 'thirdParty', party: '某公司', sentAt: '2025-09-29' }, ctx('2025-09-30'));
    expect(started).toMatchObject({ state: 'consultation', event: { type: 'pauseStarted', date: '2025-09-29', kind: 'thirdParty', party: '某公司', answerBy: '2025-10-27' } });
    const events = [received, { type: 'extended', date: '2025-09-26', days: 5, reason: 'r' }, started.event];
    expect(step(kase('consultation', events), 'recordConsultationAnswer', { outcome: 'agree' }, ctx('2025-10-10')).state).toBe('extended');
  });
  it('counts the 15 days from the party\'s receipt of the letter (10/9 → 10/29)', () => {
    const started = step(kase('assigned'), 'startConsultation', { kind: 'otherAgency', party: '县自然资源局', sentAt: '2025-09-29', deliveredAt: '2025-10-09' }, ctx('2025-10-09'));
    expect(started.event).toMatchObject({ date: '2025-09-29', deliveredAt: '2025-10-09', answerBy: '2025-10-29' });
    expect(refusal(() => step(kase('assigned'), 'startConsultation', { kind: 'otherAgency', party: 'x', sentAt: '2025-10-09', deliveredAt: '2025-09-30' }, ctx('2025-10-09')))).toBe('INVALID_INPUT');
    expect(refusal(() => step(kase('assigned'), 'startConsultation', { kind: 'otherAgency', party: 'x', sentAt: '2025-10-10' }, ctx('2025-10-09')))).toBe('DATE_IN_FUTURE');
  });
  it('records 同意 / 不同意 with reasons / 未答复 only after the answer date; an agency\'s silence is consent (§34)', () => {
    const letter = (kind) => ({ type: 'pauseStarted', date: '2025-09-29', reason: 'x', kind, party: 'x', deliveredAt: '2025-09-29', answerBy: '2025-10-27' });
    const consulting = (kind) => kase('consultation', [received, { type: 'assigned', date: '2025-09-26' }, letter(kind)]);
    expect(refusal(() => step(consulting('thirdParty'), 'recordConsultationAnswer', { outcome: 'disagree' }, ctx('2025-10-10')))).toBe('REASON_REQUIRED');
    expect(step(consulting('thirdParty'), 'recordConsultationAnswer', { outcome: 'disagree', reason: '涉及商业秘密' }, ctx('2025-10-10')).event).toEqual({ type: 'pauseEnded', date: '2025-10-10', outcome: 'disagree', reason: '涉及商业秘密' });
    expect(refusal(() => step(consulting('otherAgency'), 'recordConsultationAnswer', { outcome: 'none' }, ctx('2025-10-27')))).toBe('CONSULTATION_NOT_DUE');
    expect(step(consulting('otherAgency'), 'recordConsultationAnswer', { outcome: 'none' }, ctx('2025-10-28')).event).toEqual({ type: 'pauseEnded', date: '2025-10-28', outcome: 'none', deemedConsent: true });
    expect(step(consulting('thirdParty'), 'recordConsultationAnswer', { outcome: 'none' }, ctx('2025-10-28')).event).toEqual({ type: 'pauseEnded', date: '2025-10-28', outcome: 'none' });
  });
  it('extends once, 1–20 working days, with a reason; the stage stays when replying', () => {
    expect(step(kase('assigned'), 'extend', { days: 20, reason: '需要协调' }, ctx('2025-10-09')).state).toBe('extended');
    expect(step(kase('replying'), 'extend', { days: 3, reason: '需要协调' }, ctx('2025-10-09')).state).toBe('replying');
    expect(refusal(() => step(kase('assigned'), 'extend', { days: 21, reason: 'r' }, ctx('2025-10-09')))).toBe('EXTENSION_TOO_LONG');
    expect(refusal(() => step(kase('assigned'), 'extend', { days: 0, reason: 'r' }, ctx('2025-10-09')))).toBe('EXTENSION_TOO_LONG');
    expect(refusal(() => step(kase('assigned'), 'extend', { days: 5, reason: '  ' }, ctx('2025-10-09')))).toBe('REASON_REQUIRED');
    const once = [received, { type: 'extended', date: '2025-09-29', days: 5, reason: 'r' }];
    expect(refusal(() => step(kase('extended', once), 'extend', { days: 5, reason: 'r' }, ctx('2025-10-09')))).toBe('EXTENSION_USED');
  });
});

describe('reply, close and the proactive item', () => {
  it('answers on the spot: recorded and closed today in its type\'s row, or drafted (marked) for review when a written reply is issued', () => {
    expect(step(kase('received'), 'answerOnTheSpot', { replyType: 'alreadyPublic', accessRoute: '县政府网站', summary: '已告知网址' }, ctx('2025-10-09'))).toEqual({
      state: 'replied',
      event: { type: 'answeredOnTheSpot', date: '2025-10-09', replyType: 'alreadyPublic', disposition: 'granted', summary: '已告知网址' },
      patch: { disposition: 'granted', closedAt: '2025-10-09' },
    });
    expect(refusal(() => step(kase('received'), 'answerOnTheSpot', { replyType: 'alreadyPublic', summary: 's' }, ctx('2025-10-09')))).toBe('INVALID_INPUT');
    expect(refusal(() => step(kase('received'), 'answerOnTheSpot', { replyType: 'provided', summary: ' ' }, ctx('2025-10-09')))).toBe('INVALID_INPUT');
    const written = step(kase('assigned'), 'answerOnTheSpot', { replyType: 'provided', summary: 's', document: true, reply: 'r9' }, ctx('2025-10-09'));
    expect(written).toMatchObject({ state: 'replying', event: { type: 'replyDrafted', reply: 'r9', onTheSpot: true }, patch: {} });
  });
  it('records the disposition and the closing date on reply', () => {
    expect(step(kase('replying'), 'reply', { disposition: 'partialGrant', reply: 'r1' }, ctx('2025-10-20'))).toMatchObject({
      state: 'replied', patch: { disposition: 'partialGrant', closedAt: '2025-10-20' },
    });
    expect(refusal(() => step(kase('replying'), 'reply', { reply: 'r1' }, ctx('2025-10-20')))).toBe('INVALID_INPUT');
    expect(step(kase('replied', [received], 'granted'), 'close', {}, ctx('2025-10-21')).state).toBe('closed');
  });
  it('turns granted and partly granted replies into an item, once', () => {
    expect(step(kase('closed', [received], 'partialGrant'), 'publishAsItem', { item: 'i1' }, ctx('2025-10-21')).event).toMatchObject({ type: 'publishedAsItem', item: 'i1' });
    expect(refusal(() => step(kase('closed', [received], 'deniedStateSecret'), 'publishAsItem', { item: 'i1' }, ctx('2025-10-21')))).toBe('NOT_GRANTED');
    const done = [received, { type: 'publishedAsItem', date: '2025-10-21', item: 'i1' }];
    expect(refusal(() => step(kase('closed', done, 'granted'), 'publishAsItem', { item: 'i2' }, ctx('2025-10-21')))).toBe('ALREADY_DONE');
  });
});

describe('dates', () => {
  it('cannot be in the future or before the previous step', () => {
    expect(refusal(() => step(kase('received'), 'assign', { department: 'd', handler: 1, date: '2025-10-10' }, ctx('2025-10-09')))).toBe('DATE_IN_FUTURE');
    expect(refusal(() => step(kase('received'), 'assign', { department: 'd', handler: 1, date: '2025-09-25' }, ctx('2025-10-09')))).toBe('DATE_OUT_OF_ORDER');
  });
  it('keeps a note with the event', () => {
    expect(step(kase('received'), 'assign', { department: 'd', handler: 1, note: '急件' }, ctx('2025-10-09')).event.note).toBe('急件');
  });
});

describe('withdraw and a late correction', () => {
  const requested = { type: 'correctionRequested', date: '2025-09-29', deadline: '2025-10-09' };
  const assigned = { type: 'assigned', date: '2025-09-26', department: 'd', handler: 1, late: false };
  it('withdraw closes on its date as (六)3 其他, with the channel', () => {
    const result = step(kase('consultation', [received, assigned]), 'withdraw', { channel: 'letter', date: '2025-10-09' }, ctx('2025-10-09'));
    expect(result).toEqual({ state: 'closed', event: { type: 'withdrawn', date: '2025-10-09', channel: 'letter' }, patch: { disposition: 'otherReasons', closedAt: '2025-10-09' } });
  });

  it('a late correction is accepted with a reason only after the deadline, and reopens a lapsed case', () => {
    const inCorrection = kase('correction', [received, assigned, requested]);
    expect(refusal(() => step(inCorrection, 'acceptLateCorrection', { reason: 'r' }, ctx('2025-10-09')))).toBe('CORRECTION_NOT_DUE');
    expect(refusal(() => step(inCorrection, 'acceptLateCorrection', { reason: ' ' }, ctx('2025-10-10')))).toBe('REASON_REQUIRED');
    expect(step(inCorrection, 'acceptLateCorrection', { reason: '邮寄延误' }, ctx('2025-10-10'))).toEqual({
      state: 'assigned', event: { type: 'correctionReceived', date: '2025-10-10', lateReason: '邮寄延误' }, patch: {},
    });
    const lapsed = kase('closed', [received, assigned, requested, { type: 'closed', date: '2025-10-10', disposition: 'otherOverdueCorrection' }], 'otherOverdueCorrection');
    expect(step(lapsed, 'acceptLateCorrection', { reason: '邮寄延误' }, ctx('2025-10-11')).patch).toEqual({ disposition: null, closedAt: null });
    expect(refusal(() => step({ ...lapsed, disposition: 'granted' }, 'acceptLateCorrection', { reason: 'r' }, ctx('2025-10-11')))).toBe('CASE_STATE');
  });
});

describe('§31 receipt', () => {
  it('is confirmed by the office: an application submitted on Friday 11/7 and confirmed on Monday 11/10 is received on 11/10', () => {
    const waiting = kase('awaitingConfirmation', [{ type: 'submitted', date: '2025-11-07' }]);
    expect(step(waiting, 'confirmReceipt', { date: '2025-11-10' }, ctx('2025-11-10'))).toEqual({
      state: 'received', event: { type: 'received', date: '2025-11-10', confirmed: true }, patch: { receivedAt: '2025-11-10' },
    });
    expect(ACTIONS.confirmReceipt.officeOnly).toBe(true);
    expect(refusal(() => step(waiting, 'confirmReceipt', { date: '2025-11-06' }, ctx('2025-11-10')))).toBe('DATE_OUT_OF_ORDER');
  });
});

describe('fees (109号)', () => {
  const assigned = kase('assigned', [received, { type: 'assigned', date: '2025-09-26' }]);
  const notice = (input, today = '2025-09-29', dueAt = '2025-10-30') => step(assigned, 'feeNotice', { mode: 'perPage', pages: 40, quoted: 100, date: today, ...input }, { ...ctx(today), dueAt });
  it('charges the quoted fee, payable within 20 working days (9/30 … 11/3), and stops the clock', () => {
    expect(notice({})).toEqual({
      state: 'feePending',
      event: { type: 'feeNoticed', date: '2025-09-29', mode: 'perPage', pages: 40, quoted: 100, reduction: 0, amount: 100, payBy: '2025-11-03' },
      patch: {},
    });
  });
  it('reduces (减免) only with a reason, never above the quote, and never charges within the free allowance', () => {
    expect(notice({ reduction: 40, reason: '困难群众' }).event).toMatchObject({ quoted: 100, reduction: 40, amount: 60, reason: '困难群众' });
    expect(notice({ amount: 30, reason: '困难群众' }).event).toMatchObject({ reduction: 70, amount: 30 });
    expect(refusal(() => notice({ reduction: 40 }))).toBe('REASON_REQUIRED');
    expect(refusal(() => notice({ amount: 120 }))).toBe('INVALID_INPUT');
    expect(refusal(() => notice({ quoted: 0 }))).toBe('FEE_NOT_DUE');
    expect(refusal(() => notice({ amount: 0, reason: '全免' }))).toBe('FEE_NOT_DUE');
  });
  it('is issued within the reply period, once', () => {
    expect(refusal(() => notice({}, '2025-10-31', '2025-10-30'))).toBe('FEE_TOO_LATE');
    const noticed = { type: 'feeNoticed', date: '2025-09-29', mode: 'perPage', pages: 40, quoted: 100, reduction: 0, amount: 100, payBy: '2025-11-03' };
    const paid = kase('assigned', [received, { type: 'assigned', date: '2025-09-26' }, noticed, { type: 'feePaid', date: '2025-10-09', amount: 100, receiptNumber: 'R1' }]);
    expect(refusal(() => step(paid, 'feeNotice', { mode: 'perPage', pages: 40, quoted: 100 }, ctx('2025-10-10')))).toBe('FEE_USED');
  });
  const pending = kase('feePending', [received, { type: 'assigned', date: '2025-09-26' }, { type: 'feeNoticed', date: '2025-09-29', mode: 'perCase', nth: 12, quoted: 100, reduction: 0, amount: 100, payBy: '2025-11-03' }]);
  it('records the payment of the noticed amount by the pay-by date', () => {
    expect(step(pending, 'recordPayment', { amount: 100, date: '2025-11-03', receiptNumber: ' NO.0001 ' }, ctx('2025-11-04'))).toEqual({
      state: 'assigned', event: { type: 'feePaid', date: '2025-11-03', amount: 100, receiptNumber: 'NO.0001' }, patch: { fee: 100, feePaidAt: '2025-11-03' },
    });
    expect(refusal(() => step(pending, 'recordPayment', { amount: 90, receiptNumber: 'x' }, ctx('2025-10-10')))).toBe('FEE_AMOUNT');
    expect(refusal(() => step(pending, 'recordPayment', { amount: 100, receiptNumber: 'x' }, ctx('2025-11-04')))).toBe('FEE_LAPSED');
  });
  it('lapses the day after the pay-by date as 逾期未缴费 (table 三 (六)2)', () => {
    expect(refusal(() => step(pending, 'lapseFee', {}, ctx('2025-11-03')))).toBe('FEE_NOT_LAPSED');
    expect(step(pending, 'lapseFee', {}, ctx('2025-11-04'))).toMatchObject({ state: 'closed', patch: { disposition: 'otherOverdueFee', closedAt: '2025-11-04' } });
  });
});

describe('§35 requests beyond a reasonable range', () => {
  const asked = kase('assigned', [received, { type: 'assigned', date: '2025-09-26' }, { type: 'reasonsAsked', date: '2025-09-29' }]);
  it('asks for reasons first, once', () => {
    expect(refusal(() => step(kase('assigned'), 'declineExcessive', { reason: 'r' }, ctx('2025-10-09')))).toBe('REASONS_NOT_ASKED');
    expect(refusal(() => step(kase('assigned'), 'setReasonableDate', { date: '2026-01-30', reason: 'r' }, ctx('2025-10-09')))).toBe('REASONS_NOT_ASKED');
    expect(step(kase('assigned'), 'askReasons', {}, ctx('2025-09-29')).event).toEqual({ type: 'reasonsAsked', date: '2025-09-29' });
    expect(refusal(() => step(asked, 'askReasons', {}, ctx('2025-10-09')))).toBe('ALREADY_DONE');
  });
  it('declines (不予处理, (五)4) with a reason', () => {
    expect(refusal(() => step(asked, 'declineExcessive', {}, ctx('2025-10-09')))).toBe('REASON_REQUIRED');
    expect(step(asked, 'declineExcessive', { reason: '无正当理由' }, ctx('2025-10-09'))).toMatchObject({ state: 'replied', patch: { disposition: 'notProcessedMassive', closedAt: '2025-10-09' } });
  });
  it('or sets a later, reasoned reply date; the action is dated today, `date` is the new reply date', () => {
    const set = step(asked, 'setReasonableDate', { date: '2026-01-30', reason: '申请数量大' }, { ...ctx('2025-10-09'), dueAt: '2025-10-30' });
    expect(set).toEqual({ state: 'assigned', event: { type: 'reasonableDate', date: '2025-10-09', dueAt: '2026-01-30', reason: '申请数量大' }, patch: {} });
    expect(refusal(() => step(asked, 'setReasonableDate', { date: '2025-10-30', reason: 'r' }, { ...ctx('2025-10-09'), dueAt: '2025-10-30' }))).toBe('INVALID_INPUT');
    expect(refusal(() => step(asked, 'setReasonableDate', { date: '2026-01-30' }, { ...ctx('2025-10-09'), dueAt: '2025-10-30' }))).toBe('REASON_REQUIRED');
  });
});

describe('the audit trail', () => {
  const { REQUEST_EVENT_LABELS } = require('../../dist/src/domain/request-event-labels');
  it('labels every case action\'s event in zh-Hans and English', () => {
    for (const action of Object.keys(ACTIONS)) expect([action, REQUEST_EVENT_LABELS[`request.${action}`]]).toEqual([action, { zh: expect.any(String), en: expect.any(String) }]);
  });
});
