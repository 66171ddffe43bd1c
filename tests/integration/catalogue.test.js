// The portal catalogue: filters, sub-trees, lookup, ordering, paging caps and open-data export.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, CATEGORY, http, makeDepartment, makeItem, itemData, unique } = require('../helpers/fixtures');
const { approveAndPublish } = require('../helpers/workflow');

let county;
let bureau;
let section;
let other;
let policy;
let regulations;
let marker;

beforeAll(async () => {
  await setupStrapi();
  marker = unique('目录');
  county = await makeDepartment({ name: `测试县政府${marker}` });
  bureau = await makeDepartment({ name: `测试县教育局${marker}`, parent: county.documentId });
  section = await makeDepartment({ name: `测试县教育局基教科${marker}`, parent: bureau.documentId });
  other = await makeDepartment({ name: `测试县财政局${marker}` });
  policy = await strapi.documents(CATEGORY).findFirst({ filters: { code: 'B02' } });
  regulations = await strapi.documents(CATEGORY).findFirst({ filters: { code: 'B0201' } });
  const item = (dept, title, overrides = {}, options) => makeItem(dept, { title: `${marker} ${title}`, ...overrides }, options);
  // Past 发布日期 are history: only server code may record them, through the import's trusted
  // parameter (README → 发布日期); a client-supplied one is refused.
  const historical = async (dept, title, overrides) => {
    const draft = await strapi.documents(ITEM).create({ data: itemData(dept, { title: `${marker} ${title}`, ...overrides }), [Symbol.for('disclosure.historicalPublishedDate')]: true });
    await approveAndPublish(ITEM, draft.documentId);
  };
  await historical(county, '县政府规章', { genre: 'regulation', category: regulations.documentId, formedAt: '2023-02-01', publishedDate: '2023-02-10T01:00:00.000Z', documentNumber: `测${marker}〔2023〕1号` });
  await historical(bureau, '教育局通知', { genre: 'notice', category: policy.documentId, formedAt: '2024-03-01', publishedDate: '2024-03-05T01:00:00.000Z', summary: `关于校车安全的${marker}概述` });
  await historical(section, '基教科公告', { genre: 'announcement', formedAt: '2024-07-01', publishedDate: '2024-07-03T01:00:00.000Z', validity: 'repealed' });
  await historical(other, '财政局报告', { genre: 'report', formedAt: '2025-01-15', publishedDate: '2025-01-20T01:00:00.000Z' });
  await item(other, '草稿', { formedAt: '2025-01-16' }, { status: 'draft' });
  const withheld = await item(other, '不予公开', { formedAt: '2025-01-17' });
  await strapi.documents(ITEM).update({ documentId: withheld.documentId, data: { disclosure: 'withheld', exemptionReason: 'internalAffairs' } });
});
afterAll(cleanupStrapi);

const list = (query) => http().get('/api/catalogue').query({ q: marker, ...query });
const titles = (res) => res.body.data.map((r) => r.title.replace(`${marker} `, ''));

describe('catalogue', () => {
  it('lists only public items, newest publication first', async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(['财政局报告', '基教科公告', '教育局通知', '县政府规章']);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 4 });
    const asc = await list({ sort: 'publishedDate:asc' });
    expect(titles(asc)).toEqual(['县政府规章', '教育局通知', '基教科公告', '财政局报告']);
  });

  it('filters by department, optionally with its sub-departments, by code or documentId', async () => {
    expect(titles(await list({ department: bureau.documentId }))).toEqual(['教育局通知']);
    expect(titles(await list({ department: bureau.code, includeSubDepartments: true }))).toEqual(['基教科公告', '教育局通知']);
    expect(titles(await list({ department: county.code, includeSubDepartments: true }))).toHaveLength(3);
    expect(titles(await list({ department: 'no-such-department' }))).toEqual([]);
  });

  it('filters by category including sub-categories', async () => {
    expect(titles(await list({ category: 'B02' }))).toEqual(['教育局通知', '县政府规章']);
    expect(titles(await list({ category: regulations.documentId }))).toEqual(['县政府规章']);
  });

  it('filters by year, genre and validity, and searches title, 文号 and summary', async () => {
    expect(titles(await list({ year: 2024 }))).toEqual(['基教科公告', '教育局通知']);
    expect(titles(await list({ genre: 'report' }))).toEqual(['财政局报告']);
    expect(titles(await list({ validity: 'repealed' }))).toEqual(['基教科公告']);
    expect(titles(await http().get('/api/catalogue').query({ q: `测${marker}〔2023〕1号` }))).toEqual(['县政府规章']);
    expect(titles(await http().get('/api/catalogue').query({ q: `校车安全的${marker}` }))).toEqual(['教育局通知']);
  });

  it('includes department and category references and no internal fields', async () => {
    const [row] = (await list({ genre: 'regulation' })).body.data;
    expect(row.department).toMatchObject({ code: county.code, name: county.name });
    expect(row.category).toMatchObject({ code: 'B0201' });
    for (const field of ['reviewAt', 'internalNotes', 'exemptionReason', 'classified', 'id', 'body']) expect(row).not.toHaveProperty(field);
  });

  it('pages with a hard maximum page size', async () => {
    const page2 = await list({ pageSize: 3, page: 2 });
    expect(titles(page2)).toEqual(['县政府规章']);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
    expect((await list({ pageSize: 5000 })).body.meta.pagination.pageSize).toBe(100);
  });

  it('looks up an item by index number, with body and only public related items', async () => {
    const [row] = (await list({ genre: 'report' })).body.data;
    const res = await http().get('/api/catalogue/lookup').query({ indexNumber: row.indexNumber });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ title: row.title, body: '正文', related: [] });
    const withheld = await strapi.db.query(ITEM).findOne({ where: { title: `${marker} 不予公开`, publishedAt: { $notNull: true } } });
    expect((await http().get('/api/catalogue/lookup').query({ indexNumber: withheld.indexNumber })).status).toBe(404);
    expect((await http().get('/api/catalogue/lookup')).status).toBe(400);
  });

  it('exports the same query as CSV and JSON', async () => {
    const json = await http().get('/api/catalogue/export.json').query({ q: marker, year: 2024 }).buffer(true).parse((res, cb) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => cb(null, body));
    });
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(json.body).map((r) => r.title.replace(`${marker} `, ''))).toEqual(['基教科公告', '教育局通知']);

    const csv = await http().get('/api/catalogue/export.csv').query({ q: marker }).buffer(true).parse((res, cb) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => cb(null, body));
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('索引号,名称,文号,发布机构,机构代码,成文日期,发布日期,主题分类,体裁,关键词,内容概述,有效性,实施日期,废止日期,文档编号');
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.includes('基教科公告') && l.includes('废止') && l.includes('公告'))).toBe(true);
  });

  it('answers bad queries with a 400 naming the parameter', async () => {
    for (const query of [{ foo: '1' }, { 'department[$ne]': 'x' }, { year: 'abc' }, { genre: 'poem' }, { page: '-1' }, { sort: 'id' }]) {
      const res = await http().get('/api/catalogue').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.length).toBeGreaterThan(0);
    }
  });
});
