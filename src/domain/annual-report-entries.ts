// 年度报告: what the office writes itself. Table 二's 行政许可 / 行政处罚 / 行政强制 decisions and the
// 行政事业性收费 amount come from other systems (each with its source noted), so they are entered
// and must all be filled before the report goes to review; section 一 starts from the sub-headings
// the 2021 format asks for. Pure: no Strapi.
import type { FieldError } from './disclosure-rules';

/** Table 二 cells entered by the office: the report attribute holding the value, and its source. */
export const ENTERED_CELLS = [
  { row: 'administrativeLicensing', value: 'licensingDecisions', source: 'licensingSource', zh: '行政许可 本年处理决定数量', en: 'administrative licensing: decisions this year' },
  { row: 'administrativePunishment', value: 'punishmentDecisions', source: 'punishmentSource', zh: '行政处罚 本年处理决定数量', en: 'administrative punishment: decisions this year' },
  { row: 'administrativeCoercion', value: 'coercionDecisions', source: 'coercionSource', zh: '行政强制 本年处理决定数量', en: 'administrative coercion: decisions this year' },
  { row: 'administrativeFees', value: 'administrativeFeesAmount', source: 'administrativeFeesSource', zh: '行政事业性收费 本年收费金额（万元）', en: 'administrative fees collected this year (10,000 yuan)' },
] as const;

export type EnteredRow = (typeof ENTERED_CELLS)[number]['row'];
export type EnteredValues = Partial<Record<EnteredRow, number | null>>;

/** A stored or posted number (PostgreSQL returns decimals as strings); anything else is empty. */
export function enteredNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The entered values of a report (its attributes), keyed by table 二 row. */
export function enteredValues(report: Record<string, unknown>): EnteredValues {
  return Object.fromEntries(ENTERED_CELLS.map((c) => [c.row, enteredNumber(report[c.value])]));
}

/** Each empty entered cell (value or source) as a field error. Zero is a value; null is not. */
export function missingEntries(report: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const cell of ENTERED_CELLS) {
    if (enteredNumber(report[cell.value]) === null) {
      const zh = `表二“${cell.zh}”未填写`;
      const en = `table 2 "${cell.en}" is empty`;
      problems.push({ path: cell.value, message: `${zh} / ${en}`, zh, en });
    }
    const source = report[cell.source];
    if (typeof source !== 'string' || !source.trim()) {
      const zh = `表二“${cell.zh}”未注明数据来源`;
      const en = `table 2 "${cell.en}": the source is empty`;
      problems.push({ path: cell.source, message: `${zh} / ${en}`, zh, en });
    }
  }
  return problems;
}

/** 一、总体情况: the sub-headings of 国办公开办函〔2021〕30号. */
const OVERVIEW_HEADINGS = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'];
/** 条例第五十条第（四）项: a government's report also covers these results. */
export const GOVERNMENT_BLOCK = '（六）工作考核、社会评议和责任追究结果情况';

/** The prefilled text of section 一 (Markdown paragraphs); a government's adds the §50(4) block. */
export function overviewSkeleton(government: boolean): string {
  return [...OVERVIEW_HEADINGS, ...(government ? [GOVERNMENT_BLOCK] : [])].join('\n\n');
}

export const isBlankText = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';
