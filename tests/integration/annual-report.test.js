// 年度报告: tables 二, 三 and 四 built from a fixture year whose expected tables are written out by
// hand below, for the whole government and for a department with its sub-department; table 三's
// check; table 四 as of 31 December; the fee total, withdrawals and unpaid fees (another year);
// entered table 二 cells and the submit-for-review gate; the generated tables in drafts; the
// public REST, print and CSV routes for published reports only.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, makeItem, makeAdmin, unique } = require('../helpers/fixtures');
const { ENTERED_CELLS } = require('../../dist/src/domain/annual-report-entries');
const { approveAndPublish } = require('../helpers/workflow');

const REQUEST = 'api::disclosure-request.disclosure-request';
const REVIEW_CASE = 'api::review-case.review-case';
const REPORT = 'api::annual-report.annual-report';
// A year no other suite writes cases, appeals or 规章 / 规范性文件 for (they all use recent dates).
const YEAR = 2015;

let parent;
let child;
let unrelated;
let marker;
let admin;
const cases = {};
const reports = {};

const service = () => strapi.service(REPORT);
const row = (values = {}) => ({ naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 0, ...values });
const COLUMNS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const DISPOSITIONS = [
  'granted', 'partialGrant',
  'deniedStateSecret', 'deniedLawForbidden', 'deniedSafetyStability', 'deniedThirdPartyRights', 'deniedInternalAffairs', 'deniedProcessInfo', 'deniedEnforcementCase', 'deniedAdminQuery',
  'unableNoInfo', 'unableNeedCreation', 'unableUnclear',
  'notProcessedComplaint', 'notProcessedRepeat', 'notProcessedPublication', 'notProcessedMassive', 'notProcessedConfirm',
  'otherOverdueCorrection', 'otherOverdueFee', 'otherReasons',
];
/** Table 三 with every row zero except those given. */
const table3 = (rows) => ({
  columns: COLUMNS,
  rows: Object.fromEntries(['newReceived', 'carriedOver', ...DISPOSITIONS, 'totalProcessed', 'carriedForward'].map((key) => [key, row(rows[key])])),
});
const NO_DATA = {
  administrativeLicensing: { decisions: null },
  administrativePunishment: { decisions: null },
  administrativeCoercion: { decisions: null },
  administrativeFees: { amount: null },
};
const outcomes = (values = {}) => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0, ...values });
/** Table 三's checks: every column consistent except those given as [carriedIn, received, closed, carriedOut]. */
const checks = (t, failing = []) =>
  COLUMNS.map((column) => {
    const r = t.rows;
    return { column, carriedIn: r.carriedOver[column], received: r.newReceived[column], closed: r.totalProcessed[column], carriedOut: r.carriedForward[column], ok: !failing.includes(column) };
  });
/** Table 二 with the entered cells at 0. */
const withZeros = (t2) => ({ ...t2, administrativeLicensing: { decisions: 0 }, administrativePunishment: { decisions: 0 }, administrativeCoercion: { decisions: 0 }, administrativeFees: { amount: 0 } });
/** Every entered table 二 cell filled (zero is a value) with its source. */
const FILLED = Object.fromEntries(ENTERED_CELLS.flatMap((c) => [[c.value, 0], [c.source, '县政务服务管理局 本年度业务台账']]));

// ---- the expected tables, counted by hand from the fixture below -----------------------------

const WHOLE = {
  table2: {
    regulation: { issued: 1, repealed: 1, inForce: 1 }, // r1 issued; r2 repealed; r1 in force (r2 repealed, r3 formed 2016)
    normativeDocument: { issued: 1, repealed: 0, inForce: 3 }, // n2 issued; n1, n2, n3 in force (n3 expired only in 2016)
    ...NO_DATA,
  },
  table3: table3({
    newReceived: { naturalPerson: 4, commercial: 2, research: 1, publicInterest: 1, legalService: 1, otherOrg: 1, total: 10 }, // #4 #5 #11 #16, #10 #15, #6, #7, #8, #9
    carriedOver: { naturalPerson: 1, commercial: 1, research: 1, legalService: 1, total: 4 }, // #1, #2, #17, #14
    granted: { naturalPerson: 2, commercial: 1, total: 3 }, // #1 #4, #15
    partialGrant: { naturalPerson: 1, total: 1 }, // #5
    deniedStateSecret: { research: 1, total: 1 }, // #6
    deniedThirdPartyRights: { legalService: 1, total: 1 }, // #14, closed on 31 December
    unableNoInfo: { publicInterest: 1, total: 1 }, // #7
    notProcessedRepeat: { legalService: 1, total: 1 }, // #8
    otherReasons: { naturalPerson: 1, total: 1 }, // #11
    totalProcessed: { naturalPerson: 4, commercial: 1, research: 1, publicInterest: 1, legalService: 2, total: 9 },
    // Counted open on 31 December: #2 #10, #17, #9. Natural persons: 1 + 4 − 4 = 1 expected, but
    // #16 was closed without a disposition (not "processed", not open): the check says so.
    carriedForward: { commercial: 2, research: 1, otherOrg: 1, total: 4 },
  }),
  table4: {
    reconsideration: outcomes({ upheld: 1, corrected: 1, pending: 1, total: 3 }), // a1, a2, a7
    litigationDirect: outcomes({ corrected: 1, pending: 1, total: 2 }), // a8, a3
    litigationAfterReconsideration: outcomes({ other: 1, total: 1 }), // a4
  },
};

