// Open-data export rows: the catalogue's public columns with Chinese headers for spreadsheets.
export const GENRE_LABELS: Record<string, string> = {
  regulation: '规章', normativeDocument: '行政规范性文件', notice: '通知', announcement: '公告', report: '报告',
  decision: '决定', opinion: '意见', plan: '规划计划', interpretation: '政策解读', other: '其他',
};
export const VALIDITY_LABELS: Record<string, string> = { valid: '有效', expired: '失效', repealed: '废止' };

export const CSV_COLUMNS: Array<[header: string, value: (item: any) => unknown]> = [
  ['索引号', (i) => i.indexNumber],
  ['名称', (i) => i.title],
  ['文号', (i) => i.documentNumber],
  ['发布机构', (i) => i.department?.name],
  ['机构代码', (i) => i.department?.code],
  ['成文日期', (i) => i.formedAt],
  ['发布日期', (i) => (i.publishedDate ? new Date(i.publishedDate).toISOString() : '')],
  ['主题分类', (i) => i.category?.name],
  ['体裁', (i) => GENRE_LABELS[i.genre] ?? i.genre],
  ['关键词', (i) => i.keywords],
  ['内容概述', (i) => i.summary],
  ['有效性', (i) => VALIDITY_LABELS[i.validity] ?? i.validity],
  ['文档编号', (i) => i.documentId],
];

export function toCsvRecord(item: any): unknown[] {
  return CSV_COLUMNS.map(([, value]) => value(item) ?? '');
}
