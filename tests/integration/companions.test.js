// Companions (issue 15): a policy and its 解读 reviewed and published together — one submit opens a
// round for each, the lead's decisions and sign-off carry the companions, publishing (or a schedule
// of) the lead publishes both in one transaction, and a companion cannot be decided on its own.
const { ITEM, unique, itemData } = require('../helpers/fixtures');
const { workflowSuite, approve, wf } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const suite = workflowSuite();
let a;
let department;
beforeAll(() => ({ actors: a, department } = suite));

const sched = () => strapi.plugin('disclosure-workflow').service('schedule');
const audit = () => strapi.plugin('disclosure-workflow').service('audit');
const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const refusal = (code) => expect.objectContaining({ code });
const isPublic = async (doc) => (await strapi.db.query(ITEM).count({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } })) > 0;
const published = (doc) => strapi.db.query(ITEM).findOne({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } }, select: ['publishedDate'] });
const events = async (doc) => (await audit().list(target(doc))).map((e) => e.event);

/** A policy (lead) and an interpretation that interprets it: clean content, no personal data. */
async function pair() {
  const policy = await strapi.documents(ITEM).create({ data: itemData(department, { title: `关于加强政策协同的通知 ${unique()}` }) });
  const interpretation = await strapi.documents(ITEM).create({
    data: itemData(department, { title: `《关于加强政策协同的通知》政策解读 ${unique()}`, genre: 'interpretation', interprets: [policy.documentId] }),
  });
  return { policy, interpretation };
}

/** Submit with companions, every step approves on the lead, then the lead's sign-off. */
async function approvePair(policy, { conclusion = 'public', ...signOff } = {}) {
  await wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true });
  for (;;) {
    const status = await wf().status(target(policy));
    if (status.state !== 'in_review') break;
    await wf().decide({ ...target(policy), actor: a[status.steps[status.current].roles[0]].id, decision: 'approve' });
  }
  return wf().signOff({ ...target(policy), actor: a['gov-secrecy-reviewer'].id, conclusion, ...signOff });
}

describe('submit with companions', () => {
  it('opens a round for the lead and one for its interpretation, each recording the other', async () => {
    const { policy, interpretation } = await pair();
    const lead = await wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true });
    expect(lead).toMatchObject({ state: 'in_review', round: 1, lead: null, companions: [{ uid: ITEM, documentId: interpretation.documentId, locale: null }] });
    const companion = await wf().status(target(interpretation));
    expect(companion).toMatchObject({ state: 'in_review', round: 1, lead: { uid: ITEM, documentId: policy.documentId, locale: null } });
    expect(companion.steps.map((s) => s.roles)).toEqual(lead.steps.map((s) => s.roles));
    expect(await events(interpretation)).toEqual(['submit']);
    // Reviewers act on the lead: the companion is nobody's 待办 of its own.
    const tasks = await wf().tasks(a['gov-section-head'].id, { pageSize: 200 });
    const mine = tasks.results.filter((t) => [policy.documentId, interpretation.documentId].includes(t.documentId)).map((t) => t.documentId);
    expect(mine).toEqual([policy.documentId]);
  });

  it('refuses when a companion is already in a round of its own, and opens nothing', async () => {
    const { policy, interpretation } = await pair();
    await wf().submit({ ...target(interpretation), actor: a['gov-author'].id });
    await expect(wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true })).rejects.toEqual(
      expect.objectContaining({ code: 'COMPANION_IN_REVIEW', extra: expect.objectContaining({ companion: expect.objectContaining({ documentId: interpretation.documentId }) }) }),
    );
    expect((await wf().status(target(policy))).state).toBe('draft');
    expect(await events(policy)).toEqual([]);
  });

  it('refuses a companion of another department (its own department reviews it), and opens nothing', async () => {
    const { makeDepartment } = require('../helpers/fixtures');
    const other = await makeDepartment();
    const policy = await strapi.documents(ITEM).create({ data: itemData(department, { title: `政策 ${unique()}` }) });
    const interpretation = await strapi.documents(ITEM).create({ data: itemData(other, { title: `他部门解读 ${unique()}`, genre: 'interpretation', interprets: [policy.documentId] }) });
    await expect(wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true })).rejects.toEqual(
      expect.objectContaining({ code: 'COMPANION_OTHER_DEPARTMENT', extra: expect.objectContaining({ companion: expect.objectContaining({ documentId: interpretation.documentId }) }) }),
    );
    for (const doc of [policy, interpretation]) expect((await wf().status(target(doc))).state).toBe('draft');
  });

  it('refuses withCompanions for a document without companions (NO_COMPANIONS)', async () => {
    const alone = await strapi.documents(ITEM).create({ data: itemData(department) });
    await expect(wf().submit({ ...target(alone), actor: a['gov-author'].id, withCompanions: true })).rejects.toEqual(refusal('NO_COMPANIONS'));
    expect((await wf().status(target(alone))).state).toBe('draft');
  });

  it('without the option nothing changes for the companions', async () => {
    const { policy, interpretation } = await pair();
    await approve(ITEM, policy.documentId);
    expect(await wf().status(target(policy))).toMatchObject({ state: 'approved', companions: [], canPublish: true });
    expect((await wf().status(target(interpretation))).state).toBe('draft');
    await strapi.documents(ITEM).publish({ documentId: policy.documentId });
    expect(await isPublic(policy)).toBe(true);
    expect(await isPublic(interpretation)).toBe(false);
    expect(await events(interpretation)).toEqual([]);
  });
});

