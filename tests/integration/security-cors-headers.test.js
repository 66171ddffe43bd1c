// CORS: the admin and writes are same-origin (or CORS_ORIGINS) only; the public read API answers
// any origin without credentials; nothing ever sends `*` with credentials. Headers: no
// X-Powered-By, no HSTS over plain HTTP, a CSP whose connect-src is only 'self'.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http } = require('../helpers/fixtures');
const { corsDecision, parseOrigins } = require('../../dist/src/middlewares/lib/cors-policy');

let own;
beforeAll(async () => {
  await setupStrapi();
  if (!strapi.server.httpServer.listening) await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  own = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
});
afterAll(cleanupStrapi);

const FOREIGN = 'http://127.0.0.1:8081'; // the same site on another port
const allowOrigin = (res) => res.headers['access-control-allow-origin'];
const allowCredentials = (res) => res.headers['access-control-allow-credentials'];
const never = (res) => expect(allowOrigin(res) === '*' && allowCredentials(res) === 'true').toBe(false);

describe('foreign origin', () => {
  it('gets no CORS headers from /admin, with or without a preflight', async () => {
    const token = await http().post('/admin/access-token').set('Origin', FOREIGN).send({});
    expect(allowOrigin(token)).toBeUndefined();
    expect(allowCredentials(token)).toBeUndefined();
    const preflight = await http().options('/admin/access-token').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST');
    expect(allowOrigin(preflight)).toBeUndefined();
    expect(allowCredentials(preflight)).toBeUndefined();
    const init = await http().get('/admin/init').set('Origin', FOREIGN);
    expect(allowOrigin(init)).toBeUndefined();
  });

  it('gets no CORS headers for writes under /api (intake, sign-in), whatever the spelling', async () => {
    for (const path of ['/api/disclosure-requests/apply', '/API/disclosure-requests/apply', '/api/auth/local']) {
      const preflight = await http().options(path).set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST');
      expect(allowOrigin(preflight)).toBeUndefined();
      const res = await http().post(path).set('Origin', FOREIGN).send({});
      expect(allowOrigin(res)).toBeUndefined();
      expect(allowCredentials(res)).toBeUndefined();
    }
  });

  it('may read the public API, without credentials', async () => {
    for (const path of ['/api/disclosure-items', '/api/catalogue', '/Api/departments']) {
      const res = await http().get(path).set('Origin', FOREIGN);
      expect(res.status).toBe(200);
      expect([FOREIGN, '*']).toContain(allowOrigin(res));
      expect(allowCredentials(res)).toBeUndefined();
      expect(res.headers.vary).toMatch(/Origin/i);
    }
    const preflight = await http().options('/api/disclosure-items').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'GET');
    expect([FOREIGN, '*']).toContain(allowOrigin(preflight));
    expect(allowCredentials(preflight)).toBeUndefined();
  });

  it('may query /graphql (GET and POST, preflight too), never with credentials or `*` + credentials', async () => {
    const post = await http().post('/graphql').set('Origin', FOREIGN).send({ query: '{ departments { name } }' });
    expect(post.status).toBe(200);
    expect([FOREIGN, '*']).toContain(allowOrigin(post));
    expect(allowCredentials(post)).toBeUndefined();
    never(post);
    const get = await http().get('/graphql').query({ query: '{ departments { name } }' }).set('Origin', FOREIGN).set('Accept', 'application/json');
    expect(allowCredentials(get)).toBeUndefined();
    never(get);
    const preflight = await http().options('/graphql').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(allowCredentials(preflight)).toBeUndefined();
    never(preflight);
  });
});

describe('own origin', () => {
  it('is answered with credentials on the admin and on /graphql, never with `*`', async () => {
    const res = await http().get('/admin/init').set('Origin', own);
    expect(allowOrigin(res)).toBe(own);
    expect(allowCredentials(res)).toBe('true');
    const gql = await http().post('/graphql').set('Origin', own).send({ query: '{ departments { name } }' });
    expect(allowOrigin(gql)).toBe(own);
    never(gql);
  });
});

describe('the policy', () => {
  const settings = { trusted: parseOrigins('https://portal.example.gov.cn, not a url,https://x.example.cn:8443/path'), restPrefix: '/api', graphqlPath: '/graphql' };
  const ctx = (method, path, origin, extra = {}) => ({
    method, path, protocol: 'https', host: 'cms.example.gov.cn',
    get: (name) => ({ origin, ...extra })[name.toLowerCase()] ?? '',
  });

  it('parses CORS_ORIGINS into origins, dropping what is not a URL', () => {
    expect(settings.trusted).toEqual(['https://portal.example.gov.cn', 'https://x.example.cn:8443']);
  });

  it('decides per route and origin', () => {
    expect(corsDecision(ctx('POST', '/admin/access-token', 'https://portal.example.gov.cn'), settings)).toBe('credentials');
    expect(corsDecision(ctx('POST', '/admin/access-token', 'https://cms.example.gov.cn'), settings)).toBe('credentials');
    expect(corsDecision(ctx('POST', '/admin/access-token', 'https://cms.example.gov.cn:8443'), settings)).toBe('none');
    expect(corsDecision(ctx('POST', '/admin/access-token', 'http://cms.example.gov.cn'), settings)).toBe('none');
    expect(corsDecision(ctx('GET', '/API/catalogue', 'https://evil.example'), settings)).toBe('public');
    expect(corsDecision(ctx('POST', '/api/disclosure-requests/apply', 'https://evil.example'), settings)).toBe('none');
    expect(corsDecision(ctx('OPTIONS', '/api/disclosure-items', 'https://evil.example', { 'access-control-request-method': 'GET' }), settings)).toBe('public');
    expect(corsDecision(ctx('OPTIONS', '/api/disclosure-items/x', 'https://evil.example', { 'access-control-request-method': 'DELETE' }), settings)).toBe('none');
    expect(corsDecision(ctx('POST', '/graphql', 'https://evil.example'), settings)).toBe('public');
    expect(corsDecision(ctx('GET', '/apiary', 'https://evil.example'), settings)).toBe('none');
    expect(corsDecision(ctx('GET', '/uploads/x.pdf', 'https://evil.example'), settings)).toBe('none');
    expect(corsDecision(ctx('GET', '/api/disclosure-items', ''), settings)).toBe('none');
    expect(corsDecision(ctx('GET', '/admin', 'https://evil.example'), { ...settings, publicUrl: 'https://evil.example/' })).toBe('credentials');
  });
});

describe('headers', () => {
  it('sends no X-Powered-By and no HSTS over plain HTTP (PUBLIC_URL is not https, HSTS unset)', async () => {
    for (const path of ['/api/disclosure-items', '/admin/init', '/favicon.ico']) {
      const res = await http().get(path);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('keeps the CSP, with connect-src limited to self outside the admin\'s development exceptions', async () => {
    const res = await http().get('/api/disclosure-items');
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'self'/);
    const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
