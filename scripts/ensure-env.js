#!/usr/bin/env node
// First-run helper: writes any missing Strapi secret into .env so a fresh clone starts with
// `npm run develop` alone. Existing values (from .env or the environment) are never replaced.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const file = path.resolve(__dirname, '..', '.env');
const secret = () => crypto.randomBytes(16).toString('base64');
const wanted = {
  HOST: () => '0.0.0.0',
  PORT: () => '1337',
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
  AUDIT_SECRET: () => require('crypto').randomBytes(32).toString('hex'),
};

function ensureEnv() {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const present = new Set(current.split('\n').map((line) => line.split('=')[0].trim()));
  const missing = Object.keys(wanted).filter((key) => !present.has(key) && !process.env[key]);
  if (missing.length === 0) return [];
  const lines = missing.map((key) => `${key}=${wanted[key]()}`);
  const prefix = current && !current.endsWith('\n') ? '\n' : '';
  fs.writeFileSync(file, current + prefix + lines.join('\n') + '\n', { mode: 0o600 });
  return missing;
}

if (require.main === module) {
  const added = ensureEnv();
  if (added.length) console.log(`[setup] wrote ${added.length} generated secret(s) to .env: ${added.join(', ')}`);
}

module.exports = { ensureEnv };
