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
