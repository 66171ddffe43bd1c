// Public reading of published annual reports: the core find/findOne (drafts are filtered by the
// public-visibility middleware) plus a printable HTML page and a CSV of the tables.
import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT } from '../../../constants';
import { renderReportCsv, renderReportHtml, type ReportView } from '../../../domain/annual-report';

const NOT_FOUND = '未找到已发布的年度报告 / no published annual report with this id';

export default factories.createCoreController(ANNUAL_REPORT as any, ({ strapi }: { strapi: Core.Strapi }) => {
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
