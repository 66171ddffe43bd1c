// 发布日期 (publishedDate) is a legal record: set by the system at first publication (or to the
// scheduled time), read-only afterwards on every write path; only server code (the historical
// import, the demo seed) may record another one, through a Document Service parameter no client
// can send. Backdating a published item is a 400 naming the field, and nothing changes.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, itemData, makeItem, makeApiToken, itemRows } = require('../helpers/fixtures');
const { actors, approve, approveAndPublish } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const HISTORICAL = Symbol.for('disclosure.historicalPublishedDate');
const BACKDATE = '2020-01-01T00:00:00.000Z';
const CM = `/content-manager/collection-types/${ITEM}`;

let department;
let apiToken;
let a;
let author;

beforeAll(async () => {
  await setupStrapi();
  department = await makeDepartment();
  apiToken = await makeApiToken('full-access');
  a = await actors();
  author = await adminClient(a['gov-author']);
});
afterAll(cleanupStrapi);

const fieldsOf = (error) => (error?.details?.errors ?? []).map((e) => e.path.join('.'));
const ms = (value) => (value == null ? null : new Date(value).getTime());

/** Both stored rows (draft and published) with their 发布日期. */
async function storedDates(documentId) {
  const rows = await itemRows({ documentId });
  return rows.map((r) => ({ published: r.publishedAt !== null, publishedDate: ms(r.publishedDate) })).sort((x, y) => Number(x.published) - Number(y.published));
}

async function publishedItem() {
  const item = await makeItem(department);
  const dates = await storedDates(item.documentId);
  expect(dates).toHaveLength(2);
  expect(dates[0].publishedDate).toBe(dates[1].publishedDate);
  expect(dates[1].publishedDate).toBeGreaterThan(Date.now() - 120_000);
  return { item, dates };
}

describe('发布日期 cannot be changed by clients', () => {
  it('Content Manager as gov-author: backdating a published item is a 400 naming publishedDate, nothing changes', async () => {
    const { item, dates } = await publishedItem();
    // What the edit form sends back: the scalar fields as loaded (relations are sent as changes only).
    const loaded = (await author.get(`${CM}/${item.documentId}`)).body.data;
    const relations = Object.entries(strapi.getModel(ITEM).attributes).filter(([, a]) => ['relation', 'media'].includes(a.type)).map(([name]) => name);
    // `status` is the Content Manager's view (published / modified), not a field: a write of the draft
    // right after the publish (a post-commit event) can make it `modified`, which is not a value to send.
    const form = Object.fromEntries(Object.entries(loaded).filter(([name]) => !relations.includes(name) && !['localizations', 'status'].includes(name)));
    expect(ms(form.publishedDate)).toBe(dates[1].publishedDate);

    const res = await author.put(`${CM}/${item.documentId}`).send({ ...form, publishedDate: BACKDATE, title: `${form.title} 改` });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body.error)).toEqual(['publishedDate']);
    expect(res.body.error.details.errors[0]).toMatchObject({ zh: expect.stringContaining('发布日期'), en: expect.stringContaining('publishedDate') });
    expect(await storedDates(item.documentId)).toEqual(dates);
    expect((await strapi.documents(ITEM).findOne({ documentId: item.documentId })).title).toBe(form.title);

    // A later date, or clearing it, is refused as well.
    for (const publishedDate of [new Date(Date.now() + 86400_000).toISOString(), null]) {
      const other = await author.put(`${CM}/${item.documentId}`).send({ ...form, publishedDate });
      expect(other.status).toBe(400);
      expect(fieldsOf(other.body.error)).toEqual(['publishedDate']);
    }
    expect(await storedDates(item.documentId)).toEqual(dates);

    // The edit form sends the stored value back with every save: that is not a change.
    const saved = await author.put(`${CM}/${item.documentId}`).send({ ...form, title: `${form.title} 改` });
    expect(saved.status).toBe(200);
    expect(ms(saved.body.data.publishedDate)).toBe(dates[0].publishedDate);
    expect(await storedDates(item.documentId)).toEqual(dates);
  });

  it('Content Manager: a new draft cannot be given one, and the edit view shows it read-only', async () => {
    const title = `发布日期-新建-${Date.now()}`;
    const res = await author.post(CM).send(itemData(department, { title, publishedDate: BACKDATE }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body.error)).toEqual(['publishedDate']);
    expect(await itemRows({ title })).toHaveLength(0);

    const config = await author.get(`/content-manager/content-types/${ITEM}/configuration`);
    expect(config.status).toBe(200);
    expect(config.body.data.contentType.metadatas.publishedDate.edit).toMatchObject({ editable: false });
  });

  it('Content Manager duplicate: the copy does not inherit the source’s 发布日期', async () => {
    const { item } = await publishedItem();
    const title = `发布日期-复制-${Date.now()}`;
    // The duplicate form sends the source's values back, 发布日期 included: it is dropped.
    const res = await author.post(`${CM}/clone/${item.documentId}`).send({ title, publishedDate: item.publishedDate });
    expect(res.status).toBe(200);
    expect(res.body.data.publishedDate).toBeNull();
    const [copy] = await itemRows({ title });
    expect(copy.publishedDate).toBeNull();
    const backdated = await author.post(`${CM}/clone/${item.documentId}`).send({ title: `${title}-2`, publishedDate: BACKDATE });
    expect(backdated.status).toBe(400);
    expect(await itemRows({ title: `${title}-2` })).toHaveLength(0);
  });

  it('REST with a full-access API token: update and create are refused, whatever trust marker the body claims', async () => {
    const { item, dates } = await publishedItem();
    const auth = { Authorization: `Bearer ${apiToken}` };
    const update = await http().put(`/api/disclosure-items/${item.documentId}`).set(auth).send({ data: { publishedDate: BACKDATE } });
    expect(update.status).toBe(400);
    expect(fieldsOf(update.body.error)).toContain('publishedDate');

    // Nothing a client can send unlocks the import path.
    const claims = [
      { data: { publishedDate: BACKDATE }, historicalPublishedDate: true },
      { data: { publishedDate: BACKDATE, historicalPublishedDate: true } },
      { data: { publishedDate: BACKDATE }, 'Symbol(disclosure.historicalPublishedDate)': true },
      { data: { publishedDate: BACKDATE }, '@@disclosure.historicalPublishedDate': true },
    ];
    for (const body of claims) {
      const res = await http().put(`/api/disclosure-items/${item.documentId}`).set(auth).query({ historicalPublishedDate: 'true' }).send(body);
      expect(res.status).toBe(400);
    }
    const withStatus = await http().put(`/api/disclosure-items/${item.documentId}`).set(auth).query({ status: 'published' }).send({ data: { publishedDate: BACKDATE } });
    expect(withStatus.status).toBe(400);
    expect(await storedDates(item.documentId)).toEqual(dates);

    const title = `发布日期-REST-${Date.now()}`;
    const create = await http().post('/api/disclosure-items').set(auth).send({ data: itemData(department, { title, publishedDate: BACKDATE }) });
    expect(create.status).toBe(400);
    expect(fieldsOf(create.body.error)).toContain('publishedDate');
    expect(await itemRows({ title })).toHaveLength(0);
  });

  it('GraphQL with a full-access API token: a ValidationError naming publishedDate, nothing changes', async () => {
    const { item, dates } = await publishedItem();
    const res = await http()
      .post('/graphql')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({
        query: 'mutation($id: ID!, $data: DisclosureItemInput!) { updateDisclosureItem(documentId: $id, data: $data) { documentId publishedDate } }',
        variables: { id: item.documentId, data: { publishedDate: BACKDATE } },
      });
    expect(res.status).toBeLessThan(500);
    expect(res.body.errors?.[0]?.extensions?.error?.name).toBe('ValidationError');
    expect(fieldsOf(res.body.errors[0].extensions.error)).toEqual(['publishedDate']);
    expect(await storedDates(item.documentId)).toEqual(dates);
  });

  it('server code without the import parameter is refused too (Document Service)', async () => {
    const { item, dates } = await publishedItem();
    await expect(strapi.documents(ITEM).update({ documentId: item.documentId, data: { publishedDate: BACKDATE } })).rejects.toMatchObject({
      name: 'ValidationError',
      details: { errors: [expect.objectContaining({ path: ['publishedDate'] })] },
    });
    // A string key that looks like the marker is not the marker.
    await expect(strapi.documents(ITEM).update({ documentId: item.documentId, data: { publishedDate: BACKDATE }, 'Symbol(disclosure.historicalPublishedDate)': true })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await storedDates(item.documentId)).toEqual(dates);
  });
});

