// Loads the real application in-process (compiled to dist/ by `npm test`) on the database the
// environment names: SQLite by default, PostgreSQL when DATABASE_URL is set.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '..', '..');
if (typeof jest !== "undefined") jest.setTimeout(180000);
let instance;

async function setupStrapi() {
  if (instance) return instance;
  instance = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  instance.server.mount();
  return instance;
}

async function cleanupStrapi() {
  if (!instance) return;
  const app = instance;
  instance = undefined;
  await app.destroy();
}

module.exports = { setupStrapi, cleanupStrapi, root };
