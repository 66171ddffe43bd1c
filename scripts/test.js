#!/usr/bin/env node
// `npm test`: compiles the app, runs the unit tests, then the integration suite against a real
// Strapi on SQLite and again on PostgreSQL (DATABASE_URL, else a throwaway local cluster).
// Fails when PostgreSQL could not be used.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureEnv } = require('./ensure-env');
const { startThrowawayPostgres } = require('./pg-throwaway');

const root = path.resolve(__dirname, '..');
const log = (message) => console.log(`[test] ${message}`);
const jestBin = require.resolve('jest/bin/jest');

// Asynchronous, so the mail sink in this process keeps answering while jest runs.
const run = (command, args, options) =>
  new Promise((resolve) => spawn(command, args, options).on('exit', (status) => resolve({ status })));

// `npm test -- --repeat 5 --suites sqlite,multiprocess` runs only those stages, that many times in a
// row (a stability check); any other argument goes to jest.
function parseArgs(argv) {
  const options = { repeat: 1, suites: ['unit', 'sqlite', 'postgres', 'multiprocess', 'browser'], jest: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repeat') options.repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === '--suites') options.suites = argv[++i].split(',');
    else options.jest.push(argv[i]);
  }
  return options;
}
const options = parseArgs(process.argv.slice(2));
const extraArgs = options.jest;
const wanted = (suite) => options.suites.includes(suite);

async function jest(project, env, label) {
  const report = path.join(root, '.tmp', `jest-${label}.json`);
  const args = [jestBin, '--selectProjects', project, '--runInBand', '--json', `--outputFile=${report}`, ...extraArgs];
  log(`${label}: jest ${project}`);
  const result = await run(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
  return {
    label,
    ok: result.status === 0,
    passed: summary ? summary.numPassedTests : 0,
    failed: summary ? summary.numFailedTests + summary.numRuntimeErrorTestSuites : 1,
  };
}

/** Workflow notifications need an SMTP server; this one accepts and discards mail. */
function startMailSink() {
  const { SMTPServer } = require('smtp-server');
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _s, done) => stream.on('data', () => {}).on('end', done) });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main() {
  ensureEnv();
  const mail = await startMailSink();
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  log('compiling TypeScript (the workflow plugin, then the app)');
  const tsc = (project) => execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], { cwd: root, stdio: 'inherit' });
  tsc('src/plugins/disclosure-workflow/server/tsconfig.json');
  tsc('tsconfig.json');

  const baseEnv = { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DEMO_DATA: 'false', DATABASE_URL: '', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.server.address().port) };
  const runs = [];
  const sqliteFile = path.join(root, '.tmp', `test-${process.pid}.db`);
  let postgres = null;
  let pgUrl = process.env.DATABASE_URL;
  let pgError = null;
  for (let round = 1; round <= options.repeat; round++) {
    const suffix = options.repeat > 1 ? ` #${round}` : '';
    if (wanted('unit')) runs.push(await jest('unit', baseEnv, `unit${suffix}`));
    if (wanted('sqlite')) {
      runs.push(await jest('integration', { ...baseEnv, DATABASE_FILENAME: sqliteFile }, `sqlite${suffix}`));
      fs.rmSync(sqliteFile, { force: true });
    }
    if (!wanted('postgres') && !wanted('multiprocess')) continue;
    try {
      if (!pgUrl) {
        postgres = await startThrowawayPostgres({ database: 'disclosure_test', log });
        pgUrl = postgres.url;
      }
      if (wanted('postgres')) runs.push(await jest('integration', { ...baseEnv, DATABASE_URL: pgUrl }, `postgres${suffix}`));
      if (wanted('multiprocess')) runs.push(await jest('multiprocess', { ...baseEnv, DATABASE_URL: pgUrl }, `multiprocess${suffix}`));
    } catch (error) {
      pgError = error;
    } finally {
      // A new cluster each round: every round starts from an empty database, as CI does.
      if (postgres) postgres.stop(), (postgres = null), (pgUrl = process.env.DATABASE_URL);
    }
  }

  // The browser tests through the built admin, in Debian's Chromium, on SQLite.
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (wanted('browser') && !fs.existsSync(chromium)) {
    runs.push({ label: 'browser', ok: false, passed: 0, failed: 1 });
    log(`browser test NOT RUN: no Chromium at ${chromium} (apt-get install chromium)`);
  } else if (wanted('browser')) {
    log('building the admin panel for the browser test');
    const build = await run(process.execPath, [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    const browserDb = path.join(root, '.tmp', `browser-${process.pid}.db`);
    runs.push(build.status === 0 ? await jest('browser', { ...baseEnv, DATABASE_FILENAME: browserDb, CHROMIUM_PATH: chromium }, 'browser') : { label: 'browser', ok: false, passed: 0, failed: 1 });
    fs.rmSync(browserDb, { force: true });
  }

  mail.close();
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0) + (pgError ? 1 : 0);
  console.log('');
  log('databases used:');
  if (wanted('sqlite')) log(`  SQLite     ${sqliteFile} (removed)`);
  const pgUsed = wanted('postgres') || wanted('multiprocess');
  if (pgError) log(`  PostgreSQL NOT USED: ${pgError.message}`);
  else if (pgUsed) log(`  PostgreSQL ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'throwaway cluster (removed)'}`);
  for (const run of runs) log(`  ${run.label.padEnd(16)} ${run.ok ? 'ok' : 'FAILED'} (${run.passed} passed, ${run.failed} failed)`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && runs.every((r) => r.ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
