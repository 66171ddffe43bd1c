// Serves the built static portal (npm run portal:build, folder PORTAL_OUT, default portal/out) at
// the site root during development and on a single-server install: `/`, `/xxgk/…`, `/assets/…`,
// the feed and the sitemap. Anything the folder does not have falls through (`/` then redirects to
// the admin as before); the admin, the API and uploads never reach the folder.
import path from 'path';
import serve from 'koa-static';

const PORTAL_PATHS = /^\/(?:$|index\.html$|xxgk\/|assets\/|feed\.xml$|sitemap\.xml$)/;

export default (_config, { strapi }) => {
  const folder = path.resolve(strapi.dirs.app.root, strapi.config.get('disclosure.portal.out'));
  const files = serve(folder, { index: 'index.html', defer: false, hidden: false, maxage: 60_000 });
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !PORTAL_PATHS.test(ctx.path)) return next();
    return files(ctx, next);
  };
};
