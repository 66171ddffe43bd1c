// 索引号 templates, e.g. `{orgCode}/{year}-{seq:5}` → `0142768-8/2022-00185`.
export const DEFAULT_INDEX_TEMPLATE = '{orgCode}/{year}-{seq:5}';

export interface IndexNumberParts {
  orgCode: string;
  regionCode?: string | null;
  categoryCode?: string | null;
  year: number;
  seq: number;
}

const TOKEN = /\{(orgCode|regionCode|categoryCode|year|seq)(?::(\d{1,2}))?\}/g;

/** Throws when the template could produce duplicates or names an unknown token. */
export function assertValidTemplate(template: string): void {
  const leftovers = template.replace(TOKEN, '');
  if (/[{}]/.test(leftovers)) throw new Error(`index number template "${template}" has an unknown token`);
  if (!/\{seq(?::\d{1,2})?\}/.test(template)) throw new Error(`index number template "${template}" must contain {seq}`);
  if (!/\{year(?::\d{1,2})?\}/.test(template)) throw new Error(`index number template "${template}" must contain {year}: sequences restart every year`);
}

export function renderIndexNumber(template: string, parts: IndexNumberParts): string {
  assertValidTemplate(template);
  return template.replace(TOKEN, (_match, token: keyof IndexNumberParts, width?: string) => {
    const raw = parts[token];
    const value = raw === null || raw === undefined ? '' : String(raw);
    return width ? value.padStart(Number(width), '0') : value;
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The parts of a 索引号 written with `template`, or null when it does not have the template's
 * shape. Known parts (the department's code, its region, the category code) narrow the match, so
 * an orgCode containing the template's separators still parses: `parseIndexNumber(t, n, { orgCode })`.
 */
export function parseIndexNumber(
  template: string,
  indexNumber: string,
  known: { orgCode?: string | null; regionCode?: string | null; categoryCode?: string | null } = {},
): { year: number; seq: number; orgCode?: string; regionCode?: string; categoryCode?: string } | null {
  assertValidTemplate(template);
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    pattern += escape(template.slice(last, match.index));
    last = match.index! + match[0].length;
    const token = match[1] as keyof typeof known | 'year' | 'seq';
    names.push(token);
    if (token === 'year') pattern += '(\\d{4})';
    else if (token === 'seq') pattern += '(\\d+)';
    else if (known[token as keyof typeof known]) pattern += `(${escape(String(known[token as keyof typeof known]))})`;
    else pattern += '(.*?)';
  }
  pattern += escape(template.slice(last));
  const found = new RegExp(`^${pattern}$`).exec(String(indexNumber ?? '').trim());
  if (!found) return null;
  const parts: any = {};
  names.forEach((name, i) => {
    parts[name] = name === 'year' || name === 'seq' ? Number(found[i + 1]) : found[i + 1];
  });
  return parts;
}
