// npm run portal:build -- [--out DIR] [--api URL] [--site-url URL]
import { parseArgs } from 'util';
import { buildPortal } from './build';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: process.env.PORTAL_OUT || 'portal/out' },
    api: { type: 'string', default: process.env.PORTAL_API || `http://127.0.0.1:${process.env.PORT || 1337}` },
    'site-url': { type: 'string', default: process.env.PORTAL_SITE_URL || '' },
  },
});

buildPortal({ out: values.out!, api: values.api!, siteUrl: values['site-url'], timeZone: process.env.SITE_TIME_ZONE || undefined }).catch((error) => {
  console.error(`[portal] build failed: ${error.message}`);
  process.exit(1);
});
