// Admin sign-in (POST /admin/login) failures are counted in the database, so every instance sees
// the same counts and a restart forgets nothing (README → Security → Admin login):
// - per client IP (`ctx.request.ip`: the socket address, or the proxy's client address when
//   `server.proxy.koa` is on): after `ip.maxFailures` failures within `ip.windowMs`, every sign-in
//   from that address is a 429 until the oldest failure leaves the window;
// - per account (the e-mail, lower-cased): `account.maxFailures` failures within
//   `account.windowMs` lock it for `account.lockMs`, even for the right password (423); the lock is
//   recorded and the `notifyRole` users (gov-office) are e-mailed once per lock.
// Successful sign-ins are never counted, and one resets the account's failures.
//
// Every attempt is written as a row before the password is checked and deleted when it succeeds,
// so concurrent attempts on any number of instances count each other (no read-then-write race).
import type { Core } from '@strapi/strapi';

export const ATTEMPTS = 'admin_login_attempts';
export const LOCKS = 'admin_login_locks';

export interface AdminLoginSettings {
  enabled: boolean;
  ip: { maxFailures: number; windowMs: number };
  account: { maxFailures: number; windowMs: number; lockMs: number };
  notifyRole: string;
}

/**
 * Whether a path is the admin login as the router would see it: case, repeated or trailing
 * slashes, dot segments and percent-encoding do not get past this check (being too wide only
 * counts requests that then 404).
 */
export function isAdminLoginPath(path: string): boolean {
  let decoded = String(path ?? '');
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break;
    }
  }
  const segments = decoded.toLowerCase().replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  return segments.length === 2 && segments[0] === 'admin' && segments[1] === 'login';
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

