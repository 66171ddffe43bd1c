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

/** Document events run after commit, fire-and-forget: let them finish before the pool closes. */
async function waitForIdleDatabase(app, timeoutMs = 5000) {
  const pool = app.db.connection.client.pool;
  const deadline = Date.now() + timeoutMs;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0 && Date.now() < deadline);
}

async function cleanupStrapi() {
  if (!instance) return;
  const app = instance;
  instance = undefined;
  await waitForIdleDatabase(app);
  await app.destroy();
}

module.exports = { setupStrapi, cleanupStrapi, root };
