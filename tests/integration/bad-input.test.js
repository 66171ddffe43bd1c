// Malformed queries and bodies on the core API are 4xx, never 500, and write nothing.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, makeItem, makeApiToken, itemData, itemRows } = require('../helpers/fixtures');

let department;
let apiToken;

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment();
  apiToken = await makeApiToken('full-access');
  for (let i = 0; i < 3; i++) await makeItem(department);
});
afterAll(cleanupStrapi);

describe('core REST queries', () => {
  it.each([
    ['unknown operator', { 'filters[title][$foo]': 'x' }],
    ['unknown field', { 'filters[nope][$eq]': 'x' }],
    ['private field', { 'filters[internalNotes][$containsi]': 'x' }],
    ['operator on nothing', { 'filters[$and]': 'x' }],
    ['bad sort', { sort: 'nope:asc' }],
    ['bad populate', { populate: 'nope' }],
    ['bad fields', { 'fields[0]': 'internalNotes' }],
  ])('%s → 400', async (_label, query) => {
    const res = await http().get('/api/disclosure-items').query(query);
    expect(res.status).toBe(400);
  });

  it.each([
    ['text for a number', '/api/disclosure-categories', { 'filters[order][$eq]': 'abc' }, ['filters', 'order', '$eq']],
    ['text for an id', '/api/disclosure-items', { 'filters[id][$eq]': 'abc' }, ['filters', 'id', '$eq']],
    ['text for a related id', '/api/disclosure-items', { 'filters[department][id][$in][0]': 'x' }, ['filters', 'department', 'id', '$in']],
    ['text operator on a number', '/api/disclosure-categories', { 'filters[order][$containsi]': '1' }, ['filters', 'order', '$containsi']],
    ['text for a number in a component', '/api/handling-procedures', { 'filters[steps][timeLimit][$eq]': 'abc' }, ['filters', 'steps', 'timeLimit', '$eq']],
    ['text for a number under $or', '/api/disclosure-categories', { 'filters[$or][0][order][$gt]': 'x' }, ['filters', '$or', '0', 'order', '$gt']],
    ['text for a number in a populate filter', '/api/departments', { 'populate[children][filters][id][$eq]': 'abc' }, ['populate', 'children', 'filters', 'id', '$eq']],
  ])('%s → 400 naming the condition', async (_label, path, query, where) => {
    const res = await http().get(path).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(where);
  });

  it('still answers numeric conditions on number attributes', async () => {
    const res = await http().get('/api/disclosure-categories').query({ 'filters[order][$gte]': '0', 'filters[id][$in][0]': '1' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['negative page', { 'pagination[page]': '-3' }],
    ['text page size', { 'pagination[pageSize]': 'many' }],
  ])('%s → 400 or a sane page, never 500', async (_label, query) => {
    const res = await http().get('/api/disclosure-items').query(query);
    expect(res.status).toBeLessThan(500);
    expect(res.status === 400 || Array.isArray(res.body.data)).toBe(true);
  });

  it('caps oversized pages at the configured maximum', async () => {
    const res = await http().get('/api/disclosure-items').query({ 'pagination[pageSize]': '100000' });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });
});

describe('bodies', () => {
  const post = (body) => http().post('/api/disclosure-items').set('Authorization', `Bearer ${apiToken}`).set('Content-Type', 'application/json').send(body);

  it.each([
    ['title as object', { title: { $ne: null } }],
    ['formedAt as text', { formedAt: 'yesterday' }],
    ['formedAt impossible date', { formedAt: '2024-13-45' }],
    ['genre unknown', { genre: 'poem' }],
    ['classified as text', { classified: 'maybe' }],
    ['huge title', { title: '长'.repeat(5000) }],
    ['relation to nowhere', { category: 'doesnotexist00000000000' }],
  ])('%s → 400 and nothing written', async (label, overrides) => {
    const before = (await itemRows({})).length;
    const res = await post({ data: itemData(department, { ...overrides, ...(overrides.title ? {} : { title: `bad ${label}` }) }) });
    expect(res.status).toBe(400);
    expect((await itemRows({})).length).toBe(before);
  });

  it('broken JSON → 400', async () => {
    const res = await post('{"data": {"title": ');
    expect(res.status).toBe(400);
  });
});

describe('GraphQL limits', () => {
  it('refuses queries deeper than the depth limit', async () => {
    const deep = '{ disclosureItems { related { related { related { related { related { related { related { title } } } } } } } } }';
    const res = await http().post('/graphql').send({ query: deep });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/depth/i);
  });

  it('caps page sizes', async () => {
    const res = await http().post('/graphql').send({ query: '{ disclosureItems_connection(pagination: { pageSize: 100000 }) { pageInfo { pageSize } } }' });
    expect(res.status).toBe(200);
    expect(res.body.data.disclosureItems_connection.pageInfo.pageSize).toBe(100);
  });

  it('answers wrong argument types with 400', async () => {
    const res = await http().post('/graphql').send({ query: '{ disclosureItems(pagination: { page: "x" }) { title } }' });
    expect(res.status).toBe(400);
  });
});
