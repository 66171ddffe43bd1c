// Catalogue migration (npm run import:catalogue): the old system's columns and values → the fields
// of a 公开事项, row by row, with every problem named by row and column. Pure: no Strapi, no I/O;
// the reading of the file and the writing are in api::disclosure-item.migration.
import TurndownService from 'turndown';
import { DISCLOSURE_LABELS, EXEMPTION_REASON_LABELS, GENRE_CODE_LABELS, VALIDITY_CODE_LABELS } from './code-labels';
import { checkDisclosureItem, SUMMARY_MAX } from './disclosure-rules';

export type ImportField =
  | 'indexNumber' | 'title' | 'documentNumber' | 'department' | 'departmentCode' | 'formedAt' | 'publishedDate'
  | 'category' | 'categoryCode' | 'genre' | 'validity' | 'disclosure' | 'exemptionReason' | 'classified' | 'status'
  | 'summary' | 'keywords' | 'body' | 'attachments' | 'effectiveAt' | 'repealAt' | 'validityChangedAt' | 'changedAt';

/**
 * Default headers of each field, as the common old systems and our own export write them; the first
 * is the one export:catalogue writes. A mapping file's `headers` replace a field's list.
 */
export const DEFAULT_HEADERS: Record<ImportField, string[]> = {
  indexNumber: ['索引号'],
  title: ['标题', '名称', '文件名称'],
  documentNumber: ['文号', '发文字号'],
  department: ['发布机构', '发文机关'],
  departmentCode: ['机构代码'],
  formedAt: ['成文日期'],
  publishedDate: ['发布日期'],
  category: ['主题分类'],
  categoryCode: ['分类代码'],
  genre: ['体裁', '文种'],
  validity: ['有效性'],
  disclosure: ['公开属性', '公开方式'],
  exemptionReason: ['不予公开理由'],
  classified: ['涉密'],
  status: ['发布状态'],
  summary: ['内容概述', '摘要'],
  keywords: ['关键词', '主题词'],
  body: ['正文'],
  attachments: ['附件'],
  effectiveAt: ['实施日期'],
  repealAt: ['废止日期', '失效日期'],
  validityChangedAt: ['有效性变更日期'],
  changedAt: ['变更日期'],
};

/** The columns export:catalogue writes, in order (each field's first default header). */
export const EXPORT_FIELDS: ImportField[] = [
  'indexNumber', 'title', 'documentNumber', 'department', 'departmentCode', 'formedAt', 'publishedDate', 'category', 'categoryCode',
  'genre', 'validity', 'validityChangedAt', 'effectiveAt', 'repealAt', 'changedAt', 'disclosure', 'exemptionReason', 'classified', 'status',
  'keywords', 'summary', 'body', 'attachments',
];
export const EXPORT_HEADERS = EXPORT_FIELDS.map((f) => DEFAULT_HEADERS[f][0]);

export const STATUS_LABELS = { published: '已发布', draft: '未发布' } as const;

