// The item's metadata block: 文号 in the GB/T 9704-2012 form (机关代字〔年份〕序号号: 六角括号,
// 序号不编虚位, 不加“第”字), 成文日期 not after 发布日期, a summary, and the 解读 of a
// 行政规范性文件 where the office requires one.
import type { Finding } from './types';

export interface ItemMetadata {
  documentNumber?: string | null;
  formedAt?: string | null;
  publishedDate?: string | null;
  summary?: string | null;
  isNormativeDocument?: boolean;
  hasInterpretation?: boolean;
  requireInterpretation?: boolean;
}

const STANDARD = /^[\u4e00-\u9fa5A-Za-z]+〔(19|20)\d{2}〕[1-9]\d*号$/;
// 机关代字, any bracket pair around the year, optional 第, the number with padding, optional 号.
const LOOSE = /^([\u4e00-\u9fa5A-Za-z]+)\s*[〔[［(（【{﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】}﹞]\s*第?\s*0*(\d+)\s*(号?)$/;

/** The standard form of a 文号, or null when it is not recognisably one. */
export function standardDocumentNumber(value: string): string | null {
  const m = LOOSE.exec(value.trim());
  return m && Number(m[3]) > 0 ? `${m[1]}〔${m[2]}〕${Number(m[3])}号` : null;
}

/** A date or date-time as the calendar day in China (UTC+8), for comparing 成文日期 and 发布日期. */
function chinaDay(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function checkMetadata(meta: ItemMetadata): Finding[] {
  const findings: Finding[] = [];
  const number = meta.documentNumber?.trim();
  if (number && !STANDARD.test(number)) {
    const standard = standardDocumentNumber(number);
    const excerpt = standard ? `${number} → ${standard}` : `${number}（应为 机关代字〔年份〕序号号）`;
    findings.push({ rule: 'meta.documentNumber', severity: 'warning', field: 'documentNumber', excerpt });
  }
  const formed = meta.formedAt && chinaDay(meta.formedAt);
  const published = meta.publishedDate && chinaDay(meta.publishedDate);
  if (formed && published && formed > published) {
    findings.push({ rule: 'meta.dates', severity: 'error', field: 'formedAt', excerpt: `成文日期 ${formed} 晚于发布日期 ${published}` });
  }
  if (!meta.summary?.trim()) findings.push({ rule: 'meta.summary', severity: 'warning', field: 'summary', excerpt: '未填写摘要' });
  if (meta.isNormativeDocument && meta.requireInterpretation && !meta.hasInterpretation) {
    findings.push({ rule: 'meta.interpretation', severity: 'error', field: 'interpretation', excerpt: '行政规范性文件未关联政策解读' });
  }
  return findings;
}