function refusal(ctx: any, status: number, code: string, zh: string, en: string, retryAfterMs: number, extra: Record<string, unknown> = {}) {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  ctx.set('Retry-After', String(retryAfter));
  ctx.status = status;
  ctx.body = {
    data: null,
    error: { status, name: status === 423 ? 'AccountLockedError' : 'RateLimitError', message: `${zh} / ${en}`, details: { code, zh, en, retryAfter, ...extra } },
  };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('disclosure.adminLogin') as AdminLoginSettings;
  const knex = () => strapi.db.connection;

  async function countSince(kind: 'account' | 'ip', key: string, since: number) {
    const [{ count }] = await knex()(ATTEMPTS).where({ kind, key }).andWhere('at', '>', since).count({ count: '*' });
    return Number(count);
  }

  /** Milliseconds until the oldest counted attempt leaves the window. */
  async function retryAfter(kind: 'account' | 'ip', key: string, since: number, windowMs: number) {
    const [{ oldest }] = await knex()(ATTEMPTS).where({ kind, key }).andWhere('at', '>', since).min({ oldest: 'at' });
    return oldest == null ? windowMs : Number(oldest) + windowMs - Date.now();
  }

  async function activeLock(account: string, now: number) {
    return knex()(LOCKS).where({ account }).andWhere('locked_until', '>', now).first();
  }

  /** Locks the account unless it already is; true for the one caller (any instance) that locked it. */
  async function lock(account: string, failures: number, ip: string, s: AdminLoginSettings) {
    const now = Date.now();
    await knex()(LOCKS).insert({ account, locked_at: 0, locked_until: 0, failures: 0, lock_count: 0 }).onConflict('account').ignore();
    const won = await knex()(LOCKS)
      .where({ account })
      .andWhere('locked_until', '<=', now)
      .update({ locked_at: now, locked_until: now + s.account.lockMs, failures, ip: ip.slice(0, 64), lock_count: knex().raw('lock_count + 1') });
    if (Number(won) !== 1) return false;
    // The failures are in the lock record now; after the lock the account starts afresh.
    await knex()(ATTEMPTS).where({ kind: 'account', key: account }).delete();
    strapi.log.warn(`[admin-login] ${account} locked until ${new Date(now + s.account.lockMs).toISOString()} after ${failures} failed sign-ins (last from ${ip})`);
    notifyLock(account, failures, ip, now + s.account.lockMs, s).catch((error: Error) => strapi.log.warn(`[admin-login] lock notice not sent: ${error.message}`));
    return true;
  }

  async function notifyLock(account: string, failures: number, ip: string, until: number, s: AdminLoginSettings) {
    // Locks happen for any e-mail typed in; the office hears about accounts that exist.
    const user = await strapi.db.query('admin::user').findOne({ where: { email: { $eqi: account } }, select: ['id', 'email', 'firstname', 'lastname'] });
    if (!user) return;
    const office = await strapi.db.query('admin::user').findMany({ where: { isActive: true, roles: { code: s.notifyRole } }, select: ['email'] });
    const to = [...new Set(office.map((u: any) => u.email).filter(Boolean))] as string[];
    if (!to.length) return;
    const timeZone = strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');
    const at = (ms: number) => new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(ms));
    const name = [user.lastname, user.firstname].filter(Boolean).join('') || user.email;
    await strapi.plugin('email').service('email').send({
      to,
      subject: `[安全提醒] 管理后台账号已锁定：${user.email} / Admin account locked`,
      text: [
        `管理后台账号 ${user.email}（${name}）连续 ${failures} 次登录失败，已锁定至 ${at(until)}（${timeZone}）。最后一次失败来自 ${ip}。`,
        '如非本人操作，可能有人在猜测密码：请与该用户核实，必要时在“设置 → 用户”中重置其密码或停用账号。',
        '',
        `The admin account ${user.email} (${name}) had ${failures} failed sign-ins and is locked until ${new Date(until).toISOString()}. The last failure came from ${ip}.`,
        'If the user did not do this, someone may be guessing the password: check with them, and reset the password or deactivate the account in Settings → Users if needed.',
      ].join('\n'),
    });
  }

  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'POST' || !isAdminLoginPath(ctx.path)) return next();
    const s = settings();
    if (!s?.enabled) return next();

    const ip = String(ctx.request.ip || 'unknown');
    const email = ctx.request.body?.email;
    const account = typeof email === 'string' && email.trim() ? email.trim().toLowerCase().slice(0, 255) : null;
    const now = Date.now();
    const db = knex();

    // Old rows go; then this attempt is written first, so concurrent attempts count each other.
    await db(ATTEMPTS).where('at', '<', now - Math.max(s.ip.windowMs, s.account.windowMs)).delete();
    const rows = [{ kind: 'ip', key: ip.slice(0, 255), at: now }, ...(account ? [{ kind: 'account', key: account, at: now }] : [])];
    const ids: number[] = [];
    for (const row of rows) {
      const [inserted] = await db(ATTEMPTS).insert(row, ['id']);
      ids.push(typeof inserted === 'object' ? inserted.id : inserted);
    }
    const forget = () => db(ATTEMPTS).whereIn('id', ids).delete();

    const ipSince = now - s.ip.windowMs;
    if ((await countSince('ip', ip, ipSince)) > s.ip.maxFailures) {
      await forget();
      const wait = await retryAfter('ip', ip, ipSince, s.ip.windowMs);
      return refusal(ctx, 429, 'TOO_MANY_FAILED_LOGINS',
        `来自此地址的登录失败次数过多，请 ${minutes(wait)} 分钟后再试`,
        `too many failed sign-ins from this address; try again in ${minutes(wait)} minute(s)`, wait);
    }
    if (account) {
      let locked = await activeLock(account, now);
      if (!locked) {
        // Attempts racing the one that locks it: more in flight than allowed failures → lock now.
        const inWindow = await countSince('account', account, now - s.account.windowMs);
        if (inWindow > s.account.maxFailures) {
          await lock(account, inWindow - 1, ip, s);
          locked = await activeLock(account, now);
        }
      }
      if (locked) {
        await forget();
        const wait = Number(locked.locked_until) - now;
        return refusal(ctx, 423, 'ACCOUNT_LOCKED',
          `该账号登录失败次数过多，已临时锁定，请 ${minutes(wait)} 分钟后再试，或联系信息公开工作机构`,
          `this account is locked after too many failed sign-ins; try again in ${minutes(wait)} minute(s) or contact the disclosure office`,
          wait, { lockedUntil: new Date(Number(locked.locked_until)).toISOString() });
      }
    }

    let succeeded = false;
    try {
      await next();
      succeeded = ctx.status >= 200 && ctx.status < 300;
    } finally {
      await settle(succeeded).catch((error: Error) => strapi.log.error(`[admin-login] could not record the sign-in: ${error.message}`));
    }

    async function settle(ok: boolean) {
      if (ok) {
        await forget();
        if (account) await db(ATTEMPTS).where({ kind: 'account', key: account }).delete();
      } else if (account) {
        // The rows written above stay as this failure.
        const failures = await countSince('account', account, Date.now() - s.account.windowMs);
        if (failures >= s.account.maxFailures) await lock(account, failures, ip, s);
      }
    }
  };
};
