// The request clock on hand-counted examples (2025 calendar: 国庆 10/1–10/8, 9/28 and 10/11 worked).
const { computeClock } = require('../../dist/src/domain/request-clock');
const { createCalendar } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const calendar = createCalendar();
const clock = (events, today = '2025-11-03') => computeClock(events, calendar, today);

describe('request clock', () => {
  it('is 20 working days from receipt, across 国庆 and its 调休 days', () => {
    // 9/28 9/29 9/30 · 10/9 10/10 10/11 · 10/13–10/17 · 10/20–10/24 · 10/27–10/30
    expect(clock([{ type: 'received', date: '2025-09-26' }], '2025-09-26').dueAt).toBe('2025-10-30');
  });

  it('stops while a correction is awaited and restarts from the corrected request', () => {
    const requested = [{ type: 'received', date: '2025-11-03' }, { type: 'correctionRequested', date: '2025-11-05', deadline: '2025-11-20' }];
    expect(clock(requested)).toMatchObject({ dueAt: null, awaitingCorrection: true });
    expect(clock([...requested, { type: 'correctionReceived', date: '2025-11-10' }]).dueAt).toBe('2025-12-08');
  });

  it('does not count consultation days, and an open consultation keeps pausing it', () => {
    const received = { type: 'received', date: '2025-11-03' };
    expect(clock([received]).dueAt).toBe('2025-12-01');
    const paused = [received, { type: 'pauseStarted', date: '2025-11-10', reason: 'third party' }, { type: 'pauseEnded', date: '2025-11-14' }];
    expect(clock(paused).dueAt).toBe('2025-12-05');
    const open = clock([received, { type: 'pauseStarted', date: '2025-11-10', reason: 'other agency' }], '2025-11-12');
    expect(open).toMatchObject({ paused: true, dueAt: '2025-12-03' });
  });

  it('resumes by itself on a consultation\'s answer date (11/14): a silent party cannot hold the clock', () => {
    const received = { type: 'received', date: '2025-11-03' };
    const letter = { type: 'pauseStarted', date: '2025-11-10', reason: 'x', kind: 'otherAgency', answerBy: '2025-11-14' };
    expect(clock([received, letter], '2025-11-12')).toMatchObject({ paused: true, resumesAt: '2025-11-14', dueAt: '2025-12-03' });
    expect(clock([received, letter], '2025-11-20')).toMatchObject({ paused: false, resumesAt: null, dueAt: '2025-12-05' });
    expect(clock([received, letter, { type: 'pauseEnded', date: '2025-11-25', outcome: 'none' }], '2025-11-25').dueAt).toBe('2025-12-05');
  });

  it('does not count the days from a fee notice to the payment (11/11–11/17: 5 working days)', () => {
    const received = { type: 'received', date: '2025-11-03' };
    const noticed = { type: 'feeNoticed', date: '2025-11-10', amount: 100, payBy: '2025-12-08' };
    expect(clock([received, noticed, { type: 'feePaid', date: '2025-11-17', amount: 100 }]).dueAt).toBe('2025-12-08');
    expect(clock([received, noticed], '2025-11-12')).toMatchObject({ paused: true, resumesAt: '2025-12-08' });
  });

  it('takes a §35 reasonable date instead of the statutory one', () => {
    const events = [{ type: 'received', date: '2025-11-03' }, { type: 'reasonsAsked', date: '2025-11-04' }, { type: 'reasonableDate', date: '2025-11-10', dueAt: '2026-01-30', reason: 'r' }];
    expect(clock(events, '2025-11-10')).toMatchObject({ dueAt: '2026-01-30', overdue: false });
  });

  it('adds an approved extension', () => {
    const events = [{ type: 'received', date: '2025-11-03' }, { type: 'extended', date: '2025-11-20', days: 20, reason: '涉及面广' }];
    expect(clock(events).dueAt).toBe('2025-12-29');
  });

  it('says how many working days are left, and flags due-soon and overdue', () => {
    const events = [{ type: 'received', date: '2025-11-03' }];
    expect(clock(events, '2025-11-24')).toMatchObject({ workingDaysLeft: 5, dueSoon: true, overdue: false });
    expect(clock(events, '2025-12-02')).toMatchObject({ workingDaysLeft: -1, overdue: true, dueSoon: false });
    expect(clock(events, '2025-11-03')).toMatchObject({ workingDaysLeft: 20, dueSoon: false });
  });
});
