// Settings of the disclosure catalogue. Read with strapi.config.get('disclosure.<key>').
export default ({ env }) => ({
  // 索引号 template; tokens: {orgCode} {regionCode} {categoryCode} {year} {seq:N}.
  indexNumberTemplate: env('INDEX_NUMBER_TEMPLATE', '{orgCode}/{year}-{seq:5}'),
  timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
  // Checks before publishing: a 行政规范性文件 must have its 政策解读 (an item of genre
  // interpretation whose `interprets` names it) before it goes to review, when the office requires it.
  requireInterpretation: env.bool('REQUIRE_INTERPRETATION', false),
  catalogue: {
    defaultPageSize: 20,
    maxPageSize: 100,
    // Open-data exports stream in batches; this bounds one download.
    exportMaxRows: env.int('CATALOGUE_EXPORT_MAX_ROWS', 50000),
  },
  // Anonymous public reads (README → Public cache): HTTP freshness for browsers and CDNs, and the
  // in-process cache bounded in bytes. PUBLIC_CACHE=false turns the in-process cache and the
  // ETag / Cache-Control headers off (the benchmark's "uncached").
  publicCache: {
    enabled: env.bool('PUBLIC_CACHE', true),
    maxAge: env.int('PUBLIC_CACHE_MAX_AGE', 10),
    staleWhileRevalidate: env.int('PUBLIC_CACHE_STALE_WHILE_REVALIDATE', 30),
    maxBytes: env.int('PUBLIC_CACHE_MAX_BYTES', 64 * 1024 * 1024),
  },
  // The static portal (README → Portal): its output folder (also served at / by the CMS), the API it
  // reads (empty: this instance's own address) and, with PORTAL_AUTO_BUILD=true on the instance that
  // owns the folder, an incremental rebuild after every change that can alter it.
  portal: {
    out: env('PORTAL_OUT', 'portal/out'),
    api: env('PORTAL_API', ''),
    siteUrl: env('PORTAL_SITE_URL', ''),
    autoBuild: env.bool('PORTAL_AUTO_BUILD', false),
  },
  // Public 依申请公开 intake: submissions per client in a window, counted in the database.
  intake: {
    rateLimit: { max: env.int('INTAKE_RATE_LIMIT', 10), windowMs: env.int('INTAKE_RATE_WINDOW_MS', 10 * 60 * 1000) },
  },
  // 依申请公开 case handling: the due-soon flag, the handlers' daily reminder (working days before
  // due) and the office's annual-report reminders (working days before 31 Jan / 31 Mar).
  requests: {
    dueSoonDays: env.int('REQUEST_DUE_SOON_DAYS', 5),
    reminderDays: env.int('REQUEST_REMINDER_DAYS', 3),
    reportReminderDays: env.array('REPORT_REMINDER_DAYS', ['10', '3', '1']).map(Number),
  },
  // End-user accounts (users-permissions): applicants have none, so registration is closed unless
  // USERS_REGISTRATION=true (unset: closed once by default, then left to Settings → Advanced settings).
  endUsers: {
    registration: env.bool('USERS_REGISTRATION', undefined),
  },
  // Admin sign-in (POST /admin/login): failures counted in the database per client IP and per
  // account, shared by every instance (src/middlewares/admin-login-limit.ts; README → Security →
  // Admin login). Successful sign-ins are not counted; one resets the account's failures.
  adminLogin: {
    enabled: env.bool('ADMIN_LOGIN_LIMIT', true),
    ip: {
      maxFailures: env.int('ADMIN_LOGIN_IP_MAX_FAILURES', 20),
      windowMs: env.int('ADMIN_LOGIN_IP_WINDOW_MS', 10 * 60 * 1000),
    },
    account: {
      maxFailures: env.int('ADMIN_LOGIN_ACCOUNT_MAX_FAILURES', 5),
      windowMs: env.int('ADMIN_LOGIN_ACCOUNT_WINDOW_MS', 15 * 60 * 1000),
      lockMs: env.int('ADMIN_LOGIN_LOCK_MS', 30 * 60 * 1000),
    },
    // Role whose active users are e-mailed once per lock.
    notifyRole: env('ADMIN_LOGIN_NOTIFY_ROLE', 'gov-office'),
  },
  // Demo county data is loaded into an empty database, except in tests.
  demoData: env.bool('DEMO_DATA', env('NODE_ENV') !== 'test'),
});
