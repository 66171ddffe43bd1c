// Open-data export rows: the catalogue's public columns with Chinese headers for spreadsheets.
import { GENRE_CODE_LABELS, VALIDITY_CODE_LABELS } from './code-labels';

const zh = (labels: Record<string, { zh: string }>) => Object.fromEntries(Object.entries(labels).map(([code, l]) => [code, l.zh]));
export const GENRE_LABELS: Record<string, string> = zh(GENRE_CODE_LABELS);
export const VALIDITY_LABELS: Record<string, string> = zh(VALIDITY_CODE_LABELS);

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
