// Public reading of published annual reports: the core find/findOne (drafts are filtered by the
// public-visibility middleware) plus a printable HTML page and a CSV of the tables.
import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ANNUAL_REPORT } from '../../../constants';
import { renderReportCsv, renderReportHtml, type ReportView } from '../../../domain/annual-report';

const NOT_FOUND = '未找到已发布的年度报告 / no published annual report with this id';

const NUMERIC_TYPES = new Set(['integer', 'biginteger', 'float', 'decimal']);
/** The operators Strapi casts to the attribute's type (a bad number there is a 500 from Strapi). */
const NUMBER_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$not']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays into objects with numeric keys: both are lists. */
const listOf = (v: unknown): unknown[] | null => (Array.isArray(v) ? v : isObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => /^\d+$/.test(k)) ? Object.values(v) : null);
const isNumber = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** Where a condition on a number attribute is not a number (or uses a text operator), if anywhere. */
function badNumberCondition(value: unknown, path: string[]): string[] | null {
  const list = listOf(value);
  if (list) return list.every(isNumber) ? null : path;
  if (!isObject(value)) return isNumber(value) ? null : path;
  for (const [operator, operand] of Object.entries(value)) {
    if (PRESENCE_OPERATORS.has(operator)) continue;
    if (!NUMBER_OPERATORS.has(operator)) return [...path, operator];
    const bad = badNumberCondition(operand, [...path, operator]);
    if (bad) return bad;
  }
  return null;
}

/**
 * Strapi's query layer answers a non-numeric value for a number attribute, or a text operator on
 * it, with a 500; JSON attributes cannot be compared meaningfully at all. This finds such a
 * condition in a filters tree (following $and/$or/$not and relations) so it becomes a 400.
 */
function badFilter(strapi: Core.Strapi, uid: string, filters: unknown, path: string[], depth = 0): string[] | null {
  if (!isObject(filters) || depth > 10) return null;
  const model: any = strapi.getModel(uid as any);
  for (const [key, value] of Object.entries(filters)) {
    const here = [...path, key];
    let bad: string[] | null = null;
    if (key === '$and' || key === '$or') {
      for (const [i, entry] of (listOf(value) ?? []).entries()) if ((bad = badFilter(strapi, uid, entry, [...here, String(i)], depth + 1))) break;
    } else if (key === '$not') {
      bad = badFilter(strapi, uid, value, here, depth + 1);
    } else {
      const attribute = key === 'id' ? { type: 'integer' } : model?.attributes?.[key];
      if (!attribute) continue;
      if (NUMERIC_TYPES.has(attribute.type)) bad = badNumberCondition(value, here);
      else if (attribute.type === 'json') bad = isObject(value) && Object.keys(value).every((k) => PRESENCE_OPERATORS.has(k)) ? null : here;
      else if (attribute.type === 'relation' && attribute.target) bad = badFilter(strapi, attribute.target, value, here, depth + 1);
      else if (attribute.type === 'component') bad = badFilter(strapi, attribute.component, value, here, depth + 1);
    }
    if (bad) return bad;
  }
  return null;
}

export default factories.createCoreController(ANNUAL_REPORT as any, ({ strapi }: { strapi: Core.Strapi }) => {
  function checkFilters(ctx: any) {
    const bad = badFilter(strapi, ANNUAL_REPORT, ctx.query?.filters, ['filters']);
    if (bad) {
      const message = `查询条件的值无效 / invalid filter value at ${bad.join('.')}`;
      throw new errors.ValidationError(message, { errors: [{ path: bad, message, name: 'ValidationError' }] });
    }
  }

  /** The published version only, whoever asks: exports are for the public. */
  async function published(id: unknown): Promise<ReportView | null> {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    const report: any = await strapi.documents(ANNUAL_REPORT as any).findOne({
      documentId: id,
      status: 'published',
      populate: { department: { fields: ['name'] } },
    } as any);
    if (!report) return null;
    return { ...report, departmentName: report.department?.name ?? null };
  }

  return {
    async find(ctx) {
      checkFilters(ctx);
      return super.find(ctx);
    },

    async findOne(ctx) {
      checkFilters(ctx);
      return super.findOne(ctx);
    },

    async print(ctx) {
      const report = await published(ctx.params.id);
      if (!report) return ctx.notFound(NOT_FOUND);
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = renderReportHtml(report);
    },

    async exportCsv(ctx) {
      const report = await published(ctx.params.id);
      if (!report) return ctx.notFound(NOT_FOUND);
      ctx.set('Content-Disposition', `attachment; filename="annual-report-${Number(report.year) || 'unknown'}-${ctx.params.id}.csv"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = renderReportCsv(report);
    },
  };
});