describe('decisions on the lead', () => {
  it('approve and sign-off on the lead approve both, each audited with the same actor', async () => {
    const { policy, interpretation } = await pair();
    const lead = await approvePair(policy);
    expect(lead).toMatchObject({ state: 'approved', canPublish: true });
    const companion = await wf().status(target(interpretation));
    expect(companion).toMatchObject({ state: 'approved', signOff: expect.objectContaining({ conclusion: 'public', actor: a['gov-secrecy-reviewer'].id, contentHash: companion.contentHash }) });
    expect(companion.steps.map((s) => s.actor)).toEqual(lead.steps.map((s) => s.actor));
    expect(await events(interpretation)).toEqual(['submit', 'decision.approve', 'decision.approve', 'sign-off.public']);
    // Approved with its lead, it goes public only with the lead.
    expect(companion).toMatchObject({ canPublish: false, reason: 'FOLLOWS_LEAD' });
    await expect(strapi.documents(ITEM).publish({ documentId: interpretation.documentId })).rejects.toEqual(expect.objectContaining({ details: expect.objectContaining({ code: 'FOLLOWS_LEAD' }) }));
  });

  it('refuses deciding, signing off or withdrawing the companion on its own (FOLLOWS_LEAD), by service and HTTP', async () => {
    const { policy, interpretation } = await pair();
    await wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true });
    await expect(wf().decide({ ...target(interpretation), actor: a['gov-section-head'].id, decision: 'approve' })).rejects.toEqual(refusal('FOLLOWS_LEAD'));
    await expect(wf().withdraw({ ...target(interpretation), actor: a['gov-author'].id })).rejects.toEqual(refusal('FOLLOWS_LEAD'));
    const head = await adminClient(a['gov-section-head']);
    const res = await head.post('/disclosure-workflow/decide').send({ ...target(interpretation), decision: 'approve' });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ code: 'FOLLOWS_LEAD', lead: { documentId: policy.documentId } });
    const perms = await head.get('/disclosure-workflow/permissions').query(target(interpretation));
    expect(perms.body.data.actions.decide).toBe(false);
    expect((await wf().status(target(interpretation))).current).toBe(0);
    // Returned on the lead: returned together; the companion is free again.
    await wf().decide({ ...target(policy), actor: a['gov-section-head'].id, decision: 'return', comment: '请补充解读要点' });
    expect((await wf().status(target(interpretation))).state).toBe('returned');
  });

  it('a withdraw of the lead withdraws the companions', async () => {
    const { policy, interpretation } = await pair();
    await wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true });
    await wf().withdraw({ ...target(policy), actor: a['gov-author'].id });
    expect((await wf().status(target(interpretation))).state).toBe('withdrawn');
    expect(await events(interpretation)).toEqual(['submit', 'withdraw']);
  });

  it('a withhold on the lead withholds the companions; a redaction of the lead signs them public', async () => {
    const withheld = await pair();
    await approvePair(withheld.policy, { conclusion: 'withhold', opinion: '涉及过程性信息', exemptionReason: 'processInfo' });
    const c = await wf().status(target(withheld.interpretation));
    expect(c).toMatchObject({ state: 'rejected', signOff: expect.objectContaining({ conclusion: 'withhold' }), canPublish: false, reason: 'WITHHELD' });
    expect((await strapi.documents(ITEM).findOne({ documentId: withheld.interpretation.documentId })).disclosure).toBe('withheld');

    const redacted = await pair();
    await approvePair(redacted.policy, { conclusion: 'redacted', opinion: '删去内部联系方式', redactions: { summary: '概述（已删减）' } });
    expect((await strapi.documents(ITEM).findOne({ documentId: redacted.policy.documentId })).summary).toBe('概述（已删减）');
    const rc = await wf().status(target(redacted.interpretation));
    expect(rc).toMatchObject({ state: 'approved', signOff: expect.objectContaining({ conclusion: 'public' }) });
    expect((await strapi.documents(ITEM).findOne({ documentId: redacted.interpretation.documentId })).summary).toBe('测试用内容概述');
  });
});

