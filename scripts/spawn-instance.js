// Starts scheduler instances as separate processes on one database.
const { spawn } = require('child_process');
const path = require('path');

function startInstance(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'instance.js')], {
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', DEMO_DATA: 'false', SERVE_ADMIN: 'false', SCHEDULER_ENABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const ready = /READY (\d+) (\S+)/.exec(chunk);
      if (ready) resolve({ child, pid: Number(ready[1]), instance: ready[2] });
    });
    child.on('exit', (code, signal) => reject(new Error(`instance exited early (${code ?? signal})`)));
  });
}

module.exports = { startInstance };
