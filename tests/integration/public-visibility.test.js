// Anonymous REST and GraphQL see only published, proactive, non-classified items and no
// internal fields, whatever the stored flags or the query ask for.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, makeItem, unique } = require('../helpers/fixtures');
const { approveAndPublish } = require('../helpers/workflow');

let department;
let marker;
const docs = {};

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment();
  marker = unique('可见性');
  const item = (label, overrides, options) => makeItem(department, { title: `${marker} ${label}`, keywords: marker, ...overrides }, options);
  docs.public = await item('public', { reviewAt: '2030-01-01', internalNotes: '内部备注' });
  docs.draft = await item('draft', {}, { status: 'draft' });
  // Published, then re-evaluated as 不予公开: the live row is flagged at once.
  docs.withheld = await item('withheld');
  await strapi.documents(ITEM).update({ documentId: docs.withheld.documentId, data: { disclosure: 'withheld', exemptionReason: 'processInfo' } });
  docs.onRequest = await item('onRequest', { disclosure: 'on_request' });
  docs.laterClassified = await item('laterClassified');
  // A published row flagged 涉密 directly in the database, bypassing every service.
  await strapi.db.query(ITEM).updateMany({ where: { documentId: docs.laterClassified.documentId }, data: { classified: true } });
  await strapi.documents(ITEM).update({ documentId: docs.public.documentId, data: { related: [docs.draft.documentId, docs.withheld.documentId, docs.laterClassified.documentId, docs.onRequest.documentId] } });
  await approveAndPublish(ITEM, docs.public.documentId);
});
afterAll(cleanupStrapi);

const titles = (rows) => rows.map((r) => r.title.replace(`${marker} `, '')).sort();

describe('REST', () => {
  it('lists only the public item, even when asked for drafts', async () => {
    for (const status of [undefined, 'draft', 'published']) {
      const res = await http().get('/api/disclosure-items').query({ 'filters[keywords][$eq]': marker, ...(status ? { status } : {}) });
      expect(res.status).toBe(200);
      expect(titles(res.body.data)).toEqual(['public']);
    }
  });

  it('hides withheld, on-request, classified and draft items from findOne', async () => {
    for (const key of ['draft', 'withheld', 'onRequest', 'laterClassified']) {
      const res = await http().get(`/api/disclosure-items/${docs[key].documentId}`).query({ status: 'draft' });
      expect(res.status).toBe(404);
    }
    expect((await http().get(`/api/disclosure-items/${docs.public.documentId}`)).status).toBe(200);
  });

  it('never returns internal fields', async () => {
    const res = await http().get(`/api/disclosure-items/${docs.public.documentId}`);
    for (const field of ['reviewAt', 'internalNotes', 'exemptionReason', 'createdBy', 'updatedBy']) expect(res.body.data).not.toHaveProperty(field);
    const filtered = await http().get('/api/disclosure-items').query({ 'filters[reviewAt][$notNull]': true });
    expect(filtered.status).toBe(400);
  });

  it('filters populated related items the same way, in every populate syntax', async () => {
    for (const populate of [{ populate: 'related' }, { populate: '*' }, { 'populate[related][fields][0]': 'title' }, { 'populate[0]': 'related' }]) {
      const res = await http().get(`/api/disclosure-items/${docs.public.documentId}`).query(populate);
      expect(res.status).toBe(200);
      expect(res.body.data.related).toEqual([]);
    }
  });

  it('does not expose a department\'s items relation', async () => {
    const res = await http().get(`/api/departments/${department.documentId}`).query({ populate: 'items' });
    expect(res.status === 400 || res.body.data?.items === undefined).toBe(true);
  });

  it('makes an item vanish at once when its draft is marked classified', async () => {
    const item = await makeItem(department, { title: `${marker} soon-secret` });
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).status).toBe(200);
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { classified: true, disclosure: 'withheld', exemptionReason: 'stateSecret' } });
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).status).toBe(404);
  });

  it('gives the public no access to write or to requests of any kind', async () => {
    expect((await http().post('/api/disclosure-items').send({ data: { title: 'x' } })).status).toBe(403);
    expect((await http().delete(`/api/disclosure-items/${docs.public.documentId}`)).status).toBe(403);
    expect((await http().get('/api/users')).status).toBe(403);
  });
});

describe('GraphQL', () => {
  const gql = (query, variables) => http().post('/graphql').send({ query, variables });

  it('lists only the public item, even with status DRAFT', async () => {
    for (const status of ['', '(status: DRAFT)']) {
      const args = status ? `filters: { keywords: { eq: $m } }, status: DRAFT` : 'filters: { keywords: { eq: $m } }';
      const res = await gql(`query($m: String) { disclosureItems(${args}) { title } }`, { m: marker });
      expect(res.body.errors).toBeUndefined();
      expect(titles(res.body.data.disclosureItems)).toEqual(['public']);
    }
  });

  it('hides non-public items from the single query', async () => {
    for (const key of ['draft', 'withheld', 'laterClassified']) {
      const res = await gql('query($id: ID!) { disclosureItem(documentId: $id, status: DRAFT) { title } }', { id: docs[key].documentId });
      expect(res.body.data?.disclosureItem ?? null).toBeNull();
    }
  });

  it('filters nested related items (withheld, on-request and classified ones are published rows)', async () => {
    const res = await gql('query($id: ID!) { disclosureItem(documentId: $id) { title related { title } related_connection { nodes { title } } } }', { id: docs.public.documentId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.disclosureItem.related).toEqual([]);
    expect(res.body.data.disclosureItem.related_connection.nodes).toEqual([]);
  });

  it('has no internal fields in the schema', async () => {
    const res = await gql('{ disclosureItems { reviewAt } }');
    expect(res.status).toBe(400);
    const types = await gql('{ __type(name: "DisclosureItem") { fields { name } } }');
    const names = types.body.data.__type.fields.map((f) => f.name);
    expect(names).toContain('title');
    for (const field of ['reviewAt', 'internalNotes', 'exemptionReason']) expect(names).not.toContain(field);
    const dept = await gql('{ __type(name: "Department") { fields { name } } }');
    expect(dept.body.data.__type.fields.map((f) => f.name)).not.toContain('items');
  });
});
