// Emergency stop: a gov-author marking a live item 涉密 or 不予公开 takes it offline at once. The
// save must give a reason; it is recorded as an unpublish (`unpublish.emergency`: actor, reason,
// flag), mailed at once to the publisher, the disclosure office and the secrecy reviewers, shown on
// the audit page; clearing the flag does not bring the item back: that needs a new round.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { http, makeDepartment, makeItem, ITEM } = require('../helpers/fixtures');
const { actors, approve } = require('../helpers/workflow');
const { adminClient, waitFor } = require('../helpers/admin-http');
const { captureMail } = require('../helpers/mail');

const CM = `/content-manager/collection-types/${ITEM}`;
const EVENT = 'unpublish.emergency';
let a, department, mailbox;

beforeAll(async () => {
  mailbox = await captureMail();
  await setupStrapi();
  a = await actors();
  department = await makeDepartment();
});
afterAll(async () => {
  await cleanupStrapi();
  await mailbox.close();
});

const isPublic = async (doc) => (await http().get(`/api/disclosure-items/${doc.documentId}`)).status === 200;
const stops = (doc) => strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: EVENT, targetDocumentId: doc.documentId } });

describe('a gov-author marking a live item 涉密 in the Content Manager', () => {
  let item;
  beforeAll(async () => {
    item = await makeItem(department);
  });

  it('is refused without a reason, naming the field, and the item stays live', async () => {
    expect(await isPublic(item)).toBe(true);
    const author = await adminClient(a['gov-author']);
    const res = await author.put(`${CM}/${item.documentId}`).send({ classified: true, disclosure: 'on_request' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e) => e.path)).toContainEqual(['emergencyStopReason']);
    expect(res.body.error.details.errors[0]).toMatchObject({ zh: expect.stringContaining('紧急撤下'), en: expect.stringContaining('emergency stop') });
    expect(await isPublic(item)).toBe(true);
    expect(await stops(item)).toHaveLength(0);
    const draft = await strapi.db.query(ITEM).findOne({ where: { documentId: item.documentId, publishedAt: null } });
    expect(draft.classified).toBe(false);
  });

  it('with a reason takes it offline at once, records an emergency unpublish and tells publisher, office and secrecy reviewer', async () => {
    const author = await adminClient(a['gov-author']);
    const reason = '发现附件含有涉密内容，先行撤下';
    const res = await author.put(`${CM}/${item.documentId}`).send({ classified: true, disclosure: 'on_request', emergencyStopReason: reason });
    expect(res.status).toBe(200);
    expect(await isPublic(item)).toBe(false);
    const [stop] = await stops(item);
    expect(stop).toMatchObject({ actor: a['gov-author'].id, comment: reason, data: { flag: 'classified', reason } });
    // The reason lives in the trail, not on the item.
    const rows = await strapi.db.query(ITEM).findMany({ where: { documentId: item.documentId } });
    expect(rows.every((r) => !r.emergencyStopReason)).toBe(true);
    for (const who of ['gov-publisher', 'gov-office', 'gov-secrecy-reviewer']) {
      const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(a[who].email) && m.text.includes('紧急撤下') && m.text.includes(item.title)));
      expect(mail).toBeTruthy();
      expect(mail.text).toContain(reason);
    }
  });

  it('shows on the audit page as an unpublish, with its label, actor and reason', async () => {
    const publisher = await adminClient(a['gov-publisher']);
    const res = await publisher.get(`/disclosure-workflow/audit?event=${EVENT}&documentId=${item.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toMatchObject({
      event: EVENT, eventLabel: { zh: expect.stringContaining('紧急撤下'), en: expect.stringContaining('Emergency stop') },
      actor: { id: a['gov-author'].id }, comment: expect.stringContaining('涉密'), title: item.title,
    });
    const family = await publisher.get(`/disclosure-workflow/audit?event=unpublish&documentId=${item.documentId}`);
    expect(family.body.data.map((r) => r.event)).toContain(EVENT);
  });

  it('stays offline when the flag is cleared, and publishing is refused until a new round approves it', async () => {
    const author = await adminClient(a['gov-author']);
    const cleared = await author.put(`${CM}/${item.documentId}`).send({ classified: false, disclosure: 'proactive' });
    expect(cleared.status).toBe(200);
    expect(await isPublic(item)).toBe(false);
    const publisher = await adminClient(a['gov-publisher']);
    const refused = await publisher.post(`${CM}/${item.documentId}/actions/publish`).send({});
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.body.error.details.code).toMatch(/NOT_SUBMITTED|NOT_SIGNED_OFF|IN_REVIEW|CHANGED_AFTER_APPROVAL/);
    expect(await isPublic(item)).toBe(false);
    await approve(ITEM, item.documentId);
    expect((await publisher.post(`${CM}/${item.documentId}/actions/publish`).send({})).status).toBe(200);
    expect(await isPublic(item)).toBe(true);
  });
});

it('不予公开 on a live item is an emergency stop too, flagged withheld', async () => {
  const item = await makeItem(department);
  const author = await adminClient(a['gov-author']);
  expect((await author.put(`${CM}/${item.documentId}`).send({ disclosure: 'withheld', exemptionReason: 'processInfo' })).status).toBe(400);
  expect(await isPublic(item)).toBe(true);
  const res = await author.put(`${CM}/${item.documentId}`).send({ disclosure: 'withheld', exemptionReason: 'processInfo', emergencyStopReason: '过程性信息，误发布' });
  expect(res.status).toBe(200);
  expect(await isPublic(item)).toBe(false);
  expect((await stops(item))[0]).toMatchObject({ actor: a['gov-author'].id, data: { flag: 'withheld' } });
});

it('needs no reason for drafts never published, or items already offline', async () => {
  const draft = await makeItem(department, {}, { status: 'draft' });
  const author = await adminClient(a['gov-author']);
  expect((await author.put(`${CM}/${draft.documentId}`).send({ classified: true, disclosure: 'on_request' })).status).toBe(200);
  expect(await stops(draft)).toHaveLength(0);
});
