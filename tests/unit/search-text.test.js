const { indexTokens, queryTokens, docNumberTokens, highlight, plainText } = require('../../dist/src/domain/search-text');

const contains = (doc, query) => {
  const have = new Set(indexTokens(doc));
  return queryTokens(query).every((t) => have.has(t));
};

describe('search text', () => {
  it('indexes Han text as bigrams and single characters, words in lower case', () => {
    expect(indexTokens('校车安全 PDF2025')).toEqual(expect.arrayContaining(['校车', '车安', '安全', '校', '车', '安', '全', 'pdf2025']));
    expect(queryTokens('校车安全')).toEqual(['校车', '车安', '安全']);
    expect(queryTokens('校')).toEqual(['校']);
    expect(queryTokens('ＡＢＣ 校')).toEqual(['abc', '校']);
    expect(queryTokens('  !!  ')).toEqual([]);
  });

  it('finds one- and two-character queries and multi-word queries inside longer text', () => {
    const doc = '关于做好2025年义务教育阶段学校招生入学工作的通知';
    for (const q of ['学', '招生', '义务教育 招生', '入学工作', '2025']) expect(contains(doc, q)).toBe(true);
    for (const q of ['医保', '招生 医保', '2024']) expect(contains(doc, q)).toBe(false);
  });

  it('treats every bracket form of a 文号 as the same 文号', () => {
    const canonical = docNumberTokens('清教〔2025〕105号');
    expect(canonical).toEqual(['清教2025n105']);
    for (const typed of ['清教[2025]105号', '清教(2025)105号', '清教（2025）105号', '清教【2025】105号', '清教〔2025〕第105号', '清教 [ 2025 ] 105 号']) {
      expect(docNumberTokens(typed)).toEqual(canonical);
      expect(contains('清教〔2025〕105号', typed)).toBe(true);
    }
    expect(contains('清教〔2025〕105号', '清教〔2025〕106号')).toBe(false);
    expect(contains('根据清教〔2025〕105号文件', '清教（2025）105号')).toBe(true);
  });

  it('highlights escaped text with the matches marked and context around the first match', () => {
    expect(highlight(['<script>alert(1)</script> 招生通知'], '招生')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; <mark>招生</mark>通知');
    expect(highlight(['标题 甲', '正文 甲 招生'], '甲 招生')).toBe('正文 <mark>甲</mark> <mark>招生</mark>');
    expect(highlight(['a < b & 招生'], '招生')).toBe('a &lt; b &amp; <mark>招生</mark>');
    expect(highlight(['无关', '正文提到义务教育'], '义务教育')).toBe('正文提到<mark>义务教育</mark>');
    expect(highlight(['标题'], '招生')).toBeNull();
    const long = `${'甲'.repeat(300)}招生${'乙'.repeat(300)}`;
    const snippet = highlight([long], '招生', 40);
    expect(snippet).toBe(`…${'甲'.repeat(10)}<mark>招生</mark>${'乙'.repeat(28)}…`);
    // A Han query not found whole is highlighted by its bigrams.
    expect(highlight(['教育和招生'], '教育招生')).toBe('<mark>教育</mark>和<mark>招生</mark>');
    expect(highlight(['清教〔2025〕105号'], '清教[2025]105号')).toBe('<mark>清教</mark>〔<mark>2025</mark>〕<mark>105号</mark>');
  });

  it('turns rich text into plain text', () => {
    expect(plainText('# 标题\n\n**加粗** [链接](http://x) <b>b</b>')).toBe('标题 加粗 链接 b');
  });
});
