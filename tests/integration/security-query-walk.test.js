// A 500 from outside input is a bug: every public GET route, under every spelling of the REST
// prefix (routing ignores case), answers malformed sort, fields, populate, filters and pagination
// with a 4xx (or ignores them), never a 5xx.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, makeItem } = require('../helpers/fixtures');

let ids;
beforeAll(async () => {
  await setupStrapi();
  // One listening socket for the concurrent requests below (supertest would listen per request).
  if (!strapi.server.httpServer.listening) await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const department = await makeDepartment();
  const item = await makeItem(department);
  const category = await strapi.db.query('api::disclosure-category.disclosure-category').findOne({ where: { code: 'B03' } });
  ids = { department: department.documentId, item: item.documentId, category: category?.documentId ?? 'x' };
});
afterAll(cleanupStrapi);

const SORTS = ['..', 'title.', '.title', '.', ':', ':asc', 'title:', 'title:sideways', 'title:asc:desc', ',', 'a,,b', 'department..name',
  'department.name.', 'nope', '*', ' ', '%00', 'title\u0000'];
const FIELDS = ['..', '.', 'title.', '.title', 'department.name', '*', ',', 'nope', ''];
const POPULATE = ['..', '.department', 'department.', 'department..children', '*.*', '.', ',', 'nope', 'department.nope'];
const QUERIES = [
  ...SORTS.map((sort) => ({ sort })),
  ...SORTS.slice(0, 6).map((s) => ({ 'sort[0]': s })),
  { 'sort[0][title]': 'sideways' }, { 'sort[title][..]': 'asc' }, { 'sort[..]': 'asc' }, { 'sort[title][x][y]': 'asc' }, { 'sort[]': '' },
  ...FIELDS.map((fields) => ({ fields })),
  { 'fields[0]': '..' }, { 'fields[a][b]': 'x' }, { 'fields[0][0]': 'title' },
  ...POPULATE.map((populate) => ({ populate })),
  { 'populate[0]': '..' }, { 'populate[department]': 'x' }, { 'populate[department][populate]': '..' },
  { 'populate[department][sort]': '..' }, { 'populate[department][sort]': 'title.' }, { 'populate[department][fields]': '..' },
  { 'populate[department][filters][$and]': 'x' }, { 'populate[..]': 'true' }, { 'populate[department][on]': 'x' },
  { 'populate[department][populate][children][sort]': '.name' },
  { filters: 'x' }, { 'filters[$and]': 'x' }, { 'filters[$or][0]': 'x' }, { 'filters[title][$eq][$eq]': '1' },
  { 'filters[..]': 'x' }, { 'filters[title.]': 'x' }, { 'filters[title][$in]': 'x' }, { 'filters[title][$between][0][a]': 'b' },
  { 'filters[$not]': 'x' }, { 'filters[department][..]': '1' }, { 'filters[id][$eq]': 'abc' }, { 'filters[title][$null]': 'maybe' },
  { 'filters[title][$foo]': 'x' }, { 'filters[department][name][$eq][0][x]': 'y' },
  { pagination: 'x' }, { 'pagination[page]': '-1' }, { 'pagination[page]': 'abc' }, { 'pagination[pageSize]': '0' },
  { 'pagination[pageSize]': '-5' }, { 'pagination[start]': '-1' }, { 'pagination[limit]': 'abc' },
  { 'pagination[page]': '1', 'pagination[start]': '0' }, { 'pagination[page][x]': '1' }, { 'pagination[pageSize]': '1e309' },
  { 'pagination[withCount]': 'maybe' },
  { status: 'weird' }, { locale: '..' }, { 'locale[0]': 'x' }, { hasPublishedVersion: 'maybe' },
];
const PREFIXES = ['/api', '/API', '/Api'];

/** Public GET routes of the content API, from the router itself, with their parameters filled in. */
function publicGetRoutes() {
  const fill = (path) =>
    path
      .replace(/^\/api/, '')
      .replace('/disclosure-items/:id', `/disclosure-items/${ids.item}`)
      .replace('/departments/:id', `/departments/${ids.department}`)
      .replace('/disclosure-categories/:id', `/disclosure-categories/${ids.category}`)
      .replace(':queryCode', 'AAAA-AAAA-AAAA-AAAA')
      .replace('(.*)', 'github')
      .replace(':provider', 'github')
      .replace(':uid', 'api::disclosure-item.disclosure-item')
      .replace(':id', 'no-such-document');
  const paths = strapi.server
    .listRoutes()
    .filter((layer) => layer.methods.includes('GET') && layer.path.startsWith('/api/'))
    .map((layer) => fill(layer.path));
  return [...new Set(paths)];
}

it('finds the public routes', () => {
  const routes = publicGetRoutes();
  for (const expected of ['/disclosure-items', '/catalogue', '/departments', '/disclosure-categories', '/handling-procedures', '/annual-reports']) {
    expect(routes).toContain(expected);
  }
});

it('answers every malformed query on every public GET route below 500, whatever the prefix spelling', async () => {
  const failures = [];
  const jobs = [];
  for (const route of publicGetRoutes()) for (const prefix of PREFIXES) for (const query of QUERIES) jobs.push([`${prefix}${route}`, query]);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [url, query] = jobs[next++];
      const res = await http().get(url).query(query).redirects(0);
      if (res.status >= 500) failures.push(`${res.status} GET ${url}?${new URLSearchParams(query)}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  expect(failures).toEqual([]);
}, 600000);

it.each([
  ['sort=..', { sort: '..' }, ['sort']],
  ['sort=title.', { sort: 'title.' }, ['sort']],
  ['sort=.title', { sort: '.title' }, ['sort']],
  ['populate[department][sort]=..', { 'populate[department][sort]': '..' }, ['populate', 'department', 'sort']],
])('%s is a 400 naming the parameter on /api, /API and /Api', async (_label, query, path) => {
  for (const prefix of PREFIXES) {
    const res = await http().get(`${prefix}/disclosure-items`).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.details.errors[0].path).toEqual(path);
  }
});

it('refuses malformed filter trees whatever the prefix spelling', async () => {
  for (const prefix of PREFIXES) {
    for (const query of [{ 'filters[$and]': 'x' }, { 'filters[title][$eq][$eq]': '1' }]) {
      const res = await http().get(`${prefix}/disclosure-items`).query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path[0]).toBe('filters');
    }
  }
});

it('still answers well-formed sorts, fields and populates', async () => {
  const res = await http().get('/api/disclosure-items').query({ sort: 'publishedDate:desc,title', 'fields[0]': 'title', 'populate[department][fields][0]': 'name' });
  expect(res.status).toBe(200);
  expect(res.body.data.length).toBeGreaterThan(0);
  const nested = await http().get('/api/disclosure-items').query({ 'sort[0][department][name]': 'asc', populate: 'department,category' });
  expect(nested.status).toBe(200);
});

it('refuses a malformed sort over GraphQL too (the same query validation)', async () => {
  const res = await http().post('/graphql').send({ query: '{ disclosureItems(sort: ["title."]) { title } }' });
  expect(res.status).toBeLessThan(500);
  expect(res.body.errors?.[0]?.message).toMatch(/sort/);
});

it('serves /favicon.ico', async () => {
  const res = await http().get('/favicon.ico');
  expect(res.status).toBe(200);
});