/** `{ "headers": { "title": ["文件标题"] }, "values": { "genre": { "通告": "announcement" } } }` */
export interface ImportMapping {
  headers?: Partial<Record<ImportField, string | string[]>>;
  values?: Partial<Record<'genre' | 'validity' | 'disclosure' | 'exemptionReason' | 'status' | 'classified', Record<string, string | boolean>>>;
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportRow {
  row: number;
  indexNumber: string | null;
  title: string;
  documentNumber: string | null;
  department: string; // a code or an exact name, matched by the service
  category: string | null;
  formedAt: string;
  publishedDate: string | null; // ISO instant
  genre: string;
  validity: string;
  disclosure: string;
  exemptionReason: string | null;
  classified: boolean;
  /** Whether the entry arrives published: never when withheld or 涉密. */
  publish: boolean;
  summary: string | null;
  keywords: string | null;
  body: string | null;
  attachments: string[];
  effectiveAt: string | null;
  repealAt: string | null;
  validityChangedAt: string | null;
  changedAt: string | null;
}

const labelIndex = (labels: Record<string, { zh: string; en: string }>, extra: Record<string, string> = {}) => {
  const index: Record<string, string> = {};
  for (const [code, label] of Object.entries(labels)) {
    index[code.toLowerCase()] = code;
    index[label.zh] = code;
    index[label.en.toLowerCase()] = code;
  }
  return { ...index, ...extra };
};

/** Values as old systems export them → codes (a mapping file's `values` add to these). */
export const DEFAULT_VALUES: Record<string, Record<string, string | boolean>> = {
  genre: labelIndex(GENRE_CODE_LABELS, { 规范性文件: 'normativeDocument', 政府规章: 'regulation', 解读: 'interpretation', 规划: 'plan', 计划: 'plan' }),
  validity: labelIndex(VALIDITY_CODE_LABELS, { 现行有效: 'valid', 已失效: 'expired', 已废止: 'repealed', 废止失效: 'repealed' }),
  disclosure: labelIndex(DISCLOSURE_LABELS, { 主动: 'proactive', 依申请: 'on_request', 不公开: 'withheld', 免予公开: 'withheld' }),
  exemptionReason: labelIndex(EXEMPTION_REASON_LABELS),
  status: { [STATUS_LABELS.published]: 'published', [STATUS_LABELS.draft]: 'draft', 草稿: 'draft', published: 'published', draft: 'draft' },
  classified: { 是: true, 否: false, 涉密: true, 非涉密: false, 不涉密: false, true: true, false: false, '1': true, '0': false, y: true, n: false, yes: true, no: false },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 (and a timestamp's date part) → '2025-03-01'; null when not a real date. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = String(value ?? '').trim();
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:$|[T\s])/.exec(text);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * 发布日期: an instant (ISO with a zone, as our export writes it) kept exactly; a date alone (or a
 * date and a time without a zone) is read in the site's zone (`offset`, e.g. '+08:00').
 */
export function parseInstant(value: unknown, offset = '+08:00'): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = String(value ?? '').trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  const date = parseDate(text);
  if (!date) return null;
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text.slice(10));
  const clock = time ? `${pad(Number(time[1]))}:${time[2]}:${time[3] ?? '00'}` : '00:00:00';
  const t = Date.parse(`${date}T${clock}${offset}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export const splitAttachments = (value: unknown): string[] =>
  String(value ?? '').split(/[;|；]/).map((s) => s.trim()).filter(Boolean);

let turndown: TurndownService | null = null;
/** HTML bodies (what old systems store) → Markdown, the item's rich text; text without tags as is. */
export function bodyToMarkdown(value: unknown): string | null {
  const text = String(value ?? '').trim();
  if (!text) return null;
  if (!/<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(text)) return text;
  turndown ??= new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced' });
  turndown.remove(['script', 'style']);
  return turndown.turndown(text).trim() || null;
}

export interface ResolvedColumns {
  /** field → the column index in the header row */
  columns: Partial<Record<ImportField, number>>;
  /** field → the header text, for problems */
  headers: Partial<Record<ImportField, string>>;
  /** Headers that map to no field (reported, not an error). */
  ignored: string[];
  problems: ImportProblem[];
}

/** Which column holds which field, from the header row (row 1). */
export function resolveColumns(headerRow: unknown[], mapping: ImportMapping = {}): ResolvedColumns {
  const header = headerRow.map((h) => String(h ?? '').replace(/^\uFEFF/, '').trim());
  const lists: Record<string, string[]> = { ...DEFAULT_HEADERS };
  for (const [field, given] of Object.entries(mapping.headers ?? {})) {
    if (!(field in DEFAULT_HEADERS)) throw new Error(`mapping file: unknown field "${field}" (known: ${Object.keys(DEFAULT_HEADERS).join(', ')})`);
    lists[field] = Array.isArray(given) ? given : [given as string];
  }
  const columns: ResolvedColumns['columns'] = {};
  const headers: ResolvedColumns['headers'] = {};
  const problems: ImportProblem[] = [];
  const used = new Set<number>();
  for (const [field, names] of Object.entries(lists) as Array<[ImportField, string[]]>) {
    const index = names.map((n) => header.indexOf(n)).find((i) => i >= 0);
    if (index === undefined) continue;
    columns[field] = index;
    headers[field] = header[index];
    used.add(index);
  }
  for (const field of ['title', 'department', 'formedAt'] as ImportField[]) {
    if (columns[field] === undefined && !(field === 'department' && columns.departmentCode !== undefined)) {
      problems.push({ row: 1, column: lists[field].join('/'), message: `缺少必需的列 / required column missing (${lists[field].join(', ')})` });
    }
  }
  const ignored = header.filter((h, i) => h && !used.has(i));
  return { columns, headers, ignored, problems };
}

export interface RowContext {
  mapping?: ImportMapping;
  /** Today in the site's zone (YYYY-MM-DD): 成文日期 cannot be later. */
  today: string;
  /** The site's UTC offset for dates without a zone. */
  offset?: string;
}

const cellText = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value ?? '').trim());

/**
 * One data row (1-based `row` as a spreadsheet numbers it: the header is row 1) → the item's values
 * and the row's problems. Department and category are left as given (code or name): the service
 * matches them against the database.
 */
export function mapRow(cells: unknown[], row: number, resolved: ResolvedColumns, ctx: RowContext): { value: ImportRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = (field: ImportField) => resolved.headers[field] ?? DEFAULT_HEADERS[field][0];
  const raw = (field: ImportField): unknown => (resolved.columns[field] === undefined ? undefined : cells[resolved.columns[field]!]);
  const text = (field: ImportField): string => cellText(raw(field));
  const problem = (field: ImportField, message: string) => problems.push({ row, column: header(field), message });
  const values = (field: keyof NonNullable<ImportMapping['values']>) => ({ ...DEFAULT_VALUES[field], ...(ctx.mapping?.values?.[field] ?? {}) });

  const coded = (field: 'genre' | 'validity' | 'disclosure' | 'exemptionReason' | 'status', fallback: string | null, what: string) => {
    const given = text(field);
    if (!given) return fallback;
    const table = values(field);
    const code = table[given] ?? table[given.toLowerCase()];
    if (typeof code !== 'string') {
      problem(field, `无法识别的${what}「${given}」/ unknown ${field} value "${given}" (add it to the mapping file's values.${field})`);
      return fallback;
    }
    return code;
  };
  const date = (field: ImportField, label: string): string | null => {
    const given = raw(field);
    if (given === undefined || given === null || cellText(given) === '') return null;
    const parsed = parseDate(given);
    if (!parsed) problem(field, `${label}「${cellText(given)}」不是有效日期 / not a date (2025-03-01, 2025/3/1 or 2025年3月1日)`);
    return parsed;
  };

