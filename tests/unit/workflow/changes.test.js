// The reviewers' diff (domain/changes.ts): word-level for Chinese and English text, only the fields
// that changed, relations and attachments as added/removed by name.
const { diffContent, diffText, tokenize, plainText, renderChangesHtml, renderSlipBody, stateMachine: m } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const file = (hash, extra = {}) => ({ sha256: `s-${hash}`, hash, size: 1.5, mime: 'application/pdf', ...extra });
const options = { textFields: ['title', 'summary'], richTextFields: ['body'], relationFields: ['category', 'related'], mediaFields: ['attachments'] };

describe('diffText', () => {
  it('shows only the changed word of a Chinese sentence', () => {
    expect(diffText('关于开展安全生产检查的通知', '关于开展消防安全检查的通知')).toEqual([
      { value: '关于开展' }, { added: true, value: '消防' }, { value: '安全' }, { removed: true, value: '生产' }, { value: '检查的通知' },
    ]);
    expect(diffText('本通知说明安全检查的时间安排', '本通知说明消防检查的时间安排')).toEqual([
      { value: '本通知说明' }, { removed: true, value: '安全' }, { added: true, value: '消防' }, { value: '检查的时间安排' },
    ]);
  });

  it('keeps English words whole', () => {
    expect(diffText('The office opens at nine.', 'The office opens at eight.')).toEqual([
      { value: 'The office opens at ' }, { removed: true, value: 'nine' }, { added: true, value: 'eight' }, { value: '.' },
    ]);
  });

  it('reads replacements separated only by spaces as one', () => {
    expect(diffText('the big red car', 'the small blue car')).toEqual([
      { value: 'the ' }, { removed: true, value: 'big red' }, { added: true, value: 'small blue' }, { value: ' car' },
    ]);
  });

  it('joined again, the parts give both texts back', () => {
    const before = '第一条 为了规范政府信息公开工作，制定本办法。\n第二条 Mixed 中英 text, 2026年。';
    const after = '第一条 为了进一步规范政府信息公开工作，制定本规定。\n第二条 Mixed text, 2027年。';
    const parts = diffText(before, after);
    expect(parts.filter((p) => !p.added).map((p) => p.value).join('')).toBe(before);
    expect(parts.filter((p) => !p.removed).map((p) => p.value).join('')).toBe(after);
    expect(tokenize(before).join('')).toBe(before);
  });

  it('gives up beyond the edit limit: the old text removed, the new added', () => {
    expect(diffText('甲乙丙丁', '子丑寅卯', { maxEditLength: 1 })).toEqual([{ removed: true, value: '甲乙丙丁' }, { added: true, value: '子丑寅卯' }]);
  });
});

