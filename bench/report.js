// npm run bench:report — the annual report's build() over BENCH_CASES (default 200,000) request
// cases on PostgreSQL (some with fees paid, some withdrawn or lapsed for an unpaid fee) against
// hand-written queries producing table 三's counts and the fee total, in interleaved rounds in one
// process and database; prints medians and the ratio (target ≤ 1.25).
const path = require('path');
const crypto = require('crypto');
const { createStrapi } = require('@strapi/strapi');
const { database, median, root } = require('./lib');
const { seedItems } = require('./seed-items');
const { DISPOSITIONS } = require('../dist/src/domain/request-codes');

const CASES = Number(process.env.BENCH_CASES || 200000);
const ROUNDS = Math.max(7, Number(process.env.BENCH_ROUNDS || 9));
const DEPARTMENTS = 30;
const YEAR = 2024; // cases are spread over 2023, 2024 and 2025
const log = (m) => console.log(`[bench] ${m}`);

const REQUEST = 'api::disclosure-request.disclosure-request';
const REVIEW_CASE = 'api::review-case.review-case';
const DEPARTMENT = 'api::department.department';
const APPLICANT_TYPES = ['naturalPerson', 'naturalPerson', 'naturalPerson', 'naturalPerson', 'commercial', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const day = (date) => date.toISOString().slice(0, 10);

/** 30 departments: 3 governments, each with 9 bureaus. */
async function seedDepartments(app) {
  const made = [];
  for (let g = 0; g < DEPARTMENTS / 10; g++) {
    const top = await app.documents(DEPARTMENT).create({ data: { name: `基准县${g}人民政府`, code: `BR${g}`, kind: 'government' } });
    made.push(top);
    for (let b = 1; b < 10; b++) {
      made.push(await app.documents(DEPARTMENT).create({ data: { name: `基准县${g}第${b}局`, code: `BR${g}-${b}`, parent: top.documentId } }));
    }
  }
  return made;
}

/** Request cases straight into the tables with knex, in batches: rows plus department links. */
async function seedCases(app, departments) {
  const knex = app.db.connection;
  const meta = app.db.metadata.get(REQUEST);
  const col = (attribute) => meta.attributes[attribute].columnName;
  const link = meta.attributes.department.joinTable;
  const batch = 1000;
  const started = Date.now();
  const span = Date.UTC(YEAR + 2, 0, 1) - Date.UTC(YEAR - 1, 0, 1);
  for (let done = 0; done < CASES; done += batch) {
    const size = Math.min(batch, CASES - done);
    const now = new Date();
    const rows = [];
    const depts = [];
    for (let i = 0; i < size; i++) {
      const received = new Date(Date.UTC(YEAR - 1, 0, 1) + Math.floor(Math.random() * span));
      const open = Math.random() < 0.08;
      const closed = open ? null : new Date(received.getTime() + (1 + Math.floor(Math.random() * 40)) * 86400000);
      // ~3% withdrawn ((六)3 其他), ~2% lapsed for an unpaid fee ((六)2), ~5% paid a fee before closing.
      const roll = Math.random();
      const disposition = open ? null : roll < 0.03 ? 'otherReasons' : roll < 0.05 ? 'otherOverdueFee' : pick(DISPOSITIONS);
      const paid = !open && roll >= 0.05 && roll < 0.1 ? new Date((received.getTime() + closed.getTime()) / 2) : null;
      rows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        [col('queryCode')]: `BENCH-${done + i}-${crypto.randomBytes(4).toString('hex')}`,
        [col('state')]: open ? 'assigned' : 'closed',
        [col('applicantType')]: pick(APPLICANT_TYPES),
        [col('applicantName')]: '基准申请人',
        [col('description')]: '用于性能基准测试的政府信息公开申请',
        [col('delivery')]: 'email',
        [col('channel')]: 'online',
        [col('receivedAt')]: day(received),
        [col('closedAt')]: closed ? day(closed) : null,
        [col('disposition')]: disposition,
        [col('fee')]: paid ? (10 + Math.floor(Math.random() * 4900)) / 10 : null,
        [col('feePaidAt')]: paid ? day(paid) : null,
        created_at: now,
        updated_at: now,
        published_at: now,
      });
      depts.push(departments[(done + i) % departments.length].id);
    }
    await knex.transaction(async (trx) => {
      const inserted = await trx(meta.tableName).insert(rows).returning('id');
      const ids = inserted.map((r) => (typeof r === 'object' ? r.id : r));
      await trx(link.name).insert(ids.map((id, i) => ({ [link.joinColumn.name]: id, [link.inverseJoinColumn.name]: depts[i] })));
    });
    const count = done + size;
    if (count % 20000 < batch || count === CASES) log(`  cases ${count}/${CASES} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

async function seedReviewCases(app, departments, total = 2000) {
  const kinds = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
  const outcomes = ['upheld', 'corrected', 'other', 'pending'];
  for (let i = 0; i < total; i++) {
    const year = YEAR - 1 + (i % 3);
    const outcome = pick(outcomes);
    // Decided 0–120 days after filing: some only in the next year (尚未审结 on 31 December).
    const decidedAt = outcome === 'pending' ? null : day(new Date(Date.UTC(year, i % 12, 15) + Math.floor(Math.random() * 120) * 86400000));
    await app.db.query(REVIEW_CASE).create({
      data: { kind: pick(kinds), outcome, filedAt: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`, decidedAt, department: pick(departments).id },
    });
  }
}

