// npm run bench:import — the catalogue migration on PostgreSQL (a throwaway cluster unless
// DATABASE_URL is set): ROWS generated rows (default 50,000) of which ATTACHMENTS carry a file
// (default 5,000), a dry run and a real run, each with rows/s and the peak RSS (sampled every
// 100 ms; memory should stay flat in the number of rows: the file is streamed). Target ≥ 500 rows/s.
// CONCURRENCY (default 4): rows written at once by the real run.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { database, root } = require('./lib');

const ROWS = Number(process.env.ROWS || 50_000);
const ATTACHMENTS = Math.min(ROWS, Number(process.env.ATTACHMENTS ?? 5_000));
const CONCURRENCY = Number(process.env.CONCURRENCY || 4);
const log = (m) => console.log(`[bench] ${m}`);
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;

/** Peak RSS while `fn` runs, sampled every 100 ms. */
async function measured(fn) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = Date.now();
  try {
    const result = await fn();
    return { result, seconds: (Date.now() - started) / 1000, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

function generate(dir, departments, category) {
  const files = path.join(dir, 'files');
  fs.mkdirSync(files, { recursive: true });
  const out = fs.openSync(path.join(dir, 'catalogue.csv'), 'w');
  const q = (v) => `"${String(v).replace(/"/g, '""')}"`;
  fs.writeSync(out, '索引号,标题,发文字号,发布机构,成文日期,发布日期,主题分类,体裁,有效性,公开属性,内容概述,正文,附件\n');
  const every = ATTACHMENTS ? Math.floor(ROWS / ATTACHMENTS) : Infinity;
  let buffer = '';
  for (let i = 0; i < ROWS; i++) {
    const dept = departments[i % departments.length];
    const year = 2015 + (i % 10);
    const attachment = i % every === 0 && i / every < ATTACHMENTS ? `附件${i}.txt` : '';
    if (attachment) fs.writeFileSync(path.join(files, attachment), `迁移附件 ${i}\n`);
    buffer += [
      `${dept.code}/${year}-${String(Math.floor(i / departments.length) + 1).padStart(5, '0')}`, `基准迁移事项 ${i}`, `清基〔${year}〕${i}号`,
      i % 2 ? dept.code : dept.name, `${year}/${1 + (i % 12)}/${1 + (i % 28)}`, `${year}年${1 + (i % 12)}月${1 + (i % 28)}日`, category.code,
      ['通知', '公告', '报告', '规划计划'][i % 4], ['有效', '失效', '废止'][i % 3], i % 100 === 7 ? '依申请公开' : '主动公开',
      `概述 ${i}`, `<p>第 ${i} 号事项的正文，<strong>基准</strong>用。</p>`, attachment,
    ].map(q).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return { file: path.join(dir, 'catalogue.csv'), files };
}

async function main() {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  try {
    const stamp = Date.now().toString(36);
    const user = async (code) => {
      const role = await app.db.query('admin::role').findOne({ where: { code } });
      return app.service('admin::user').create({ email: `bench-${code}-${stamp}@example.gov.cn`, firstname: code, isActive: true, roles: [role.id] });
    };
    const [reviewer, office] = [await user('gov-secrecy-reviewer'), await user('gov-office')];
    const departments = [];
    for (let d = 0; d < 10; d++) departments.push(await app.documents('api::department.department').create({ data: { name: `基准迁移部门${d}-${stamp}`, code: `BM${d}${stamp}` } }));
    const category = await app.documents('api::disclosure-category.disclosure-category').create({ data: { name: `基准分类${stamp}`, code: `BC${stamp}` } });
    const { file, files } = generate(dir, departments, category);
    log(`generated ${ROWS} rows (${mb(fs.statSync(file).size)}) with ${ATTACHMENTS} attachments; RSS ${mb(process.memoryUsage().rss)} before the runs`);
    const migration = app.service('api::disclosure-item.migration');
    const dry = await measured(() => migration.run(file, { dryRun: true, attachments: files }));
    if (dry.result.problems.length) throw new Error(`dry run found problems: ${JSON.stringify(dry.result.problems.slice(0, 5))}`);
    log(`dry run: ${ROWS} rows in ${dry.seconds.toFixed(1)} s = ${(ROWS / dry.seconds).toFixed(0)} rows/s, peak RSS ${mb(dry.peak)}`);
    const real = await measured(() => migration.run(file, {
      attachments: files, reviewer: reviewer.email, office: office.email, concurrency: CONCURRENCY, progressEvery: Math.max(1000, Math.floor(ROWS / 10)), log,
    }));
    const d = real.result.done;
    log(`real run (concurrency ${CONCURRENCY}): ${ROWS} rows in ${real.seconds.toFixed(1)} s = ${(ROWS / real.seconds).toFixed(0)} rows/s (created ${d.created}, published ${d.published}, held back ${d.heldBack.length}), peak RSS ${mb(real.peak)}`);
    const again = await measured(() => migration.run(file, { attachments: files, reviewer: reviewer.email, office: office.email, concurrency: CONCURRENCY }));
    log(`re-run (nothing changed): ${(ROWS / again.seconds).toFixed(0)} rows/s, unchanged ${again.result.done.unchanged}, peak RSS ${mb(again.peak)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await app.destroy();
    db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
