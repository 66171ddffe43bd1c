// Metadata (文号, dates, summary, 解读) and the links of a body.
const { checkMetadata, extractLinks } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const complete = { documentNumber: '清政办〔2025〕3号', formedAt: '2025-03-01', publishedDate: '2025-03-05T01:00:00.000Z', summary: '摘要' };
const only = (meta) => checkMetadata({ ...complete, ...meta });

describe('文号 (GB/T 9704)', () => {
  it.each(['清政办〔2025〕3号', '国办函〔2020〕109号', '浙政发〔2019〕12号'])('accepts %s', (documentNumber) => {
    expect(only({ documentNumber })).toEqual([]);
  });

  it.each([
    ['清政办[2025]3号', '清政办〔2025〕3号'],
    ['清政办(2025)3号', '清政办〔2025〕3号'],
    ['清政办（2025）3号', '清政办〔2025〕3号'],
    ['清政办【2025】3号', '清政办〔2025〕3号'],
    ['清政办〔2025〕3', '清政办〔2025〕3号'],
    ['清政办〔2025〕第03号', '清政办〔2025〕3号'],
  ])('warns on %s and suggests %s', (documentNumber, standard) => {
    expect(only({ documentNumber })).toEqual([{ rule: 'meta.documentNumber', severity: 'warning', field: 'documentNumber', excerpt: `${documentNumber} → ${standard}` }]);
  });

  it('warns on a number that is no 文号 at all, without a suggestion', () => {
    expect(only({ documentNumber: '2025-3' })[0].excerpt).toBe('2025-3（应为 机关代字〔年份〕序号号）');
  });

  it('accepts an item without 文号', () => {
    expect(only({ documentNumber: null })).toEqual([]);
  });
});

describe('dates, summary, 解读', () => {
  it('reports a 成文日期 after the 发布日期 (in China time) as an error', () => {
    expect(only({ formedAt: '2025-03-06' })).toEqual([expect.objectContaining({ rule: 'meta.dates', severity: 'error', field: 'formedAt' })]);
    expect(only({ formedAt: '2025-03-05', publishedDate: '2025-03-04T17:00:00Z' })).toEqual([]); // 2025-03-05 01:00 in Beijing
    expect(only({ formedAt: '2025-03-05', publishedDate: '2025-03-04T15:00:00Z' }).map((f) => f.rule)).toEqual(['meta.dates']);
    expect(only({ publishedDate: null })).toEqual([]);
  });

  it('warns on a missing summary', () => {
    expect(only({ summary: '  ' })).toEqual([expect.objectContaining({ rule: 'meta.summary', severity: 'warning' })]);
  });

  it('requires the 解读 of a 行政规范性文件 only when the office asks for it', () => {
    expect(only({ isNormativeDocument: true, requireInterpretation: true, hasInterpretation: false })).toEqual([expect.objectContaining({ rule: 'meta.interpretation', severity: 'error' })]);
    expect(only({ isNormativeDocument: true, requireInterpretation: true, hasInterpretation: true })).toEqual([]);
    expect(only({ isNormativeDocument: true, requireInterpretation: false })).toEqual([]);
    expect(only({ isNormativeDocument: false, requireInterpretation: true })).toEqual([]);
  });
});

describe('links in the body', () => {
  const body = [
    '## 通知',
    '见[实施办法](/items/abc123 "办法")和[解读](https://www.qingxi.gov.cn/api/items/x)。',
    '<p>另见 <a class="x" href="https://www.gov.cn/zhengce/">国务院<b>政策</b></a>、<a href=\'mailto:xxgk@qingxi.gov.cn\'>邮箱</a></p>',
    '![附图](/uploads/a.png) <img src="//cdn.example.com/b.png" alt="外图"> <https://example.com/c>',
  ].join('\n');

  it('lists Markdown and HTML links with their line and whether they point into the site', () => {
    expect(extractLinks('body', body, ['www.qingxi.gov.cn']).map((l) => [l.href, l.text, l.location, l.internal])).toEqual([
      ['/items/abc123', '实施办法', '第2行', true],
      ['https://www.qingxi.gov.cn/api/items/x', '解读', '第2行', true],
      ['https://www.gov.cn/zhengce/', '国务院政策', '第3行', false],
      ['mailto:xxgk@qingxi.gov.cn', '邮箱', '第3行', false],
      ['/uploads/a.png', '附图', '第4行', true],
      ['//cdn.example.com/b.png', '外图', '第4行', false],
      ['https://example.com/c', 'https://example.com/c', '第4行', false],
    ]);
  });

  it('compares hosts case-insensitively and has nothing to say about an empty body', () => {
    expect(extractLinks('body', '[a](HTTPS://WWW.QINGXI.GOV.CN/x)', ['www.qingxi.gov.cn'])[0]).toEqual({ field: 'body', href: 'HTTPS://WWW.QINGXI.GOV.CN/x', text: 'a', location: '第1行', internal: true });
    expect(extractLinks('body', '', [])).toEqual([]);
  });
});
