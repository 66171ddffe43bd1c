// node bench/search-quality.js (after npm run compile) — the segmenter choice: character bigrams +
// single characters (src/domain/search-text.ts) against jieba (@node-rs/jieba, cutForSearch for
// documents, cut for queries, plus single characters so that one-character queries can work),
// on the quality fixture (tests/fixtures/search-quality.js) with the index's own matching and
// ranking rules (every query token present; title/文号 tier, then keywords/summary, then the rest;
// newer first), and on 2,000 bench bodies for index size and speed. 文号 handling is the same for both.
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const text = require('../dist/src/domain/search-text');
const { DOCS, QUERIES } = require('../tests/fixtures/search-quality');
const { document } = require('./search-corpus');

const jieba = Jieba.withDict(dict);
const WORD = /^[\p{L}\p{N}]+$/u;

const segmenters = {
  'bigrams + single characters': { index: text.indexTokens, query: text.queryTokens },
  'jieba (+ single characters)': {
    index(input) {
      const normal = text.normalize(input);
      const tokens = new Set(text.docNumberTokens(input, { suffixes: true }));
      for (const w of jieba.cutForSearch(normal, true)) if (WORD.test(w)) tokens.add(w);
      for (const c of normal) if (/\p{Script=Han}/u.test(c)) tokens.add(c);
      return [...tokens];
    },
    query(input) {
      const tokens = new Set(text.docNumberTokens(input));
      const rest = text.normalize(input).replace(/([\p{L}\p{N}]+)\s*[〔[(（【〖]\s*\d{4}\s*[〕\])）】〗]\s*第?\s*\d+\s*号/gu, ' ');
      for (const w of jieba.cut(rest, true)) if (WORD.test(w)) tokens.add(w);
      return [...tokens];
    },
  },
};

function evaluate({ index, query }) {
  const docs = Object.entries(DOCS).map(([key, d]) => ({
    key,
    date: d.publishedDate,
    a: new Set(index(`${d.title} ${d.documentNumber ?? ''}`)),
    b: new Set(index(`${d.keywords} ${d.summary}`)),
    c: new Set(index(`${text.plainText(d.body)} ${d.attachment?.text ?? ''}`)),
  }));
  let passed = 0;
  const failed = [];
  for (const { q, first, top = [], none } of QUERIES) {
    const tokens = query(q);
    const ranked = docs
      .filter((d) => tokens.length && tokens.every((t) => d.a.has(t) || d.b.has(t) || d.c.has(t)))
      .map((d) => ({ d, tier: tokens.every((t) => d.a.has(t)) ? 3 : tokens.every((t) => d.a.has(t) || d.b.has(t)) ? 2 : 1 }))
      .sort((x, y) => y.tier - x.tier || y.d.date.localeCompare(x.d.date))
      .map((x) => x.d.key);
    const ok = none ? ranked.length === 0 : (!first || ranked[0] === first) && top.every((k) => ranked.slice(0, 3).includes(k));
    if (ok) passed++;
    else failed.push(q);
  }
  return { passed, failed };
}

const bodies = Array.from({ length: 2000 }, (_, n) => document(n).body);
console.log(`quality fixture: ${QUERIES.length} queries over ${Object.keys(DOCS).length} documents; size and speed over ${bodies.length} bench bodies`);
console.log('| segmenter | fixture queries passed | tokens per body (index size) | index ms per body | query ms |');
console.log('|---|---|---|---|---|');
for (const [name, segmenter] of Object.entries(segmenters)) {
  const { passed, failed } = evaluate(segmenter);
  let started = performance.now();
  const tokens = bodies.reduce((n, b) => n + segmenter.index(b).length, 0);
  const indexMs = (performance.now() - started) / bodies.length;
  started = performance.now();
  for (let i = 0; i < 100; i++) for (const { q } of QUERIES) segmenter.query(q);
  const queryMs = (performance.now() - started) / (100 * QUERIES.length);
  console.log(`| ${name} | ${passed}/${QUERIES.length} | ${(tokens / bodies.length).toFixed(0)} | ${indexMs.toFixed(2)} | ${queryMs.toFixed(3)} |`);
  if (failed.length) console.log(`  failed: ${failed.join(' · ')}`);
}
