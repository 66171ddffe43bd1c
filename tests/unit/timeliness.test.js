// §26 timeliness (src/domain/timeliness.ts) on hand-counted fixtures, with the real working-day
// calendar. 2025 国庆 + 中秋: 10/1–10/8 off; Sunday 9/28 and Saturday 10/11 worked (调休).
const { computeTimeliness, timelinessStart, summariseTimeliness, median, TIMELINESS_LIMIT } = require('../../dist/src/domain/timeliness');
const { createCalendar } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const calendar = createCalendar();
const t = (facts) => computeTimeliness({ disclosure: 'proactive', ...facts }, calendar, 'Asia/Shanghai');

describe('§26 timeliness', () => {
  it('counts working days across 国庆 and its 调休 days: formed 2025-09-26, published 2025-10-27 = 17', () => {
    // After Fri 9/26: Sun 9/28 (调休) 1, 9/29 2, 9/30 3, [10/1–10/8 holiday], 10/9 4, 10/10 5,
    // Sat 10/11 (调休) 6, 10/13–10/17 7–11, 10/20–10/24 12–16, Mon 10/27 17.
    expect(t({ formedAt: '2025-09-26', publishedDate: '2025-10-27' })).toEqual({ timelinessDays: 17, timelinessMet: true });
  });

  it('is met at exactly 20 and late at 21', () => {
    // … 10/27 17, 10/28 18, 10/29 19, 10/30 20, 10/31 21.
    expect(t({ formedAt: '2025-09-26', publishedDate: '2025-10-30' })).toEqual({ timelinessDays: 20, timelinessMet: true });
    expect(t({ formedAt: '2025-09-26', publishedDate: '2025-10-31' })).toEqual({ timelinessDays: 21, timelinessMet: false });
    expect(TIMELINESS_LIMIT).toBe(20);
  });

  it('counts an ordinary month: formed Mon 2025-11-03, published Fri 2025-11-28 = 19', () => {
    // 11/4–11/7 4, 11/10–11/14 9, 11/17–11/21 14, 11/24–11/28 19.
    expect(t({ formedAt: '2025-11-03', publishedDate: '2025-11-28' })).toEqual({ timelinessDays: 19, timelinessMet: true });
  });

  it('starts from the change date of a changed item', () => {
    expect(timelinessStart({ formedAt: '2025-09-01', changedAt: '2025-09-26' })).toBe('2025-09-26');
    expect(t({ formedAt: '2025-09-01', changedAt: '2025-09-26', publishedDate: '2025-10-27' })).toEqual({ timelinessDays: 17, timelinessMet: true });
    // Without the change date the same item is late: 9/2–9/5 4, 9/8–9/12 9, 9/15–9/19 14, 9/22–9/26 19, then 17 more = 36.
    expect(t({ formedAt: '2025-09-01', publishedDate: '2025-10-27' })).toEqual({ timelinessDays: 36, timelinessMet: false });
  });

  it('reads the publication instant in the site time zone', () => {
    // 2025-10-26 16:30 UTC is 10-27 00:30 in Beijing: 17. 10-27 16:30 UTC is 10-28 00:30: 18.
    expect(t({ formedAt: '2025-09-26', publishedDate: '2025-10-26T16:30:00.000Z' }).timelinessDays).toBe(17);
    expect(t({ formedAt: '2025-09-26', publishedDate: new Date('2025-10-27T16:30:00Z') }).timelinessDays).toBe(18);
    expect(t({ formedAt: '2025-09-26', publishedDate: Date.parse('2025-10-27T02:00:00Z') }).timelinessDays).toBe(17);
  });

  it('is nothing for an item that is not proactive, not published or has no date; 0 when published before it was formed', () => {
    const none = { timelinessDays: null, timelinessMet: null };
    expect(computeTimeliness({ disclosure: 'on_request', formedAt: '2025-09-26', publishedDate: '2025-10-27' }, calendar)).toEqual(none);
    expect(computeTimeliness({ disclosure: 'withheld', formedAt: '2025-09-26', publishedDate: '2025-10-27' }, calendar)).toEqual(none);
    expect(t({ formedAt: '2025-09-26', publishedDate: null })).toEqual(none);
    expect(t({ formedAt: null, publishedDate: '2025-10-27' })).toEqual(none);
    expect(t({ formedAt: '2025-10-27', publishedDate: '2025-10-20' })).toEqual({ timelinessDays: 0, timelinessMet: true });
  });

  it('follows the office calendar overrides', () => {
    // The office declares Fri 10/10 a day off (e.g. a local holiday): 16, and 10/31 is now 20.
    const local = createCalendar({ overrides: new Map([['2025-10-10', false]]) });
    expect(computeTimeliness({ disclosure: 'proactive', formedAt: '2025-09-26', publishedDate: '2025-10-27' }, local)).toEqual({ timelinessDays: 16, timelinessMet: true });
    expect(computeTimeliness({ disclosure: 'proactive', formedAt: '2025-09-26', publishedDate: '2025-10-31' }, local)).toEqual({ timelinessDays: 20, timelinessMet: true });
  });
});

describe('timeliness summary', () => {
  const a = { documentId: 'aaa', name: '财政局' };
  const b = { documentId: 'bbb', name: '教育局' };
  const row = (department, publishedDate, days) => ({ department, publishedDate, timelinessDays: days, timelinessMet: days <= 20 });

  it('sums per department for the year of first publication (site time zone), with the median', () => {
    const rows = [
      row(a, '2025-03-01T02:00:00Z', 5),
      row(a, '2025-04-01T02:00:00Z', 25),
      row(a, '2025-05-01T02:00:00Z', 12),
      row(b, '2025-06-01T02:00:00Z', 2),
      row(b, '2025-07-01T02:00:00Z', 30),
      row(b, '2024-12-31T17:00:00Z', 40), // 2025-01-01 01:00 in Beijing: counts for 2025
      row(b, '2025-12-31T17:00:00Z', 1), // 2026-01-01 in Beijing: not 2025
      { department: b, publishedDate: '2025-08-01T02:00:00Z', timelinessDays: null, timelinessMet: null },
    ];
    const summary = summariseTimeliness(rows, 2025, 'Asia/Shanghai');
    expect(summary.departments).toEqual([
      { department: a, published: 3, within: 2, late: 1, medianDays: 12 },
      { department: b, published: 3, within: 1, late: 2, medianDays: 30 },
    ]);
    expect(summary.total).toEqual({ department: null, published: 6, within: 3, late: 3, medianDays: 18.5 });
  });

  it('median of nothing is null; of an even count the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
