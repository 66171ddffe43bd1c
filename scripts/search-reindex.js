#!/usr/bin/env node
// `npm run search:reindex`: rebuilds the 政策文件库 search index from the published public items
// (rows of items no longer public are dropped), printing progress; then extracts the attachment
// text still pending, also with progress. Safe while the site runs. See README "Search".
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..');

async function main() {
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  try {
    const index = app.service('api::disclosure-item.search-index');
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    let shown = 0;
    const { total } = await index.reindex((done, all) => {
      if (done === all || Date.now() - shown > 1000) {
        shown = Date.now();
        console.log(`[search] items ${done}/${all} (${all ? Math.floor((done * 100) / all) : 100}%, ${seconds()} s)`);
      }
    });
    let pending = await index.pendingCount();
    if (pending) console.log(`[search] attachment text: ${pending} items to extract`);
    while (pending) {
      await index.drain();
      const left = await index.pendingCount();
      if (left === pending) break; // another instance holds them, or their files cannot be read
      pending = left;
      console.log(`[search] attachment text: ${pending} items left (${seconds()} s)`);
    }
    console.log(`[search] index rebuilt: ${total} items in ${seconds()} s${pending ? `, ${pending} with attachment text still pending` : ''}`);
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
