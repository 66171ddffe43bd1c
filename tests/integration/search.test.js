// 政策文件库 search: the quality fixture (tests/fixtures/search-quality.js) through GET /api/catalogue?q=,
// then visibility (never a non-public item, also after it was found once), highlight escaping,
// filters, paging, bad input. Queries are narrowed to this file's department (the database is shared).
const { Document, Packer, Paragraph } = require('docx');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, itemData, unique } = require('../helpers/fixtures');
const { approveAndPublish } = require('../helpers/workflow');
const { pdfBytes, storedFile } = require('../helpers/files');
const { waitFor } = require('../helpers/admin-http');
const { DOCS, QUERIES } = require('../fixtures/search-quality');
const { publicCache } = require('../../dist/src/middlewares/lib/public-cache-store');

let department;
let other;
const ids = {};
const keyOf = new Map();

async function attachmentFile({ kind, name, text }) {
  const bytes = kind === 'pdf' ? await pdfBytes([text]) : await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));
  return storedFile(name, bytes);
}

/** Published through the approval chain, with its (past) 发布日期 recorded the way the import does. */
async function publish(dept, { attachment, interprets, ...fields }) {
  const data = itemData(dept, { formedAt: fields.publishedDate.slice(0, 10), ...fields });
  if (interprets) data.interprets = interprets.map((key) => ids[key]);
  if (attachment) data.attachments = [(await attachmentFile(attachment)).id];
  const draft = await strapi.documents(ITEM).create({ data, [Symbol.for('disclosure.historicalPublishedDate')]: true });
  await approveAndPublish(ITEM, draft.documentId);
  return draft.documentId;
}

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment({ name: unique('检索测试局') });
  other = await makeDepartment({ name: unique('检索测试乙局') });
  for (const [key, doc] of Object.entries(DOCS)) {
    ids[key] = await publish(department, doc);
    keyOf.set(ids[key], key);
  }
  // Attachment text is indexed by a background pass after the publish.
  await waitFor(async () => (await strapi.service('api::disclosure-item.search-index').pendingCount()) === 0, 20000);
});
afterAll(cleanupStrapi);

const search = (query) => http().get('/api/catalogue').query(query);
const mine = async (q, extra = {}) => {
  const res = await search({ q, department: department.documentId, ...extra });
  expect(res.status).toBe(200);
  return res.body.data.map((row) => keyOf.get(row.documentId) ?? row.documentId);
};

describe('search quality fixture', () => {
  it(`has at least 40 queries`, () => expect(QUERIES.length).toBeGreaterThanOrEqual(40));

  it.each(QUERIES.map((query) => [query.q, query]))('%s', async (q, { first, top = [], none }) => {
    const keys = await mine(q);
    if (none) return expect(keys).toEqual([]);
    if (first) expect(keys[0]).toBe(first);
    for (const key of top) expect(keys.slice(0, 3)).toContain(key);
  });
});