describe('escalation on the lead', () => {
  it('escalates both, and the recorded outside decision concludes both', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy, { conclusion: 'escalate', opinion: '报请确定', referredTo: '县保密局' });
    expect((await wf().status(target(interpretation))).state).toBe('escalated');
    await wf().signOff({ ...target(policy), actor: a['gov-secrecy-reviewer'].id, conclusion: 'public', opinion: '县保密局同意公开' });
    expect(await wf().status(target(interpretation))).toMatchObject({ state: 'approved', signOff: expect.objectContaining({ conclusion: 'public', outsideDecision: true }) });
  });
});

describe('publishing the lead', () => {
  it('publishes the companions in the same transaction, each audited', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy);
    await strapi.documents(ITEM).publish({ documentId: policy.documentId });
    expect(await isPublic(policy)).toBe(true);
    expect(await isPublic(interpretation)).toBe(true);
    expect((await events(interpretation)).filter((e) => e === 'publish')).toHaveLength(1);
    expect(new Date((await published(interpretation)).publishedDate).getTime()).toBe(new Date((await published(policy)).publishedDate).getTime());
  });

  it('is refused, naming the companion, when the companion was edited after approval; nothing goes public', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy);
    await strapi.documents(ITEM).update({ documentId: interpretation.documentId, data: { summary: '解读概述（修改后）' } });
    let error;
    await strapi.documents(ITEM).publish({ documentId: policy.documentId }).catch((e) => (error = e));
    expect(error?.details).toMatchObject({ code: 'COMPANION_NOT_PUBLISHABLE', companion: { uid: ITEM, documentId: interpretation.documentId }, reason: 'CHANGED_AFTER_APPROVAL' });
    expect(await isPublic(policy)).toBe(false);
    expect(await isPublic(interpretation)).toBe(false);
    const refused = (await audit().list(target(policy))).filter((e) => e.event === 'publish.refused');
    expect(refused.at(-1).data).toMatchObject({ code: 'COMPANION_NOT_PUBLISHABLE', companion: { documentId: interpretation.documentId } });
  });

  it('an edit of the lead voids the companions’ rounds too', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy);
    await strapi.documents(ITEM).update({ documentId: policy.documentId, data: { summary: '主件概述（修改后）' } });
    const c = await wf().status(target(interpretation));
    expect(c).toMatchObject({ state: 'draft', voided: expect.objectContaining({ reason: expect.stringContaining('lead edited') }) });
    // Both free again: resubmitted together.
    expect((await wf().submit({ ...target(policy), actor: a['gov-author'].id, withCompanions: true })).round).toBe(2);
    expect((await wf().status(target(interpretation))).round).toBe(2);
  });
});

