// Strapi's own webhooks (Settings → Webhooks) hear `entry.publish` / `entry.unpublish` of governed
// documents on every gate path: a publication after sign-off, a scheduled one, a lead's companions,
// and an unpublish. A local HTTP receiver stands in for the downstream portal or CDN.
const http = require('http');
const { ITEM, itemData, unique } = require('../helpers/fixtures');
const { workflowSuite, approve, wf } = require('../helpers/workflow');

const suite = workflowSuite();
let receiver;
let received = [];
let webhook;

describe('webhooks', () => {
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.end('ok');
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    webhook = await strapi.get('webhookStore').createWebhook({
      name: unique('portal-'), url: `http://127.0.0.1:${receiver.address().port}/hook`, headers: { 'X-Portal-Key': 'k' }, events: ['entry.publish', 'entry.unpublish'], isEnabled: true,
    });
    strapi.get('webhookRunner').add(webhook);
  });
  afterAll(async () => {
    strapi.get('webhookRunner').remove(webhook);
    await strapi.get('webhookStore').deleteWebhook(webhook.id);
    await new Promise((r) => receiver.close(r));
  });

  const sched = () => strapi.plugin('disclosure-workflow').service('schedule');
  const approved = async (overrides) => {
    const doc = await strapi.documents(ITEM).create({ data: itemData(suite.department, overrides) });
    await approve(ITEM, doc.documentId);
    return doc;
  };
  async function deliveries(event, documentId, count = 1) {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = received.filter((r) => r.body.event === event && r.body.entry?.documentId === documentId);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('a publication through the gate sends entry.publish with the public entry', async () => {
    const doc = await approved();
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    const [hit] = await deliveries('entry.publish', doc.documentId);
    expect(hit.headers['x-portal-key']).toBe('k');
    expect(hit.body).toMatchObject({ event: 'entry.publish', uid: ITEM, model: 'disclosure-item', entry: { documentId: doc.documentId, title: doc.title, publishedAt: expect.any(String) } });
    expect(hit.body.createdAt).toEqual(expect.any(String));
    for (const field of ['internalNotes', 'reviewAt', 'exemptionReason']) expect(hit.body.entry).not.toHaveProperty(field);
  });

  it('a scheduled publication and a scheduled unpublish send their events', async () => {
    const doc = await approved();
    await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: new Date(Date.now() - 60_000).toISOString(), actor: suite.actors['gov-publisher'].id });
    await sched().runDue();
    expect(await deliveries('entry.publish', doc.documentId)).toHaveLength(1);
    await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'unpublish', at: new Date(Date.now() - 1000).toISOString(), actor: suite.actors['gov-publisher'].id });
    await sched().runDue();
    const [hit] = await deliveries('entry.unpublish', doc.documentId);
    expect(hit.body).toMatchObject({ event: 'entry.unpublish', uid: ITEM, entry: { documentId: doc.documentId } });
  });

  it('a lead published with its companions sends entry.publish for each', async () => {
    const a = suite.actors;
    const policy = await strapi.documents(ITEM).create({ data: itemData(suite.department, { title: `关于政策协同的通知 ${unique()}` }) });
    const interpretation = await strapi.documents(ITEM).create({ data: itemData(suite.department, { title: `政策解读 ${unique()}`, genre: 'interpretation', interprets: [policy.documentId] }) });
    const target = { uid: ITEM, documentId: policy.documentId };
    await wf().submit({ ...target, actor: a['gov-author'].id, withCompanions: true });
    for (;;) {
      const status = await wf().status(target);
      if (status.state !== 'in_review') break;
      await wf().decide({ ...target, actor: a[status.steps[status.current].roles[0]].id, decision: 'approve' });
    }
    await wf().signOff({ ...target, actor: a['gov-secrecy-reviewer'].id, conclusion: 'public' });
    await strapi.documents(ITEM).publish({ documentId: policy.documentId });
    expect(await deliveries('entry.publish', policy.documentId)).toHaveLength(1);
    expect(await deliveries('entry.publish', interpretation.documentId)).toHaveLength(1);
  });

  it('marking a live item 涉密 (emergency stop) sends entry.unpublish, without private fields', async () => {
    const doc = await approved();
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { classified: true, disclosure: 'on_request', emergencyStopReason: '误发涉密文件' } });
    const [hit] = await deliveries('entry.unpublish', doc.documentId);
    expect(hit?.body).toMatchObject({ event: 'entry.unpublish', uid: ITEM, model: 'disclosure-item', entry: { documentId: doc.documentId, publishedAt: expect.any(String) } });
    for (const field of ['internalNotes', 'reviewAt', 'exemptionReason']) expect(hit.body.entry).not.toHaveProperty(field);
  });

  it('an unpublish sends entry.unpublish; a refused publication sends nothing', async () => {
    const doc = await approved();
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    await strapi.documents(ITEM).unpublish({ documentId: doc.documentId });
    expect(await deliveries('entry.unpublish', doc.documentId)).toHaveLength(1);
    const unapproved = await strapi.documents(ITEM).create({ data: itemData(suite.department) });
    await expect(strapi.documents(ITEM).publish({ documentId: unapproved.documentId })).rejects.toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((r) => r.body.entry?.documentId === unapproved.documentId)).toEqual([]);
  });
});
