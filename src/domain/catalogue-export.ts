// Open-data export rows: the catalogue's public columns with Chinese headers for spreadsheets, dates
// as people in the site's time zone read them (YYYY-MM-DD, times YYYY-MM-DD HH:mm), never UTC stamps.
import { GENRE_CODE_LABELS, VALIDITY_CODE_LABELS } from './code-labels';
import { DEFAULT_TIME_ZONE, localDateTime, toDateString } from './local-date';

const zh = (labels: Record<string, { zh: string }>) => Object.fromEntries(Object.entries(labels).map(([code, l]) => [code, l.zh]));
export const GENRE_LABELS: Record<string, string> = zh(GENRE_CODE_LABELS);
export const VALIDITY_LABELS: Record<string, string> = zh(VALIDITY_CODE_LABELS);

/** Calendar-day attributes and date-time attributes of an exported item. */
export const EXPORT_DATE_FIELDS = ['formedAt', 'validityChangedAt', 'effectiveAt', 'repealAt'] as const;
export const EXPORT_TIME_FIELDS = ['publishedDate'] as const;

/** The item with its dates in the site's time zone: the JSON export's row, and what the CSV reads. */
export function openDataRow<T extends Record<string, any>>(item: T, timeZone = DEFAULT_TIME_ZONE): T {
  const row: Record<string, any> = { ...item };
  for (const field of EXPORT_DATE_FIELDS) if (field in row) row[field] = toDateString(typeof row[field] === 'number' ? new Date(row[field]) : row[field], timeZone);
  for (const field of EXPORT_TIME_FIELDS) if (field in row) row[field] = localDateTime(row[field], timeZone);
  return row as T;
}

export const CSV_COLUMNS: Array<[header: string, value: (item: any) => unknown]> = [
  ['索引号', (i) => i.indexNumber],
  ['名称', (i) => i.title],
  ['文号', (i) => i.documentNumber],
  ['发布机构', (i) => i.department?.name],
  ['机构代码', (i) => i.department?.code],
  ['成文日期', (i) => i.formedAt],
  ['发布日期', (i) => i.publishedDate],
  ['主题分类', (i) => i.category?.name],
  ['体裁', (i) => GENRE_LABELS[i.genre] ?? i.genre],
  ['关键词', (i) => i.keywords],
  ['内容概述', (i) => i.summary],
  ['有效性', (i) => VALIDITY_LABELS[i.validity] ?? i.validity],
  ['实施日期', (i) => i.effectiveAt],
  ['废止日期', (i) => i.repealAt],
  ['文档编号', (i) => i.documentId],
];

/** One CSV record of an item already passed through `openDataRow`. */
export function toCsvRecord(item: any): unknown[] {
  return CSV_COLUMNS.map(([, value]) => value(item) ?? '');
}
