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
const extraArgs = process.argv.slice(2);

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
  log('compiling TypeScript');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });

  const baseEnv = { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL || 'warn', DEMO_DATA: 'false', DATABASE_URL: '', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.server.address().port) };
  const runs = [await jest('unit', baseEnv, 'unit')];

  const sqliteFile = path.join(root, '.tmp', `test-${process.pid}.db`);
  runs.push(await jest('integration', { ...baseEnv, DATABASE_FILENAME: sqliteFile }, 'sqlite'));
  fs.rmSync(sqliteFile, { force: true });

  let postgres = null;
  let pgUrl = process.env.DATABASE_URL;
  let pgError = null;
  try {
    if (!pgUrl) {
      postgres = await startThrowawayPostgres({ database: 'disclosure_test', log });
      pgUrl = postgres.url;
    }
    runs.push(await jest('integration', { ...baseEnv, DATABASE_URL: pgUrl }, 'postgres'));
    runs.push(await jest('multiprocess', { ...baseEnv, DATABASE_URL: pgUrl }, 'multiprocess'));
  } catch (error) {
    pgError = error;
  } finally {
    if (postgres) postgres.stop();
  }

  // One browser test through the built admin, in Debian's Chromium, on SQLite.
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(chromium)) {
    log('building the admin panel for the browser test');
    const build = await run(process.execPath, [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    const browserDb = path.join(root, '.tmp', `browser-${process.pid}.db`);
    runs.push(build.status === 0 ? await jest('browser', { ...baseEnv, DATABASE_FILENAME: browserDb, CHROMIUM_PATH: chromium }, 'browser') : { label: 'browser', ok: false, passed: 0, failed: 1 });
    fs.rmSync(browserDb, { force: true });
  } else {
    runs.push({ label: 'browser', ok: false, passed: 0, failed: 1 });
    log(`browser test NOT RUN: no Chromium at ${chromium} (apt-get install chromium)`);
  }

  mail.close();
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0) + (pgError ? 1 : 0);
  console.log('');
  log('databases used:');
  log(`  SQLite     ${sqliteFile} (removed)`);
  log(pgError ? `  PostgreSQL NOT USED: ${pgError.message}` : `  PostgreSQL ${pgUrl.replace(/:[^:@/]*@/, ':***@')}${postgres ? ' (throwaway cluster)' : ' (DATABASE_URL)'}`);
  for (const run of runs) log(`  ${run.label.padEnd(9)} ${run.ok ? 'ok' : 'FAILED'} (${run.passed} passed, ${run.failed} failed)`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && runs.every((r) => r.ok) ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
