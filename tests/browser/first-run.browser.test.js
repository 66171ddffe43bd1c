// The README's quick start, walked from an empty database: `npm run develop` as a new county would
// run it (demo data on, no administrator), then the first administrator registers through the
// page in Debian's Chromium and lands in the admin.
const fs = require('fs');
const path = require('path');
const net = require('net');
const { spawn, execFileSync } = require('child_process');
const request = require('supertest');
const { chromium } = require('playwright-core');
const { root } = require('../helpers/strapi');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(root, '.tmp', 'browser');
const DB = path.join(root, '.tmp', `quickstart-${process.pid}.db`);
jest.setTimeout(600000);

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Tracked files changed and untracked files not ignored: running the CMS must add none. */
const treeChanges = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' });

let develop;
let treeBefore;
let output = '';
let browser;
let base;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.rmSync(DB, { force: true });
  treeBefore = treeChanges();
  const port = await freePort();
  base = `http://localhost:${port}`;
  // The README's command, with only the port and the database file moved out of the way.
  const env = { ...process.env, NODE_ENV: 'development', PORT: String(port), DATABASE_FILENAME: DB, DATABASE_URL: '', LOG_LEVEL: 'info' };
  delete env.DEMO_DATA;
  develop = spawn('npm', ['run', 'develop'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  develop.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  develop.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  develop.on('exit', () => fs.writeFileSync(path.join(SHOTS, 'quickstart-develop.log'), output));
  const deadline = Date.now() + 400000;
  while (!/Strapi started successfully/.test(output)) {
    if (develop.exitCode !== null || develop.signalCode !== null || Date.now() > deadline) throw new Error(`npm run develop did not start:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
});

afterAll(async () => {
  await browser?.close();
  if (develop && develop.exitCode === null) {
    const exited = new Promise((resolve) => develop.once('exit', resolve));
    process.kill(-develop.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
  }
  fs.rmSync(DB, { force: true });
});

it('prints where to create the first administrator, not "Welcome back!"', () => {
  expect(output).toContain('[demo] demo data loaded');
  expect(output).toContain(`Create your first administrator`);
  expect(output).toContain(`${base}/admin`);
  expect(output).not.toContain('Welcome back!');
});

it('registers the first administrator through the page and lands in the admin', async () => {
  expect((await request(base).get('/admin/init')).body.data.hasAdmin).toBe(false);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  // Vite compiles the admin on this first visit: allow it minutes on a busy machine.
  await page.goto(`${base}/admin`, { waitUntil: 'commit', timeout: 300000 });
  await page.waitForURL(/\/admin\/auth\/register-admin/, { timeout: 180000 });
  await page.fill('input[name="firstname"]', '县');
  await page.fill('input[name="lastname"]', '管理员');
  await page.fill('input[name="email"]', 'admin@qingxi.example.gov.cn');
  await page.fill('input[name="password"]', 'Qingxi2026!admin');
  await page.fill('input[name="confirmPassword"]', 'Qingxi2026!admin');
  await page.screenshot({ path: path.join(SHOTS, 'quickstart-1-register.png') });
  await page.getByRole('button', { name: "Let's start" }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  await page.goto(`${base}/admin/content-manager/collection-types/api::disclosure-item.disclosure-item`);
  await page.getByRole('link', { name: /Content Manager/ }).first().waitFor({ timeout: 60000 });
  await page.getByRole('gridcell').first().waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'quickstart-2-admin.png') });
  await context.close();

  expect((await request(base).get('/admin/init')).body.data.hasAdmin).toBe(true);
  const login = await request(base).post('/admin/login').send({ email: 'admin@qingxi.example.gov.cn', password: 'Qingxi2026!admin' });
  expect(login.status).toBe(200);
  expect((await request(base).get('/favicon.ico')).status).toBe(200);
});

it('leaves the git tree as it found it (runtime files are ignored)', () => {
  expect(treeChanges()).toBe(treeBefore);
});
