// 政府信息公开工作年度报告 (条例§50, format 国办公开办函〔2021〕30号): turning grouped counts from the
// database into tables 二, 三 and 四 with table 三's check and the fee total (build()), and rendering a report as printable HTML and as CSV. Pure:
// no Strapi, no database; the service feeds it GROUP BY rows.
import { stringify } from 'csv-stringify/sync';
import { APPLICANT_TYPES, DISPOSITIONS } from './request-codes';
import { ENTERED_CELLS, type EnteredValues } from './annual-report-entries';
import { CHECK_COLUMNS, table3Checks, type Table3Check } from './annual-report-checks';

export { table3Checks, type Table3Check };

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

// Table 三's columns are the request's applicant types and its result rows the dispositions, in
// the official order.
export { APPLICANT_TYPES, DISPOSITIONS };
export const TABLE3_COLUMNS = CHECK_COLUMNS;
export const TABLE3_ROWS = ['newReceived', 'carriedOver', ...DISPOSITIONS, 'totalProcessed', 'carriedForward'] as const;

/** Table 二: the genres counted from the catalogue, then the lines we hold no data for. */
export const TABLE2_GENRES = ['regulation', 'normativeDocument'] as const;
export const TABLE2_DECISION_ROWS = ['administrativeLicensing', 'administrativePunishment', 'administrativeCoercion'] as const;

/** Table 四 (also the review case's `kind` and `outcome`). */
export const REVIEW_KINDS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const REVIEW_OUTCOMES = ['upheld', 'corrected', 'other', 'pending'] as const;
export const TABLE4_COLUMNS = [...REVIEW_OUTCOMES, 'total'] as const;

export type Table3Column = (typeof TABLE3_COLUMNS)[number];
export type Table3RowKey = (typeof TABLE3_ROWS)[number];
export type Table3Row = Record<Table3Column, number>;
export interface Table3 {
  columns: Table3Column[];
  rows: Record<Table3RowKey, Table3Row>;
}

export interface GenreCounts {
  issued: number;
  repealed: number;
  inForce: number;
}
export interface Table2 {
  regulation: GenreCounts;
  normativeDocument: GenreCounts;
  administrativeLicensing: { decisions: number | null };
  administrativePunishment: { decisions: number | null };
  administrativeCoercion: { decisions: number | null };
  administrativeFees: { amount: number | null };
}

export type Table4Row = Record<(typeof TABLE4_COLUMNS)[number], number>;
export type Table4 = Record<(typeof REVIEW_KINDS)[number], Table4Row>;

// ---------------------------------------------------------------------------------------------
// Official labels (国办公开办函〔2021〕30号)

