// Admin HTTP as a given admin user (a JWT from /admin/login), and polling for what happens after
// commit (document events, mail).
const { http, PASSWORD } = require('./fixtures');

async function adminToken(user) {
  const res = await http().post('/admin/login').send({ email: user.email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`admin login of ${user.email} failed: ${res.status}`);
  return res.body.data.token;
}

/** `get/post/put/del(path)` with the user's token; log in once per user and test file. */
const tokens = new Map();
async function adminClient(user) {
  if (!tokens.has(user.id)) tokens.set(user.id, await adminToken(user));
  const token = tokens.get(user.id);
  const call = (method, path) => http()[method](path).set('Authorization', `Bearer ${token}`);
  return { get: (p) => call('get', p), post: (p) => call('post', p), put: (p) => call('put', p), del: (p) => call('delete', p) };
}

async function waitFor(check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

module.exports = { adminToken, adminClient, waitFor };
