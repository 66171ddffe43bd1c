// 年度报告, the pure part: grouped counts → tables 二/三/四, totals and carry-forward, the official
// labels, and the HTML and CSV renderings.
const {
  APPLICANT_TYPES, DISPOSITIONS, TABLE3_ROWS, TABLE3_COLUMNS, TABLE3_LABELS, REVIEW_KINDS,
  table2FromCounts, table3FromCounts, table4FromCounts, checkYear, yearBounds, escapeHtml,
  renderReportHtml, renderReportCsv, reportCsvRecords, build, table3Checks,
} = require('../../dist/src/domain/annual-report');
const { ENTERED_CELLS, missingEntries, overviewSkeleton } = require('../../dist/src/domain/annual-report-entries');
const request = require('../../src/api/disclosure-request/content-types/disclosure-request/schema.json');
const reviewCase = require('../../src/api/review-case/content-types/review-case/schema.json');
const report = require('../../src/api/annual-report/content-types/annual-report/schema.json');

const row = (values = {}) => ({ naturalPerson: 0, commercial: 0, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0, total: 0, ...values });

describe('schema contract', () => {
  it('table 三 columns and rows are the request enumerations, in the official order', () => {
    expect(request.attributes.applicantType.enum).toEqual([...APPLICANT_TYPES]);
    expect(request.attributes.disposition.enum).toEqual([...DISPOSITIONS]);
    expect(TABLE3_ROWS).toHaveLength(25);
    expect(TABLE3_COLUMNS).toEqual(['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
  });

  it('table 四 uses the review-case enumerations; review cases are entirely private', () => {
    expect(reviewCase.attributes.kind.enum).toEqual([...REVIEW_KINDS]);
    expect(reviewCase.attributes.outcome.enum).toEqual(['upheld', 'corrected', 'other', 'pending']);
    for (const [name, attribute] of Object.entries(reviewCase.attributes)) expect([name, attribute.private]).toEqual([name, true]);
    expect(reviewCase.options.draftAndPublish).toBe(false);
  });

  it('the annual report is a draft & publish type with a bounded year', () => {
    expect(report.options.draftAndPublish).toBe(true);
    expect(report.attributes.year).toMatchObject({ type: 'integer', required: true, min: 2000, max: 2100 });
  });
});

describe('table 三 from grouped counts', () => {
  const counts = [
    // received in the year and still open
    { applicantType: 'naturalPerson', disposition: null, received: 3, carriedOver: 1, processed: 0, carriedForward: 3 },
    { applicantType: 'naturalPerson', disposition: 'granted', received: '4', carriedOver: '0', processed: '5', carriedForward: '0' },
    { applicantType: 'commercial', disposition: 'deniedStateSecret', received: 1, carriedOver: 2, processed: 2, carriedForward: 1 },
    { applicantType: 'otherOrg', disposition: 'otherReasons', received: 0, carriedOver: 1, processed: 1, carriedForward: 0 },
    { applicantType: 'research', disposition: 'unableNoInfo', received: 2, carriedOver: 0, processed: 1, carriedForward: 1 },
    // not counted: unknown column or row values
    { applicantType: null, disposition: 'granted', received: 9, carriedOver: 9, processed: 9, carriedForward: 9 },
    { applicantType: 'alien', disposition: 'granted', received: 9, carriedOver: 9, processed: 9, carriedForward: 9 },
  ];
  const t = table3FromCounts(counts);

  it('sums received and carried-over cases per column whatever their disposition', () => {
    expect(t.rows.newReceived).toEqual(row({ naturalPerson: 7, commercial: 1, research: 2, total: 10 }));
    expect(t.rows.carriedOver).toEqual(row({ naturalPerson: 1, commercial: 2, otherOrg: 1, total: 4 }));
  });

  it('puts processed cases in their disposition row, with totals', () => {
    expect(t.rows.granted).toEqual(row({ naturalPerson: 5, total: 5 }));
    expect(t.rows.deniedStateSecret).toEqual(row({ commercial: 2, total: 2 }));
    expect(t.rows.unableNoInfo).toEqual(row({ research: 1, total: 1 }));
    expect(t.rows.otherReasons).toEqual(row({ otherOrg: 1, total: 1 }));
    expect(t.rows.partialGrant).toEqual(row());
    expect(t.rows.totalProcessed).toEqual(row({ naturalPerson: 5, commercial: 2, research: 1, otherOrg: 1, total: 9 }));
  });

  it('takes 四 (carried forward) as counted, not derived, so the check below can disagree', () => {
    expect(t.rows.carriedForward).toEqual(row({ naturalPerson: 3, commercial: 1, research: 1, otherOrg: 0, total: 5 }));
  });

  it('lists every row and column even without data, in the official order', () => {
    const empty = table3FromCounts([]);
    expect(Object.keys(empty.rows)).toEqual([...TABLE3_ROWS]);
    expect(empty.columns).toEqual([...TABLE3_COLUMNS]);
    for (const key of TABLE3_ROWS) expect(empty.rows[key]).toEqual(row());
  });
});

describe('tables 二 and 四 from grouped counts', () => {
  it('table 二 counts the two genres and leaves the lines without data blank', () => {
    const t = table2FromCounts([
      { genre: 'regulation', issued: '2', repealed: '1', inForce: '7' },
      { genre: 'normativeDocument', issued: 3, repealed: 0, inForce: 12 },
      { genre: 'notice', issued: 50, repealed: 0, inForce: 50 },
    ]);
    expect(t).toEqual({
      regulation: { issued: 2, repealed: 1, inForce: 7 },
      normativeDocument: { issued: 3, repealed: 0, inForce: 12 },
      administrativeLicensing: { decisions: null },
      administrativePunishment: { decisions: null },
      administrativeCoercion: { decisions: null },
      administrativeFees: { amount: null },
    });
    expect(Object.keys(t)).toEqual(['regulation', 'normativeDocument', 'administrativeLicensing', 'administrativePunishment', 'administrativeCoercion', 'administrativeFees']);
  });

  it('table 四 counts kind × outcome with a total per kind', () => {
    const t = table4FromCounts([
      { kind: 'reconsideration', outcome: 'upheld', count: '2', decidedLater: '0' },
      { kind: 'reconsideration', outcome: 'pending', count: 1, decidedLater: 0 },
      { kind: 'litigationAfterReconsideration', outcome: 'corrected', count: 1, decidedLater: 0 },
      { kind: 'appeal', outcome: 'upheld', count: 4, decidedLater: 0 },
    ]);
    expect(t).toEqual({
      reconsideration: { upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 },
      litigationDirect: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
      litigationAfterReconsideration: { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 },
    });
  });
});

describe('table 四 as of 31 December', () => {
  it('counts a case decided after the year as 尚未审结, one decided within it with its outcome', () => {
    // 3 upheld cases, 1 of them decided on 2 January of the next year; 2 corrected, both in the year;
    // a pending case decided later stays pending.
    const t = table4FromCounts([
      { kind: 'reconsideration', outcome: 'upheld', count: 3, decidedLater: 1 },
      { kind: 'reconsideration', outcome: 'corrected', count: '2', decidedLater: '0' },
      { kind: 'litigationDirect', outcome: 'pending', count: 1, decidedLater: 1 },
    ]);
    expect(t.reconsideration).toEqual({ upheld: 2, corrected: 2, other: 0, pending: 1, total: 5 });
    expect(t.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
  });
});

describe('build(): checks, entered cells and fees', () => {
  // Hand-computed: natural persons 1 carried in + 4 received − 3 closed = 2 carried out (consistent);
  // commercial 2 + 1 − 1 = 2, but only 1 counted open on 31 December (a case closed without a
  // disposition): inconsistent.
  const counts = {
    table2: [],
    table3: [
      { applicantType: 'naturalPerson', disposition: null, received: 2, carriedOver: 0, processed: 0, carriedForward: 2 },
      { applicantType: 'naturalPerson', disposition: 'granted', received: 2, carriedOver: 1, processed: 3, carriedForward: 0 },
      { applicantType: 'commercial', disposition: null, received: 1, carriedOver: 1, processed: 0, carriedForward: 1 },
      { applicantType: 'commercial', disposition: 'otherReasons', received: 0, carriedOver: 1, processed: 1, carriedForward: 0 },
    ],
    table4: [],
    fees: { amount: '120.10000000000001', cases: '3' },
  };
  const built = build(counts, { administrativeLicensing: 0, administrativePunishment: 12, administrativeCoercion: null, administrativeFees: 3.5 });
  const check = (column) => built.checks.find((c) => c.column === column);

  it('checks 结转下年度 = 上年结转 + 本年新收 − 办结 per column', () => {
    expect(built.checks.map((c) => c.column)).toEqual([...TABLE3_COLUMNS]);
    expect(check('naturalPerson')).toEqual({ column: 'naturalPerson', carriedIn: 1, received: 4, closed: 3, carriedOut: 2, ok: true });
    expect(check('commercial')).toEqual({ column: 'commercial', carriedIn: 2, received: 1, closed: 1, carriedOut: 1, ok: false });
    expect(check('research')).toEqual({ column: 'research', carriedIn: 0, received: 0, closed: 0, carriedOut: 0, ok: true });
    expect(check('total')).toEqual({ column: 'total', carriedIn: 3, received: 5, closed: 4, carriedOut: 3, ok: false });
  });

  it('reads the checks of a stored table 三 defensively', () => {
    expect(table3Checks(built.table3)).toEqual(built.checks);
    expect(table3Checks(null).every((c) => c.ok && c.carriedOut === 0)).toBe(true);
  });

  it('puts the entered cells into table 二 (zero is a value, null stays empty)', () => {
    expect(built.table2.administrativeLicensing).toEqual({ decisions: 0 });
    expect(built.table2.administrativePunishment).toEqual({ decisions: 12 });
    expect(built.table2.administrativeCoercion).toEqual({ decisions: null });
    expect(built.table2.administrativeFees).toEqual({ amount: 3.5 });
  });

  it('totals the fees to the fen, with the number of requests charged', () => {
    expect(built.fees).toEqual({ amount: 120.1, cases: 3 });
    expect(build({ ...counts, fees: undefined }).fees).toEqual({ amount: 0, cases: 0 });
  });
});

describe('entered cells and the overview skeleton', () => {
  const filled = Object.fromEntries(ENTERED_CELLS.flatMap((c) => [[c.value, 0], [c.source, '县统计台账']]));

  it('names every empty value and source; zero counts as filled', () => {
    expect(missingEntries(filled)).toEqual([]);
    const missing = missingEntries({ ...filled, punishmentDecisions: null, coercionSource: '  ', administrativeFeesAmount: '' });
    expect(missing.map((m) => m.path)).toEqual(['punishmentDecisions', 'coercionSource', 'administrativeFeesAmount']);
    expect(missing[0].zh).toContain('行政处罚');
    expect(missing[0].en).toContain('punishment');
    expect(missingEntries({}).map((m) => m.path)).toHaveLength(8);
  });

  it('offers the 2021 sub-headings, and for a government the §50(4) block', () => {
    const department = overviewSkeleton(false);
    expect(department.split('\n\n')).toEqual(['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障']);
    expect(overviewSkeleton(true)).toBe(`${department}\n\n（六）工作考核、社会评议和责任追究结果情况`);
  });
});

describe('year', () => {
  it('accepts integers 2000–2100 only', () => {
    for (const ok of [2000, 2024, 2100]) expect(checkYear(ok)).toBeNull();
    for (const bad of [1999, 2101, 2024.5, '2024', null, undefined, NaN, {}, []]) expect(checkYear(bad)).not.toBeNull();
    expect(checkYear(1999).en).toMatch(/2000/);
  });

  it('gives the bounds of the year as dates', () => {
    expect(yearBounds(2024)).toEqual({ start: '2024-01-01', next: '2025-01-01', end: '2024-12-31' });
  });
});

describe('rendering', () => {
  const t3 = table3FromCounts([
    { applicantType: 'naturalPerson', disposition: 'granted', received: 11, carriedOver: 2, processed: 9, carriedForward: 4 },
    { applicantType: 'legalService', disposition: 'notProcessedRepeat', received: 1, carriedOver: 0, processed: 1, carriedForward: 0 },
  ]);
  const view = {
    title: '清溪县2024年政府信息公开工作年度报告 <script>alert(1)</script>',
    year: 2024,
    departmentName: '清溪县人民政府办公室 & 档案局',
    overview: '第一段<b>加粗</b>\n\n第二段',
    problems: '',
    otherMatters: '无',
    feesCharged: '120.5',
    feesChargedCases: 2,
    table2: table2FromCounts([{ genre: 'regulation', issued: 1, repealed: 0, inForce: 6 }]),
    table3: t3,
    table4: table4FromCounts([{ kind: 'litigationDirect', outcome: 'other', count: 3, decidedLater: 0 }]),
  };

  it('escapes markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders a printable page with the official headings and labels, all text escaped', () => {
    const html = renderReportHtml(view);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hans">/);
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>清溪县2024年政府信息公开工作年度报告 &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('清溪县人民政府办公室 &amp; 档案局');
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    for (const label of ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '本年收费金额（单位：万元）', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉']) {
      expect(html).toContain(label);
    }
    for (const key of TABLE3_ROWS) {
      const { section, group, item } = TABLE3_LABELS[key];
      for (const label of [section, group, item].filter(Boolean)) expect(html).toContain(label);
    }
    expect(html).toContain('1.属于国家秘密');
    expect(html).toContain('四、结转下年度继续办理');
    expect(html).toContain('<p>第一段&lt;b&gt;加粗&lt;/b&gt;</p>\n<p>第二段</p>');
    expect(html).toContain('本年度收取信息处理费 120.5 元（2 件申请）。');
    expect(renderReportHtml({ ...view, feesChargedCases: null })).toContain('本年度收取信息处理费 120.5 元。');
    // 一、本年新收: 11 natural persons, 1 legal service, 12 in total
    expect(html).toMatch(/一、本年新收政府信息公开申请数量<\/td><td class="num">11<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">12<\/td>/);
    // 三 spans the 22 result rows; (三) 不予公开 its 8 reasons
    expect(html).toContain('<td class="label" rowspan="22">三、本年度办理结果</td>');
    expect(html).toContain('<td class="label" rowspan="8">（三）不予公开</td>');
    expect((html.match(/<tr>/g) || []).length).toBe(14 + 28 + 4);
  });

  it('renders blanks, not errors, for missing or malformed tables', () => {
    const html = renderReportHtml({ title: 'x', year: 2024, table2: null, table3: 'oops', table4: { reconsideration: { upheld: '5' } } });
    expect(html).toContain('<h2>四、政府信息公开行政复议、行政诉讼情况</h2>');
    expect(html).not.toMatch(/<td class="num">\d/);
  });

  it('writes CSV with a BOM, one line per table row', () => {
    const csv = renderReportCsv(view);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\n');
    const records = reportCsvRecords(view);
    expect(lines).toHaveLength(records.length);
    // title, year, department; table 二: 4 headers + 6 rows; table 三: header + 25 rows; table 四: header + 3; fee and cases
    expect(records).toHaveLength(3 + 10 + 26 + 4 + 2);
    expect(lines).toContain('六、其他需要报告的事项,信息处理费（元）,120.5');
    expect(lines).toContain('六、其他需要报告的事项,收费申请数（件）,2');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（一）项,规章,1,0,6');
    expect(lines).toContain('二、主动公开政府信息情况,第二十条第（五）项,行政许可,');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,,,11,0,0,0,1,0,12');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,三、本年度办理结果,（五）不予处理,2.重复申请,0,0,0,0,1,0,1');
    expect(lines).toContain('三、收到和处理政府信息公开申请情况,四、结转下年度继续办理,,,4,0,0,0,0,0,4');
    expect(lines).toContain('四、政府信息公开行政复议、行政诉讼情况,行政诉讼（未经复议直接起诉）,0,0,3,0,3');
    expect(lines[0]).toBe('标题,清溪县2024年政府信息公开工作年度报告 <script>alert(1)</script>');
  });

  it('keeps spreadsheet formulas out of free-text cells', () => {
    expect(reportCsvRecords({ title: '=HYPERLINK("x")', year: 2024 })[0]).toEqual(['标题', `'=HYPERLINK("x")`]);
  });
});
