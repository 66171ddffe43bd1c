// 政策解读 both ways, 实施/废止 dates, 替代, and open-data dates in the site's time zone (issue 15).
// Real Strapi; public reads as the anonymous caller over HTTP (REST, GraphQL, the catalogue).
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, makeItem, itemData, unique } = require('../helpers/fixtures');
const { actors, wf } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const schedule = () => strapi.plugin('disclosure-workflow').service('schedule');
const expiryRows = (documentId, state) => strapi.db.query(SCHEDULE).findMany({ where: { targetDocumentId: documentId, action: 'expire', ...(state ? { state } : {}) } });
const rows = (documentId) => strapi.db.query(ITEM).findMany({ where: { documentId }, orderBy: { publishedAt: 'asc' } });
let department, a;

beforeAll(async () => {
  await setupStrapi();
  a = await actors();
  department = await makeDepartment();
});
afterAll(cleanupStrapi);

describe('政策解读: an interpretation names the policy items it explains', () => {
  it('an interpretation that interprets nothing is a 400 naming the field, in the admin and in server code, and nothing is written', async () => {
    const title = `政策解读 ${unique()}`;
    const author = await adminClient(a['gov-author']);
    const res = await author.post(`/content-manager/collection-types/${ITEM}`).send(itemData(department, { title, genre: 'interpretation' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['interprets'], message: expect.stringContaining('政策解读必须关联') })]);
    await expect(strapi.documents(ITEM).create({ data: itemData(department, { title, genre: 'interpretation' }) })).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await strapi.db.query(ITEM).count({ where: { title } })).toBe(0);
  });

  it('removing the last interpreted policy from an interpretation is refused; a notice cannot interpret', async () => {
    const policy = await makeItem(department, { genre: 'normativeDocument' }, { status: 'draft' });
    const reading = await strapi.documents(ITEM).create({ data: itemData(department, { genre: 'interpretation', interprets: [policy.documentId] }) });
    await expect(strapi.documents(ITEM).update({ documentId: reading.documentId, data: { interprets: { set: [] } } })).rejects.toMatchObject({ name: 'ValidationError' });
    const [draft] = await strapi.db.query(ITEM).findMany({ where: { documentId: reading.documentId, publishedAt: null }, populate: { interprets: { select: ['documentId'] } } });
    expect(draft.interprets.map((p) => p.documentId)).toEqual([policy.documentId]);
    await expect(strapi.documents(ITEM).create({ data: itemData(department, { genre: 'notice', interprets: [policy.documentId] }) })).rejects.toMatchObject({ name: 'ValidationError' });
  });

  describe('public output shows both directions only between public items', () => {
    let policy, reading, hiddenReading;
    beforeAll(async () => {
      policy = await makeItem(department, { genre: 'normativeDocument', title: `清溪县测试管理办法 ${unique()}` });
      reading = await makeItem(department, { genre: 'interpretation', title: `《测试管理办法》政策解读 ${unique()}`, interprets: [policy.documentId] });
      // A second 解读 that is withheld after publication: it must never show on the policy.
      hiddenReading = await makeItem(department, { genre: 'interpretation', title: `内部解读 ${unique()}`, interprets: [policy.documentId] });
      await strapi.documents(ITEM).update({ documentId: hiddenReading.documentId, data: { disclosure: 'withheld', exemptionReason: 'processInfo' } });
    });

    const restOne = async (documentId) => {
      const res = await http().get(`/api/disclosure-items/${documentId}?populate[interprets][fields][0]=title&populate[interpretations][fields][0]=title`);
      expect(res.status).toBe(200);
      return res.body.data;
    };

    it('REST', async () => {
      const p = await restOne(policy.documentId);
      expect(p.interpretations.map((r) => r.documentId)).toEqual([reading.documentId]);
      const r = await restOne(reading.documentId);
      expect(r.interprets.map((x) => x.documentId)).toEqual([policy.documentId]);
      expect((await http().get(`/api/disclosure-items/${hiddenReading.documentId}`)).status).toBe(404);
    });

    it('GraphQL', async () => {
      const res = await http().post('/graphql').send({
        query: 'query($id: ID!) { disclosureItem(documentId: $id) { title interpretations { documentId } interprets { documentId } } }',
        variables: { id: policy.documentId },
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.disclosureItem.interpretations.map((r) => r.documentId)).toEqual([reading.documentId]);
      const back = await http().post('/graphql').send({ query: 'query($id: ID!) { disclosureItem(documentId: $id) { interprets { documentId } } }', variables: { id: reading.documentId } });
      expect(back.body.data.disclosureItem.interprets.map((x) => x.documentId)).toEqual([policy.documentId]);
    });

    it('the catalogue lookup', async () => {
      const res = await http().get(`/api/catalogue/lookup?indexNumber=${encodeURIComponent(policy.indexNumber)}`);
      expect(res.status).toBe(200);
      expect(res.body.data.interpretations).toEqual([expect.objectContaining({ documentId: reading.documentId, title: reading.title, genre: 'interpretation' })]);
      const back = await http().get(`/api/catalogue/lookup?indexNumber=${encodeURIComponent(reading.indexNumber)}`);
      expect(back.body.data.interprets).toEqual([expect.objectContaining({ documentId: policy.documentId, indexNumber: policy.indexNumber })]);
    });

    it('cannot be used as an oracle: filtering by a hidden interpretation finds nothing', async () => {
      for (const field of ['interpretations', 'related']) {
        const res = await http().get(`/api/disclosure-items?filters[${field}][title][$eq]=${encodeURIComponent(hiddenReading.title)}`);
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      }
      const byVisible = await http().get(`/api/disclosure-items?filters[interpretations][title][$eq]=${encodeURIComponent(reading.title)}`);
      expect(byVisible.body.data.map((d) => d.documentId)).toEqual([policy.documentId]);
      const gql = await http().post('/graphql').send({ query: 'query($t: String) { disclosureItems(filters: { interpretations: { title: { eq: $t } } }) { documentId } }', variables: { t: hiddenReading.title } });
      expect(gql.body.data.disclosureItems).toEqual([]);
      // Nor can the order of public items say anything about hidden ones.
      for (const sort of ['interpretations.title:asc', 'related.title']) {
        const sorted = await http().get(`/api/disclosure-items?sort=${sort}`);
        expect(sorted.status).toBe(400);
        expect(sorted.body.error.details.errors).toEqual([expect.objectContaining({ path: ['sort'] })]);
      }
      expect((await http().get('/api/disclosure-items?sort[0][interprets][title]=asc')).status).toBe(400);
    });

    it('when the policy goes offline (涉密), the interpretation no longer names it anywhere', async () => {
      await strapi.documents(ITEM).update({ documentId: policy.documentId, data: { classified: true, disclosure: 'on_request' } });
      expect((await restOne(reading.documentId)).interprets).toEqual([]);
      const gql = await http().post('/graphql').send({ query: 'query($id: ID!) { disclosureItem(documentId: $id) { interprets { documentId } } }', variables: { id: reading.documentId } });
      expect(gql.body.data.disclosureItem.interprets).toEqual([]);
      const lookup = await http().get(`/api/catalogue/lookup?indexNumber=${encodeURIComponent(reading.indexNumber)}`);
      expect(lookup.body.data.interprets).toEqual([]);
      expect(JSON.stringify(lookup.body)).not.toContain(policy.title);
    });
  });
});

