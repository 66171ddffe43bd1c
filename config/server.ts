export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Behind a load balancer every instance must build absolute URLs the same way.
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer (IS_PROXIED=true) Koa takes the client address from X-Forwarded-For,
  // trusting only the last TRUSTED_PROXY_HOPS entries (the ones our proxies appended): the login
  // and intake limits count per client IP. Strapi 5 reads `server.proxy.koa`; a bare boolean here
  // is ignored. Without it the header is ignored and the socket address counts.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('TRUSTED_PROXY_HOPS', 1) },
  app: { keys: env.array('APP_KEYS') },
  // Triggers only: the jobs keep their state in the database, so every instance may run them.
  cron: {
    enabled: env.bool('CRON_ENABLED', env('NODE_ENV') !== 'test'),
    tasks: {
      disclosureDaily: {
        task: ({ strapi }) =>
          strapi.service('api::disclosure-request.reminders').daily().catch((error) => strapi.log.error(`[disclosure] daily job failed: ${error.message}`)),
        options: { rule: '0 5 8-18 * * *', tz: env('SITE_TIME_ZONE', 'Asia/Shanghai') },
      },
      // After a dictionary change, published content is checked again (once per change, any instance).
      inspectionNightly: {
        task: ({ strapi }) =>
          strapi.plugin('disclosure-workflow').service('inspection').recheckPublished().catch((error) => strapi.log.error(`[disclosure-workflow] nightly re-check failed: ${error.message}`)),
        options: { rule: '0 30 2 * * *', tz: env('SITE_TIME_ZONE', 'Asia/Shanghai') },
      },
    },
  },
});
