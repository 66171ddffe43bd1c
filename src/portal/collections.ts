// The portal's 公开指南, 办事指南 and 公开年报 pages and the 依申请公开 page: small collections, read
// from the public API and rendered whole by every build (full or incremental).
import { renderReportBody, renderReportHtml, reportTitle } from '../domain/annual-report';
import type { PublicApi } from './public-api';
import { groupBy } from './site';

export interface PageWriter {
  write(file: string, content: string): Promise<void>;
  render(template: string, context: object): string;
  /** Copies a CMS-stored file into the portal, pointing `file.url` at the copy. */
  publishFile(file: { url: string | null }, owner: string): Promise<string | null>;
}

export async function writeCollections(api: PublicApi, { write, render, publishFile }: PageWriter): Promise<void> {
  const [guides, procedures, reports] = await Promise.all([
    api.collection('disclosure-guides', 'populate[department][fields][0]=name&sort=title'),
    api.collection('handling-procedures', 'populate[0]=department&populate[1]=materials&populate[2]=steps&populate[3]=faq&populate[4]=applicationForm&sort=code'),
    api.collection('annual-reports', 'populate[department][fields][0]=name&sort=year:desc'),
  ]);
  const guideCrumbs = [{ href: '/xxgk/gkzn/', name: '公开指南' }];
  await write('xxgk/gkzn/index.html', render('guides.njk', { guides }));
  for (const guide of guides) await write(`xxgk/gkzn/${guide.documentId}.html`, render('guide.njk', { guide, crumbs: guideCrumbs }));
  await write('xxgk/ysqgk/index.html', render('ysqgk.njk', { guides }));
  await write('xxgk/bszn/index.html', render('procedures.njk', { procedures }));
  for (const p of procedures) {
    for (const file of p.applicationForm ?? []) await publishFile(file, p.name);
    await write(`xxgk/bszn/${p.documentId}.html`, render('procedure.njk', { p, crumbs: [{ href: '/xxgk/bszn/', name: '办事指南' }] }));
  }
  const reportYears = [...groupBy(reports, (r: any) => String(r.year ?? ''))].map(([year, rows]) => ({ year, reports: rows }));
  await write('xxgk/ndbg/index.html', render('reports.njk', { years: reportYears }));
  for (const report of reports) {
    const view = { ...report, departmentName: report.department?.name ?? null };
    const body = renderReportBody(view);
    await write(`xxgk/ndbg/${report.documentId}.html`, render('report.njk', { title: reportTitle(view), body, documentId: report.documentId, crumbs: [{ href: '/xxgk/ndbg/', name: '公开年报' }] }));
    await write(`xxgk/ndbg/${report.documentId}.print.html`, renderReportHtml(view));
  }
}
