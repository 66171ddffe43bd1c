// The reviewers' diff (issue 14): a reviewer re-reviewing a returned document sees exactly what the
// author changed — the summary word by word and a removed attachment, nothing else — in the review
// panel's route and on the 审核单; a first submission has nothing to compare with; another unit's
// reviewer gets 404.
const { ITEM, unique, itemData, makeDepartment } = require('../helpers/fixtures');
const { workflowSuite, makeUser, wf } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');
const { pdfBytes, storedFile } = require('../helpers/files');

const suite = workflowSuite();
let a;
let department;
beforeAll(() => ({ actors: a, department } = suite));

const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const query = (doc) => `/disclosure-workflow/changes?uid=${encodeURIComponent(ITEM)}&documentId=${doc.documentId}`;
// Real bytes: the pre-publication checks read every attachment at submit.
const file = async (name) => storedFile(name, await pdfBytes([`Attachment ${unique()}`]));

/** Approved at 一审, returned at 二审, the summary edited and one attachment removed, resubmitted. */
async function returnedAndEdited() {
  const [kept, dropped] = [await file('通知正文.pdf'), await file('附件二：检查表.pdf')];
  const doc = await strapi.documents(ITEM).create({ data: itemData(department, { summary: '本通知说明安全检查的时间安排', attachments: [kept.id, dropped.id] }) });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
  await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'return', comment: '请改为消防检查，删去附件二' });
  await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { summary: '本通知说明消防检查的时间安排', attachments: [kept.id] } });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  return doc;
}

const expectAuthorsChanges = (data) => {
  expect(data).toMatchObject({ base: 'approved', baseEvent: 'decision.return', baseHash: expect.any(String), baseAt: expect.any(String) });
  expect(data.fields.map((f) => f.field)).toEqual(['summary', 'attachments']);
  const [summary, attachments] = data.fields;
  expect(summary).toMatchObject({ kind: 'text' });
  expect(summary.parts).toEqual([{ value: '本通知说明' }, { removed: true, value: '安全' }, { added: true, value: '消防' }, { value: '检查的时间安排' }]);
  expect(attachments).toMatchObject({ kind: 'media', added: [], removed: ['附件二：检查表.pdf'] });
};

it('shows the returning reviewer the summary’s word diff and the removed attachment, and nothing else', async () => {
  const doc = await returnedAndEdited();
  const leader = await adminClient(a['gov-leader']);
  const res = await leader.get(query(doc));
  expect(res.status).toBe(200);
  expectAuthorsChanges(res.body.data);
  expect(res.body.data.baseHash).not.toBe(res.body.data.contentHash);

  // 一审 approves the new version: 二审 still compares with what was returned, not with itself.
  await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
  expectAuthorsChanges((await leader.get(query(doc))).body.data);

  // The 审核单 of the round carries the same changes, escaped, with <ins>/<del>.
  const slip = await leader.get(`/disclosure-workflow/slip?uid=${encodeURIComponent(ITEM)}&documentId=${doc.documentId}&format=json`);
  expect(slip.status).toBe(200);
  expect(slip.body.data.body).toContain('本轮修改');
  expect(slip.body.data.body).toContain('<del>安全</del><ins>消防</ins>');
  expect(slip.body.data.body).toContain('<del>－ 附件二：检查表.pdf</del>');
});

it('says a first submission has nothing to compare with', async () => {
  const doc = await strapi.documents(ITEM).create({ data: itemData(department) });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
  const res = await (await adminClient(a['gov-leader'])).get(query(doc));
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ base: 'none', baseHash: null, fields: [] });
  const slip = await (await adminClient(a['gov-leader'])).get(`/disclosure-workflow/slip?uid=${encodeURIComponent(ITEM)}&documentId=${doc.documentId}&format=json`);
  expect(slip.body.data.body).toContain('首次送审');
});

it('compares with the published version when no review of other content is on record', async () => {
  const { approveAndPublish } = require('../helpers/workflow');
  const doc = await strapi.documents(ITEM).create({ data: itemData(department, { summary: 'Opening hours are nine to five' }) });
  await approveAndPublish(ITEM, doc.documentId);
  await strapi.db.query('plugin::disclosure-workflow.content-snapshot').deleteMany({ where: { targetDocumentId: doc.documentId } });
  await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { summary: 'Opening hours are eight to five' } });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  const { data } = (await (await adminClient(a['gov-section-head'])).get(query(doc))).body;
  expect(data).toMatchObject({ base: 'published', baseAt: expect.any(String) });
  expect(data.fields).toEqual([{ field: 'summary', label: '内容概述 Summary', kind: 'text', parts: [{ value: 'Opening hours are ' }, { removed: true, value: 'nine' }, { added: true, value: 'eight' }, { value: ' to five' }] }]);
});

it('is not found for a reviewer of another department, and refuses bad input', async () => {
  const doc = await returnedAndEdited();
  const elsewhere = await makeDepartment();
  const outsider = await makeUser('gov-leader', undefined, { member: false });
  await strapi.plugin('disclosure-workflow').service('membership').add({ user: outsider.id, department: elsewhere.documentId });
  const client = await adminClient(outsider);
  expect((await client.get(query(doc))).status).toBe(404);
  expect((await (await adminClient(a['gov-leader'])).get('/disclosure-workflow/changes?uid=api::nope.nope&documentId=x')).status).toBe(400);
  expect((await client.get(`/disclosure-workflow/changes?documentId=${doc.documentId}`)).status).toBe(400);
});

it('keeps one snapshot per content version', async () => {
  const doc = await returnedAndEdited();
  const rows = await strapi.db.query('plugin::disclosure-workflow.content-snapshot').findMany({ where: { targetDocumentId: doc.documentId } });
  expect(rows).toHaveLength(2);
  expect(new Set(rows.map((r) => r.contentHash)).size).toBe(2);
});

it('after a redacted sign-off, compares with the redacted text that was signed', async () => {
  const doc = await strapi.documents(ITEM).create({ data: itemData(department, { body: '联系人电话 13800000000，地址见附件。' }) });
  // The checks find the number; the secrecy reviewer lets it through to redact it at sign-off.
  const inspection = strapi.plugin('disclosure-workflow').service('inspection');
  const [finding] = (await inspection.check(target(doc))).findings;
  await inspection.override({ ...target(doc), rule: finding.rule, reason: '保密审查时删减', actor: a['gov-secrecy-reviewer'].id });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
  await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
  await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'redacted', opinion: '删除个人信息', redactions: { body: '联系人电话 ***，地址见附件。' } });
  await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { body: '联系人电话 ***，地址见通知。' } });
  await wf().submit({ ...target(doc), actor: a['gov-author'].id });
  const { data } = (await (await adminClient(a['gov-section-head'])).get(query(doc))).body;
  expect(data).toMatchObject({ base: 'approved', baseEvent: 'sign-off.redacted' });
  expect(data.fields.map((f) => f.field)).toEqual(['body']);
  expect(data.fields[0].parts.filter((p) => p.added || p.removed)).toEqual([{ removed: true, value: '附件' }, { added: true, value: '通知' }]);
});
