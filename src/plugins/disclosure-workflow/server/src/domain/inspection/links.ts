// Links in a body (Markdown and HTML), with the line they are on and whether they point into this
// site. Internal links are the ones the Strapi side resolves to items and files to check that
// they are public; external links are listed for the reviewer.

export interface BodyLink {
  field: string;
  href: string;
  text: string;
  location: string;
  internal: boolean;
}

// [text](href "title") and ![alt](src): the href ends at whitespace or the closing parenthesis.
const MARKDOWN = /!?\[([^\]\n]*)\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)\n]*)?\s*\)/g;
const HTML = /<(a|img)\b[^>]*?\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(?:([\s\S]*?)<\/a\s*>)?/gi;
const AUTOLINK = /<(https?:\/\/[^\s>]+)>/g;
const TAGS = /<[^>]*>/g;

/** Whether `href` points into this site: relative, or absolute on one of its hosts. */
export function isInternal(href: string, siteHosts: string[]): boolean {
  const absolute = /^([a-z][a-z0-9+.-]*:)?\/\/([^/?#:]+)/i.exec(href);
  if (absolute) return (!absolute[1] || /^https?:$/i.test(absolute[1])) && siteHosts.some((h) => h.toLowerCase() === absolute[2].toLowerCase());
  return !/^[a-z][a-z0-9+.-]*:/i.test(href); // mailto:, tel:, javascript: are not pages of the site
}

export function extractLinks(field: string, body: string, siteHosts: string[]): BodyLink[] {
  if (!body) return [];
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const found: Array<{ index: number; href: string; text: string }> = [];
  for (const m of body.matchAll(MARKDOWN)) found.push({ index: m.index, href: m[2], text: m[1] });
  for (const m of body.matchAll(HTML)) {
    const text = m[1].toLowerCase() === 'img' ? (/\balt\s*=\s*["']([^"']*)/i.exec(m[0])?.[1] ?? '') : (m[6] ?? '').replace(TAGS, '');
    found.push({ index: m.index, href: m[3] ?? m[4] ?? m[5], text: text.trim() });
  }
  for (const m of body.matchAll(AUTOLINK)) found.push({ index: m.index, href: m[1], text: m[1] });
  return found
    .filter((l) => l.href)
    .sort((a, b) => a.index - b.index)
    .map(({ index, href, text }) => ({ field, href, text, location: `第${lineOf(index)}行`, internal: isInternal(href, siteHosts) }));
}
