// Catalogue migration (npm run import:catalogue / export:catalogue): 500 generated entries with
// attachments imported, exported, deleted and imported back with the same public output; re-import
// changes nothing; a bad file writes nothing and names every problem; sequences continue past the
// imported numbers; withheld and 涉密 rows stay unpublished; a real run needs the two attesters.
// The database is shared with other test files: everything here is scoped to this file's items.
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { stringify } = require('csv-stringify/sync');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, CATEGORY, makeDepartment, unique, http } = require('../helpers/fixtures');
const { actors } = require('../helpers/workflow');

const AUDIT = 'plugin::disclosure-workflow.audit-event';
const N = 500;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-import-'));
const migration = () => strapi.service('api::disclosure-item.migration');
const pad = (n, w = 5) => String(n).padStart(w, '0');
let a;
let deptA;
let deptB;
let category;
let attesters;

beforeAll(async () => {
  await setupStrapi();
  a = await actors();
  attesters = { reviewer: a['gov-secrecy-reviewer'].email, office: a['gov-office'].email };
  deptA = await makeDepartment();
  deptB = await makeDepartment();
  category = await strapi.documents(CATEGORY).create({ data: { name: `迁移分类${unique()}`, code: unique('C') } });
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await cleanupStrapi();
});

const HEADER = ['索引号', '标题', '发文字号', '发布机构', '成文日期', '发布日期', '主题分类', '体裁', '有效性', '公开属性', '不予公开理由', '内容概述', '正文', '附件'];
const GENRES = ['通知', '公告', '规划计划', '政策解读', '报告'];
const DATE_FORMS = [(y, m, d) => `${y}-${pad(m, 2)}-${pad(d, 2)}`, (y, m, d) => `${y}/${m}/${d}`, (y, m, d) => `${y}年${m}月${d}日`];
const withheldRow = (i) => i % 50 === 7;
const secretRow = (i) => i % 97 === 11;

/** The old system's export: 500 rows across two departments, every 5th with an attachment. */
function sourceFile(dir) {
  fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  const rows = [HEADER];
  for (let i = 0; i < N; i++) {
    const dept = i % 2 ? deptB : deptA;
    const [m, d] = [1 + (i % 12), 1 + (i % 28)];
    const date = DATE_FORMS[i % 3];
    const files = i % 5 === 0 ? [`附件${i}.txt`, ...(i % 10 === 0 ? [`说明${i}.txt`] : [])] : [];
    for (const f of files) fs.writeFileSync(path.join(dir, 'files', f), `附件内容 ${i} ${f}\n`);
    rows.push([
      `${dept.code}/2023-${pad(i + 1)}`,
      `迁移测试事项 ${i} ${deptA.code}`,
      i % 3 ? `清迁〔2023〕${i}号` : '',
      i % 4 === 1 ? dept.code : dept.name,
      date(2023, m, d),
      date(2023, m, Math.min(28, d + 1)),
      i % 3 === 0 ? category.name : i % 3 === 1 ? category.code : '',
      GENRES[i % GENRES.length],
      ['有效', '失效', '废止'][i % 3],
      withheldRow(i) ? '不予公开' : secretRow(i) ? '涉密' : i % 7 === 3 ? '依申请公开' : '主动公开',
      withheldRow(i) ? '属于四类过程性信息' : '',
      `概述 ${i}`,
      `<p>第 ${i} 号事项正文。</p><ul><li>要点一</li><li><strong>要点二</strong></li></ul>`,
      files.join(i % 2 ? '|' : ';'),
    ]);
  }
  const file = path.join(dir, 'source.csv');
  fs.writeFileSync(file, stringify(rows));
  return file;
}

const mine = (indexNumber) => indexNumber.startsWith(`${deptA.code}/`) || indexNumber.startsWith(`${deptB.code}/`);
const numbers = () => Array.from({ length: N }, (_, i) => `${(i % 2 ? deptB : deptA).code}/2023-${pad(i + 1)}`);

/** What the public sees of each item (the catalogue lookup), without what a new upload or document changes. */
async function publicOutput() {
  const out = {};
  for (const n of numbers()) {
    const res = await http().get('/api/catalogue/lookup').query({ indexNumber: n });
    if (res.status === 404) {
      out[n] = 404;
      continue;
    }
    expect(res.status).toBe(200);
    const { documentId: _d, attachments, ...rest } = res.body.data;
    out[n] = { ...rest, attachments: attachments.map((f) => ({ name: f.name, mime: f.mime })) };
  }
  return out;
}

async function ourDrafts() {
  return strapi.db.query(ITEM).findMany({ where: { indexNumber: { $in: numbers() }, publishedAt: null }, select: ['documentId', 'indexNumber', 'updatedAt', 'disclosure', 'classified'] });
}

