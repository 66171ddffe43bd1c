const { parseInstant, offsetMinutes, formatLocal, backoffMs, startOfDay } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

describe('schedule times', () => {
  it('reads a time without offset in Asia/Shanghai, across the UTC day boundary', () => {
    expect(parseInstant('2026-01-01 00:30').toISOString()).toBe('2025-12-31T16:30:00.000Z');
    expect(parseInstant('2026-01-01T07:59:59').toISOString()).toBe('2025-12-31T23:59:59.000Z');
    expect(parseInstant('2026-01-01T08:00').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('keeps explicit offsets and UTC', () => {
    expect(parseInstant('2026-03-01T10:00:00Z').toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parseInstant('2026-03-01T10:00:00+08:00').toISOString()).toBe('2026-03-01T02:00:00.000Z');
    const now = new Date();
    expect(parseInstant(now)).toBe(now);
  });

  it('refuses what is not a date-time', () => {
    for (const bad of ['tomorrow', '2026-13-01 00:00', '', 42, null, '2026-01-01', 'x'.repeat(100), new Date('nope')]) expect(parseInstant(bad)).toBeNull();
  });

  it('uses other zones when configured', () => {
    expect(parseInstant('2026-07-01 12:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(offsetMinutes(new Date('2026-01-01T00:00:00Z'), 'Europe/Berlin')).toBe(60);
  });

  it('shows instants in the site zone', () => {
    expect(formatLocal(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01 00:30');
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(300000);
  });
});

describe('expiry day', () => {
  it('is 00:00 of the day in the site time zone (the evening before in UTC); anything else is null', () => {
    expect(startOfDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    for (const bad of [null, undefined, '', '2026-13-01', 'tomorrow', 20260101]) expect(startOfDay(bad)).toBeNull();
  });
});
