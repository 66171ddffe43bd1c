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
    acceptLateCorrection: { reason: 'r' }, withdraw: { channel: 'phone' },
  };
  const allowed = {
    assign: ['received', 'assigned'], requestCorrection: ['received', 'assigned'], receiveCorrection: ['correction'], lapseCorrection: ['correction'],
    startConsultation: ['assigned', 'extended'], endConsultation: ['consultation'], extend: ['assigned', 'extended', 'consultation', 'replying'],
    draftReply: ['assigned', 'extended'], reply: ['replying'], close: ['replied'], publishAsItem: ['replied', 'closed'],
    acceptLateCorrection: ['correction', 'closed'], withdraw: ['received', 'assigned', 'correction', 'consultation', 'extended', 'replying'],
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
  it('gives a third party 15 working days (9/30, 10/9–10/11, 10/13–10/17, 10/20–10/24, 10/27) and returns to the stage it paused', () => {
    const started = step(kase('extended', [received, { type: 'extended', date: '2025-09-26', days: 5, reason: 'r' }]), 'startConsultation', { kind: 'thirdParty', party: '某公司', date: '2025-09-29' }, ctx('2025-09-29'));
    expect(started).toMatchObject({ state: 'consultation', event: { type: 'pauseStarted', reason: 'thirdParty:某公司:2025-10-27' } });
    const events = [received, { type: 'extended', date: '2025-09-26', days: 5, reason: 'r' }, started.event];
    expect(step(kase('consultation', events), 'endConsultation', {}, ctx('2025-10-10')).state).toBe('extended');
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
  it('withdraw closes on its date as (七)3 其他, with the channel', () => {
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
