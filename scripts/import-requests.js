#!/usr/bin/env node
// Imports historical 依申请公开 cases with their outcome from CSV (header row = field names) or a
// JSON array: `npm run import:requests -- cases.csv [--dry-run]`. Every record is checked first;
// one bad record means nothing is written. `department` is a department code.
const fs = require('fs');
const path = require('path');
const { parse } = require('csv-parse/sync');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

function read(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (file.endsWith('.json')) return JSON.parse(text);
  return parse(text, { columns: true, skip_empty_lines: true, trim: true });
}

async function main() {
  const [file, ...flags] = process.argv.slice(2);
  if (!file) throw new Error('usage: npm run import:requests -- <file.csv|file.json> [--dry-run]');
  const records = read(file);
  console.log(`read ${records.length} records from ${file}`);
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const started = Date.now();
    const progress = (done, total) => (done % 500 === 0 || done === total) && console.log(`imported ${done}/${total}`);
    const { imported, problems } = await app.service('api::disclosure-request.history').import(records, { dryRun: flags.includes('--dry-run'), progress });
    for (const p of problems.slice(0, 50)) console.error(`row ${p.row}, ${p.field}: ${p.message}`);
    if (problems.length) {
      console.error(`${problems.length} problems; nothing imported`);
      process.exitCode = 1;
    } else if (!imported) console.log(`${records.length} records are valid (dry run, nothing imported)`);
    else console.log(`imported ${imported} historical cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
