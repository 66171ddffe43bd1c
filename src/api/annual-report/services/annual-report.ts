// 年度报告: tables 二, 三 and 四 and the fee total computed by aggregate queries (counts and sums
// only, never the cases themselves), for the whole government or one department with its
// sub-departments; and the check that a report may go to review. Table and column names come from
// Strapi's metadata, so the same code runs on SQLite and PostgreSQL.
import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ANNUAL_REPORT, DEPARTMENT, ITEM, REQUEST, REVIEW_CASE } from '../../../constants';
import { descendantsOf } from '../../../domain/catalogue-query';
import { wherePublicItem } from '../../../domain/public-item';
import { TABLE2_GENRES, build, checkYear, yearBounds, type BuiltReport } from '../../../domain/annual-report';
import { ENTERED_CELLS, missingEntries, type EnteredValues } from '../../../domain/annual-report-entries';

export interface BuildInput {
  year: number;
  /** documentId (or code) of a department; its sub-departments are included. Absent: everything. */
  department?: string | null;
  /** Table 二 cells the office entered (kept in the generated table 二). */
  entered?: EnteredValues;
}

export interface BuiltTables extends BuiltReport {
  year: number;
  department: string | null;
}

function fieldError(path: string, zh: string, en: string) {
  const message = `${zh} / ${en}`;
  return new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError', zh, en }] });
}

