#!/usr/bin/env node
// `npm run export:catalogue -- DIR`: every 公开事项 (all states, for the office) with its metadata as
// DIR/catalogue.csv and DIR/catalogue.xlsx and its attachments under DIR/attachments/, in the
// columns import:catalogue reads back (`npm run import:catalogue -- DIR/catalogue.csv --attachments DIR/attachments`).
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

async function main() {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: npm run export:catalogue -- DIR');
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const result = await app.service('api::disclosure-item.migration').export(path.resolve(dir), { log: (line) => console.log(line) });
    console.log(`exported ${result.items} items and ${result.attachments} attachments: ${result.csv}, ${result.xlsx}, ${result.attachmentsDir}`);
    if (result.missing.length) console.warn(`${result.missing.length} attachment file(s) were missing on disk and are not in the export (listed above)`);
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