describe('catalogue migration', () => {
  let before;

  it('refuses a real run without --reviewer and --office, or with the wrong roles', async () => {
    const file = path.join(tmp, 'tiny.csv');
    fs.writeFileSync(file, stringify([HEADER, ['', '拒绝测试', '', deptA.code, '2024-01-01', '', '', '通知', '有效', '主动公开', '', '', '', '']]));
    await expect(migration().run(file, {})).rejects.toThrow(/--reviewer/);
    await expect(migration().run(file, { reviewer: attesters.reviewer })).rejects.toThrow(/--office/);
    await expect(migration().run(file, { reviewer: a['gov-author'].email, office: attesters.office })).rejects.toThrow(/gov-secrecy-reviewer/);
    await expect(migration().run(file, { reviewer: attesters.reviewer, office: a['gov-publisher'].email })).rejects.toThrow(/gov-office/);
    expect(await strapi.db.query(ITEM).count({ where: { title: '拒绝测试' } })).toBe(0);
  });

  it('imports 500 rows: kept 索引号, published through a migration round, withheld and 涉密 unpublished', async () => {
    const file = sourceFile(path.join(tmp, 'old'));
    const dry = await migration().run(file, { dryRun: true, attachments: path.join(tmp, 'old', 'files') });
    expect(dry.problems).toEqual([]);
    expect(dry.counts).toMatchObject({ create: N, update: 0, unchanged: 0 });
    expect(await strapi.db.query(ITEM).count({ where: { indexNumber: { $in: numbers() } } })).toBe(0);

    const report = await migration().run(file, { ...attesters, attachments: path.join(tmp, 'old', 'files') });
    expect(report.problems).toEqual([]);
    const unpublished = Array.from({ length: N }, (_, i) => i).filter((i) => withheldRow(i) || secretRow(i)).length;
    expect(report.done).toMatchObject({ created: N, updated: 0, published: N - unpublished, heldBack: [] });

    const drafts = await ourDrafts();
    expect(drafts.length).toBe(N);
    const live = await strapi.db.query(ITEM).findMany({ where: { indexNumber: { $in: numbers() }, publishedAt: { $notNull: true } }, select: ['indexNumber', 'publishedDate', 'body'] });
    expect(live.length).toBe(N - unpublished);
    const byNumber = new Map(live.map((r) => [r.indexNumber, r]));
    for (let i = 0; i < N; i++) {
      const n = numbers()[i];
      if (withheldRow(i) || secretRow(i)) expect(byNumber.has(n)).toBe(false);
      else expect(byNumber.has(n)).toBe(true);
    }
    // 发布日期 kept from the source (read in the site's zone), the HTML body now Markdown.
    const first = byNumber.get(numbers()[0]);
    expect(new Date(first.publishedDate).toISOString()).toBe('2023-01-01T16:00:00.000Z');
    expect(first.body).toBe('第 0 号事项正文。\n\n-   要点一\n-   **要点二**');
    const secret = drafts.find((d) => d.indexNumber === numbers()[11]);
    expect(secret).toMatchObject({ classified: true, disclosure: 'withheld' });

    // One audit entry per attested item, with its content hash, and one for the batch.
    const ids = drafts.map((d) => d.documentId);
    const attested = await strapi.db.query(AUDIT).findMany({ where: { event: 'migration.attested', targetDocumentId: { $in: ids } }, select: ['contentHash', 'actor', 'round'] });
    expect(attested.length).toBe(N - unpublished);
    expect(attested.every((e) => /^[0-9a-f]{64}$/.test(e.contentHash) && e.actor === a['gov-secrecy-reviewer'].id)).toBe(true);
    expect(await strapi.db.query(AUDIT).count({ where: { event: 'migration.batch', comment: report.batch } })).toBe(1);
    const status = await strapi.plugin('disclosure-workflow').service('workflow').status({ uid: ITEM, documentId: byNumber.has(numbers()[0]) ? drafts.find((d) => d.indexNumber === numbers()[0]).documentId : null });
    expect(status).toMatchObject({ state: 'approved', canPublish: true });
    before = await publicOutput();
    expect(Object.values(before).filter((v) => v === 404).length).toBe(unpublished + Array.from({ length: N }, (_, i) => i).filter((i) => i % 7 === 3 && !withheldRow(i) && !secretRow(i)).length);
    expect(before[numbers()[0]].attachments).toEqual([{ name: '附件0.txt', mime: 'text/plain' }, { name: '说明0.txt', mime: 'text/plain' }]);
  }, 600000);

  it('exports, and an import of the export into a catalogue without those items gives the same public output', async () => {
    const dir = path.join(tmp, 'export');
    const result = await migration().export(dir);
    expect(result.items).toBeGreaterThanOrEqual(N);
    // This file's rows of the XLSX (the database holds other files' items too), read back with the streamed reader.
    const rows = [];
    for await (const { cells } of migration().readRows(result.xlsx)) rows.push(cells.map((c) => (c instanceof Date ? c.toISOString() : String(c ?? ''))));
    const ours = [rows[0], ...rows.slice(1).filter((r) => mine(r[0]))];
    expect(ours.length).toBe(N + 1);
    const csvRows = [];
    for await (const { cells } of migration().readRows(result.csv)) csvRows.push(cells);
    expect(csvRows.filter((r) => mine(String(r[0])))).toEqual(ours.slice(1));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    for (const r of ours) sheet.addRow(r);
    const file = path.join(tmp, 'ours.xlsx');
    await workbook.xlsx.writeFile(file);

    for (const d of await ourDrafts()) await strapi.documents(ITEM).delete({ documentId: d.documentId });
    expect(await strapi.db.query(ITEM).count({ where: { indexNumber: { $in: numbers() } } })).toBe(0);

    const report = await migration().run(file, { ...attesters, attachments: result.attachmentsDir });
    expect(report.problems).toEqual([]);
    expect(report.done.created).toBe(N);
    expect(await publicOutput()).toEqual(before);

    // Re-running the same file changes nothing.
    const drafts = await ourDrafts();
    const trail = await strapi.db.query(AUDIT).count({ where: { targetDocumentId: { $in: drafts.map((d) => d.documentId) } } });
    const rowsBefore = await strapi.db.query(ITEM).count({ where: { indexNumber: { $in: numbers() } } });
    const again = await migration().run(file, { ...attesters, attachments: result.attachmentsDir });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: N });
    expect(again.done).toMatchObject({ created: 0, updated: 0, published: 0 });
    expect(await ourDrafts()).toEqual(drafts);
    expect(await strapi.db.query(AUDIT).count({ where: { targetDocumentId: { $in: drafts.map((d) => d.documentId) } } })).toBe(trail);
    expect(await strapi.db.query(ITEM).count({ where: { indexNumber: { $in: numbers() } } })).toBe(rowsBefore);
  }, 600000);

  it('continues the sequences past the imported numbers under 20 concurrent creates', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => strapi.documents(ITEM).create({ data: { title: `迁移后新建 ${i}`, department: deptA.documentId, formedAt: '2023-06-01', genre: 'notice', disclosure: 'proactive' } })),
    );
    const seqs = created.map((c) => Number(c.indexNumber.split('-').pop()));
    // deptA holds the even rows: 2023-00001, -00003 … -00499.
    expect(new Set(seqs).size).toBe(20);
    expect(Math.min(...seqs)).toBe(500);
    expect(Math.max(...seqs)).toBe(519);
  });

  it('writes nothing from a file with bad rows and names each problem by row and column', async () => {
    const n = (i) => `${deptA.code}/2022-${pad(i)}`;
    const rows = [
      HEADER,
      [n(1), `坏文件 ${deptA.code} 1`, '', deptA.code, '2022-01-05', '', '', '通知', '有效', '主动公开', '', '', '', ''],
      [n(2), `坏文件 ${deptA.code} 2`, '', '不存在的局', '2022-01-05', '', '', '通知', '有效', '主动公开', '', '', '', ''],
      [n(3), `坏文件 ${deptA.code} 3`, '', deptA.code, '2022-02-30', '', '', '通知', '有效', '主动公开', '', '', '', ''],
      [n(1), `坏文件 ${deptA.code} 4`, '', deptA.code, '2022-01-06', '', '', '通知', '有效', '主动公开', '', '', '', ''],
      [n(5), '', '', deptA.code, '2022-01-07', '', '', '通知', '有效', '主动公开', '', '', '', ''],
      [n(6), `坏文件 ${deptA.code} 6`, '', '不存在的局', '2022-01-05', '', '', '通知', '有效', '主动公开', '', '', '', ''],
    ];
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(file, stringify(rows));
    const report = await migration().run(file, attesters);
    expect(report.written).toBe(false);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([[3, '发布机构'], [4, '成文日期'], [5, '索引号'], [6, '标题'], [7, '发布机构']]);
    expect(report.unmatched).toEqual([{ column: '发布机构', value: '不存在的局', rows: [3, 7] }]);
    expect(await strapi.db.query(ITEM).count({ where: { indexNumber: { $in: [n(1), n(2), n(3), n(5), n(6)] } } })).toBe(0);
  });
});
