import { corsOptions, originOf, parseOrigins } from '../src/middlewares/lib/cors-policy';

// Security settings (README → Security):
// - CORS_ORIGINS: extra trusted origins (comma-separated) that may call every route with
//   credentials, like the server's own origin; any other origin gets the public read API only,
//   without credentials.
// - HSTS: send Strict-Transport-Security; defaults to true when PUBLIC_URL is https://.
// - No X-Powered-By (strapi::poweredBy is not listed).
export default ({ env }) => {
  const publicUrl = env('PUBLIC_URL', '');
  const publicOrigin = originOf(publicUrl);
  const hsts = env.bool('HSTS', publicUrl.startsWith('https://'));
  return [
    'strapi::logger',
    'strapi::errors',
    // Anonymous public reads: ETag / Cache-Control / 304, hits answered here with the headers the
    // rest of the chain set for the same Origin (README → HTTP caching and the public cache).
    'global::public-cache',
    {
      name: 'strapi::security',
      config: {
        hsts: hsts ? { maxAge: env.int('HSTS_MAX_AGE', 31536000), includeSubDomains: true } : false,
        contentSecurityPolicy: {
          directives: {
            // A string, not a list: Strapi merges lists with its defaults (which add `https:`).
            'connect-src': ["'self'", ...(publicOrigin ? [publicOrigin] : [])].join(' '),
          },
        },
      },
    },
    {
      name: 'strapi::cors',
      config: corsOptions({
        trusted: parseOrigins(env('CORS_ORIGINS', '')),
        publicUrl,
        restPrefix: '/api',
        graphqlPath: '/graphql',
      }),
    },
    'strapi::query',
    'strapi::body',
    'global::admin-login-limit', // after the body parser: failures per IP and account in the database (config/disclosure.ts adminLogin)
    'strapi::session',
    { name: 'strapi::favicon', config: { path: 'favicon.ico' } },
    'global::uploads-headers',
    'global::portal-pages', // the portal's search, application form and status pages (README → Portal)
    'global::portal-static', // the built portal at / (README → Portal)
    'strapi::public',
  ];
};
