// npm run bench:notices — every notice of BENCH_NOTICE_CASES (default 1,000) request cases, each with
// a receipt, a correction, an extension, a consultation, a fee notice and a reply, issued (文号
// allocated) and then rendered as the A4 HTML page and as .docx, on PostgreSQL; prints the time per
// notice (median of rounds; target ≤ 30 ms per notice, HTML + .docx).
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { database, median, root } = require('./lib');

const CASES = Number(process.env.BENCH_NOTICE_CASES || 1000);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS || 3));
const REQUEST = 'api::disclosure-request.disclosure-request';
const REPLY = 'api::request-reply.request-reply';
const KINDS = ['receipt', 'correction', 'extension', 'consultation', 'feeNotice', 'reply'];
const log = (m) => console.log(`[bench] ${m}`);

/** A case that went through every step that sends a notice (events as the case service writes them). */
function events(replyId) {
  return [
    { type: 'received', date: '2026-03-02', confirmed: true },
    { type: 'correctionRequested', date: '2026-03-03', deadline: '2026-03-13', items: '请写明所需信息的名称、文号或者便于查询的其他特征性描述' },
    { type: 'correctionReceived', date: '2026-03-10' },
    { type: 'pauseStarted', date: '2026-03-11', reason: 'thirdParty:某某建筑有限公司', kind: 'thirdParty', party: '某某建筑有限公司', deliveredAt: '2026-03-12', answerBy: '2026-04-02' },
    { type: 'pauseEnded', date: '2026-03-20', outcome: 'agree' },
    { type: 'extended', date: '2026-03-23', days: 15, reason: '申请内容涉及多个部门，需要协调' },
    { type: 'feeNoticed', date: '2026-03-24', mode: 'perPage', pages: 150, quoted: 1700, reduction: 200, amount: 1500, reason: '困难群众', payBy: '2026-04-22' },
    { type: 'feePaid', date: '2026-03-30', amount: 1500, receiptNumber: 'No.000123' },
    { type: 'replyDrafted', date: '2026-03-31', reply: replyId },
    { type: 'replied', date: '2026-04-08', disposition: 'granted', reply: replyId },
  ];
}

(async () => {
  const db = await database(log);
  Object.assign(process.env, { DATABASE_URL: db.url, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false' });
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const notices = app.service('api::disclosure-request.notices');
    log(`seeding ${CASES} cases, each with a reply`);
    const ids = [];
    for (let i = 0; i < CASES; i++) {
      const reply = await app.db.query(REPLY).create({
        data: { documentId: `benchreply${i}`, title: '政府信息公开申请答复书', replyType: 'alreadyPublic', accessRoute: '县政府门户网站“政府信息公开”专栏', disposition: 'granted', body: '经查，您申请的信息已主动公开。', publishedAt: new Date() },
      });
      const row = await app.db.query(REQUEST).create({
        data: {
          queryCode: `BENCH-NOTE-${String(i).padStart(6, '0')}`, state: 'replied', applicantType: 'naturalPerson', applicantName: `申请人${i}`, address: '清溪县城关镇人民路 8 号',
          description: '请公开2025年城区老旧小区改造项目的资金安排情况', delivery: 'paper', channel: 'letter', submittedAt: '2026-03-02', receivedAt: '2026-03-02',
          closedAt: '2026-04-08', disposition: 'granted', events: events(reply.documentId), revision: 0,
        },
      });
      ids.push(row.documentId);
      if ((i + 1) % 200 === 0) log(`  ${i + 1}/${CASES}`);
    }

    const time = async (work) => {
      const started = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const total = CASES * KINDS.length;
    log(`issuing ${total} notices (6 kinds × ${CASES} cases: 文号 allocated, variables recorded)`);
    const issueMs = await time(async () => {
      for (const [i, documentId] of ids.entries()) {
        for (const kind of KINDS) await notices.issue({ documentId, kind, date: '2026-04-08' });
        if ((i + 1) % 200 === 0) log(`  ${i + 1}/${CASES}`);
      }
    });

    const renderAll = (format) => time(async () => {
      for (const documentId of ids) for (const kind of KINDS) await notices.render({ documentId, kind, format });
    });
    const times = { html: [], docx: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      times.html.push(await renderAll('html'));
      times.docx.push(await renderAll('docx'));
      log(`round ${round}/${ROUNDS}: ${total} HTML pages ${times.html.at(-1).toFixed(0)} ms, ${total} .docx files ${times.docx.at(-1).toFixed(0)} ms`);
    }
    const per = (ms) => `${(ms / total).toFixed(2)} ms per notice`;
    const html = median(times.html);
    const docx = median(times.docx);
    console.log('');
    log(`${total} notices of ${CASES} cases on PostgreSQL, medians of ${ROUNDS} rounds:`);
    log(`  issue (number + record):  ${per(issueMs)} (one run)`);
    log(`  render HTML:              ${per(html)}`);
    log(`  render .docx:             ${per(docx)}`);
    log(`  HTML + .docx:             ${per(html + docx)} (target ≤ 30 ms)`);
  } finally {
    await app.destroy();
    db.stop();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