describe('search', () => {
  it('finds title and body words right after the publish, with a highlighted snippet', async () => {
    const marker = unique('即时');
    const documentId = await publish(other, { title: `${marker} 关于秸秆禁烧的通告`, body: `全县范围内禁止露天焚烧秸秆，${marker}。`, publishedDate: '2025-10-01T01:00:00.000Z' });
    const res = await search({ q: '秸秆禁烧', department: other.documentId });
    expect(res.body.data.map((r) => r.documentId)).toEqual([documentId]);
    expect(res.body.data[0].highlight).toBe(`${marker} 关于<mark>秸秆禁烧</mark>的通告`);
    const body = await search({ q: `露天焚烧 ${marker}`, department: other.documentId });
    expect(body.body.data[0].highlight).toContain('<mark>露天焚烧</mark>');
  });

  it('never finds an unpublished, withheld or classified item, also after it was found once', async () => {
    const marker = unique('隐去');
    const draft = await strapi.documents(ITEM).create({ data: itemData(other, { title: `${marker} 草稿事项` }) });
    const withheld = await publish(other, { title: `${marker} 后来不予公开`, publishedDate: '2025-10-02T01:00:00.000Z' });
    const secret = await publish(other, { title: `${marker} 后来涉密`, publishedDate: '2025-10-03T01:00:00.000Z' });
    const unpublished = await publish(other, { title: `${marker} 后来撤下`, publishedDate: '2025-10-04T01:00:00.000Z' });
    const found = async () => (await search({ q: marker })).body.data.map((r) => r.documentId);
    expect((await found()).sort()).toEqual([withheld, secret, unpublished].sort());
    expect(await found()).not.toContain(draft.documentId);

    await strapi.documents(ITEM).update({ documentId: withheld, data: { disclosure: 'withheld', exemptionReason: 'internalAffairs' } });
    await strapi.documents(ITEM).update({ documentId: secret, data: { classified: true, disclosure: 'withheld', exemptionReason: 'stateSecret' } });
    await strapi.documents(ITEM).unpublish({ documentId: unpublished });
    expect(await found()).toEqual([]);
    const rows = await strapi.db.connection('search_items').whereIn('document_id', [draft.documentId, withheld, secret, unpublished]);
    expect(rows).toEqual([]);
  });

  it('does not show an item whose index row is stale (the query joins the live row)', async () => {
    const marker = unique('陈旧');
    const documentId = await publish(other, { title: `${marker} 索引未更新`, publishedDate: '2025-10-05T01:00:00.000Z' });
    // A write that bypasses the query engine (no lifecycle): the index still has the row.
    await strapi.db.connection('disclosure_items').where({ document_id: documentId }).update({ classified: true });
    expect(await strapi.db.connection('search_items').where({ document_id: documentId }).first()).toBeTruthy();
    expect((await search({ q: marker })).body.data).toEqual([]);
  });

  it('clears cached answers once attachment text is indexed (no item write announces it)', async () => {
    const marker = unique('附件缓存');
    const documentId = await publish(other, { title: `${marker} 设备维护合同公告`, body: '详见附件。', attachment: { kind: 'docx', name: '维保.docx', text: '核磁共振成像设备年度维保服务' }, publishedDate: '2025-10-05T02:00:00.000Z' });
    await strapi.service('api::disclosure-item.search-index').drain();
    // As if the text pass had not run yet: the row waits for it, and an answer is in the cache.
    await strapi.db.connection('search_items').where({ document_id: documentId }).update({ attachment_sig: 'outdated', attachments_pending: 1 });
    // Asked until the answer is cached (a notification of an earlier change may clear it meanwhile).
    expect(await waitFor(async () => (await search({ q: `维保服务 ${marker}` })).status === 200 && publicCache().responses.size > 0, 5000)).toBe(true);
    await strapi.service('api::disclosure-item.search-index').drain();
    expect(publicCache().responses.size).toBe(0);
    expect((await search({ q: `维保服务 ${marker}` })).body.data.map((r) => r.documentId)).toEqual([documentId]);
  });

  it('follows an update of the published item and a deletion', async () => {
    const marker = unique('更新');
    const documentId = await publish(other, { title: `${marker} 原标题`, body: '旧正文提到山茶油', publishedDate: '2025-10-06T01:00:00.000Z' });
    expect((await search({ q: `山茶油 ${marker}` })).body.data).toHaveLength(1);
    await strapi.db.query(ITEM).updateMany({ where: { documentId }, data: { body: '新正文提到猕猴桃' } });
    expect((await search({ q: `山茶油 ${marker}` })).body.data).toHaveLength(0);
    expect((await search({ q: `猕猴桃 ${marker}` })).body.data).toHaveLength(1);
    await strapi.documents(ITEM).delete({ documentId });
    expect((await search({ q: marker })).body.data).toHaveLength(0);
  });

  it('escapes HTML in highlights', async () => {
    const [row] = (await search({ q: '网络安全宣传周', department: department.documentId })).body.data;
    expect(row.highlight).toBe('&lt;script&gt;alert(1)&lt;/script&gt;关于<mark>网络安全宣传周</mark>的公告');
  });

  it('combines q with the catalogue filters and sorts', async () => {
    expect(await mine('清溪县', { genre: 'normativeDocument' })).toEqual(['medical', 'schoolBus']);
    expect(await mine('卫生', { year: 2023 })).toEqual(['hygieneOld']);
    expect(await mine('爱国卫生运动', { sort: 'publishedDate:asc' })).toEqual(['hygieneOld', 'hygieneNew']);
    expect(await mine('防汛', { department: other.documentId })).toEqual([]);
    const row = (await search({ q: '防汛抗旱', department: department.documentId })).body.data[0];
    expect(row).toMatchObject({ title: DOCS.flood.title, department: { name: department.name }, highlight: expect.stringContaining('<mark>') });
    for (const field of ['id', 'body', 'classified']) expect(row).not.toHaveProperty(field);
  });

  it('pages the ranked hits', async () => {
    const all = await mine('清溪县', { pageSize: 100 });
    expect(all.length).toBeGreaterThan(10);
    const page2 = await search({ q: '清溪县', department: department.documentId, pageSize: 5, page: 2 });
    expect(page2.body.data.map((r) => keyOf.get(r.documentId))).toEqual(all.slice(5, 10));
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 5, pageCount: Math.ceil(all.length / 5), total: all.length });
    const beyond = await search({ q: '清溪县', department: department.documentId, pageSize: 5, page: 100 });
    expect(beyond.body).toMatchObject({ data: [], meta: { pagination: { total: all.length } } });
  });

  it('refuses bad q and sort=relevance without q with a 400 naming the parameter', async () => {
    for (const [query, field] of [[{ q: '' }, 'q'], [{ q: '   ' }, 'q'], [{ q: '字'.repeat(101) }, 'q'], [{ 'q[$ne]': 'x' }, 'q'], [{ sort: 'relevance' }, 'sort']]) {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors.map((e) => e.path.join('.'))).toContain(field);
    }
    expect((await search({ q: '字'.repeat(100) })).status).toBe(200);
    expect((await search({ q: '!!!' })).body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });
});

