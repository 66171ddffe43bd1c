// The catalogue migration's mapping of old systems' columns and values (src/domain/catalogue-import.ts).
const m = require('../../dist/src/domain/catalogue-import');
const { parseIndexNumber, renderIndexNumber, DEFAULT_INDEX_TEMPLATE } = require('../../dist/src/domain/index-number');

const TODAY = '2026-01-01';
const HEADER = ['索引号', '标题', '发文字号', '发布机构', '成文日期', '发布日期', '主题分类', '体裁', '有效性', '公开方式', '内容概述', '正文', '附件'];
const row = (over = {}) => {
  const base = { 索引号: 'A01/2024-00007', 标题: '关于做好春耕工作的通知', 发文字号: '清农〔2024〕3号', 发布机构: '县农业农村局', 成文日期: '2024/3/1', 发布日期: '2024年3月5日', 主题分类: '农业', 体裁: '通知', 有效性: '有效', 公开方式: '主动公开', 内容概述: '春耕', 正文: '<p>各乡镇：</p><ul><li>一</li></ul>', 附件: 'a.pdf; b.docx|c.xlsx' };
  const values = { ...base, ...over };
  return HEADER.map((h) => values[h]);
};
const resolved = m.resolveColumns(HEADER);

describe('catalogue import mapping', () => {
  it('maps the common headers and values without configuration', () => {
    expect(resolved.problems).toEqual([]);
    const { value, problems } = m.mapRow(row(), 2, resolved, { today: TODAY });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      row: 2, indexNumber: 'A01/2024-00007', title: '关于做好春耕工作的通知', documentNumber: '清农〔2024〕3号', department: '县农业农村局',
      formedAt: '2024-03-01', publishedDate: '2024-03-04T16:00:00.000Z', category: '农业', genre: 'notice', validity: 'valid', disclosure: 'proactive',
      publish: true, attachments: ['a.pdf', 'b.docx', 'c.xlsx'],
    });
    expect(value.body).toBe('各乡镇：\n\n-   一');
  });

  it('reads the three date forms and refuses impossible dates', () => {
    expect(m.parseDate('2025-03-01')).toBe('2025-03-01');
    expect(m.parseDate('2025/3/1')).toBe('2025-03-01');
    expect(m.parseDate('2025年3月1日')).toBe('2025-03-01');
    expect(m.parseDate('2025-02-30')).toBeNull();
    expect(m.parseDate('3/1/2025')).toBeNull();
    expect(m.parseInstant('2025-03-01T02:03:04.000Z')).toBe('2025-03-01T02:03:04.000Z');
    expect(m.parseInstant('2025/3/1 08:30')).toBe('2025-03-01T00:30:00.000Z');
  });

  it('maps 有效性, 公开属性 and 体裁 labels from code-labels', () => {
    const v = (over) => m.mapRow(row(over), 3, resolved, { today: TODAY });
    expect(v({ 有效性: '失效' }).value.validity).toBe('expired');
    expect(v({ 有效性: '废止' }).value.validity).toBe('repealed');
    expect(v({ 公开方式: '依申请公开' }).value).toMatchObject({ disclosure: 'on_request', publish: true });
    expect(v({ 体裁: '行政规范性文件' }).value.genre).toBe('normativeDocument');
    expect(v({ 体裁: '政策解读' }).value.genre).toBe('interpretation');
  });

  it('imports 不予公开 and 涉密 unpublished', () => {
    const withheld = m.mapRow(row({ 公开方式: '不予公开' }), 4, m.resolveColumns([...HEADER, '不予公开理由']), { today: TODAY });
    expect(withheld.problems.map((p) => p.column)).toEqual(['不予公开理由']);
    const header = [...HEADER, '不予公开理由'];
    const ok = m.mapRow([...row({ 公开方式: '不予公开' }), '属于四类过程性信息'], 4, m.resolveColumns(header), { today: TODAY });
    expect(ok.value).toMatchObject({ disclosure: 'withheld', exemptionReason: 'processInfo', publish: false });
    const secret = m.mapRow(row({ 公开方式: '涉密' }), 5, resolved, { today: TODAY });
    expect(secret.value).toMatchObject({ classified: true, disclosure: 'withheld', exemptionReason: 'stateSecret', publish: false });
  });

  it('names each problem by row and column', () => {
    const { value, problems } = m.mapRow(row({ 标题: '', 成文日期: '2024-13-01', 体裁: '诗歌', 有效性: '半有效' }), 9, resolved, { today: TODAY });
    expect(value).toBeNull();
    expect(problems.map((p) => [p.row, p.column])).toEqual([[9, '标题'], [9, '成文日期'], [9, '体裁'], [9, '有效性']]);
    expect(m.mapRow(row({ 成文日期: '2027-01-01' }), 2, resolved, { today: TODAY }).problems[0].column).toBe('成文日期');
  });

  it('finds a 索引号 twice in the file', () => {
    const checks = new m.FileChecks();
    const a = m.mapRow(row(), 2, resolved, { today: TODAY }).value;
    const b = m.mapRow(row(), 7, resolved, { today: TODAY }).value;
    expect(checks.add(a)).toEqual([]);
    expect(checks.add(b)).toEqual([expect.objectContaining({ row: 7, column: '索引号' })]);
  });

  it('reports a missing required column, and a mapping file renames headers and adds values', () => {
    expect(m.resolveColumns(['索引号', '标题']).problems.map((p) => p.column)).toEqual(['发布机构/发文机关', '成文日期']);
    const mapping = { headers: { title: '文件标题', formedAt: ['印发日期'] }, values: { genre: { 通报: 'notice' } } };
    const cols = m.resolveColumns(['文件标题', '发布机构', '印发日期', '体裁'], mapping);
    expect(cols.problems).toEqual([]);
    expect(m.mapRow(['通报一则', 'D1', '2024-01-02', '通报'], 2, cols, { today: TODAY, mapping }).value).toMatchObject({ title: '通报一则', genre: 'notice', formedAt: '2024-01-02' });
    expect(() => m.resolveColumns(['x'], { headers: { nonsense: 'x' } })).toThrow(/unknown field/);
  });

  it('reads back what the export writes', () => {
    const item = {
      indexNumber: 'X/2024-00001', title: 'T', department: { name: '部门', code: 'D1' }, category: { name: '农业', code: 'C1' }, formedAt: '2024-01-02',
      publishedDate: '2024-01-03T04:05:06.000Z', genre: 'plan', validity: 'repealed', repealAt: '2025-01-01', disclosure: 'proactive', classified: false,
      published: true, body: '**正文**', summary: 's', keywords: 'k', effectiveAt: '2024-02-01',
    };
    const cols = m.resolveColumns(m.EXPORT_HEADERS);
    const { value, problems } = m.mapRow(m.exportRow(item, ['a.pdf', 'b.pdf']), 2, cols, { today: TODAY });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ indexNumber: 'X/2024-00001', department: 'D1', category: 'C1', publishedDate: '2024-01-03T04:05:06.000Z', genre: 'plan', validity: 'repealed', repealAt: '2025-01-01', effectiveAt: '2024-02-01', body: '**正文**', attachments: ['a.pdf', 'b.pdf'], publish: true });
    expect(m.mapRow(m.exportRow({ ...item, published: false }, []), 2, cols, { today: TODAY }).value.publish).toBe(false);
  });
});

describe('parseIndexNumber', () => {
  it('reads year and sequence back from the template', () => {
    const n = renderIndexNumber(DEFAULT_INDEX_TEMPLATE, { orgCode: '0142768-8', year: 2022, seq: 185 });
    expect(parseIndexNumber(DEFAULT_INDEX_TEMPLATE, n)).toEqual({ orgCode: '0142768-8', year: 2022, seq: 185 });
    expect(parseIndexNumber(DEFAULT_INDEX_TEMPLATE, n, { orgCode: '0142768-8' })).toMatchObject({ seq: 185 });
    expect(parseIndexNumber(DEFAULT_INDEX_TEMPLATE, n, { orgCode: 'OTHER' })).toBeNull();
    expect(parseIndexNumber('{regionCode}-{orgCode}-{year}-{seq:3}', '339901-A-B-2025-1234', { orgCode: 'A-B' })).toEqual({ regionCode: '339901', orgCode: 'A-B', year: 2025, seq: 1234 });
    expect(parseIndexNumber(DEFAULT_INDEX_TEMPLATE, '旧系统编号 17')).toBeNull();
  });
});
