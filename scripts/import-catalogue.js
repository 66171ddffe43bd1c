#!/usr/bin/env node
// Catalogue migration from an older CMS: `npm run import:catalogue -- FILE [--attachments DIR]
// [--dry-run] [--reviewer EMAIL --office EMAIL] [--mapping FILE] [--accept-findings] [--quiet]`.
// CSV or XLSX, streamed. The whole file is checked first; one problem means nothing is written.
// A dry run prints the full report; a real run needs the attesting reviewer and office user.
// See README "Catalogue migration".
const fs = require('fs');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');
const USAGE = 'usage: npm run import:catalogue -- FILE [--attachments DIR] [--dry-run] [--reviewer EMAIL --office EMAIL] [--mapping FILE] [--accept-findings] [--quiet]';

function args(argv) {
  const options = { dryRun: false, acceptFindings: false, quiet: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--dry-run') options.dryRun = true;
    else if (a === '--accept-findings') options.acceptFindings = true;
    else if (a === '--quiet') options.quiet = true;
    else if (a === '--attachments') options.attachments = path.resolve(value());
    else if (a === '--reviewer') options.reviewer = value();
    else if (a === '--office') options.office = value();
    else if (a === '--mapping') options.mapping = JSON.parse(fs.readFileSync(value(), 'utf8'));
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error(USAGE);
  return { file: path.resolve(rest[0]), options };
}

function print(report, { quiet }) {
  const c = report.counts;
  console.log(`${report.file} (batch ${report.batch}): ${report.rows} rows, ${report.valid} valid, ${report.problems.length} problems`);
  if (report.ignoredColumns.length) console.log(`columns not imported: ${report.ignoredColumns.join(', ')}`);
  for (const u of report.unmatched) console.log(`unmatched ${u.column} 「${u.value}」: rows ${u.rows.join(', ')}`);
  for (const p of report.problems) console.log(`row ${p.row}, ${p.column}: ${p.message}`);
  console.log(`${report.dryRun ? 'would create' : 'to create'} ${c.create}, update ${c.update}, leave unchanged ${c.unchanged}; ${c.publish} published, ${c.unpublished} unpublished (withheld, 涉密 or 未发布)`);
  if (report.written) {
    const d = report.done;
    console.log(`written: created ${d.created}, updated ${d.updated}, unchanged ${d.unchanged}, published ${d.published} in ${report.seconds.toFixed(1)} s (${report.rowsPerSecond} rows/s)`);
    for (const h of d.heldBack) console.log(`kept unpublished, row ${h.row} ${h.indexNumber ?? ''}: ${h.reason}`);
  } else if (report.problems.length) console.log('nothing imported: correct the problems above and run again');
  else if (report.dryRun) console.log('dry run: nothing written');
  if (quiet) return;
}

async function main() {
  const { file, options } = args(process.argv.slice(2));
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const plan = options.dryRun && !options.quiet
      ? (p) => console.log(`row ${p.row}: ${p.action}${p.changes.length ? ` (${p.changes.join(', ')})` : ''} ${p.indexNumber ?? '(new 索引号)'} ${p.title}${p.publish ? '' : ' [unpublished]'}`)
      : undefined;
    const report = await app.service('api::disclosure-item.migration').run(file, { ...options, plan, log: (line) => console.log(line) });
    print(report, options);
    if (report.problems.length) process.exitCode = 1;
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
