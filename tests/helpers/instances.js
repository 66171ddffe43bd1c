// The multi-process tests: this test process plus other Strapi processes on the same PostgreSQL
// database. `multiprocessSuite()` registers the file's setup (refusing anything but PostgreSQL) and
// teardown (every instance it started is stopped, this process's listener closed).
const { setupStrapi, cleanupStrapi } = require('./strapi');
const { startInstance } = require('../../scripts/spawn-instance');
const { freePort } = require('../../scripts/pg-throwaway');

function multiprocessSuite() {
  const started = [];
  beforeAll(async () => {
    if (!/^postgres/.test(process.env.DATABASE_URL || '')) throw new Error('the multi-process test needs PostgreSQL (DATABASE_URL)');
    await setupStrapi();
  });
  afterAll(async () => {
    for (const { child } of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    if (strapi.server.httpServer.listening) await new Promise((r) => strapi.server.httpServer.close(r));
    await cleanupStrapi();
  });
  return {
    /** Another instance; `env` as for scripts/spawn-instance.js (its scheduler runs unless told otherwise). */
    async start(env = {}) {
      const instance = await startInstance(env);
      started.push(instance);
      return instance;
    },
    /** Another instance serving HTTP on a free port, scheduler off: `url` to send requests to. */
    async serve(env = {}) {
      const port = await freePort();
      const instance = await this.start({ LISTEN: 'true', PORT: String(port), HOST: '127.0.0.1', SCHEDULER_ENABLED: 'false', ...env });
      return { ...instance, url: `http://127.0.0.1:${port}` };
    },
  };
}

module.exports = { multiprocessSuite };