describe('diffContent', () => {
  const before = {
    title: '关于开展安全检查的通知', summary: '概述', body: '# 正文\n\n检查时间为三月。', genre: 'notice', important: false,
    category: 'cat-1', related: ['doc-a', 'doc-b'], attachments: [file('h1'), file('h2')],
  };

  it('omits unchanged fields', () => {
    expect(diffContent(before, { ...before, related: ['doc-a', 'doc-b'], attachments: [file('h1'), file('h2')] }, options)).toEqual([]);
  });

  it('word-diffs text and the body, shows other values before → after', () => {
    const changes = diffContent(before, { ...before, body: '# 正文\n\n检查时间为四月。', genre: 'announcement' }, options);
    expect(changes).toEqual([
      { field: 'body', kind: 'text', parts: [{ value: '# 正文\n\n检查时间为' }, { removed: true, value: '三月' }, { added: true, value: '四月' }, { value: '。' }] },
      { field: 'genre', kind: 'value', before: 'notice', after: 'announcement' },
    ]);
  });

  it('lists relations and attachments added and removed, by name', () => {
    const labels = { 'doc-a': '甲文件', 'doc-b': '乙文件', 'doc-c': '丙文件', 'cat-1': '规划计划', 'cat-2': '财政信息', h1: '通知.pdf', h2: '附件二.pdf', h3: '附件三.pdf' };
    const changes = diffContent(before, { ...before, category: 'cat-2', related: ['doc-b', 'doc-c'], attachments: [file('h1'), file('h3')] }, { ...options, labels });
    expect(changes).toEqual([
      { field: 'category', kind: 'relation', added: ['财政信息'], removed: ['规划计划'] },
      { field: 'related', kind: 'relation', added: ['丙文件'], removed: ['甲文件'] },
      { field: 'attachments', kind: 'media', added: ['附件三.pdf'], removed: ['附件二.pdf'] },
    ]);
  });

  it('a removed attachment alone; a relation cleared; a field only one side has', () => {
    const changes = diffContent(before, { ...before, category: null, attachments: [file('h1')], extra: '新字段' }, { ...options, labels: { h2: '附件二.pdf' } });
    expect(changes).toEqual([
      { field: 'category', kind: 'relation', added: [], removed: ['cat-1'] },
      { field: 'attachments', kind: 'media', added: [], removed: ['附件二.pdf'] },
      { field: 'extra', kind: 'value', before: null, after: '新字段' },
    ]);
  });

  it('recognises media without being told, and flattens Strapi blocks to text', () => {
    expect(diffContent({ files: [file('x')] }, { files: [] }, {})).toEqual([{ field: 'files', kind: 'media', added: [], removed: ['x'] }]);
    const blocks = (text) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
    expect(plainText(blocks('你好'))).toBe('你好');
    expect(diffContent({ rich: blocks('今天下雨') }, { rich: blocks('今天晴') }, { richTextFields: ['rich'] })[0].parts).toEqual([
      { value: '今天' }, { removed: true, value: '下雨' }, { added: true, value: '晴' },
    ]);
  });
});

describe('on the 审核单', () => {
  const view = {
    base: 'approved', baseHash: 'h', baseAt: '2026-03-02T01:30:00.000Z', fields: [
      { field: 'summary', label: '内容概述', kind: 'text', parts: [{ value: '<b>' }, { removed: true, value: '安全' }, { added: true, value: '消防' }] },
      { field: 'attachments', kind: 'media', added: [], removed: ['附件<二>.pdf'] },
      { field: 'genre', kind: 'value', before: 'notice', after: 'report' },
    ],
  };

  it('renders escaped insertions and deletions', () => {
    const html = renderChangesHtml(view);
    expect(html).toContain('本轮修改');
    expect(html).toContain('2026/3/2 09:30:00');
    expect(html).toContain('<td>内容概述</td><td class="dw-diff">&lt;b&gt;<del>安全</del><ins>消防</ins></td>');
    expect(html).toContain('<del>－ 附件&lt;二&gt;.pdf</del>');
    expect(html).toContain('<del>notice</del> → <ins>report</ins>');
    expect(html).not.toContain('<b>');
  });

  it('says so when nothing changed and for a first submission', () => {
    expect(renderChangesHtml({ ...view, fields: [] })).toContain('无修改 No changes');
    expect(renderChangesHtml({ base: 'none', baseHash: null, baseAt: null, fields: [] })).toContain('首次送审');
  });

  it('is part of the slip when given', () => {
    const at = '2026-03-02T01:30:00.000Z';
    const round = m.submit(null, { actor: { id: 1, roles: ['a'] }, submitRoles: ['a'], steps: [{ name: '一审', roles: ['b'] }], signOffRoles: ['c'], contentHash: 'h1', author: 1, at });
    const input = { typeName: '公开事项', doc: { title: 't' }, round, names: {}, printedAt: at };
    expect(renderSlipBody(input)).not.toContain('本轮修改');
    expect(renderSlipBody({ ...input, changes: view })).toContain('<del>安全</del><ins>消防</ins>');
  });
});