  const title = text('title');
  if (!title) problem('title', '标题不能为空 / title is required');
  else if (title.length > 200) problem('title', '标题不能超过 200 个字符 / title must be at most 200 characters');
  const department = text('departmentCode') || text('department');
  if (!department) problem('department', '必须填写发布机构 / department is required');
  const formedGiven = text('formedAt');
  const formedAt = date('formedAt', '成文日期');
  if (!formedGiven) problem('formedAt', '请填写成文日期 / 成文日期 is required');
  else if (formedAt && formedAt > ctx.today) problem('formedAt', '成文日期不能晚于今天 / 成文日期 cannot be later than today');
  let publishedDate: string | null = null;
  if (text('publishedDate')) {
    publishedDate = parseInstant(raw('publishedDate'), ctx.offset);
    if (!publishedDate) problem('publishedDate', `发布日期「${text('publishedDate')}」不是有效日期 / not a date`);
  }
  const genre = coded('genre', 'other', '体裁')!;
  const validity = coded('validity', 'valid', '有效性')!;
  let classified = false;
  const classifiedGiven = text('classified');
  if (classifiedGiven) {
    const table = values('classified');
    const flag = table[classifiedGiven] ?? table[classifiedGiven.toLowerCase()];
    if (typeof flag === 'boolean') classified = flag;
    else problem('classified', `无法识别的涉密标记「${classifiedGiven}」/ unknown 涉密 value (是/否)`);
  }
  // 公开属性 "涉密" in the disclosure column: classified, withheld as a state secret.
  let disclosureGiven = text('disclosure');
  if (disclosureGiven === '涉密') {
    classified = true;
    disclosureGiven = '';
  }
  let disclosure = disclosureGiven ? coded('disclosure', 'proactive', '公开属性')! : classified ? 'withheld' : 'proactive';
  let exemptionReason = coded('exemptionReason', null, '不予公开理由');
  if (disclosure === 'withheld' && !exemptionReason && classified) exemptionReason = 'stateSecret';
  const status = coded('status', null, '发布状态');
  const summary = text('summary') || null;
  if (summary && summary.length > SUMMARY_MAX) problem('summary', `内容概述不能超过 ${SUMMARY_MAX} 个字 / summary must be at most ${SUMMARY_MAX} characters`);
  const indexNumber = text('indexNumber') || null;
  if (indexNumber && indexNumber.length > 60) problem('indexNumber', '索引号不能超过 60 个字符 / index number must be at most 60 characters');
  const documentNumber = text('documentNumber') || null;
  if (documentNumber && documentNumber.length > 100) problem('documentNumber', '文号不能超过 100 个字符 / document number must be at most 100 characters');
  const keywords = text('keywords') || null;
  if (keywords && keywords.length > 200) problem('keywords', '关键词不能超过 200 个字符 / keywords must be at most 200 characters');

