// Applicants have no accounts: registration is closed by default, and a signed-in end user reads the
// public catalogue exactly like an anonymous visitor (REST and GraphQL).
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, makeItem, unique } = require('../helpers/fixtures');

let jwt;
let item;
beforeAll(async () => {
  await setupStrapi();
  const department = await makeDepartment();
  item = await makeItem(department, { genre: 'notice' });
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi.plugin('users-permissions').service('user').add({
    username: unique('user-'), email: `${unique('u')}@example.cn`, password: 'Secret1234!', provider: 'local', confirmed: true, blocked: false, role: role.id,
  });
  jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
});
afterAll(cleanupStrapi);

it('closes end-user registration by default', async () => {
  const res = await http().post('/api/auth/local/register').send({ username: unique('x'), email: `${unique('x')}@example.cn`, password: 'Secret1234!' });
  expect([400, 403]).toContain(res.status);
  expect(await strapi.db.query('plugin::users-permissions.user').count({ where: { email: { $startsWith: 'x' } } })).toBe(0);
  const advanced = await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get();
  expect(advanced.allow_register).toBe(false);
});

it('gives the Authenticated role exactly the Public role\'s reads', async () => {
  const { PUBLIC_ACTIONS } = require('../../dist/src/bootstrap/public-permissions');
  const actions = async (type) => {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type }, populate: ['permissions'] });
    return role.permissions.map((p) => p.action).filter((a) => a.startsWith('api::'));
  };
  expect((await actions('authenticated')).sort()).toEqual([...PUBLIC_ACTIONS].sort());
  expect((await actions('public')).sort()).toEqual([...PUBLIC_ACTIONS].sort());
});

describe('a signed-in end user', () => {
  const asUser = (req) => req.set('Authorization', `Bearer ${jwt}`);

  it.each(['/api/catalogue', '/api/disclosure-items', '/api/departments', '/api/disclosure-categories', '/api/handling-procedures', '/api/annual-reports'])(
    'reads %s like the public',
    async (path) => {
      const anonymous = await http().get(path);
      const signedIn = await asUser(http().get(path));
      expect(signedIn.status).toBe(200);
      expect(signedIn.status).toBe(anonymous.status);
      expect(signedIn.body.meta?.pagination?.total).toBe(anonymous.body.meta?.pagination?.total);
    },
  );

  it('looks items up and reads one item', async () => {
    expect((await asUser(http().get(`/api/disclosure-items/${item.documentId}`))).status).toBe(200);
    expect((await asUser(http().get('/api/catalogue/lookup').query({ indexNumber: item.indexNumber }))).status).toBe(200);
  });

  it('queries GraphQL like the public', async () => {
    const query = '{ disclosureItems(filters: { genre: { eq: "notice" } }) { title indexNumber department { name } } }';
    const anonymous = await http().post('/graphql').send({ query });
    const signedIn = await asUser(http().post('/graphql').send({ query }));
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data).toEqual(anonymous.body.data);
  });

  it('still cannot write', async () => {
    const res = await asUser(http().post('/api/disclosure-items').send({ data: { title: 'x' } }));
    expect([403, 405]).toContain(res.status);
  });
});
