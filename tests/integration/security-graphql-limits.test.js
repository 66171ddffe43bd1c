// Anonymous GraphQL cannot be amplified: alias floods, costly and oversized documents and fragment
// cycles are a 400 before execution; a normal portal query still works.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, makeItem } = require('../helpers/fixtures');

beforeAll(async () => {
  await setupStrapi();
  const department = await makeDepartment();
  await makeItem(department, { genre: 'normativeDocument' });
});
afterAll(cleanupStrapi);

const gql = (query) => http().post('/graphql').set('Content-Type', 'application/json').send({ query });

it('answers the README\'s portal query', async () => {
  const res = await gql('{ disclosureItems(filters: { genre: { eq: "normativeDocument" } }) { title indexNumber department { name } } }');
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.disclosureItems.length).toBeGreaterThan(0);
});

it('answers a portal page that aliases a few lists', async () => {
  const lists = ['notice', 'plan', 'report', 'decision', 'opinion'].map(
    (genre) => `${genre}: disclosureItems(filters: { genre: { eq: "${genre}" } }, pagination: { limit: 10 }) { documentId title publishedDate department { name } category { name code } }`,
  );
  const res = await gql(`{ ${lists.join(' ')} departments(pagination: { limit: 100 }) { name code } }`);
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
});

it('refuses 500 aliases of disclosureItems(limit 100) with a 400, quickly, without executing', async () => {
  const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: disclosureItems(pagination: { limit: 100 }) { title body }`).join(' ');
  const started = Date.now();
  const res = await gql(`{ ${aliases} }`);
  expect(Date.now() - started).toBeLessThan(3000);
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(JSON.stringify(res.body.errors)).toMatch(/alias|token|cost/i);
});

it('refuses 50 aliases (over the alias limit) with a message naming aliases', async () => {
  const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: departments { name }`).join(' ');
  const res = await gql(`{ ${aliases} }`);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].message).toMatch(/alias/i);
});

it('refuses a costly query (wide and nested) with a 400', async () => {
  const fields = 'documentId title indexNumber documentNumber formedAt publishedDate genre keywords summary body validity';
  const nested = `related { ${fields} department { name code parent { name code parent { name code } } } category { name code parent { name code } } }`;
  const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: disclosureItems { ${fields} ${nested} }`).join(' ');
  const res = await gql(`{ ${aliases} }`);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].message).toMatch(/cost|token/i);
});

it('refuses cyclic fragments with a 400, not a 500', async () => {
  const res = await gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].message).toMatch(/fragment/i);
  const again = await gql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'); // cached document
  expect(again.status).toBe(400);
  expect(again.body.data).toBeUndefined();
  expect((await gql('{ ...Missing }')).status).toBe(400);
  const deeper = await gql('query { disclosureItems { ...I } } fragment I on DisclosureItem { related { ...J } } fragment J on DisclosureItem { related { ...I } }');
  expect(deeper.status).toBe(400);
});

it('refuses cyclic fragments over GET as well', async () => {
  const res = await http().get('/graphql').set('Accept', 'application/json')
    .query({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
  expect(res.status).toBe(400);
});

it('keeps the depth limit', async () => {
  const res = await gql('{ departments { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } }');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].message).toMatch(/depth/i);
});