  // The item rules themselves (withheld needs its reason, 涉密 is never proactive …), where not said above.
  if (title && formedAt && formedAt <= ctx.today && !(summary && summary.length > SUMMARY_MAX)) {
    const ruleColumn: Record<string, ImportField> = { disclosure: 'disclosure', exemptionReason: 'exemptionReason', classified: 'classified' };
    for (const p of checkDisclosureItem({ title, formedAt, summary, disclosure, exemptionReason, classified, hasDepartment: true }, ctx.today)) {
      if (ruleColumn[p.path]) problem(ruleColumn[p.path], p.message);
    }
  }
  if (problems.length) return { value: null, problems };
  const publish = status ? status === 'published' : true;
  return {
    value: {
      row, indexNumber, title, documentNumber, department, category: text('categoryCode') || text('category') || null,
      formedAt: formedAt!, publishedDate, genre, validity, disclosure, exemptionReason, classified,
      publish: publish && !classified && disclosure !== 'withheld',
      summary, keywords, body: bodyToMarkdown(raw('body')), attachments: splitAttachments(raw('attachments')),
      effectiveAt: date('effectiveAt', '实施日期'), repealAt: date('repealAt', '废止日期'),
      validityChangedAt: date('validityChangedAt', '有效性变更日期'), changedAt: date('changedAt', '变更日期'),
    },
    problems,
  };
}

/** Whole-file checks that need more than one row: a 索引号 twice in the file. Memory: one string per 索引号. */
export class FileChecks {
  private seen = new Map<string, number>();

  add(value: ImportRow, column = DEFAULT_HEADERS.indexNumber[0]): ImportProblem[] {
    if (!value.indexNumber) return [];
    const first = this.seen.get(value.indexNumber);
    if (first !== undefined) return [{ row: value.row, column, message: `索引号「${value.indexNumber}」在文件中重复（第 ${first} 行）/ duplicate index number in the file (first on row ${first})` }];
    this.seen.set(value.indexNumber, value.row);
    return [];
  }
}

/** The item's values as an export row (same order as EXPORT_HEADERS). */
export function exportRow(item: any, attachments: string[]): Array<string> {
  const date = (v: unknown) => (v ? String(v).slice(0, 10) : '');
  const label = (labels: Record<string, { zh: string }>, v: unknown) => (v ? labels[String(v)]?.zh ?? String(v) : '');
  const byField: Record<ImportField, string> = {
    indexNumber: item.indexNumber ?? '',
    title: item.title ?? '',
    documentNumber: item.documentNumber ?? '',
    department: item.department?.name ?? '',
    departmentCode: item.department?.code ?? '',
    formedAt: date(item.formedAt),
    publishedDate: item.publishedDate ? new Date(item.publishedDate).toISOString() : '',
    category: item.category?.name ?? '',
    categoryCode: item.category?.code ?? '',
    genre: label(GENRE_CODE_LABELS, item.genre),
    validity: label(VALIDITY_CODE_LABELS, item.validity),
    validityChangedAt: date(item.validityChangedAt),
    effectiveAt: date(item.effectiveAt),
    repealAt: date(item.repealAt),
    changedAt: date(item.changedAt),
    disclosure: label(DISCLOSURE_LABELS, item.disclosure),
    exemptionReason: label(EXEMPTION_REASON_LABELS, item.exemptionReason),
    classified: item.classified ? '是' : '否',
    status: item.published ? STATUS_LABELS.published : STATUS_LABELS.draft,
    keywords: item.keywords ?? '',
    summary: item.summary ?? '',
    body: item.body ?? '',
    attachments: attachments.join(';'),
  };
  return EXPORT_FIELDS.map((f) => byField[f]);
}