export default factories.createCoreService(ANNUAL_REPORT as any, ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string): any => strapi.db.metadata.get(uid);
  const column = (uid: string, attribute: string): string => model(uid).attributes[attribute]?.columnName ?? attribute;
  /** The join table Strapi 5 keeps for a to-one relation: { name, joinColumn, inverseJoinColumn }. */
  const joinTable = (uid: string, attribute: string) => {
    const jt = model(uid).attributes[attribute]?.joinTable;
    if (!jt) throw new Error(`${uid}.${attribute} has no join table`);
    return { name: jt.name as string, owner: jt.joinColumn.name as string, target: jt.inverseJoinColumn.name as string };
  };
  const qualified = (table: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? `${schema}.${table}` : table;
  };

  /** Runs on the caller's transaction when there is one (SQLite has a single connection). */
  async function withKnex<T>(work: (knex: any) => Promise<T>): Promise<T> {
    if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }) => work(trx));
    return work(strapi.db.connection);
  }

  /** Department ids of the sub-tree rooted at the department named by documentId or code. */
  async function departmentTree(key: string): Promise<{ documentId: string; ids: number[] }> {
    const nodes = await strapi.db.query(DEPARTMENT).findMany({ select: ['id', 'documentId', 'code'], populate: { parent: { select: ['id'] } } });
    const root = nodes.find((n: any) => n.documentId === key) ?? nodes.find((n: any) => n.code === key);
    if (!root) throw fieldError('department', '部门不存在', 'department not found');
    return { documentId: root.documentId, ids: descendantsOf([root.id], nodes.map((n: any) => ({ id: n.id, parentId: n.parent?.id ?? null }))) };
  }

  /** Table 三: one pass over the cases, grouped by applicant type × disposition. */
  function table3Query(knex: any, year: number, departments: number[] | null) {
    const { start, next } = yearBounds(year);
    const received = `r.${column(REQUEST, 'receivedAt')}`;
    const closed = `r.${column(REQUEST, 'closedAt')}`;
    const disposition = `r.${column(REQUEST, 'disposition')}`;
    const applicantType = `r.${column(REQUEST, 'applicantType')}`;
    const query = knex
      .from({ r: qualified(model(REQUEST).tableName) })
      .select({ applicantType, disposition })
      .select(knex.raw('SUM(CASE WHEN ?? >= ? AND ?? < ? THEN 1 ELSE 0 END) AS ??', [received, start, received, next, 'received']))
      .select(knex.raw('SUM(CASE WHEN ?? < ? AND (?? IS NULL OR ?? >= ?) THEN 1 ELSE 0 END) AS ??', [received, start, closed, closed, start, 'carriedOver']))
      .select(knex.raw('SUM(CASE WHEN ?? >= ? AND ?? < ? AND ?? IS NOT NULL THEN 1 ELSE 0 END) AS ??', [closed, start, closed, next, disposition, 'processed']))
      .select(knex.raw('SUM(CASE WHEN ?? IS NULL OR ?? >= ? THEN 1 ELSE 0 END) AS ??', [closed, closed, next, 'carriedForward']))
      // Only cases open at some point of the year can count: received by its end, not closed before it.
      .where(received, '<', next)
      .andWhere((q: any) => q.whereNull(closed).orWhere(closed, '>=', start))
      .groupBy(applicantType, disposition);
    if (departments) {
      const link = joinTable(REQUEST, 'department');
      query.join({ rd: qualified(link.name) }, `rd.${link.owner}`, 'r.id').whereIn(`rd.${link.target}`, departments);
    }
    return query;
  }

  /** Table 二: published, proactive, non-classified 规章 and 行政规范性文件. */
  function table2Query(knex: any, year: number, departments: number[] | null) {
    const { start, next } = yearBounds(year);
    const c = (attribute: string) => `i.${column(ITEM, attribute)}`;
    const [formed, changed, validity, doc] = [c('formedAt'), c('validityChangedAt'), c('validity'), c('documentId')];
    const query = knex
      .from({ i: qualified(model(ITEM).tableName) })
      .select({ genre: c('genre') })
      .select(knex.raw('COUNT(DISTINCT CASE WHEN ?? >= ? AND ?? < ? THEN ?? END) AS ??', [formed, start, formed, next, doc, 'issued']))
      .select(knex.raw("COUNT(DISTINCT CASE WHEN ?? = 'repealed' AND ?? >= ? AND ?? < ? THEN ?? END) AS ??", [validity, changed, start, changed, next, doc, 'repealed']))
      // In force on 31 December: valid now, or expired/repealed only after that year.
      .select(
        knex.raw("COUNT(DISTINCT CASE WHEN ?? < ? AND (?? = 'valid' OR (?? IN ('expired', 'repealed') AND ?? >= ?)) THEN ?? END) AS ??", [
          formed, next, validity, validity, changed, next, doc, 'inForce',
        ]),
      )
      .whereNotNull(c('publishedAt'))
      .whereIn(c('genre'), [...TABLE2_GENRES])
      .modify((q: any) => wherePublicItem(q, c))
      .groupBy(c('genre'));
    if (departments) {
      const link = joinTable(ITEM, 'department');
      query.join({ idl: qualified(link.name) }, `idl.${link.owner}`, 'i.id').whereIn(`idl.${link.target}`, departments);
    }
    return query;
  }

  /** 信息处理费: SUM(fee) of the requests whose fee was paid in the year (the amount paid). */
  function feeQuery(knex: any, year: number, departments: number[] | null) {
    const { start, next } = yearBounds(year);
    const paid = `r.${column(REQUEST, 'feePaidAt')}`;
    const fee = `r.${column(REQUEST, 'fee')}`;
    const query = knex
      .from({ r: qualified(model(REQUEST).tableName) })
      .select(knex.raw('SUM(??) AS ??', [fee, 'amount']))
      .select(knex.raw('COUNT(*) AS ??', ['cases']))
      .where(paid, '>=', start)
      .andWhere(paid, '<', next)
      .whereNotNull(fee);
    if (departments) {
      const link = joinTable(REQUEST, 'department');
      query.join({ rd: qualified(link.name) }, `rd.${link.owner}`, 'r.id').whereIn(`rd.${link.target}`, departments);
    }
    return query;
  }

  /**
   * Table 四: review cases filed in the year by kind × outcome, with how many were decided only
   * after the year (still 尚未审结 on 31 December). A case counts for the department it names, or,
   * when it names none, for the department of its request.
   */
  function table4Query(knex: any, year: number, departments: number[] | null) {
    const { start, next } = yearBounds(year);
    const filed = `c.${column(REVIEW_CASE, 'filedAt')}`;
    const decided = `c.${column(REVIEW_CASE, 'decidedAt')}`;
    const query = knex
      .from({ c: qualified(model(REVIEW_CASE).tableName) })
      .select({ kind: `c.${column(REVIEW_CASE, 'kind')}`, outcome: `c.${column(REVIEW_CASE, 'outcome')}` })
      .count({ count: '*' })
      .select(knex.raw('SUM(CASE WHEN ?? >= ? THEN 1 ELSE 0 END) AS ??', [decided, next, 'decidedLater']))
      .where(filed, '>=', start)
      .andWhere(filed, '<', next)
      .groupBy(`c.${column(REVIEW_CASE, 'kind')}`, `c.${column(REVIEW_CASE, 'outcome')}`);
    if (departments) {
      const own = joinTable(REVIEW_CASE, 'department');
      const request = joinTable(REVIEW_CASE, 'request');
      const requestDepartment = joinTable(REQUEST, 'department');
      query
        .leftJoin({ cd: qualified(own.name) }, `cd.${own.owner}`, 'c.id')
        .leftJoin({ cr: qualified(request.name) }, `cr.${request.owner}`, 'c.id')
        .leftJoin({ crd: qualified(requestDepartment.name) }, `crd.${requestDepartment.owner}`, `cr.${request.target}`)
        .whereIn(knex.raw('COALESCE(??, ??)', [`cd.${own.target}`, `crd.${requestDepartment.target}`]), departments);
    }
    return query;
  }

  return {
    /**
     * Refuses (400, each empty cell named) to send a report's draft to review while a table 二 cell
     * the office enters is empty. Called before the workflow's submit (src/extensions).
     */
    async assertReadyForReview(documentId: string): Promise<void> {
      const draft = await strapi.db.query(ANNUAL_REPORT).findOne({
        where: { documentId, publishedAt: null },
        select: ENTERED_CELLS.flatMap((c) => [c.value, c.source]),
      });
      if (!draft) return; // the workflow answers "not found" itself
      const missing = missingEntries(draft);
      if (!missing.length) return;
      const zh = `年度报告有未填写的单元格，不能提交审核：${missing.map((m) => m.zh).join('；')}`;
      const en = `The annual report cannot be submitted for review while cells are empty: ${missing.map((m) => m.en).join('; ')}`;
      throw new errors.ValidationError(`${zh} / ${en}`, {
        code: 'REPORT_INCOMPLETE',
        zh,
        en,
        errors: missing.map((m) => ({ path: [m.path], message: m.message, name: 'ValidationError', zh: m.zh, en: m.en })),
      });
    },

    /**
     * Tables 二, 三 and 四 of `year` for `department` (with its sub-departments) or everything, table
     * 三's checks and the 信息处理费 total.
     */
    async build({ year, department, entered }: BuildInput): Promise<BuiltTables> {
      const problem = checkYear(year);
      if (problem) throw fieldError('year', problem.zh, problem.en);
      if (department !== undefined && department !== null && (typeof department !== 'string' || !department || department.length > 100)) {
        throw fieldError('department', '部门参数无效', 'department must be a documentId');
      }
      return withKnex(async (knex) => {
        const tree = department ? await departmentTree(department) : null;
        const departments = tree ? tree.ids : null;
        const [t2, t3, t4, fees] = await Promise.all([
          table2Query(knex, year, departments),
          table3Query(knex, year, departments),
          table4Query(knex, year, departments),
          feeQuery(knex, year, departments),
        ]);
        return { year, department: tree ? tree.documentId : null, ...build({ table2: t2, table3: t3, table4: t4, fees: fees[0] }, entered) };
      });
    },
  };
});