const PARENT = {
  table2: {
    regulation: { issued: 1, repealed: 1, inForce: 1 }, // r1 (parent), r2 (child)
    normativeDocument: { issued: 1, repealed: 0, inForce: 2 }, // n2 (child); n2, n3 (n1 belongs to the unrelated department)
    ...NO_DATA,
  },
  table3: table3({
    newReceived: { naturalPerson: 3, commercial: 2, research: 1, publicInterest: 1, total: 7 }, // #4 #5 #16, #10 #15, #6, #7
    carriedOver: { naturalPerson: 1, commercial: 1, legalService: 1, total: 3 }, // #1, #2, #14
    granted: { naturalPerson: 2, commercial: 1, total: 3 }, // #1 #4, #15
    partialGrant: { naturalPerson: 1, total: 1 }, // #5
    deniedStateSecret: { research: 1, total: 1 }, // #6
    deniedThirdPartyRights: { legalService: 1, total: 1 }, // #14
    unableNoInfo: { publicInterest: 1, total: 1 }, // #7
    totalProcessed: { naturalPerson: 3, commercial: 1, research: 1, publicInterest: 1, legalService: 1, total: 7 },
    carriedForward: { commercial: 2, total: 2 }, // #2, #10 (#16, closed without a disposition, fails the check)
  }),
  table4: {
    reconsideration: outcomes({ upheld: 1, total: 1 }), // a1 (a2 and a8 name the unrelated department, a5 is 2014, a7 has no department)
    litigationDirect: outcomes({ pending: 1, total: 1 }), // a3: no department of its own, its request is the child's
    litigationAfterReconsideration: outcomes({ other: 1, total: 1 }), // a4 (child)
  },
};

WHOLE.checks = checks(WHOLE.table3, ['naturalPerson', 'total']);
WHOLE.fees = { amount: 0, cases: 0 };
PARENT.checks = checks(PARENT.table3, ['naturalPerson', 'total']);
PARENT.fees = { amount: 0, cases: 0 };

// ---- fixture -----------------------------------------------------------------------------------

async function requestCase(key, department, applicantType, receivedAt, closedAt, disposition, extra = {}) {
  cases[key] = await strapi.db.query(REQUEST).create({
    data: {
      queryCode: unique(`AR-${key}-`),
      applicantType,
      applicantName: `申请人${key}`,
      organizationName: applicantType === 'naturalPerson' ? null : `某单位${key}`,
      description: `年度报告测试申请 ${marker} ${key}`,
      delivery: 'email',
      channel: 'online',
      receivedAt,
      closedAt,
      disposition,
      state: closedAt ? 'closed' : 'assigned',
      department: department ? department.id : null,
      events: [],
      ...extra,
    },
  });
}

async function reviewCase(key, kind, outcome, filedAt, { request, department, decidedAt = null } = {}) {
  await strapi.db.query(REVIEW_CASE).create({
    data: { kind, outcome, filedAt, decidedAt, caseNumber: `${marker}-${key}`, request: request ? cases[request].id : null, department: department ? department.id : null },
  });
}

const item = (department, label, genre, formedAt, overrides = {}, options) =>
  makeItem(department, { title: `${marker} ${label}`, genre, formedAt, ...overrides }, options);

