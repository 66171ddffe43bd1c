// npm run bench:inspection — the pre-publication checks on large attachments: a 200-page PDF and a
// 20,000-row XLSX, extracted and checked (PII + a 10,000-term dictionary). Prints the time of each
// (median of rounds; target ≤ 3 s each on 2 cores, e.g. `taskset -c 0,1 npm run bench:inspection`).
const { PDFDocument, StandardFonts } = require('pdf-lib');
const ExcelJS = require('exceljs');
const { median } = require('./lib');
const d = require('../src/plugins/disclosure-workflow/dist/server/domain');

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS || 3));
const OPTIONS = { allowedMimes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], maxBytes: 200e6 };
const log = (m) => console.log(`[bench] ${m}`);
const time = async (fn) => { const t = process.hrtime.bigint(); const r = await fn(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; };

async function pdf(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage();
    for (let l = 0; l < 45; l++) page.drawText(`Line ${l} of page ${p + 1}: budget 12,345,678.90, index 000014349/2025-${String(p * 45 + l).padStart(5, '0')}, tel 0571-88880000`, { x: 40, y: 800 - l * 17, font, size: 9 });
  }
  return Buffer.from(await doc.save());
}

async function xlsx(rows) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  for (let i = 1; i <= rows; i++) sheet.addRow([i, `清溪县城关镇第${i % 40}村`, `惠民惠农补贴资金“一卡通”发放`, 1200.5 + i, '2025-03-01', `备注：已核对，联系电话 0571-6600${String(i % 10000).padStart(4, '0')}`, i % 997 === 0 ? '13912345678' : '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const terms = Array.from({ length: 10_000 }, (_, i) => ({ term: `敏感${String.fromCharCode(0x4e00 + ((i * 7919) % 20000))}${i.toString(36)}`, severity: 'warning' }));
  const [compileMs, matcher] = await time(() => d.compileDictionary([...d.STARTER_DICTIONARY, ...terms]));
  log(`dictionary of ${matcher.size} terms compiled in ${compileMs.toFixed(0)} ms (once per dictionary change)`);
  const files = [['200 pages.pdf', await pdf(200)], ['20000 rows.xlsx', await xlsx(20_000)]];
  for (const [name, data] of files) {
    const [extractTimes, checkTimes, totals] = [[], [], []];
    let extracted, findings;
    for (let r = 0; r < ROUNDS; r++) {
      const [extractMs, e] = await time(() => d.extractAttachment({ field: 'attachments', name, data }, OPTIONS));
      const [checkMs, f] = await time(() => d.checkText(e.sources, matcher));
      [extracted, findings] = [e, f];
      extractTimes.push(extractMs);
      checkTimes.push(checkMs);
      totals.push(extractMs + checkMs);
    }
    const chars = extracted.sources.reduce((n, s) => n + s.text.length, 0);
    log(`${name} (${(data.length / 1e6).toFixed(1)} MB, ${extracted.sources.length} sources, ${chars} characters): ${median(totals).toFixed(0)} ms = extract ${median(extractTimes).toFixed(0)} + check ${median(checkTimes).toFixed(0)}; ${findings.length} findings`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
