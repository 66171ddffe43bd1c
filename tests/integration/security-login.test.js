// Admin sign-in limits kept in the database (README → Security → Admin login): failures per
// account lock it (the right password is refused too, gov-office is e-mailed once per lock),
// failures per client IP throttle the address (spraying many accounts), X-Forwarded-For is not
// trusted without a proxy, successful sign-ins are never counted, and the counters are rows every
// instance reads — not process memory.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { captureMail } = require('../helpers/mail');
const { http, PASSWORD, unique } = require('../helpers/fixtures');
const { actors, makeUser } = require('../helpers/workflow');
const { waitFor } = require('../helpers/admin-http');

const ATTEMPTS = 'admin_login_attempts';
const LOCKS = 'admin_login_locks';
let mailbox;
let a;

beforeAll(async () => {
  mailbox = await captureMail();
  await setupStrapi();
  a = await actors();
});
const clear = async () => {
  await strapi.db.connection(ATTEMPTS).delete();
  await strapi.db.connection(LOCKS).delete();
};
afterEach(clear);
afterAll(async () => {
  await cleanupStrapi();
  await mailbox.close();
});

const login = (email, password, path = '/admin/login') => http().post(path).send({ email, password });
const rows = (where) => strapi.db.connection(ATTEMPTS).where(where).orderBy('id');
const lockOf = (account) => strapi.db.connection(LOCKS).where({ account }).first();
const lockMails = (email) => mailbox.mails.filter((m) => m.text.includes(email) && m.text.includes('锁定'));

