const { createCalendar, statutoryHolidays, toDay, DATASET_YEARS } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const cal = createCalendar();

describe('working-day calendar', () => {
  it('knows 国庆 2025 and its 调休 days', () => {
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday, made up
    for (let d = 1; d <= 8; d++) expect(cal.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday, made up
    expect(cal.addWorkingDays('2025-09-26', 3)).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('counts 20 working days across 春节 2026', () => {
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, made up
    expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Saturday, made up
    // 2/6 … 2/14 (7 days), 2/24 … 2/28 (5), 3/2 … 3/6 (5), 3/9 … 3/11 (3)
    expect(cal.addWorkingDays('2026-02-05', 20)).toBe('2026-03-11');
    expect(cal.workingDaysBetween('2026-02-05', '2026-03-11')).toBe(20);
    expect(cal.workingDaysBetween('2026-03-11', '2026-02-05')).toBe(-20);
  });

  it('does not count the starting day, and Date inputs are read in Asia/Shanghai', () => {
    expect(cal.addWorkingDays('2025-11-03', 0)).toBe('2025-11-03');
    expect(cal.addWorkingDays('2025-11-03', 1)).toBe('2025-11-04');
    expect(toDay(new Date('2025-11-02T16:30:00Z'))).toBe('2025-11-03'); // 00:30 in Beijing
    expect(cal.addWorkingDays(new Date('2025-11-07T17:00:00Z'), 1)).toBe('2025-11-10'); // Saturday in Beijing
  });

  it('falls back to the statutory holidays for a year the dataset lacks, never working on 1 January', () => {
    const lastYear = Math.max(...DATASET_YEARS);
    const next = lastYear + 1;
    expect(cal.isWorkingDay(`${next}-01-01`)).toBe(false);
    expect(cal.isProvisional(`${next}-03-01`)).toBe(true);
    expect(cal.isProvisional(`${lastYear}-03-01`)).toBe(false);
    const fallback = [...statutoryHolidays(2027)];
    expect(fallback).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']);
    const only2026 = createCalendar({ coveredYears: new Set([2026]) });
    expect(only2026.isWorkingDay('2027-02-05')).toBe(false); // 除夕, a Friday
    expect(only2026.isWorkingDay('2027-02-09')).toBe(true); // 初四, a Tuesday
    expect(only2026.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04'); // 1 Jan holiday, then the weekend
  });

  it('applies local overrides first', () => {
    const local = createCalendar({ overrides: new Map([['2025-12-31', false], ['2026-01-04', true]]) });
    expect(local.isWorkingDay('2025-12-31')).toBe(false);
    expect(local.addWorkingDays('2025-12-30', 1)).toBe('2026-01-04');
  });

  it('refuses dates that do not exist and silly counts', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-01-01', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});
