// 错敏词 / 规范表述: the starter dictionary, one automaton for many terms, overlaps, excerpts.
const { compileDictionary, checkText, STARTER_DICTIONARY } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const starter = compileDictionary(STARTER_DICTIONARY);
const words = (text, matcher = starter) => checkText([{ field: 'title', text }], matcher);

describe('dictionary', () => {
  it('ships a starter list, every entry with its source', () => {
    expect(STARTER_DICTIONARY.length).toBeGreaterThanOrEqual(30);
    for (const t of STARTER_DICTIONARY) {
      expect(t).toEqual(expect.objectContaining({ term: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/), source: expect.stringMatching(/《|规范/) }));
    }
    expect(new Set(STARTER_DICTIONARY.map((t) => t.term)).size).toBe(STARTER_DICTIONARY.length);
  });

  it('reports a term with its rule, severity, correction and a masked excerpt', () => {
    const found = words('会见台湾总统的说法有误，联系 13912345678');
    expect(found.map((f) => f.rule)).toEqual(['pii.mobile', 'words.crossStrait']);
    expect(found[1]).toEqual({ rule: 'words.crossStrait', severity: 'error', field: 'title', excerpt: '会见台湾总统的说法有误，联系 139****5678（应为：台湾地区领导人）' });
  });

  it('does not report a term inside its own correct form', () => {
    expect(words('推进“一带一路”建设')).toEqual([]);
    expect(words('推进一带一路建设').map((f) => f.rule)).toEqual(['words.policyName']);
  });

  it('reports the longer of nested terms once, and both of overlapping ones', () => {
    expect(words('一带一路战略').map((f) => f.excerpt)).toEqual(['一带一路战略（应为：“一带一路”倡议）']);
    const m = compileDictionary([{ term: 'ABC', severity: 'warning' }, { term: 'CDE', severity: 'error', category: 'x' }]);
    expect(m.find('xxABCDExx').map((h) => [h.term.term, h.start, h.end])).toEqual([['ABC', 2, 5], ['CDE', 4, 7]]);
    expect(words('ABCDE', m).map((f) => f.rule)).toEqual(['words.term', 'words.x']);
  });

  it('compiles 10,000 terms once and finds them in one pass, also across window edges', () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => ({ term: `禁词${i.toString(36)}号`, severity: 'warning', category: 'generated' }));
    const m = compileDictionary(terms);
    expect(m.size).toBe(10_000);
    const filler = '政府信息公开工作年度报告'.repeat(100); // 1,200 characters
    const text = `${filler}禁词7pr号${filler.slice(0, 250)}禁词0号${filler}禁词😀 禁词5yr号`;
    const hits = m.find(text);
    expect(hits.map((h) => h.term.term)).toEqual(['禁词7pr号', '禁词0号', '禁词5yr号']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.term.term);
  });

  it('finds a term however the 256-character windows fall', () => {
    const m = compileDictionary([{ term: '港澳台国家', severity: 'error' }]);
    for (let at = 250; at < 262; at++) expect(m.find(`${'甲'.repeat(at)}港澳台国家乙`).map((h) => h.start)).toEqual([at]);
  });
});
