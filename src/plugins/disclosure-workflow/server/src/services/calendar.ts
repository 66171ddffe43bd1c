// Working days for statutory deadlines: the dataset plus the overrides administrators keep in
// the database (read on every call, so every instance agrees at once).
import type { Core } from '@strapi/strapi';
import { createCalendar, toDay, type DateInput } from '../domain/calendar';

const OVERRIDE = 'plugin::disclosure-workflow.calendar-override';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function calendar() {
    const rows = await strapi.db.query(OVERRIDE).findMany({ select: ['date', 'working'], limit: 10000 });
    return createCalendar({ overrides: new Map(rows.map((r: any) => [toDay(String(r.date).slice(0, 10)), Boolean(r.working)])) });
  }

  return {
    /** The calendar as it stands now, for computing many dates without re-reading overrides. */
    snapshot: calendar,
    async isWorkingDay(date: DateInput): Promise<boolean> {
      return (await calendar()).isWorkingDay(date);
    },
    async addWorkingDays(date: DateInput, n: number): Promise<string> {
      return (await calendar()).addWorkingDays(date, n);
    },
    async workingDaysBetween(from: DateInput, to: DateInput): Promise<number> {
      return (await calendar()).workingDaysBetween(from, to);
    },
    /** A due date with whether it rests on a year whose holidays are not published yet. */
    async dueDate(date: DateInput, n: number): Promise<{ dueAt: string; provisional: boolean }> {
      const cal = await calendar();
      const dueAt = cal.addWorkingDays(date, n);
      // The dataset covers whole years up to its latest, so checking both ends is enough.
      return { dueAt, provisional: cal.isProvisional(date) || cal.isProvisional(dueAt) };
    },
  };
};
