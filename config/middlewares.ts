export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'global::query-shape',
  'strapi::body',
  'strapi::session',
  { name: 'strapi::favicon', config: { path: 'favicon.ico' } },
  'global::uploads-headers',
  'strapi::public',
];