export const SECTION_HEADINGS = {
  overview: '一、总体情况',
  table2: '二、主动公开政府信息情况',
  table3: '三、收到和处理政府信息公开申请情况',
  table4: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;

export const APPLICANT_LABELS: Record<Table3Column, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

/** Each row of table 三: its section (first column), its group (second) and its item (third). */
export const TABLE3_LABELS: Record<Table3RowKey, { section: string; group?: string; item?: string }> = {
  newReceived: { section: '一、本年新收政府信息公开申请数量' },
  carriedOver: { section: '二、上年结转政府信息公开申请数量' },
  granted: { section: RESULTS, group: '（一）予以公开' },
  partialGrant: { section: RESULTS, group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  deniedStateSecret: { section: RESULTS, group: DENIED, item: '1.属于国家秘密' },
  deniedLawForbidden: { section: RESULTS, group: DENIED, item: '2.其他法律行政法规禁止公开' },
  deniedSafetyStability: { section: RESULTS, group: DENIED, item: '3.危及“三安全一稳定”' },
  deniedThirdPartyRights: { section: RESULTS, group: DENIED, item: '4.保护第三方合法权益' },
  deniedInternalAffairs: { section: RESULTS, group: DENIED, item: '5.属于三类内部事务信息' },
  deniedProcessInfo: { section: RESULTS, group: DENIED, item: '6.属于四类过程性信息' },
  deniedEnforcementCase: { section: RESULTS, group: DENIED, item: '7.属于行政执法案卷' },
  deniedAdminQuery: { section: RESULTS, group: DENIED, item: '8.属于行政查询事项' },
  unableNoInfo: { section: RESULTS, group: UNABLE, item: '1.本机关不掌握相关政府信息' },
  unableNeedCreation: { section: RESULTS, group: UNABLE, item: '2.没有现成信息需要另行制作' },
  unableUnclear: { section: RESULTS, group: UNABLE, item: '3.补正后申请内容仍不明确' },
  notProcessedComplaint: { section: RESULTS, group: NOT_PROCESSED, item: '1.信访举报投诉类申请' },
  notProcessedRepeat: { section: RESULTS, group: NOT_PROCESSED, item: '2.重复申请' },
  notProcessedPublication: { section: RESULTS, group: NOT_PROCESSED, item: '3.要求提供公开出版物' },
  notProcessedMassive: { section: RESULTS, group: NOT_PROCESSED, item: '4.无正当理由大量反复申请' },
  notProcessedConfirm: { section: RESULTS, group: NOT_PROCESSED, item: '5.要求行政机关确认或重新出具已获取信息' },
  otherOverdueCorrection: { section: RESULTS, group: OTHER, item: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  otherOverdueFee: { section: RESULTS, group: OTHER, item: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  otherReasons: { section: RESULTS, group: OTHER, item: '3.其他' },
  totalProcessed: { section: RESULTS, group: '（七）总计' },
  carriedForward: { section: '四、结转下年度继续办理' },
};

export const TABLE2_LABELS = {
  regulation: '规章',
  normativeDocument: '行政规范性文件',
  administrativeLicensing: '行政许可',
  administrativePunishment: '行政处罚',
  administrativeCoercion: '行政强制',
  administrativeFees: '行政事业性收费',
} as const;

export const REVIEW_KIND_LABELS: Record<(typeof REVIEW_KINDS)[number], string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};
export const OUTCOME_LABELS: Record<(typeof TABLE4_COLUMNS)[number], string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

// ---------------------------------------------------------------------------------------------
// Grouped counts → tables

/** A COUNT/SUM from the driver: PostgreSQL returns bigints as strings. */
const toCount = (value: unknown): number => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
};

const zeroRow = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * One row per (applicantType, disposition) group with four counts: `received` in the year,
 * `carriedOver` from earlier years, `processed` (closed in the year with a disposition) and
 * `carriedForward` (still open on 31 December). Counted apart, so that the 勾稽关系 check can catch
 * cases the data leaves out (e.g. closed without a disposition).
 */
export interface Table3Count {
  applicantType: string | null;
  disposition: string | null;
  received: number | string;
  carriedOver: number | string;
  processed: number | string;
  carriedForward: number | string;
}

export function table3FromCounts(counts: Table3Count[]): Table3 {
  const rows = Object.fromEntries(TABLE3_ROWS.map((key) => [key, zeroRow(TABLE3_COLUMNS)])) as Record<Table3RowKey, Table3Row>;
  const columns = new Set<string>(APPLICANT_TYPES);
  const dispositions = new Set<string>(DISPOSITIONS);
  for (const count of counts) {
    if (!count.applicantType || !columns.has(count.applicantType)) continue;
    const column = count.applicantType as Table3Column;
    rows.newReceived[column] += toCount(count.received);
    rows.carriedOver[column] += toCount(count.carriedOver);
    rows.carriedForward[column] += toCount(count.carriedForward);
    if (count.disposition && dispositions.has(count.disposition)) rows[count.disposition as Table3RowKey][column] += toCount(count.processed);
  }
  for (const column of APPLICANT_TYPES) rows.totalProcessed[column] = DISPOSITIONS.reduce((sum, d) => sum + rows[d][column], 0);
  for (const key of TABLE3_ROWS) rows[key].total = APPLICANT_TYPES.reduce((sum, c) => sum + rows[key][c], 0);
  return { columns: [...TABLE3_COLUMNS], rows };
}

export interface Table2Count {
  genre: string;
  issued: number | string;
  repealed: number | string;
  inForce: number | string;
}

export function table2FromCounts(counts: Table2Count[]): Table2 {
  const table: Table2 = {
    regulation: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocument: { issued: 0, repealed: 0, inForce: 0 },
    administrativeLicensing: { decisions: null },
    administrativePunishment: { decisions: null },
    administrativeCoercion: { decisions: null },
    administrativeFees: { amount: null },
  };
  for (const count of counts) {
    if (!(TABLE2_GENRES as readonly string[]).includes(count.genre)) continue;
    const row = table[count.genre as (typeof TABLE2_GENRES)[number]];
    row.issued += toCount(count.issued);
    row.repealed += toCount(count.repealed);
    row.inForce += toCount(count.inForce);
  }
  return table;
}

/** Review cases by kind × recorded outcome; `decidedLater`: how many of them were decided after 31 December. */
export interface Table4Count {
  kind: string;
  outcome: string;
  count: number | string;
  decidedLater: number | string;
}

/**
 * Each case with its outcome as of 31 December: one decided after the year is still 尚未审结 in
 * that year's report. A decided case without `decidedAt` (recorded before the date existed) keeps
 * its outcome.
 */
export function table4FromCounts(counts: Table4Count[]): Table4 {
  const table = Object.fromEntries(REVIEW_KINDS.map((k) => [k, zeroRow(TABLE4_COLUMNS)])) as Table4;
  for (const count of counts) {
    if (!(REVIEW_KINDS as readonly string[]).includes(count.kind) || !(REVIEW_OUTCOMES as readonly string[]).includes(count.outcome)) continue;
    const row = table[count.kind as (typeof REVIEW_KINDS)[number]];
    const total = toCount(count.count);
    const later = Math.min(total, toCount(count.decidedLater));
    row[count.outcome as (typeof REVIEW_OUTCOMES)[number]] += total - later;
    row.pending += later;
  }
  for (const kind of REVIEW_KINDS) table[kind].total = REVIEW_OUTCOMES.reduce((sum, o) => sum + table[kind][o], 0);
  return table;
}

/** 信息处理费 paid in the year: SUM(fee) and the number of requests, from one aggregate row. */
export interface FeeCount {
  amount: number | string | null;
  cases: number | string;
}
export interface FeeTotal {
  amount: number;
  cases: number;
}

/** Yuan to the fen: SUM over decimals may carry float noise. */
export const feeTotal = (count: FeeCount | undefined): FeeTotal => ({ amount: Math.round(toCount(count?.amount) * 100) / 100, cases: toCount(count?.cases) });

export interface ReportCounts {
  table2: Table2Count[];
  table3: Table3Count[];
  table4: Table4Count[];
  fees: FeeCount | undefined;
}
export interface BuiltReport {
  table2: Table2;
  table3: Table3;
  table4: Table4;
  checks: Table3Check[];
  fees: FeeTotal;
}

/** Grouped counts and the office's entered table 二 cells → the report's tables, checks and fee total. */
export function build(counts: ReportCounts, entered: EnteredValues = {}): BuiltReport {
  const table2 = table2FromCounts(counts.table2);
  for (const { row } of ENTERED_CELLS) {
    const value = entered[row] ?? null;
    if (row === 'administrativeFees') table2.administrativeFees.amount = value;
    else table2[row].decisions = value;
  }
  const table3 = table3FromCounts(counts.table3);
  return { table2, table3, table4: table4FromCounts(counts.table4), checks: table3Checks(table3), fees: feeTotal(counts.fees) };
}

/** Year bounds as 'YYYY-MM-DD' strings, compared against DATE columns on both databases. */
export function yearBounds(year: number): { start: string; next: string; end: string } {
  return { start: `${year}-01-01`, next: `${year + 1}-01-01`, end: `${year}-12-31` };
}

/** null when `value` is a valid report year, else the problem. */
export function checkYear(value: unknown): { zh: string; en: string } | null {
  if (value === undefined || value === null || value === '') return { zh: '年度不能为空', en: 'year is required' };
  if (typeof value !== 'number' || !Number.isInteger(value)) return { zh: '年度必须是整数', en: 'year must be an integer' };
  if (value < YEAR_MIN || value > YEAR_MAX) return { zh: `年度应在 ${YEAR_MIN} 至 ${YEAR_MAX} 之间`, en: `year must be between ${YEAR_MIN} and ${YEAR_MAX}` };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** What the exports show: a stored (published) report. Tables may be missing or malformed. */
export interface ReportView {
  title?: unknown;
  year?: unknown;
  departmentName?: unknown;
  overview?: unknown;
  problems?: unknown;
  otherMatters?: unknown;
  feesCharged?: unknown;
  feesChargedCases?: unknown;
  table2?: unknown;
  table3?: unknown;
  table4?: unknown;
  publishedAt?: unknown;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A cell value read defensively from a stored table: numbers only, anything else blank. */
function cell(table: unknown, ...path: string[]): number | '' {
  let node: any = table;
  for (const key of path) {
    if (!node || typeof node !== 'object') return '';
    node = node[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : '';
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

/** Free text in a CSV cell: a leading = + - @ would be read as a formula by spreadsheet programs. */
const csvText = (value: unknown): string => {
  const s = text(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

const finite = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Section 六's fee line; the number of requests charged when the report holds it. */
function feesSentence(report: ReportView): string | null {
  const amount = finite(report.feesCharged);
  if (amount === null) return null;
  const cases = finite(report.feesChargedCases);
  return cases === null ? `本年度收取信息处理费 ${amount} 元。` : `本年度收取信息处理费 ${amount} 元（${cases} 件申请）。`;
}

/** The table rows as plain records, shared by the CSV and (for its cells) the HTML. */
function table2Lines(t: unknown) {
  return {
    genres: TABLE2_GENRES.map((g) => [TABLE2_LABELS[g], cell(t, g, 'issued'), cell(t, g, 'repealed'), cell(t, g, 'inForce')] as const),
    decisions: TABLE2_DECISION_ROWS.map((k) => [TABLE2_LABELS[k], cell(t, k, 'decisions')] as const),
    fees: [TABLE2_LABELS.administrativeFees, cell(t, 'administrativeFees', 'amount')] as const,
  };
}

const paragraphs = (value: unknown): string => {
  const body = text(value).trim();
  if (!body) return '<p class="empty">（无）</p>';
  return body
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
};

const PRINT_CSS = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "Songti SC", "SimSun", serif; font-size: 12pt; line-height: 1.6; color: #000; max-width: 190mm; margin: 0 auto; padding: 8mm; }
h1 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 4mm; }
.meta { text-align: center; margin: 0 0 8mm; }
h2 { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 14pt; margin: 8mm 0 3mm; break-after: avoid; page-break-after: avoid; }
p { text-indent: 2em; margin: 0 0 2mm; white-space: pre-wrap; }
p.empty { text-indent: 0; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10pt; break-inside: auto; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1.5mm 2mm; }
th { font-weight: bold; text-align: center; }
td.num { text-align: center; }
td.label { text-align: left; }
.note { font-size: 10pt; }
@media screen { body { background: #fff; } }
@media print { body { padding: 0; max-width: none; } }
`;

function table2Html(t: unknown): string {
  const { genres, decisions, fees } = table2Lines(t);
  const num = (v: number | '') => `<td class="num">${escapeHtml(v)}</td>`;
  const genreRows = genres.map(([label, ...v]) => `<tr><td class="label">${label}</td>${v.map(num).join('')}</tr>`).join('\n');
  const decisionRow = ([label, v]: readonly [string, number | '']) => `<tr><td class="label">${label}</td><td class="num" colspan="3">${escapeHtml(v)}</td></tr>`;
  return `<table class="table2">
<tr><th colspan="4">第二十条第（一）项</th></tr>
<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
${genreRows}
<tr><th colspan="4">第二十条第（五）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
${decisionRow(decisions[0])}
<tr><th colspan="4">第二十条第（六）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
${decisionRow(decisions[1])}
${decisionRow(decisions[2])}
<tr><th colspan="4">第二十条第（八）项</th></tr>
<tr><th>信息内容</th><th colspan="3">本年收费金额（单位：万元）</th></tr>
${decisionRow(fees)}
</table>`;
}

function table3Html(t: unknown): string {
  const values = (key: Table3RowKey) => TABLE3_COLUMNS.map((c) => `<td class="num">${escapeHtml(cell(t, 'rows', key, c))}</td>`).join('');
  const resultKeys = TABLE3_ROWS.filter((k) => TABLE3_LABELS[k].section === RESULTS);
  const groupSize = (group: string) => resultKeys.filter((k) => TABLE3_LABELS[k].group === group).length;
  const lines: string[] = [];
  lines.push(`<tr><td class="label" colspan="3">${TABLE3_LABELS.newReceived.section}</td>${values('newReceived')}</tr>`);
  lines.push(`<tr><td class="label" colspan="3">${TABLE3_LABELS.carriedOver.section}</td>${values('carriedOver')}</tr>`);
  let previousGroup: string | undefined;
  resultKeys.forEach((key, index) => {
    const { group, item } = TABLE3_LABELS[key];
    const first = index === 0 ? `<td class="label" rowspan="${resultKeys.length}">${RESULTS}</td>` : '';
    let labels: string;
    if (!item) labels = `<td class="label" colspan="2">${group}</td>`;
    else labels = (group !== previousGroup ? `<td class="label" rowspan="${groupSize(group!)}">${group}</td>` : '') + `<td class="label">${item}</td>`;
    previousGroup = group;
    lines.push(`<tr>${first}${labels}${values(key)}</tr>`);
  });
  lines.push(`<tr><td class="label" colspan="3">${TABLE3_LABELS.carriedForward.section}</td>${values('carriedForward')}</tr>`);
  return `<table class="table3">
<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan="7">申请人情况</th></tr>
<tr><th rowspan="2">${APPLICANT_LABELS.naturalPerson}</th><th colspan="5">法人或其他组织</th><th rowspan="2">${APPLICANT_LABELS.total}</th></tr>
<tr>${APPLICANT_TYPES.slice(1).map((c) => `<th>${APPLICANT_LABELS[c]}</th>`).join('')}</tr>
${lines.join('\n')}
</table>`;
}

function table4Html(t: unknown): string {
  const outcomeHeaders = TABLE4_COLUMNS.map((c) => `<th>${OUTCOME_LABELS[c]}</th>`).join('');
  const values = REVIEW_KINDS.flatMap((k) => TABLE4_COLUMNS.map((c) => `<td class="num">${escapeHtml(cell(t, k, c))}</td>`)).join('');
  return `<table class="table4">
<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${TABLE4_COLUMNS.map((c) => `<th rowspan="2">${OUTCOME_LABELS[c]}</th>`).join('')}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${outcomeHeaders}${outcomeHeaders}</tr>
<tr>${values}</tr>
</table>`;
}

/** The report's content (title, sections, tables 二 三 四) as HTML, every text escaped: the print page's and the portal's. */
export function renderReportBody(report: ReportView): string {
  const title = reportTitle(report);
  const meta = [
    report.departmentName ? `报告单位：${escapeHtml(report.departmentName)}` : null,
    report.year !== undefined && report.year !== null ? `报告年度：${escapeHtml(report.year)}年` : null,
  ].filter(Boolean);
  const fees = feesSentence(report);
  return `<h1>${escapeHtml(title)}</h1>
${meta.length ? `<p class="meta">${meta.join('　')}</p>` : ''}
<h2>${SECTION_HEADINGS.overview}</h2>
${paragraphs(report.overview)}
<h2>${SECTION_HEADINGS.table2}</h2>
${table2Html(report.table2)}
<h2>${SECTION_HEADINGS.table3}</h2>
${table3Html(report.table3)}
<h2>${SECTION_HEADINGS.table4}</h2>
${table4Html(report.table4)}
<h2>${SECTION_HEADINGS.problems}</h2>
${paragraphs(report.problems)}
<h2>${SECTION_HEADINGS.otherMatters}</h2>
${text(report.otherMatters).trim() || !fees ? paragraphs(report.otherMatters) : ''}
${fees ? `<p>${escapeHtml(fees)}</p>` : ''}`;
}

export const reportTitle = (report: ReportView): string => text(report.title) || `${text(report.year)}年政府信息公开工作年度报告`;

/** A complete, self-contained HTML page laid out like the official format; every text escaped. */
export function renderReportHtml(report: ReportView): string {
  return `<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(reportTitle(report))}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${renderReportBody(report)}
</body>
</html>
`;
}

/**
 * The tables as CSV lines: each line starts with its table and row labels, then the row's values;
 * each table is preceded by a header line naming its columns.
 */
export function reportCsvRecords(report: ReportView): Array<Array<string | number>> {
  const records: Array<Array<string | number>> = [];
  records.push(['标题', csvText(report.title)]);
  records.push(['报告年度', text(report.year)]);
  if (report.departmentName) records.push(['报告单位', csvText(report.departmentName)]);

  const t2 = SECTION_HEADINGS.table2;
  const { genres, decisions, fees } = table2Lines(report.table2);
  records.push([t2, '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
  for (const [label, ...v] of genres) records.push([t2, '第二十条第（一）项', label, ...v]);
  records.push([t2, '第二十条第（五）项', '信息内容', '本年处理决定数量']);
  records.push([t2, '第二十条第（五）项', ...decisions[0]]);
  records.push([t2, '第二十条第（六）项', '信息内容', '本年处理决定数量']);
  records.push([t2, '第二十条第（六）项', ...decisions[1]]);
  records.push([t2, '第二十条第（六）项', ...decisions[2]]);
  records.push([t2, '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）']);
  records.push([t2, '第二十条第（八）项', ...fees]);

  const t3 = SECTION_HEADINGS.table3;
  records.push([t3, '项目', '分项', '细项', ...TABLE3_COLUMNS.map((c) => (c === 'naturalPerson' || c === 'total' ? APPLICANT_LABELS[c] : `法人或其他组织：${APPLICANT_LABELS[c]}`))]);
  for (const key of TABLE3_ROWS) {
    const { section, group, item } = TABLE3_LABELS[key];
    records.push([t3, section, group ?? '', item ?? '', ...TABLE3_COLUMNS.map((c) => cell(report.table3, 'rows', key, c))]);
  }

  const t4 = SECTION_HEADINGS.table4;
  records.push([t4, '类别', ...TABLE4_COLUMNS.map((c) => OUTCOME_LABELS[c])]);
  for (const kind of REVIEW_KINDS) records.push([t4, REVIEW_KIND_LABELS[kind], ...TABLE4_COLUMNS.map((c) => cell(report.table4, kind, c))]);
  const fee = finite(report.feesCharged);
  if (fee !== null) records.push([SECTION_HEADINGS.otherMatters, '信息处理费（元）', fee]);
  const charged = finite(report.feesChargedCases);
  if (charged !== null) records.push([SECTION_HEADINGS.otherMatters, '收费申请数（件）', charged]);
  return records;
}

/** UTF-8 CSV with a BOM, so spreadsheet programs read the Chinese text correctly. */
export function renderReportCsv(report: ReportView): string {
  return stringify(reportCsvRecords(report), { bom: true });
}