describe('发布日期 set by the system', () => {
  it('a first publication records its time', async () => {
    const before = Date.now();
    const { dates } = await publishedItem();
    expect(dates[1].publishedDate).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a scheduled publish records the scheduled time', async () => {
    const draft = await strapi.documents(ITEM).create({ data: itemData(department) });
    await approve(ITEM, draft.documentId);
    const due = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    const sched = strapi.plugin('disclosure-workflow').service('schedule');
    const row = await sched.schedule({ uid: ITEM, documentId: draft.documentId, action: 'publish', at: due.toISOString(), actor: a['gov-publisher'].id });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now() + 1200)));
    expect((await sched.runDue()).done).toContain(row.id);
    const dates = await storedDates(draft.documentId);
    expect(dates).toEqual([{ published: false, publishedDate: due.getTime() }, { published: true, publishedDate: due.getTime() }]);
  });

  it('republishing after an edit keeps the first publication’s 发布日期', async () => {
    const { item, dates } = await publishedItem();
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { summary: '修订后的概述' } });
    await approveAndPublish(ITEM, item.documentId);
    const after = await storedDates(item.documentId);
    expect(after.map((d) => d.publishedDate)).toEqual([dates[0].publishedDate, dates[0].publishedDate]);
  });
});

describe('the historical import may record a past 发布日期', () => {
  it('through the Document Service parameter only server code can pass', async () => {
    const historical = '2019-05-06T02:00:00.000Z';
    const draft = await strapi.documents(ITEM).create({ data: itemData(department, { formedAt: '2019-04-30', publishedDate: historical }), [HISTORICAL]: true });
    expect(ms(draft.publishedDate)).toBe(ms(historical));
    await approveAndPublish(ITEM, draft.documentId);
    expect(await storedDates(draft.documentId)).toEqual([
      { published: false, publishedDate: ms(historical) },
      { published: true, publishedDate: ms(historical) },
    ]);
    // The import may also correct a record it wrote (the draft; published at the next publication).
    const corrected = '2019-05-07T02:00:00.000Z';
    const updated = await strapi.documents(ITEM).update({ documentId: draft.documentId, data: { publishedDate: corrected }, [HISTORICAL]: true });
    expect(ms(updated.publishedDate)).toBe(ms(corrected));
  });
});
