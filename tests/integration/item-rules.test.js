// Domain rules hold on every write path: Document Service, REST (API token), GraphQL and the
// admin Content Manager. A violation is a 400 naming the field, and nothing is written.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, itemData, makeItem, makeAdmin, makeApiToken, itemRows } = require('../helpers/fixtures');

let department;
let apiToken;
let admin;

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment();
  apiToken = await makeApiToken('full-access');
  admin = await makeAdmin();
});
afterAll(cleanupStrapi);

const BAD = {
  withheldWithoutReason: [{ disclosure: 'withheld' }, 'exemptionReason'],
  classifiedProactive: [{ classified: true, disclosure: 'proactive' }, 'disclosure'],
  longSummary: [{ summary: '长'.repeat(101) }, 'summary'],
  futureFormedAt: [{ formedAt: '2999-01-01' }, 'formedAt'],
};

const titleOf = (label) => `规则测试-${label}-${Date.now()}`;
const countTitled = async (title) => (await itemRows({ title })).length;

function fieldsOf(error) {
  return (error?.details?.errors ?? []).map((e) => e.path.join('.'));
}

describe.each(Object.entries(BAD))('rule %s', (label, [overrides, field]) => {
  it('is refused by the Document Service with a ValidationError', async () => {
    const title = titleOf(label);
    await expect(strapi.documents(ITEM).create({ data: itemData(department, { ...overrides, title }) })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: [field] })] },
    });
    expect(await countTitled(title)).toBe(0);
  });

  it('is a 400 over REST with an API token', async () => {
    const title = titleOf(label);
    const res = await http().post('/api/disclosure-items').set('Authorization', `Bearer ${apiToken}`).send({ data: itemData(department, { ...overrides, title }) });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body.error)).toContain(field);
    expect(await countTitled(title)).toBe(0);
  });

  it('is a 400 in the admin Content Manager', async () => {
    const title = titleOf(label);
    const res = await http()
      .post(`/content-manager/collection-types/${ITEM}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send(itemData(department, { ...overrides, title }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body.error)).toContain(field);
    expect(await countTitled(title)).toBe(0);
  });

  it('is a user-input error in GraphQL', async () => {
    const title = titleOf(label);
    const data = itemData(department, { ...overrides, title });
    const res = await http()
      .post('/graphql')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({
        query: 'mutation($data: DisclosureItemInput!) { createDisclosureItem(data: $data) { documentId } }',
        variables: { data },
      });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.[0]?.extensions?.error?.name).toBe('ValidationError');
    expect(fieldsOf(res.body.errors[0].extensions.error)).toContain(field);
    expect(await countTitled(title)).toBe(0);
  });

  it('is refused on update too, leaving the stored draft unchanged', async () => {
    const item = await makeItem(department, {}, { status: 'draft' });
    await expect(strapi.documents(ITEM).update({ documentId: item.documentId, data: overrides })).rejects.toMatchObject({ name: 'ValidationError' });
    const stored = await strapi.documents(ITEM).findOne({ documentId: item.documentId });
    expect(stored.summary).toBe(item.summary);
    expect(stored.disclosure).toBe('proactive');
    expect(stored.formedAt).toBe(item.formedAt);
  });
});

describe('valid writes', () => {
  it('gives every new item an index number from its department code and formed year', async () => {
    const item = await makeItem(department, { formedAt: '2023-06-01' });
    expect(item.indexNumber).toMatch(new RegExp(`^${department.code}/2023-\\d{5}$`));
  });

  it('requires a department on create and refuses clearing it on update', async () => {
    await expect(strapi.documents(ITEM).create({ data: itemData(department, { department: undefined }) })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['department'] })] },
    });
    const item = await makeItem(department, {}, { status: 'draft' });
    await expect(strapi.documents(ITEM).update({ documentId: item.documentId, data: { department: null } })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['department'] })] },
    });
  });

  it('checks an update against the stored item: a reason given earlier satisfies withheld later', async () => {
    const item = await makeItem(department, { exemptionReason: 'internalAffairs' }, { status: 'draft' });
    const updated = await strapi.documents(ITEM).update({ documentId: item.documentId, data: { disclosure: 'withheld' } });
    expect(updated.disclosure).toBe('withheld');
  });

  it('keeps the index number when an update tries to change it', async () => {
    const item = await makeItem(department, {}, { status: 'draft' });
    const updated = await strapi.documents(ITEM).update({ documentId: item.documentId, data: { indexNumber: 'FORGED/1', title: '改了标题' } });
    expect(updated.title).toBe('改了标题');
    expect(updated.indexNumber).toBe(item.indexNumber);
  });

  it('records the public publication date and when validity changed', async () => {
    const item = await makeItem(department, {}, { status: 'draft' });
    expect(item.publishedDate).toBeNull();
    await require('../helpers/workflow').approveAndPublish(ITEM, item.documentId);
    const published = await strapi.documents(ITEM).findOne({ documentId: item.documentId, status: 'published' });
    expect(new Date(published.publishedDate).getTime()).toBeGreaterThan(Date.now() - 60000);
    const repealed = await strapi.documents(ITEM).update({ documentId: item.documentId, data: { validity: 'repealed' } });
    expect(repealed.validityChangedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a department that does not exist with a 400, not a 500', async () => {
    const res = await http().post('/api/disclosure-items').set('Authorization', `Bearer ${apiToken}`).send({ data: itemData(department, { department: 'nosuchdepartment000000' }) });
    expect(res.status).toBe(400);
  });
});
