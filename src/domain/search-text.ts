// Text for the 政策文件库 search: the tokens an item is indexed under, the tokens a query asks for,
// and the highlighted snippet of a hit. Chinese is cut into character bigrams plus single
// characters (measured against jieba on the quality fixture: README → Search); letters and digits
// are words. Tokens are letters/digits only, so they need no escaping in a tsvector or FTS5 query.

/** 文号 brackets people type: 〔〕 (GB/T 9704), [] () （） 【】 and 〖〗. */
const OPEN = '〔[(（【〖';
const CLOSE = '〕])）】〗';
const DOC_NUMBER = new RegExp(`([\\p{L}\\p{N}]+)\\s*[${escapeClass(OPEN)}]\\s*(\\d{4})\\s*[${escapeClass(CLOSE)}]\\s*第?\\s*(\\d+)\\s*号`, 'gu');
const HAN = /\p{Script=Han}/u;
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

function escapeClass(chars: string) {
  return chars.replace(/[\]\\[^-]/g, (c) => `\\${c}`);
}

/** Full-width forms to half-width, lower case: what indexing and querying both start from. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * 清教〔2025〕105号, 清教[2025]105号, 清教（2025）105号 … → one token (`清教2025n105`). In indexed text
 * (`suffixes`) the 发文字号's issuer may follow other words (根据清教〔2025〕105号): every ending of
 * the characters before the bracket is a token, so the query's issuer matches whichever it is.
 */
export function docNumberTokens(text: string, { suffixes = false } = {}): string[] {
  return [...normalize(text).matchAll(DOC_NUMBER)].flatMap((m) => {
    const issuer = [...m[1]].slice(-12);
    const endings = suffixes ? issuer.map((_, i) => issuer.slice(i).join('')) : [issuer.join('')];
    return endings.map((e) => `${e}${m[2]}n${Number(m[3])}`);
  });
}

/** Markdown / HTML to plain text (bodies are rich text). */
export function plainText(text: string | null | undefined): string {
  return String(text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The runs of a text: Han characters, or letters and digits (in their normalised form). */
const runs = (text: string) => normalize(text).match(RUN) ?? [];

/** Every token of a text for the index, each once: Han bigrams and single characters, words, 文号. */
export function indexTokens(text: string): string[] {
  const tokens = new Set<string>(docNumberTokens(text, { suffixes: true }));
  for (const run of runs(text)) {
    if (!HAN.test(run[0])) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      tokens.add(c);
      if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
    });
  }
  return [...tokens];
}

/**
 * What a query asks for, all of which a hit must contain: Han bigrams (a single character alone),
 * words, and a typed 文号 as its own token. Empty when the query has no letters or digits.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>(docNumberTokens(query));
  // A typed 文号 is asked for as a whole (its own token), however its brackets or 第 were typed.
  for (const run of runs(normalize(query).replace(DOC_NUMBER, ' '))) {
    const chars = [...run];
    if (!HAN.test(run[0]) || chars.length === 1) tokens.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i] + chars[i + 1]);
  }
  return [...tokens].slice(0, 64);
}

/** The query's words as typed (for highlighting): its runs, longest first. */
export function queryTerms(query: string): string[] {
  return [...new Set(runs(query))].sort((a, b) => b.length - a.length);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where each term (or, for a Han term not found whole, each of its bigrams) occurs in `text`. */
function matches(text: string, terms: string[]): Array<[number, number]> {
  const haystack = normalize(text);
  // NFKC can change lengths (rare): only highlight when positions still line up.
  if (haystack.length !== text.length) return [];
  const found: Array<[number, number]> = [];
  const scan = (needle: string) => {
    let at = haystack.indexOf(needle);
    let any = false;
    while (at >= 0) {
      found.push([at, at + needle.length]);
      any = true;
      at = haystack.indexOf(needle, at + needle.length);
    }
    return any;
  };
  for (const term of terms) {
    if (scan(term) || !HAN.test(term[0]) || term.length < 3) continue;
    for (let i = 0; i + 1 < term.length; i++) scan(term.slice(i, i + 2));
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * An HTML-escaped snippet of the (plain) text where most of the query's terms occur — the first
 * such in the order given — matches wrapped in <mark>, with about `width` characters around the
 * first match; null when none occurs.
 */
export function highlight(texts: Array<string | null | undefined>, query: string, width = 120): string | null {
  const terms = queryTerms(query);
  let best: { text: string; found: Array<[number, number]>; score: number } | null = null;
  for (const raw of texts) {
    const text = String(raw ?? '').replace(/\s+/g, ' ').trim();
    const found = matches(text, terms);
    const score = new Set(found.map(([s, e]) => normalize(text.slice(s, e)))).size;
    if (score > (best?.score ?? 0)) best = { text, found, score };
  }
  if (!best) return null;
  const { text, found } = best;
  const start = Math.max(0, Math.min(found[0][0] - Math.floor(width / 4), text.length - width));
  const end = Math.min(text.length, start + width);
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of found) {
    if (s >= end) break;
    const from = Math.max(s, at);
    const to = Math.min(e, end);
    out += escapeHtml(text.slice(at, from)) + `<mark>${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  }
  return out + escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
}
