// A portal builder on another machine, driven by the CMS's outbound webhooks (Settings → Webhooks,
// events entry.publish, entry.unpublish, entry.update, entry.delete, pointed at this receiver): it
// builds the portal in full once at start (changes made while it was down), then rebuilds through
// the rebuild queue — an item's pages for an item's event, the always-built pages for a 公开指南,
// 办事指南 or 年报, everything for a department or category. The webhook only says what changed;
// every page is still read from the public API.
import http from 'http';
import type { AddressInfo } from 'net';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, GUIDE, ITEM, PROCEDURE } from '../constants';
import { buildPortal } from './build';
import { rebuildQueue, type RebuildQueue } from './rebuild-queue';

export interface WatchOptions {
  /** Port to listen on (0: any free one). */
  port: number;
  host?: string;
  /** When set, a webhook must carry `Authorization: Bearer <token>` (a header set on the webhook in the admin). */
  token?: string;
  out: string;
  api: string;
  siteUrl?: string;
  timeZone?: string;
  log?: (message: string) => void;
}

export interface Watcher {
  url: string;
  queue: RebuildQueue;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** What a webhook's payload asks of the queue (nothing for content the portal does not show). */
function route(queue: RebuildQueue, payload: any): string {
  const uid = payload?.uid;
  if (uid === ITEM && typeof payload?.entry?.documentId === 'string') {
    queue.item(payload.entry.documentId);
    return `item ${payload.entry.documentId}`;
  }
  if (uid === DEPARTMENT || uid === CATEGORY) {
    queue.everything();
    return 'everything';
  }
  if ([GUIDE, PROCEDURE, ANNUAL_REPORT].includes(uid)) {
    queue.pages();
    return 'pages';
  }
  return 'nothing';
}

export async function watchPortal(options: WatchOptions): Promise<Watcher> {
  const log = options.log ?? ((m: string) => console.log(`[portal] ${m}`));
  const queue = rebuildQueue(
    (changed) => buildPortal({ api: options.api, out: options.out, siteUrl: options.siteUrl, timeZone: options.timeZone, changed, log }),
    (error) => log(`rebuild failed: ${error.message}`),
  );
  queue.everything();

  const server = http.createServer((req, res) => {
    const answer = (status: number, message: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(message);
    };
    if (req.method !== 'POST') return answer(405, 'POST a webhook here\n');
    if (options.token && req.headers.authorization !== `Bearer ${options.token}`) return answer(401, 'unauthorized\n');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        answer(413, 'too large\n');
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      let payload: any;
      try {
        payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, 'expected a JSON webhook payload\n');
      }
      const what = route(queue, payload);
      log(`webhook ${String(payload?.event)} ${String(payload?.uid)}: rebuild ${what}`);
      answer(202, `${what}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  log(`listening for the CMS's webhooks at ${url}`);
  return {
    url,
    queue,
    async close() {
      queue.stop();
      await new Promise((resolve) => server.close(resolve));
      await queue.idle();
    },
  };
}