/** Table 三's counts and section 六's fee total as one would write them by hand. */
const HANDWRITTEN = `
SELECT applicant_type, disposition,
       COUNT(*) FILTER (WHERE received_at >= :start AND received_at < :next) AS received,
       COUNT(*) FILTER (WHERE received_at < :start) AS carried_over,
       COUNT(*) FILTER (WHERE closed_at >= :start AND closed_at < :next AND disposition IS NOT NULL) AS processed,
       COUNT(*) FILTER (WHERE closed_at IS NULL OR closed_at >= :next) AS carried_forward
  FROM disclosure_requests
 WHERE received_at < :next AND (closed_at IS NULL OR closed_at >= :start)
 GROUP BY applicant_type, disposition`;
const HANDWRITTEN_FEES = `
SELECT SUM(fee) AS amount, COUNT(*) AS cases
  FROM disclosure_requests
 WHERE fee_paid_at >= :start AND fee_paid_at < :next AND fee IS NOT NULL`;

(async () => {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const { table3FromCounts, feeTotal } = require('../dist/src/domain/annual-report');
    const knex = app.db.connection;
    log(`seeding ${DEPARTMENTS} departments, 5,000 catalogue items, 2,000 review cases and ${CASES} request cases (${YEAR - 1}–${YEAR + 1}, ~8% open)`);
    const departments = await seedDepartments(app);
    await seedItems(app, 5000, log);
    await seedReviewCases(app, departments);
    await seedCases(app, departments);
    await knex.raw('VACUUM ANALYZE');

    const service = app.service('api::annual-report.annual-report');
    const params = { start: `${YEAR}-01-01`, next: `${YEAR + 1}-01-01` };
    const time = async (work) => {
      const started = process.hrtime.bigint();
      const result = await work();
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
    };
    const runBuild = () => time(() => service.build({ year: YEAR }));
    // Both hand-written queries at once, as build() runs its queries.
    const runHand = () => time(async () => (await Promise.all([knex.raw(HANDWRITTEN, params), knex.raw(HANDWRITTEN_FEES, params)])).map((r) => r.rows));

    // Same numbers both ways, or the comparison means nothing.
    const built = (await runBuild()).result;
    const [hand, handFees] = (await runHand()).result;
    const handTable = table3FromCounts(
      hand.map((r) => ({ applicantType: r.applicant_type, disposition: r.disposition, received: r.received, carriedOver: r.carried_over, processed: r.processed, carriedForward: r.carried_forward })),
    );
    if (JSON.stringify(handTable) !== JSON.stringify(built.table3)) throw new Error('build() and the hand-written query disagree on table 3');
    if (JSON.stringify(feeTotal(handFees[0])) !== JSON.stringify(built.fees)) throw new Error('build() and the hand-written query disagree on the fee total');
    const r = built.table3.rows;
    log(`table 3 for ${YEAR}: received ${r.newReceived.total}, carried over ${r.carriedOver.total}, processed ${r.totalProcessed.total}, carried forward ${r.carriedForward.total} (both ways agree)`);
    log(`  withdrawn ((六)3 其他) ${r.otherReasons.total}, unpaid fee ((六)2) ${r.otherOverdueFee.total}; fees paid ${built.fees.amount} 元 by ${built.fees.cases} requests (both ways agree)`);
    log(`  checks: ${built.checks.filter((c) => c.ok).length}/${built.checks.length} columns add up; table 4 pending (as of 31 December): ${Object.values(built.table4).reduce((n, k) => n + k.pending, 0)}`);

    for (let i = 0; i < 2; i++) {
      await runBuild(); // warm-up
      await runHand();
    }
    const times = { build: [], hand: [], buildDepartment: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first so neither always runs on a warmer cache.
      const order = round % 2 ? ['build', 'hand'] : ['hand', 'build'];
      for (const name of order) times[name].push((await (name === 'build' ? runBuild() : runHand())).ms);
      times.buildDepartment.push((await time(() => service.build({ year: YEAR, department: departments[0].documentId }))).ms);
      log(`round ${round}/${ROUNDS}: build() ${times.build.at(-1).toFixed(1)} ms, hand-written ${times.hand.at(-1).toFixed(1)} ms, build(one government of 10 departments) ${times.buildDepartment.at(-1).toFixed(1)} ms`);
    }
    const fmt = (v) => `${v.toFixed(1)} ms`;
    console.log('');
    log(`${CASES} request cases on PostgreSQL, ${ROUNDS} interleaved rounds, medians:`);
    log(`  build({ year: ${YEAR} }) — tables 二, 三, 四:          ${fmt(median(times.build))}`);
    log(`  hand-written GROUP BY for table 三 + fee SUM:      ${fmt(median(times.hand))}`);
    log(`  ratio build / hand-written: ×${(median(times.build) / median(times.hand)).toFixed(2)} (target ≤ 1.25)`);
    log(`  build({ year, department }) for 10 of 30 departments: ${fmt(median(times.buildDepartment))}`);
  } finally {
    await app.destroy();
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
