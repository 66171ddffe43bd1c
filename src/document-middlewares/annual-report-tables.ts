// 年度报告: tables 二, 三 and 四 are generated, never typed. Every create or update of a report's
// draft recomputes them from the data with build() and overwrites whatever the caller sent — also
// with status 'published', where the publish gate then refuses unless the recomputed draft is the
// one signed off. The publish action itself copies the reviewed draft as it is. Table 二's entered
// cells live in their own attributes and are put back into every regenerated table 二; the fee
// total of section 六 is computed too; an empty section 一 gets the 2021 format's sub-headings.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, DEPARTMENT } from '../constants';
import { checkYear } from '../domain/annual-report';
import { ENTERED_CELLS, enteredValues, isBlankText, overviewSkeleton } from '../domain/annual-report-entries';
import { toOneRelation } from '../domain/relation-ref';
import { fieldValidationError } from './validation-error';

type Ctx = { uid: string; action: string; params: any };

const problem = (path: string, zh: string, en: string) => fieldValidationError([{ path, message: `${zh} / ${en}`, zh, en }]);

/** Digit strings (form posts) count as integers; anything else is left for checkYear to refuse. */
const asYear = (value: unknown) => (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value);

export function annualReportTables(strapi: Core.Strapi) {
  /** The department a write leaves on the report ({ documentId, kind }), or null for the whole government. */
  async function departmentOf(value: unknown, current: any): Promise<{ documentId: string; kind: string | null } | null> {
    const relation = toOneRelation(value);
    if (relation.kind === 'unchanged') return current?.department ?? null;
    if (relation.kind === 'cleared') return null;
    const ref: any = relation.kind === 'set' ? relation.ref : null;
    // Ids beyond a database integer would be a driver error (500) on PostgreSQL, not "not found".
    if (ref && (ref.id === undefined || (ref.id >= 1 && ref.id <= 2147483647)) && (ref.documentId === undefined || ref.documentId.length <= 64)) {
      const found = await strapi.db.query(DEPARTMENT).findOne({ where: ref, select: ['documentId', 'kind'] });
      if (found) return found;
    }
    throw problem('department', '部门不存在', 'department not found');
  }

  async function fill(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    let current: any = null;
    if (ctx.action === 'update') {
      current = await strapi.db.query(ANNUAL_REPORT).findOne({
        where: { documentId: ctx.params.documentId, publishedAt: null },
        select: ['id', 'year', 'overview', ...ENTERED_CELLS.map((c) => c.value)],
        populate: { department: { select: ['documentId', 'kind'] } },
      });
      if (!current) return next();
    }
    const year = asYear(data.year !== undefined ? data.year : current?.year);
    const wrong = checkYear(year);
    if (wrong) throw problem('year', wrong.zh, wrong.en);
    if (data.year !== undefined) data.year = year;
    const department = await departmentOf(data.department, current);
    // What the report will hold after this write: the posted value where given, else the stored one.
    const entered = enteredValues(Object.fromEntries(ENTERED_CELLS.map((c) => [c.value, data[c.value] !== undefined ? data[c.value] : current?.[c.value]])));
    const built = await strapi.service(ANNUAL_REPORT as any).build({ year, department: department?.documentId ?? null, entered });
    data.table2 = built.table2;
    data.table3 = built.table3;
    data.table4 = built.table4;
    data.feesCharged = built.fees.amount;
    data.feesChargedCases = built.fees.cases;
    if (isBlankText(data.overview !== undefined ? data.overview : current?.overview)) data.overview = overviewSkeleton(department?.kind === 'government');
    ctx.params.data = data;
    return next();
  }

  return async (ctx: Ctx, next: () => Promise<any>) => {
    if (ctx.uid !== ANNUAL_REPORT || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    return fill(ctx, next);
  };
}