describe('scheduling with companions', () => {
  it('one row fires once and publishes both with the same 发布日期', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy);
    const due = new Date(Date.now() - 60_000).toISOString();
    const row = await sched().schedule({ ...target(policy), action: 'publish', at: due, actor: a['gov-publisher'].id, withCompanions: true });
    expect(row.companions).toEqual([{ uid: ITEM, documentId: interpretation.documentId, locale: null }]);
    expect(await strapi.db.query(SCHEDULE).count({ where: { targetDocumentId: { $in: [policy.documentId, interpretation.documentId] } } })).toBe(1);
    const first = await sched().runDue();
    expect(first.done).toContain(row.id);
    expect((await sched().runDue()).done).not.toContain(row.id);
    expect(await isPublic(policy)).toBe(true);
    expect(await isPublic(interpretation)).toBe(true);
    expect(new Date((await published(policy)).publishedDate).toISOString()).toBe(due);
    expect(new Date((await published(interpretation)).publishedDate).toISOString()).toBe(due);
    expect((await events(interpretation)).filter((e) => e === 'publish')).toHaveLength(1);
    const fired = (await audit().list(target(policy))).filter((e) => e.event === 'schedule.fired');
    expect(fired).toHaveLength(1);
    expect(fired[0].data.companions).toEqual([{ uid: ITEM, documentId: interpretation.documentId, locale: null }]);
  });

  it('refuses to schedule with companions when a companion cannot be published, or there are none', async () => {
    const { policy, interpretation } = await pair();
    await approvePair(policy);
    await strapi.documents(ITEM).update({ documentId: interpretation.documentId, data: { summary: '解读概述（再次修改）' } });
    const at = new Date(Date.now() + 3600_000).toISOString();
    await expect(sched().schedule({ ...target(policy), action: 'publish', at, actor: a['gov-publisher'].id, withCompanions: true })).rejects.toEqual(refusal('COMPANION_NOT_PUBLISHABLE'));
    const alone = await strapi.documents(ITEM).create({ data: itemData(department) });
    await approve(ITEM, alone.documentId);
    await expect(sched().schedule({ ...target(alone), action: 'publish', at, actor: a['gov-publisher'].id, withCompanions: true })).rejects.toEqual(refusal('NO_COMPANIONS'));
  });
});

describe('HTTP input', () => {
  it('accepts withCompanions on submit and schedules; bad input is a field-level 400', async () => {
    const author = await adminClient(a['gov-author']);
    const { policy, interpretation } = await pair();
    const bad = await author.post('/disclosure-workflow/submit').send({ ...target(policy), withCompanions: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([expect.objectContaining({ path: ['withCompanions'] })]);
    const ok = await author.post('/disclosure-workflow/submit').send({ ...target(policy), withCompanions: true });
    expect(ok.status).toBe(200);
    expect(ok.body.data.companions).toEqual([{ uid: ITEM, documentId: interpretation.documentId, locale: null }]);
    const publisher = await adminClient(a['gov-publisher']);
    const badSchedule = await publisher.post('/disclosure-workflow/schedules').send({ ...target(policy), action: 'publish', at: '2030-01-01 09:00', withCompanions: 1 });
    expect(badSchedule.status).toBe(400);
    expect(badSchedule.body.error.details.errors).toEqual([expect.objectContaining({ path: ['withCompanions'] })]);
  });

  it('status tells the admin how many companion drafts a submit would carry', async () => {
    const { policy, interpretation } = await pair();
    expect((await wf().status(target(policy))).companionDrafts).toBe(1);
    expect((await wf().status(target(interpretation))).companionDrafts).toBe(0);
  });
});
