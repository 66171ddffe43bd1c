// Personal information and dictionary terms in each text source: one PII scan and one dictionary
// scan per source; excerpts masked with all the source's PII hits.
import type { Matcher } from './dictionary';
import { excerpt } from './excerpt';
import { nameBefore, PAIRED_RULES } from './name-pair';
import { findPersonal } from './personal';
import type { Finding, TextSource } from './types';

export function checkText(sources: TextSource[], matcher: Matcher | null): Finding[] {
  const findings: Finding[] = [];
  for (const { field, location, text } of sources) {
    if (!text) continue;
    const at = location ? { location } : {};
    const hits = findPersonal(text);
    for (const h of hits) {
      const rule = PAIRED_RULES.has(h.rule) && nameBefore(text, h.start) ? 'pii.namePair' : h.rule;
      findings.push({ rule, severity: 'error', field, ...at, excerpt: excerpt(text, h.start, h.end, hits) });
    }
    for (const { term, start, end } of matcher?.find(text) ?? []) {
      const hint = term.correction ? `（应为：${term.correction}）` : term.note ? `（${term.note}）` : '';
      findings.push({ rule: `words.${term.category || 'term'}`, severity: term.severity, field, ...at, excerpt: `${excerpt(text, start, end, hits)}${hint}` });
    }
  }
  return findings;
}
