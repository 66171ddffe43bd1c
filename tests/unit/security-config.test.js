// Security settings read from the environment: HSTS only for HTTPS deployments, trusted origins.
const middlewares = require('../../dist/config/middlewares').default;

const fakeEnv = (vars) => {
  const env = (key, fallback) => (key in vars ? vars[key] : fallback);
  env.bool = (key, fallback) => (key in vars ? vars[key] === 'true' : fallback);
  env.int = (key, fallback) => (key in vars ? Number(vars[key]) : fallback);
  env.array = (key, fallback) => (key in vars ? vars[key].split(',') : fallback);
  return env;
};
const security = (vars) => middlewares({ env: fakeEnv(vars) }).find((m) => m.name === 'strapi::security').config;

describe('security middleware settings', () => {
  it('sends HSTS only for an https PUBLIC_URL or HSTS=true', () => {
    expect(security({}).hsts).toBe(false);
    expect(security({ PUBLIC_URL: 'http://cms.example.gov.cn' }).hsts).toBe(false);
    expect(security({ PUBLIC_URL: 'https://cms.example.gov.cn' }).hsts).toEqual({ maxAge: 31536000, includeSubDomains: true });
    expect(security({ HSTS: 'true' }).hsts).toMatchObject({ maxAge: 31536000 });
    expect(security({ PUBLIC_URL: 'https://cms.example.gov.cn', HSTS: 'false' }).hsts).toBe(false);
  });

  it('limits connect-src to self (and PUBLIC_URL\'s origin)', () => {
    expect(security({}).contentSecurityPolicy.directives['connect-src']).toBe("'self'");
    expect(security({ PUBLIC_URL: 'https://cms.example.gov.cn/' }).contentSecurityPolicy.directives['connect-src']).toBe("'self' https://cms.example.gov.cn");
  });

  it('does not list strapi::poweredBy', () => {
    const names = middlewares({ env: fakeEnv({}) }).map((m) => (typeof m === 'string' ? m : m.name));
    expect(names).not.toContain('strapi::poweredBy');
    expect(names).toContain('strapi::cors');
  });
});