beforeAll(async () => {
  await setupStrapi();
  marker = unique('年报');
  parent = await makeDepartment({ name: `测试县政府${marker}` });
  child = await makeDepartment({ name: `测试县政府办公室${marker}`, parent: parent.documentId });
  unrelated = await makeDepartment({ name: `测试县财政局${marker}` });
  admin = await makeAdmin();

  // Request cases: previous year, report year, next year.
  await requestCase(1, parent, 'naturalPerson', '2014-11-20', '2015-01-10', 'granted');
  await requestCase(2, parent, 'commercial', '2014-12-28', null, null);
  await requestCase(3, child, 'naturalPerson', '2014-06-01', '2014-07-01', 'granted');
  await requestCase(4, parent, 'naturalPerson', '2015-03-02', '2015-03-20', 'granted');
  await requestCase(5, child, 'naturalPerson', '2015-05-11', '2015-06-01', 'partialGrant');
  await requestCase(6, child, 'research', '2015-07-01', '2015-07-30', 'deniedStateSecret');
  await requestCase(7, parent, 'publicInterest', '2015-09-09', '2015-10-10', 'unableNoInfo');
  await requestCase(8, unrelated, 'legalService', '2015-02-02', '2015-02-20', 'notProcessedRepeat');
  await requestCase(9, unrelated, 'otherOrg', '2015-12-30', '2016-01-15', 'otherOverdueCorrection');
  await requestCase(10, child, 'commercial', '2015-11-11', null, null);
  await requestCase(11, null, 'naturalPerson', '2015-04-04', '2015-04-20', 'otherReasons');
  await requestCase(12, parent, 'naturalPerson', '2016-01-05', '2016-01-20', 'granted');
  await requestCase(13, unrelated, 'naturalPerson', '2016-02-01', null, null);
  await requestCase(14, child, 'legalService', '2014-12-01', '2015-12-31', 'deniedThirdPartyRights');
  await requestCase(15, parent, 'commercial', '2015-01-01', '2015-02-01', 'granted');
  await requestCase(16, parent, 'naturalPerson', '2015-08-08', '2015-08-20', null);
  await requestCase(17, unrelated, 'research', '2014-10-10', '2016-03-03', 'granted');

  // Reconsideration and litigation cases.
  await reviewCase('a1', 'reconsideration', 'upheld', '2015-03-01', { request: 4, department: parent, decidedAt: '2015-05-01' });
  await reviewCase('a2', 'reconsideration', 'corrected', '2015-06-01', { request: 8, department: unrelated, decidedAt: '2015-12-31' });
  await reviewCase('a3', 'litigationDirect', 'pending', '2015-11-01', { request: 6 });
  await reviewCase('a4', 'litigationAfterReconsideration', 'other', '2015-09-01', { department: child });
  await reviewCase('a5', 'reconsideration', 'upheld', '2014-12-01', { department: parent });
  await reviewCase('a6', 'litigationDirect', 'upheld', '2016-01-10', { department: parent });
  await reviewCase('a7', 'reconsideration', 'pending', '2015-12-31', { request: 11 });
  await reviewCase('a8', 'litigationDirect', 'corrected', '2015-05-05', { request: 5, department: unrelated });

  // 规章 and 行政规范性文件, published through the approval chain.
  await item(parent, 'r1 规章', 'regulation', '2015-04-01');
  await item(child, 'r2 已废止规章', 'regulation', '2013-05-05', { validity: 'repealed', validityChangedAt: '2015-08-01' });
  await item(parent, 'r3 次年规章', 'regulation', '2016-01-15');
  await item(unrelated, 'r4 依申请公开规章', 'regulation', '2015-07-07', { disclosure: 'on_request' });
  await item(unrelated, 'n1 规范性文件', 'normativeDocument', '2014-02-02');
  await item(child, 'n2 规范性文件', 'normativeDocument', '2015-10-10');
  await item(parent, 'n3 次年失效的规范性文件', 'normativeDocument', '2012-01-01', { validity: 'expired', validityChangedAt: '2016-02-01' });
  await item(parent, 'n4 未发布的规范性文件', 'normativeDocument', '2015-06-06', {}, { status: 'draft' });
  await item(parent, 'x1 通知', 'notice', '2015-05-05');
});
afterAll(cleanupStrapi);

