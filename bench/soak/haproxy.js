// HAProxy from Debian in front of the soak's Strapi instances: a generated configuration, the
// process, and its log parsed into "which server answered request <x-soak-id>".
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const HAPROXY = '/usr/sbin/haproxy';

/**
 * Round robin with health checks on Strapi's /_health. A connection that fails (nothing was sent)
 * is retried on another server for every method; a request that was sent is retried (empty
 * response, timeout) only when it is a GET or HEAD: a POST cut off mid-way must not run twice.
 * One server connection per request (http-server-close; clients keep theirs): a request HAProxy
 * sends on a reused server connection that turns out closed (the instance just died, or Node
 * closed it idle) is dropped with the client's connection, unanswered and unlogged, as a
 * keep-alive race the client is left to retry; on a new connection it is refused instead and
 * placed on another server, or answered 502 and logged if the server dies while serving it.
 * The log line per request: SOAK <x-soak-id> <server> <status> <total ms> <retries> <termination state> <method> <uri>.
 */
function haproxyConfig({ port, servers }) {
  return `global
  log stdout format raw local0 info
  maxconn 2048

defaults
  mode http
  log global
  option forwardfor
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout check 2s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend soak
  bind 127.0.0.1:${port}
  http-request capture req.hdr(x-soak-id) len 24
  log-format "SOAK %[capture.req.hdr(0)] %s %ST %Ta %rc %tsc %HM %HU"
  default_backend strapi

backend strapi
  balance roundrobin
  option http-server-close
  http-request disable-l7-retry if !METH_GET !METH_HEAD
  http-after-response set-header X-Served-By %s
  option httpchk GET /_health
  http-check expect status 204
  default-server inter 1s fall 2 rise 2
${servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join('\n')}
`;
}

/** `SOAK <id> <server> <status> <Ta> <retries> <tsc> …` → fields, or null for other lines. */
function parseLogLine(line) {
  const m = /^SOAK (\S+) (\S+) (-?\d+) (-?\d+) \+?(\d+) (\S+) /.exec(line);
  if (!m) return null;
  return { id: m[1], server: m[2], status: Number(m[3]), ms: Number(m[4]), retries: Number(m[5]), termination: m[6] };
}

/** Starts HAProxy in the foreground; resolves once the proxy answers /_health through a server. */
async function startProxy({ port, servers, dir, log }) {
  if (!fs.existsSync(HAPROXY)) throw new Error(`${HAPROXY} not found: install HAProxy from Debian first (apt-get install -y haproxy)`);
  const config = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(config, haproxyConfig({ port, servers }));
  const logFile = fs.createWriteStream(path.join(dir, 'haproxy.log'));
  const requests = new Map();
  const events = [];
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  // The log goes to stdout; stderr repeats its warnings (server DOWN / UP) with a prefix.
  const lines = (stream, onLine) => {
    let rest = '';
    stream.setEncoding('utf8').on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      parts.filter(Boolean).forEach(onLine);
    });
  };
  lines(child.stdout, (line) => {
    logFile.write(`${line}\n`);
    const entry = parseLogLine(line);
    if (entry) requests.set(entry.id, entry);
    else events.push({ at: Date.now(), line });
  });
  lines(child.stderr, (line) => log(`[haproxy] ${line}`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}; see ${path.join(dir, 'haproxy.log')}`);
    const ok = await fetch(`${url}/_health`).then((r) => r.status === 204, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('haproxy did not answer /_health within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    requests,
    events,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => logFile.end(resolve));
        child.kill('SIGTERM');
      }),
  };
}

module.exports = { haproxyConfig, parseLogLine, startProxy, HAPROXY };