describe('relevance without filters: tier by tier, in date order', () => {
  /**
   * A marker word in the titles of 3 items, the summaries of 3 and the bodies of `bodies` (dated
   * `bodyYear`), inserted as published public rows in one statement (the index follows by the
   * database lifecycles). Expected: titles, then summaries, then bodies, each newest first.
   */
  async function corpus(bodies, bodyYear) {
    const marker = unique('zq');
    const row = (n, year, fields) => ({
      ...itemData(department, fields),
      documentId: unique('tier').padEnd(24, '0'),
      indexNumber: unique(`T-${year}-`),
      publishedDate: new Date(Date.UTC(year, 0, 1 + (n % 28), n % 24)).toISOString(),
      publishedAt: new Date(),
      disclosure: 'proactive',
      classified: false,
      department: undefined,
    });
    const data = [
      ...[0, 1, 2].map((n) => row(n, 2030 + n, { title: `关于 ${marker} 的通知 ${n}` })),
      ...[0, 1, 2].map((n) => row(n, 2040 + n, { summary: `概述 ${marker} ${n}` })),
      ...Array.from({ length: bodies }, (_, n) => row(n, bodyYear + (n % 7), { body: `正文提到 ${marker} 第${n}项` })),
    ];
    await strapi.db.query(ITEM).createMany({ data });
    if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('ANALYZE search_items');
    const newestFirst = (rows) => [...rows].sort((a, b) => b.publishedDate.localeCompare(a.publishedDate) || b.documentId.localeCompare(a.documentId)).map((r) => r.documentId);
    return { marker, expected: [...newestFirst(data.slice(0, 3)), ...newestFirst(data.slice(3, 6)), ...newestFirst(data.slice(6))] };
  }

  async function pages(marker, pageSize) {
    const seen = [];
    for (let page = 1; ; page++) {
      const res = await search({ q: marker, pageSize, page });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((r) => r.documentId));
      if (page >= res.body.meta.pagination.pageCount) return { seen, total: res.body.meta.pagination.total };
    }
  }

  /** The plans PostgreSQL pages of the body tier were read with (the service logs each at debug). */
  async function plans(run) {
    const spy = jest.spyOn(strapi.log, 'debug');
    try {
      return { result: await run(), plans: spy.mock.calls.map(([m]) => String(m)).filter((m) => m.startsWith('[search] tier 1 ')).map((m) => m.split(': ').pop()) };
    } finally {
      spy.mockRestore();
    }
  }
  const postgres = () => strapi.db.dialect.client === 'postgres';

  // Newest body matches: a walk along the dates fills the pages at once (on PostgreSQL).
  it('pages title, summary and body matches in order when the body matches are the newest items', async () => {
    const { marker, expected } = await corpus(400, 2090);
    const { result, plans: used } = await plans(() => pages(marker, 4));
    expect(result).toEqual({ seen: expected, total: 406 });
    // The first pages walk; deeper pages may go straight to the lookup, but no walk falls short.
    if (postgres()) {
      expect(used[0]).toBe('walk');
      expect(used).not.toContain('lookup after a short walk');
    }
  });

  // Oldest body matches: a walk from the newest items finds none and falls back to the index lookup.
  it('pages them in order when the body matches are older than everything else', async () => {
    const { marker, expected } = await corpus(400, 1950);
    const { result, plans: used } = await plans(() => pages(marker, 5));
    expect(result).toEqual({ seen: expected, total: 406 });
    if (postgres()) {
      expect(used[0]).toBe('walk');
      expect(used[1]).toBe('lookup after a short walk');
    }
  });

  it('exports by full-text q in the list\'s order, body-only matches included', async () => {
    const { marker, expected } = await corpus(12, 2000);
    const res = await http().get('/api/catalogue/export.json').query({ q: marker });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).map((r) => r.documentId)).toEqual(expected);
  });
});

