// The 错敏词 dictionary as a CSV file (import and export in the admin): one term per row, checked
// as a whole before anything is written — every problem named by its line and column.
import Joi from 'joi';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const TERM_SEVERITIES = ['error', 'warning'] as const;
export interface DictionaryTerm {
  term: string;
  correction: string | null;
  note: string | null;
  severity: (typeof TERM_SEVERITIES)[number];
  category: string | null;
  source: string | null;
}
export interface FileProblem {
  line: number;
  column: string;
  message: string;
}

/** Column headers: the attribute names, or these Chinese ones (what an office's own spreadsheet says). */
const HEADERS: Record<string, keyof DictionaryTerm> = {
  term: 'term', 词语: 'term', 错敏词: 'term',
  correction: 'correction', 正确表述: 'correction',
  note: 'note', 说明: 'note',
  severity: 'severity', 级别: 'severity',
  category: 'category', 类别: 'category',
  source: 'source', 依据: 'source', 来源: 'source',
};
const SEVERITY_WORDS: Record<string, string> = { 错误: 'error', 严重: 'error', 提示: 'warning', 警告: 'warning' };
export const MAX_TERMS = 50_000;

const optional = (max: number) => Joi.string().trim().max(max).allow('', null).empty('').default(null);
const ROW = Joi.object({
  term: Joi.string().trim().min(1).max(100).required(),
  correction: optional(200),
  note: optional(500),
  severity: Joi.string().valid(...TERM_SEVERITIES).default('warning'),
  category: optional(50),
  source: optional(300),
});

/** Parses and checks a dictionary file; `terms` only when there is no problem at all. */
export function parseDictionary(text: string): { terms: DictionaryTerm[]; problems: FileProblem[] } {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    return { terms: [], problems: [{ line: 0, column: '', message: `not a CSV file: ${(error as Error).message}` }] };
  }
  const [header = [], ...body] = rows;
  const columns = header.map((h) => HEADERS[h.trim()] ?? null);
  if (!columns.includes('term')) return { terms: [], problems: [{ line: 1, column: 'term', message: 'the first row must name the columns, with a "term" (词语) column' }] };
  if (body.length > MAX_TERMS) return { terms: [], problems: [{ line: 0, column: '', message: `at most ${MAX_TERMS} terms per file` }] };
  const problems: FileProblem[] = [];
  const terms: DictionaryTerm[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const raw: Record<string, string> = {};
    columns.forEach((key, i) => key && (raw[key] = cells[i] ?? ''));
    if (raw.severity) raw.severity = SEVERITY_WORDS[raw.severity.trim()] ?? raw.severity.trim();
    const { value, error } = ROW.validate(raw, { abortEarly: false });
    if (error) return error.details.forEach((d) => problems.push({ line, column: String(d.path[0]), message: d.message }));
    const earlier = seen.get(value.term);
    if (earlier) return problems.push({ line, column: 'term', message: `"${value.term}" is already on line ${earlier}` });
    seen.set(value.term, line);
    terms.push(value);
  });
  return problems.length ? { terms: [], problems } : { terms, problems };
}

export function dictionaryCsv(terms: DictionaryTerm[]): string {
  const keys: Array<keyof DictionaryTerm> = ['term', 'correction', 'note', 'severity', 'category', 'source'];
  return '\uFEFF' + stringify([keys, ...terms.map((t) => keys.map((k) => t[k] ?? ''))]);
}
