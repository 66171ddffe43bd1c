// Debian's Chromium through playwright-core (never a downloaded browser), the app served on a free
// port, and logging in as an admin user: what every browser test starts with.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { setupStrapi, cleanupStrapi, root } = require('./strapi');
const { PASSWORD } = require('./fixtures');
const { makeUser } = require('./workflow');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SHOTS = path.join(root, '.tmp', 'browser');

function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Loads the app in-process and serves it; returns its base URL. */
async function serveApp() {
  const app = await setupStrapi();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  // With no super admin the admin shows its registration page instead of the login.
  if (!(await strapi.db.query('admin::user').count({ where: { roles: { code: 'strapi-super-admin' } } }))) {
    await makeUser('strapi-super-admin');
  }
  return `http://127.0.0.1:${app.server.httpServer.address().port}`;
}

async function stopApp() {
  await new Promise((resolve) => strapi.server.httpServer.close(resolve));
  await cleanupStrapi();
}

/** A fresh browser context logged in as `user` (made by the test helpers, so with PASSWORD). */
async function loginAs(browser, base, user, { locale = 'en-US', viewport = { width: 1440, height: 1000 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  const page = await context.newPage();
  await page.goto(`${base}/admin/auth/login`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 60000 });
  return { context, page };
}

module.exports = { launchChromium, serveApp, stopApp, loginAs, SHOTS, CHROMIUM };
