// One Strapi instance for benchmarks: loads the compiled app, optionally seeds, then listens.
// Prints "READY <port>" when it accepts requests.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { seedItems } = require('./seed-items');

const root = path.resolve(__dirname, '..');

(async () => {
  const items = Number(process.env.BENCH_SEED_ITEMS || 0);
  const app = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  if (items) {
    const { seedDemoData } = require('../dist/src/bootstrap/demo-data');
    await seedDemoData(app, { items: 0 });
    await seedItems(app, items, (m) => console.log(m));
  }
  await app.listen();
  console.log(`READY ${app.config.get('server.port')}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