describe('废止/失效 on repealAt, through the scheduler, without a new round', () => {
  it('fires once at the signed date, on every version, recorded in the audit trail; the signed content stays and so does the approval', async () => {
    const successor = await makeItem(department, { title: `新办法 ${unique()}` });
    // The date and what the item becomes are part of what the reviewers sign.
    const item = await makeItem(department, { genre: 'normativeDocument', effectiveAt: '2024-04-01', repealAt: today(), repealAs: 'expired', supersededBy: successor.documentId });
    const [, publishedBefore] = await rows(item.documentId);
    const [pending] = await expiryRows(item.documentId, 'pending');
    expect(pending).toMatchObject({ targetUid: ITEM, state: 'pending', owner: null });
    expect(new Date(pending.dueAt).toISOString()).toBe(new Date(`${today()}T00:00:00+08:00`).toISOString());
    const hashBefore = (await wf().status({ uid: ITEM, documentId: item.documentId })).contentHash;

    const first = await schedule().runDue();
    expect(first.done).toContain(pending.id);
    const second = await schedule().runDue();
    expect(second.done).not.toContain(pending.id);

    const [draft, published] = await rows(item.documentId);
    for (const version of [draft, published]) expect(version).toMatchObject({ validity: 'expired', validityChangedAt: today(), repealAt: today() });
    // The published content the reviewers signed is untouched: same title, body, 发布日期, publication.
    for (const field of ['title', 'body', 'publishedAt', 'indexNumber']) expect(String(published[field])).toBe(String(publishedBefore[field]));
    expect(new Date(published.publishedDate).getTime()).toBe(new Date(publishedBefore.publishedDate).getTime());
    // No new round: the approval moved to the lapsed content.
    const status = await wf().status({ uid: ITEM, documentId: item.documentId });
    expect(status).toMatchObject({ state: 'approved', canPublish: true });
    expect(status.contentHash).not.toBe(hashBefore);
    const fired = await strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: 'schedule.fired', targetDocumentId: item.documentId } });
    expect(fired).toHaveLength(1);
    expect(fired[0].data).toMatchObject({ action: 'expire', changed: { validity: 'expired', validityChangedAt: today(), contentHashBefore: hashBefore, contentHashAfter: status.contentHash, approvalCarried: true } });
    expect(await strapi.db.query('plugin::disclosure-workflow.round').count({ where: { targetDocumentId: item.documentId } })).toBe(1);

    // The public sees the new validity, the dates and the successor.
    const lookup = await http().get(`/api/catalogue/lookup?indexNumber=${encodeURIComponent(item.indexNumber)}`);
    expect(lookup.body.data).toMatchObject({ validity: 'expired', effectiveAt: '2024-04-01', repealAt: today(), supersededBy: expect.objectContaining({ documentId: successor.documentId }) });
  });

  it('a date typed into the draft of a live item schedules nothing until that draft is reviewed and published', async () => {
    const item = await makeItem(department, {});
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { repealAt: today() } });
    expect(await expiryRows(item.documentId, 'pending')).toHaveLength(0);
    expect(await wf().status({ uid: ITEM, documentId: item.documentId })).toMatchObject({ canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });
    await schedule().runDue();
    expect((await rows(item.documentId)).map((r) => r.validity)).toEqual(['valid', 'valid']);
    // Reviewed and published: now it is the signed date.
    const { approveAndPublish } = require('../helpers/workflow');
    await approveAndPublish(ITEM, item.documentId);
    expect(await expiryRows(item.documentId, 'pending')).toHaveLength(1);
    await schedule().runDue();
    expect((await rows(item.documentId)).map((r) => r.validity)).toEqual(['repealed', 'repealed']);
  });

  it('on a draft: a future date waits; moving it replaces the pending row; clearing it cancels; repealed is the default', async () => {
    const item = await makeItem(department, {}, { status: 'draft' });
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { repealAt: '2099-01-01' } });
    expect(await expiryRows(item.documentId, 'pending')).toHaveLength(1);
    expect((await schedule().runDue()).done).toEqual([]);
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { repealAt: '2099-06-30' } });
    const pending = await expiryRows(item.documentId, 'pending');
    expect(pending).toHaveLength(1);
    expect(new Date(pending[0].dueAt).toISOString()).toBe(new Date('2099-06-30T00:00:00+08:00').toISOString());
    expect(await expiryRows(item.documentId, 'cancelled')).toHaveLength(1);
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { repealAt: null } });
    expect(await expiryRows(item.documentId, 'pending')).toHaveLength(0);

    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { repealAt: today() } });
    await schedule().runDue();
    expect((await rows(item.documentId)).map((r) => r.validity)).toEqual(['repealed']);
    // Already lapsed: saving again schedules nothing more.
    await strapi.documents(ITEM).update({ documentId: item.documentId, data: { keywords: '废止' } });
    expect(await expiryRows(item.documentId, 'pending')).toHaveLength(0);
  });
});

describe('open-data exports give dates in the site time zone', () => {
  it('CSV and JSON: YYYY-MM-DD for dates, YYYY-MM-DD HH:mm for times', async () => {
    const item = await makeItem(department, { title: `导出时区 ${unique()}`, effectiveAt: '2024-05-01' });
    const published = (await rows(item.documentId))[1];
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(published.publishedDate));
    const json = await http().get(`/api/catalogue/export.json?indexNumber=${encodeURIComponent(item.indexNumber)}`);
    expect(json.status).toBe(200);
    const [row] = JSON.parse(json.text);
    expect(row).toMatchObject({ formedAt: '2024-03-15', effectiveAt: '2024-05-01', publishedDate: local });
    expect(row.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const csv = await http().get(`/api/catalogue/export.csv?indexNumber=${encodeURIComponent(item.indexNumber)}`);
    const [header, line] = csv.text.replace(/^\uFEFF/, '').trim().split('\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, line.split(',')[i]]));
    expect(cells).toMatchObject({ 成文日期: '2024-03-15', 发布日期: local, 实施日期: '2024-05-01' });
  });
});
