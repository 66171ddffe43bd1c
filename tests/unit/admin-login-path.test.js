// The admin login limiter matches the login path however it is spelled (the router ignores case
// and a trailing slash; being wider only counts requests that then 404/405).
const { isAdminLoginPath } = require('../../dist/src/middlewares/admin-login-limit');

describe('isAdminLoginPath', () => {
  it.each(['/admin/login', '/ADMIN/login', '/Admin/LOGIN', '/admin/login/', '/admin//login', '//admin/login', '/admin/./login', '/admin/%6cogin', '/admin/%256cogin', '/admin\\login'])('%s is the login', (path) => {
    expect(isAdminLoginPath(path)).toBe(true);
  });

  it.each(['/admin/login-info', '/admin/logins', '/admin/renew-token', '/api/admin/login', '/admin', '/login', '/admin/login/x', '/admin/%E0%A4%A'])('%s is not', (path) => {
    expect(isAdminLoginPath(path)).toBe(false);
  });
});