describe('per account', () => {
  it('five wrong passwords lock the account; the right one is then refused with the lock message; gov-office is e-mailed once', async () => {
    const user = await makeUser('gov-author');
    for (let i = 1; i <= 4; i++) expect((await login(user.email, `wrong-${i}`)).status).toBe(400);
    expect(await rows({ kind: 'account', key: user.email })).toHaveLength(4);
    expect(await lockOf(user.email)).toBeUndefined();

    const fifth = await login(user.email.toUpperCase(), 'wrong-5'); // the same account in any case
    expect(fifth.status).toBe(400);
    const lock = await lockOf(user.email);
    expect(lock).toMatchObject({ failures: 5, lock_count: 1 });
    expect(Number(lock.locked_until) - Number(lock.locked_at)).toBe(30 * 60 * 1000);

    const right = await login(user.email, PASSWORD);
    expect(right.status).toBe(423);
    expect(right.headers['retry-after']).toMatch(/^\d+$/);
    expect(right.body.data).toBeNull();
    expect(right.body.error).toMatchObject({
      status: 423,
      message: expect.stringMatching(/锁定.*locked/),
      details: { code: 'ACCOUNT_LOCKED', zh: expect.stringContaining('锁定'), en: expect.stringContaining('locked'), lockedUntil: new Date(Number(lock.locked_until)).toISOString() },
    });
    expect(right.body.data?.token).toBeUndefined();

    // Whatever the path spelling the router accepts, the lock holds.
    for (const path of ['/ADMIN/login', '/Admin/Login', '/admin/login/', '/admin//login', '/admin/./login', '/admin/%6cogin', '/admin/LOGIN?x=1']) {
      const res = await login(user.email, PASSWORD, path);
      expect(res.status).not.toBe(200);
      if (![404, 405].includes(res.status)) expect(res.status).toBe(423);
    }

    // One e-mail per lock, to the disclosure office, however many refused attempts follow.
    await waitFor(() => lockMails(user.email).length > 0, 10000);
    await login(user.email, 'wrong-6');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mails = lockMails(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toContain(a['gov-office'].email);
    expect(mails[0].text).toMatch(/Admin account locked/);
    expect((await lockOf(user.email)).lock_count).toBe(1);

    // Other accounts are not affected.
    expect((await login(a['gov-leader'].email, PASSWORD)).status).toBe(200);
  });

  it('after the lock period the right password works again, and a success resets the failures', async () => {
    const user = await makeUser('gov-author');
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong');
    expect((await login(user.email, PASSWORD)).status).toBe(423);

    // The lock period passes (the stored time moved back, as the clock would).
    await strapi.db.connection(LOCKS).where({ account: user.email }).update({ locked_until: Date.now() - 1 });
    const after = await login(user.email, PASSWORD);
    expect(after.status).toBe(200);
    expect(after.body.data.token).toBeTruthy();
    expect(await rows({ kind: 'account', key: user.email })).toHaveLength(0);

    // Four failures, then a success: the count starts again, so four more do not lock.
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong')).status).toBe(400);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    expect(await rows({ kind: 'account', key: user.email })).toHaveLength(0);
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong')).status).toBe(400);
    expect((await login(user.email, PASSWORD)).status).toBe(200);

    // A second lock is a second notice.
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong');
    expect((await lockOf(user.email)).lock_count).toBe(2);
    await waitFor(() => lockMails(user.email).length >= 2, 10000);
    expect(lockMails(user.email)).toHaveLength(2);
  });
});

describe('path spellings', () => {
  it('every spelling the router takes for the login is counted', async () => {
    const accepted = [];
    for (const path of ['/ADMIN/login', '/Admin/Login', '/admin/login/', '/admin//login', '/admin/./login', '/admin/%6cogin', '/admin/LOGIN?x=1']) {
      const user = await makeUser('gov-author');
      const res = await login(user.email, 'wrong', path);
      if (res.status === 400 && /Invalid credentials/.test(res.body.error?.message)) accepted.push(path);
      else expect([404, 405]).toContain(res.status);
      // Counted either way (a spelling the router refuses costs one attempt, nothing more).
      expect(await rows({ kind: 'account', key: user.email })).toHaveLength(1);
    }
    // Koa's router matches without regard to case and with a trailing slash.
    expect(accepted).toEqual(['/ADMIN/login', '/Admin/Login', '/admin/login/', '/admin/LOGIN?x=1']);
  });
});

describe('per client IP', () => {
  it('spraying 25 accounts from one address is a 429 after 20 failures; X-Forwarded-For does not change the address', async () => {
    expect(strapi.config.get('server.proxy.koa')).toBe(false); // IS_PROXIED unset: the header is not trusted
    expect(strapi.server.app.proxy).toBe(false);
    const statuses = [];
    for (let i = 0; i < 25; i++) {
      const res = await http().post('/admin/login').set('X-Forwarded-For', `10.0.${i}.${i + 1}`).send({ email: `spray-${unique()}@example.gov.cn`, password: 'Winter2026!' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.details).toMatchObject({ code: 'TOO_MANY_FAILED_LOGINS', zh: expect.stringContaining('过多'), en: expect.stringContaining('too many') });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([...Array(20).fill(400), ...Array(5).fill(429)]);

    // The counter rows: all 20 failures under the socket address, none under a forwarded one.
    const ipRows = await rows({ kind: 'ip' });
    expect(ipRows).toHaveLength(20);
    const [address] = new Set(ipRows.map((r) => r.key));
    expect(new Set(ipRows.map((r) => r.key)).size).toBe(1);
    expect(address).toMatch(/127\.0\.0\.1|::1/);

    // Throttled means every sign-in from there, the right password included.
    expect((await login(a['gov-leader'].email, PASSWORD)).status).toBe(429);

    // When the failures leave the window (10 minutes), the address may sign in again.
    await strapi.db.connection(ATTEMPTS).where({ kind: 'ip' }).update({ at: Date.now() - 10 * 60 * 1000 - 1 });
    expect((await login(a['gov-leader'].email, PASSWORD)).status).toBe(200);
  });

  it('successful sign-ins are never counted', async () => {
    for (let i = 0; i < 25; i++) expect((await login(a['gov-publisher'].email, PASSWORD)).status).toBe(200);
    expect(await rows({})).toHaveLength(0);
  });
});

describe('counters in the database', () => {
  it('rows written by another instance count here, and a fresh copy of the limiter (no shared memory) enforces the lock', async () => {
    // Learn how this client's address is stored, then add failures as another instance would.
    await login(`probe-${unique()}@example.gov.cn`, 'wrong');
    const [probe] = await rows({ kind: 'ip' });
    const now = Date.now();
    await strapi.db.connection(ATTEMPTS).insert(Array.from({ length: 19 }, (_, i) => ({ kind: 'ip', key: probe.key, at: now - i * 1000 })));
    expect((await login(a['gov-leader'].email, PASSWORD)).status).toBe(429);
    await clear();

    // A lock recorded by another instance.
    const user = await makeUser('gov-author');
    await strapi.db.connection(LOCKS).insert({ account: user.email, locked_at: now, locked_until: now + 60_000, failures: 5, ip: '203.0.113.9', lock_count: 1 });
    expect((await login(user.email, PASSWORD)).status).toBe(423);

    // The limiter loaded afresh (a new module: nothing carried over in memory) reads the same rows.
    let fresh;
    jest.isolateModules(() => {
      fresh = require('../../dist/src/middlewares/admin-login-limit.js').default({}, { strapi });
    });
    const headers = {};
    const ctx = { method: 'POST', path: '/admin/login', request: { ip: probe.key, body: { email: user.email, password: PASSWORD } }, set: (k, v) => (headers[k] = v), status: 404, body: undefined };
    const next = jest.fn();
    await fresh(ctx, next);
    expect(next).not.toHaveBeenCalled();
    expect(ctx.status).toBe(423);
    expect(ctx.body.error.details.code).toBe('ACCOUNT_LOCKED');
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
  });
});
