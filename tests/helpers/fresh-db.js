// A database of its own for suites that must start from nothing (first run, demo seed): a new
// SQLite file, or a new database on the PostgreSQL server DATABASE_URL points at. It rewrites the
// environment for this test file only; `restore()` puts it back for the files that follow.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { root } = require('./strapi');

async function useFreshDatabase(env = {}) {
  const saved = { ...process.env };
  const name = `fresh_${crypto.randomBytes(4).toString('hex')}`;
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const { Client } = require('pg');
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = async () => {
      const client = new Client({ connectionString: saved.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  } else {
    const file = path.join(root, '.tmp', `${name}.db`);
    process.env.DATABASE_FILENAME = file;
    drop = async () => fs.rmSync(file, { force: true });
  }
  Object.assign(process.env, env);
  return {
    async restore() {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      await drop();
    },
  };
}

module.exports = { useFreshDatabase };
