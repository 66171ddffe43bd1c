// Historical cases imported with their outcome (scripts/import-requests.js): all checked first,
// then written in one transaction, so a bad file leaves nothing behind.
import type { Core } from '@strapi/strapi';
import { REQUEST } from '../../../constants';
import { checkImport, type ImportProblem } from '../../../domain/request-import';
import { localDate } from '../../../domain/local-date';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async import(records: unknown[], { dryRun = false, progress = (_done: number, _total: number) => {} } = {}): Promise<{ imported: number; problems: ImportProblem[] }> {
    const { values, problems } = checkImport(records, localDate(new Date(), strapi.config.get('disclosure.timeZone')));
    const codes = [...new Set(values.map((v) => v.department).filter(Boolean))] as string[];
    const departments = await strapi.db.query('api::department.department').findMany({ where: { code: { $in: codes } }, select: ['id', 'code'] });
    const byCode = new Map(departments.map((d: any) => [d.code, d.id]));
    values.forEach((v, i) => v.department && !byCode.has(v.department) && problems.push({ row: i + 1, field: 'department', message: `unknown department code ${v.department}` }));
    if (problems.length || dryRun) return { imported: 0, problems };
    await strapi.db.transaction(async () => {
      for (const [index, { department, fee, ...fields }] of values.entries()) {
        // Through the Document Service, so the record is set up like a historical CM entry.
        // A fee in the old records was paid by the time the case closed (section 六 sums payments by year).
        const paid = fee === '' || fee == null ? { fee: null } : { fee, feePaidAt: fields.closedAt };
        const created = await strapi.documents(REQUEST as any).create({ data: { ...fields, ...paid } as any });
        if (department) await strapi.db.query(REQUEST).update({ where: { documentId: created.documentId }, data: { department: byCode.get(department) } });
        progress(index + 1, values.length);
      }
    });
    strapi.log.info(`[disclosure] imported ${values.length} historical requests`);
    return { imported: values.length, problems };
  },
});
