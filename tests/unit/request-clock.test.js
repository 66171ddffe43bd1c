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
