// npm run portal:watch -- [--port N] [--host H] [--out DIR] [--api URL] [--site-url URL]
// (README → Portal → A builder on another machine)
import { parseArgs } from 'util';
import { watchPortal } from './watch';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORTAL_WATCH_PORT || '1338' },
    host: { type: 'string', default: process.env.PORTAL_WATCH_HOST || '127.0.0.1' },
    out: { type: 'string', default: process.env.PORTAL_OUT || 'portal/out' },
    api: { type: 'string', default: process.env.PORTAL_API || `http://127.0.0.1:${process.env.PORT || 1337}` },
    'site-url': { type: 'string', default: process.env.PORTAL_SITE_URL || '' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`[portal] --port must be a port number, not "${values.port}"`);
  process.exit(1);
}
watchPortal({ port, host: values.host, token: process.env.PORTAL_WEBHOOK_TOKEN || undefined, out: values.out!, api: values.api!, siteUrl: values['site-url'], timeZone: process.env.SITE_TIME_ZONE || undefined }).catch((error) => {
  console.error(`[portal] watch failed: ${error.message}`);
  process.exit(1);
});
