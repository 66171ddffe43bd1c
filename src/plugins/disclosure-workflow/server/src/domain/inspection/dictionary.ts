// 错敏词 / 规范表述 dictionaries, matched with Aho–Corasick (modern-ahocorasick): one automaton for
// all terms, compiled once, one scan per text however many terms there are.
//
// The library segments its input into graphemes with Intl.Segmenter, which grows faster than
// linearly on long Chinese text (20,000 characters: ~100 ms, 1,000: ~2 ms); so long texts are
// scanned in windows of CHUNK characters overlapping by the longest term, each hit kept once.
import AhoCorasick from 'modern-ahocorasick';
import type { Severity } from './types';

export interface Term {
  term: string;
  correction?: string | null;
  note?: string | null;
  severity: Severity;
  category?: string | null;
}

export interface Matcher {
  size: number;
  find(text: string): Array<{ term: Term; start: number; end: number }>;
}

const CHUNK = 256;

/** `at`, clamped to the text and moved off the middle of a surrogate pair. */
function boundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
}

/** Whether the hit is part of the term's own correct form (一带一路 inside “一带一路”倡议). */
function insideCorrection(text: string, term: Term, start: number): boolean {
  const correct = term.correction;
  if (!correct) return false;
  for (let at = correct.indexOf(term.term); at >= 0; at = correct.indexOf(term.term, at + 1)) {
    if (text.startsWith(correct, start - at)) return true;
  }
  return false;
}

/** Drops hits inside a longer hit (一带一路 inside 一带一路战略): the longer term says more. */
function outermost<H extends { start: number; end: number }>(hits: H[]): H[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return hits.filter((h) => h.end > reach && ((reach = h.end), true));
}

export function compileDictionary(terms: Term[]): Matcher {
  const usable = terms.filter((t) => t.term && t.term.trim());
  const automaton = new AhoCorasick(usable.map((t) => t.term));
  const longest = usable.reduce((n, t) => Math.max(n, t.term.length), 0);
  return {
    size: usable.length,
    find(text) {
      const found: Array<{ term: Term; start: number; end: number }> = [];
      if (!usable.length || !text) return found;
      for (let from = 0; from < text.length; ) {
        const core = boundary(text, from + CHUNK);
        const to = boundary(text, core + longest - 1);
        for (const m of automaton.search(text.slice(from, to))) {
          const at = from + m.start;
          if (at >= core) continue; // starts in the overlap: the next window reports it
          const term = usable[m.patternIndex];
          if (!insideCorrection(text, term, at)) found.push({ term, start: at, end: from + m.end });
        }
        from = core;
      }
      return outermost(found);
    },
  };
}