describe('build()', () => {
  it('computes the whole government’s tables', async () => {
    const built = await service().build({ year: YEAR });
    expect(built).toEqual({ year: YEAR, department: null, ...WHOLE });
  });

  it('computes a department’s tables with its sub-department', async () => {
    const built = await service().build({ year: YEAR, department: parent.documentId });
    expect(built).toEqual({ year: YEAR, department: parent.documentId, ...PARENT });
  });

  it('checks the 勾稽关系 per column: a case closed without a disposition breaks it', async () => {
    const { checks: whole } = await service().build({ year: YEAR });
    expect(whole.filter((c) => !c.ok)).toEqual([
      { column: 'naturalPerson', carriedIn: 1, received: 4, closed: 4, carriedOut: 0, ok: false },
      { column: 'total', carriedIn: 4, received: 10, closed: 9, carriedOut: 4, ok: false },
    ]);
  });

  it('refuses a bad year or an unknown department with a field-level validation error', async () => {
    await expect(service().build({ year: 1999 })).rejects.toMatchObject({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['year'] })] } });
    await expect(service().build({ year: YEAR, department: 'no-such-department' })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['department'] })] },
    });
  });
});

describe('drafts', () => {
  it('get generated tables: client-supplied tables are overwritten on create and update', async () => {
    const forged = { columns: ['x'], rows: { newReceived: { total: 999 } } };
    const draft = await strapi.documents(REPORT).create({ data: { title: `${marker} 全县草稿`, year: YEAR, table3: forged, table2: { regulation: 5 }, table4: null } });
    expect(draft.table3).toEqual(WHOLE.table3);
    expect(draft.table2).toEqual(WHOLE.table2);
    expect(draft.table4).toEqual(WHOLE.table4);
    const updated = await strapi.documents(REPORT).update({ documentId: draft.documentId, data: { overview: '总体情况', table3: forged, department: parent.documentId } });
    expect(updated.table3).toEqual(PARENT.table3);
    expect(updated.table4).toEqual(PARENT.table4);
    reports.draft = draft;
  });

  it('cannot be created straight as published (never reviewed); nothing is stored', async () => {
    const title = `${marker} 直接发布`;
    await expect(strapi.documents(REPORT).create({ data: { title, year: YEAR, table3: { forged: true } }, status: 'published' })).rejects.toMatchObject({ details: { code: expect.any(String) } });
    expect(await strapi.db.query(REPORT).count({ where: { title } })).toBe(0);
  });

  it('get generated tables in the Content Manager too', async () => {
    const res = await http()
      .post(`/content-manager/collection-types/${REPORT}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ title: `${marker} 管理界面草稿`, year: YEAR, department: { connect: [{ documentId: parent.documentId }] }, table3: { rows: { newReceived: { total: 1 } } } });
    expect(res.status).toBe(201);
    expect(res.body.data.table3).toEqual(PARENT.table3);
    expect(res.body.data.table2).toEqual(PARENT.table2);
  });

  it('refuses a year outside 2000–2100 with a 400 naming the field, and stores nothing', async () => {
    const title = `${marker} 1999`;
    const res = await http().post(`/content-manager/collection-types/${REPORT}`).set('Authorization', `Bearer ${admin.token}`).send({ title, year: 1999 });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['year'] })]);
    for (const year of [2101, 2015.5, 'abc', null, { $gt: 1 }, [2015]]) {
      const bad = await http().post(`/content-manager/collection-types/${REPORT}`).set('Authorization', `Bearer ${admin.token}`).send({ title, year });
      expect([year, bad.status]).toEqual([year, 400]);
      expect(bad.body.error.details.errors.map((e) => e.path)).toContainEqual(['year']);
    }
    await expect(strapi.documents(REPORT).create({ data: { title, year: 1999 } })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['year'] })] },
    });
    await expect(strapi.documents(REPORT).update({ documentId: reports.draft.documentId, data: { year: 1999 } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['year'] })] },
    });
    await expect(strapi.documents(REPORT).create({ data: { title, year: YEAR, department: 'no-such-department' } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['department'] })] },
    });
    for (const department of [99999999999, -1, { connect: [{ documentId: 'x'.repeat(500) }] }, { weird: true }, 'no-such-department']) {
      const bad = await http().post(`/content-manager/collection-types/${REPORT}`).set('Authorization', `Bearer ${admin.token}`).send({ title, year: YEAR, department });
      expect([department, bad.status]).toEqual([department, 400]);
    }
    expect(await strapi.db.query(REPORT).count({ where: { title } })).toBe(0);
  });
});

describe('published reports', () => {
  const title = () => `${marker} 测试县政府${YEAR}年政府信息公开工作年度报告 <script>alert("x")</script>`;

  beforeAll(async () => {
    const draft = await strapi.documents(REPORT).create({
      data: {
        title: title(),
        year: YEAR,
        department: parent.documentId,
        overview: '本年度全面推进政务公开。<img src=x onerror=alert(1)>',
        problems: '公开质量有待提高。',
        otherMatters: '无。',
        feesCharged: 999, // computed: no fee was paid in the year
        ...FILLED,
      },
    });
    await approveAndPublish(REPORT, draft.documentId);
    reports.published = draft;
  });

  const list = (query = {}) => http().get('/api/annual-reports').query({ 'filters[title][$contains]': marker, ...query });

  it('are listed and readable publicly; drafts are not, whatever the query asks', async () => {
    for (const status of [undefined, 'draft', 'published']) {
      const res = await list(status ? { status } : {});
      expect(res.status).toBe(200);
      expect(res.body.data.map((r) => r.documentId)).toEqual([reports.published.documentId]);
    }
    const one = await http().get(`/api/annual-reports/${reports.published.documentId}`).query({ populate: 'department' });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ title: title(), year: YEAR, table3: PARENT.table3, table2: withZeros(PARENT.table2), table4: PARENT.table4 });
    expect(one.body.data.department).toMatchObject({ documentId: parent.documentId });
    for (const status of [undefined, 'draft']) {
      const draft = await http().get(`/api/annual-reports/${reports.draft.documentId}`).query(status ? { status } : {});
      expect(draft.status).toBe(404);
    }
  });

  it('are not readable over GraphQL as drafts either', async () => {
    const res = await http()
      .post('/graphql')
      .send({ query: 'query($m: String) { annualReports(filters: { title: { contains: $m } }, status: DRAFT) { documentId } }', variables: { m: marker } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.annualReports.map((r) => r.documentId)).toEqual([reports.published.documentId]);
  });

  it('print as an HTML page in the official layout, with the numbers and every text escaped', async () => {
    const res = await http().get(`/api/annual-reports/${reports.published.documentId}/print`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const html = res.text;
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(`<h1>${marker} 测试县政府${YEAR}年政府信息公开工作年度报告 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>`);
    expect(html).toContain(`报告单位：测试县政府${marker}`);
    for (const label of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '规章', '行政规范性文件', '自然人', '法人或其他组织', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '4.保护第三方合法权益', '（七）总计', '四、结转下年度继续办理', '未经复议直接起诉', '复议后起诉']) {
      expect(html).toContain(label);
    }
    const cells = (...values) => values.map((v) => `<td class="num">${v}</td>`).join('');
    expect(html).toContain(`<td class="label">规章</td>${cells(1, 1, 1)}`);
    expect(html).toContain(`<td class="label">行政规范性文件</td>${cells(1, 0, 2)}`);
    expect(html).toContain(`一、本年新收政府信息公开申请数量</td>${cells(3, 2, 1, 1, 0, 0, 7)}`);
    expect(html).toContain(`二、上年结转政府信息公开申请数量</td>${cells(1, 1, 0, 0, 1, 0, 3)}`);
    expect(html).toContain(`（一）予以公开</td>${cells(2, 1, 0, 0, 0, 0, 3)}`);
    expect(html).toContain(`（七）总计</td>${cells(3, 1, 1, 1, 1, 0, 7)}`);
    expect(html).toContain(`四、结转下年度继续办理</td>${cells(0, 2, 0, 0, 0, 0, 2)}`);
    expect(html).toContain(`<tr>${cells(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1)}</tr>`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('本年度收取信息处理费 0 元（0 件申请）。');
  });

  it('export as CSV: UTF-8 with a BOM, an attachment, one line per table row', async () => {
    const res = await http().get(`/api/annual-reports/${reports.published.documentId}/export.csv`).buffer(true).parse((response, done) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="annual-report-2015-[A-Za-z0-9]+\.csv"$/);
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.toString('utf8').slice(1).trim().split('\n');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（一）项,规章,1,1,1');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（一）项,行政规范性文件,1,0,2');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（六）项,行政处罚,0');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,,,3,2,1,1,0,0,7');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,三、本年度办理结果,（三）不予公开,1.属于国家秘密,0,0,1,0,0,0,1');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,三、本年度办理结果,（七）总计,,3,1,1,1,1,0,7');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,四、结转下年度继续办理,,,0,2,0,0,0,0,2');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（八）项,行政事业性收费,0');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况,行政复议,1,0,0,0,1');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况,行政诉讼（未经复议直接起诉）,0,0,0,1,1');
    expect(lines.filter((l) => l.startsWith('三、收到和处理政府信息公开申请情况,'))).toHaveLength(26);
  });

  it('print and export only published reports: drafts, unknown and malformed ids are 404', async () => {
    for (const id of [reports.draft.documentId, 'abcdefghijklmnopqrstuvwx', "x'or'1'='1", '%3Cscript%3E', 'a'.repeat(300)]) {
      for (const suffix of ['/print', '/export.csv', '']) {
        const res = await http().get(`/api/annual-reports/${encodeURIComponent(id)}${suffix}`);
        expect([id, suffix, res.status]).toEqual([id, suffix, 404]);
      }
    }
  });

  it('answer malformed queries with a 4xx, never a 500', async () => {
    // Strapi's query layer would answer these with a 500 (non-numbers for numbers, text operators
    // on numbers, comparisons of JSON), on PostgreSQL also for ids: refused as a 400 naming the path.
    const invalid = [
      [{ 'filters[year][$eq]': 'abc' }, ['filters', 'year', '$eq']],
      [{ 'filters[year]': 'abc' }, ['filters', 'year']],
      [{ 'filters[year][$in][0]': '2015', 'filters[year][$in][1]': 'x' }, ['filters', 'year', '$in']],
      [{ 'filters[$or][0][year][$between][0]': 'a', 'filters[$or][0][year][$between][1]': 'b' }, ['filters', '$or', '0', 'year', '$between']],
      [{ 'filters[year][$containsi]': '1' }, ['filters', 'year', '$containsi']],
      [{ 'filters[year][$not][$gt]': '' }, ['filters', 'year', '$not', '$gt']],
      [{ 'filters[feesCharged][$lt]': '1e999' }, ['filters', 'feesCharged', '$lt']],
      [{ 'filters[table3][$eq]': '1' }, ['filters', 'table3']],
      [{ 'filters[id][$eq]': 'abc' }, ['filters', 'id', '$eq']],
      [{ 'filters[department][id]': 'abc' }, ['filters', 'department', 'id']],
      [{ 'filters[department][parent][id][$in][0]': 'y' }, ['filters', 'department', 'parent', 'id', '$in']],
    ];
    for (const [query, path] of invalid) {
      for (const url of ['/api/annual-reports', `/api/annual-reports/${reports.published.documentId}`]) {
        const res = await http().get(url).query(query);
        expect([url, JSON.stringify(query), res.status, res.body.error?.details?.errors?.[0]?.path]).toEqual([url, JSON.stringify(query), 400, path]);
      }
    }
    const odd = [
      { 'filters[$and]': 'x' },
      { 'filters[year][$gt][$lt]': '1' },
      { sort: 'year:sideways' },
      { sort: 'nosuchfield:asc' },
      { 'pagination[page]': '-1' },
      { 'pagination[pageSize]': 'many' },
      { populate: 'nosuchrelation' },
      { 'populate[department][populate]': 'items' },
      { 'populate[department][filters][items][title]': 'x' },
      { status: ['draft', 'published'] },
      { 'fields[0]': 'nosuchfield' },
      { 'filters[createdAt][$gt]': 'abc' },
      { filters: 'abc' },
      { locale: 'xx' },
    ];
    for (const query of odd) {
      const res = await list(query);
      expect([JSON.stringify(query), res.status < 500]).toEqual([JSON.stringify(query), true]);
      if (res.status === 200) expect(res.body.data.map((r) => r.documentId)).toEqual([reports.published.documentId]);
    }
    // Well-formed number filters still work.
    const ok = await list({ 'filters[year][$eq]': String(YEAR), 'filters[feesCharged][$lte]': '0.5', 'filters[year][$null]': 'false' });
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((r) => r.documentId)).toEqual([reports.published.documentId]);
  });

  it('are not writable over REST', async () => {
    const res = await http().post('/api/annual-reports').send({ data: { title: 'x', year: YEAR } });
    expect([403, 404, 405]).toContain(res.status);
  });

  it('keep the reviewed tables when the data changes later; the next draft edit recomputes them', async () => {
    await requestCase(18, child, 'naturalPerson', '2015-06-06', null, null);
    const live = await http().get(`/api/annual-reports/${reports.published.documentId}`);
    expect(live.body.data.table3).toEqual(PARENT.table3);
    const draft = await strapi.documents(REPORT).update({ documentId: reports.published.documentId, data: { problems: '修改后的问题说明' } });
    expect(draft.table3.rows.newReceived).toEqual(row({ naturalPerson: 4, commercial: 2, research: 1, publicInterest: 1, total: 8 }));
    expect(draft.table3.rows.carriedForward).toEqual(row({ naturalPerson: 1, commercial: 2, total: 3 }));
    expect((await http().get(`/api/annual-reports/${reports.published.documentId}`)).body.data.table3).toEqual(PARENT.table3);
  });
});

// Another year (2012) and department of its own, so the tables above stay as they are.
const OTHER_YEAR = 2012;

describe('table 四 as of 31 December', () => {
  let court;
  beforeAll(async () => {
    court = await makeDepartment({ name: `测试县司法局${marker}` });
    await reviewCase('b1', 'reconsideration', 'upheld', '2012-05-01', { department: court, decidedAt: '2013-01-02' });
    await reviewCase('b2', 'reconsideration', 'corrected', '2012-06-01', { department: court, decidedAt: '2012-12-31' });
    await reviewCase('b3', 'litigationDirect', 'upheld', '2013-01-05', { department: court, decidedAt: '2013-03-01' });
    await reviewCase('b4', 'litigationDirect', 'other', '2012-03-01', { department: court }); // decided, date not recorded
  });

  it('counts a case decided on 2 January of the next year as 尚未审结, one decided on 31 December with its outcome, none filed later', async () => {
    const { table4 } = await service().build({ year: OTHER_YEAR, department: court.documentId });
    expect(table4).toEqual({
      reconsideration: outcomes({ corrected: 1, pending: 1, total: 2 }), // b2, b1
      litigationDirect: outcomes({ other: 1, total: 1 }), // b4 (b3 was filed in 2013)
      litigationAfterReconsideration: outcomes(),
    });
    const next = await service().build({ year: OTHER_YEAR + 1, department: court.documentId });
    expect(next.table4.litigationDirect).toEqual(outcomes({ upheld: 1, total: 1 })); // b3
  });
});

describe('fees, withdrawals and unpaid fees', () => {
  let ledger;
  beforeAll(async () => {
    ledger = await makeDepartment({ name: `测试县档案局${marker}` });
    await requestCase('w1', ledger, 'naturalPerson', '2012-03-01', null, null);
    // Withdrawn through the case flow, as the office records it.
    await strapi.service('api::disclosure-request.case').act({ documentId: cases.w1.documentId, action: 'withdraw', input: { channel: 'phone', date: '2012-03-05' }, actor: null });
    await requestCase('w2', ledger, 'commercial', '2012-04-01', '2012-05-20', 'otherOverdueFee');
    await requestCase('f1', ledger, 'naturalPerson', '2012-02-01', '2012-03-01', 'granted', { fee: 30.5, feePaidAt: '2012-02-20' });
    await requestCase('f2', ledger, 'naturalPerson', '2012-11-01', '2013-01-10', 'granted', { fee: 12, feePaidAt: '2012-12-31' });
    await requestCase('f3', ledger, 'naturalPerson', '2012-12-20', '2013-01-15', 'granted', { fee: 20, feePaidAt: '2013-01-02' });
    await requestCase('f4', ledger, 'research', '2011-12-01', '2012-01-10', 'granted', { fee: 5, feePaidAt: '2011-12-30' });
  });

  it('a withdrawal closes the case as (六)3 其他 and an unpaid fee counts in (六)2; the columns add up', async () => {
    const withdrawn = await strapi.db.query(REQUEST).findOne({ where: { id: cases.w1.id } });
    expect(withdrawn).toMatchObject({ state: 'closed', disposition: 'otherReasons', closedAt: '2012-03-05' });
    const built = await service().build({ year: OTHER_YEAR, department: ledger.documentId });
    expect(built.table3).toEqual(
      table3({
        newReceived: { naturalPerson: 4, commercial: 1, total: 5 }, // w1 f1 f2 f3, w2
        carriedOver: { research: 1, total: 1 }, // f4
        granted: { naturalPerson: 1, research: 1, total: 2 }, // f1, f4
        otherOverdueFee: { commercial: 1, total: 1 }, // w2
        otherReasons: { naturalPerson: 1, total: 1 }, // w1, withdrawn
        totalProcessed: { naturalPerson: 2, commercial: 1, research: 1, total: 4 },
        carriedForward: { naturalPerson: 2, total: 2 }, // f2, f3
      }),
    );
    expect(built.checks).toEqual(checks(built.table3));
  });

  it('totals the fees paid in the year (f1 and f2; not f3, paid in January, nor f4, paid the year before)', async () => {
    expect((await service().build({ year: OTHER_YEAR, department: ledger.documentId })).fees).toEqual({ amount: 42.5, cases: 2 });
    expect((await service().build({ year: OTHER_YEAR + 1, department: ledger.documentId })).fees).toEqual({ amount: 20, cases: 1 });
  });

  it('a report takes the fee total from the payments, whatever is typed', async () => {
    const draft = await strapi.documents(REPORT).create({ data: { title: `${marker} 档案局 2012`, year: OTHER_YEAR, department: ledger.documentId, feesCharged: 1 } });
    expect(Number(draft.feesCharged)).toBe(42.5);
    expect(draft.feesChargedCases).toBe(2);
  });
});

describe('entered table 二 cells and the submit gate', () => {
  let author;
  let government;
  const submit = (documentId) =>
    http().post('/disclosure-workflow/submit').set('Authorization', `Bearer ${author.token}`).send({ uid: REPORT, documentId });

  beforeAll(async () => {
    author = await makeAdmin({ roleCode: 'gov-author' });
    government = await makeDepartment({ name: `测试乡人民政府${marker}`, kind: 'government' });
  });

  it('keeps entered cells through regeneration; a forged table 二 changes nothing', async () => {
    const draft = await strapi.documents(REPORT).create({
      data: { title: `${marker} 录入`, year: YEAR, department: parent.documentId, licensingDecisions: 5, licensingSource: '县行政审批局 许可台账', administrativeFeesAmount: 12.34 },
    });
    expect(draft.table2).toEqual({ ...PARENT.table2, administrativeLicensing: { decisions: 5 }, administrativeFees: { amount: 12.34 } });
    const forged = { ...PARENT.table2, administrativeLicensing: { decisions: null }, administrativeFees: { amount: 999 } };
    const updated = await strapi.documents(REPORT).update({ documentId: draft.documentId, data: { problems: '重新生成', table2: forged } });
    expect(updated.table2).toEqual(draft.table2);
    const res = await http().put(`/content-manager/collection-types/${REPORT}/${draft.documentId}`).set('Authorization', `Bearer ${admin.token}`).send({ title: `${marker} 录入（改）`, punishmentDecisions: 0 });
    expect(res.status).toBe(200);
    expect(res.body.data.table2).toMatchObject({ administrativeLicensing: { decisions: 5 }, administrativePunishment: { decisions: 0 }, administrativeFees: { amount: 12.34 } });
    expect(res.body.data).toMatchObject({ licensingDecisions: 5, licensingSource: '县行政审批局 许可台账' });
  });

  it('refuses to submit while a cell is empty (400, each named, nothing written); allowed once filled with 0', async () => {
    const draft = await strapi.documents(REPORT).create({ data: { title: `${marker} 提交`, year: YEAR, department: parent.documentId, ...FILLED, punishmentDecisions: null, coercionSource: '' } });
    const refused = await submit(draft.documentId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.code).toBe('REPORT_INCOMPLETE');
    expect(refused.body.error.details.errors.map((e) => e.path)).toEqual([['punishmentDecisions'], ['coercionSource']]);
    expect(refused.body.error.details.zh).toContain('行政处罚');
    expect(refused.body.error.details.en).toContain('administrative punishment');
    expect(await strapi.db.query('plugin::disclosure-workflow.round').count({ where: { targetDocumentId: draft.documentId } })).toBe(0);
    expect(await strapi.db.query('plugin::disclosure-workflow.audit-event').count({ where: { targetDocumentId: draft.documentId } })).toBe(0);

    await strapi.documents(REPORT).update({ documentId: draft.documentId, data: { punishmentDecisions: 0, coercionSource: '县综合执法局 行政强制台账' } });
    const ok = await submit(draft.documentId);
    expect(ok.status).toBe(200);
    expect(ok.body.data.state).toBe('in_review');
  });

  it('prefills an empty 总体情况 with the 2021 sub-headings (a government’s with §50(4)); office text is kept', async () => {
    const bureau = await strapi.documents(REPORT).create({ data: { title: `${marker} 部门`, year: YEAR, department: parent.documentId } });
    expect(bureau.overview.split('\n\n')).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障']);
    const gov = await strapi.documents(REPORT).create({ data: { title: `${marker} 政府`, year: YEAR, department: government.documentId, overview: '  ' } });
    expect(gov.overview).toBe(`${bureau.overview}\n\n（六）工作考核、社会评议和责任追究结果情况`);
    const written = await strapi.documents(REPORT).update({ documentId: gov.documentId, data: { overview: '本年度我乡……' } });
    expect(written.overview).toBe('本年度我乡……');
    expect((await strapi.documents(REPORT).update({ documentId: gov.documentId, data: { problems: 'x' } })).overview).toBe('本年度我乡……');
  });
});
