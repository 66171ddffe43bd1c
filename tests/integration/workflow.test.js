// 三审 + 保密审查 end to end on a real Strapi: the chain, every refusal code, every path that could
// make content public, voiding on edit, separation of duties, racing reviewers, e-mail and audit.
const { ITEM, PROCEDURE, CATEGORY, http, unique, makeDepartment, itemData, makeApiToken } = require('../helpers/fixtures');
const { workflowSuite, makeUser, approve, wf } = require('../helpers/workflow');
const { adminClient, waitFor } = require('../helpers/admin-http');

const suite = workflowSuite();
let mailbox;
let a;
let department;
beforeAll(() => ({ mailbox, actors: a, department } = suite));

const audit = () => strapi.plugin('disclosure-workflow').service('audit');
const draft = (overrides = {}) => strapi.documents(ITEM).create({ data: itemData(department, overrides) });
const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const isPublic = async (doc) => (await strapi.db.query(ITEM).count({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } })) > 0;
const refusal = (code) => expect.objectContaining({ code });
const gateError = (code) => expect.objectContaining({ details: expect.objectContaining({ code }) });

const admin = adminClient;

describe('the chain', () => {
  it('goes author → section head → leader → secrecy reviewer → publish, with distinct users', async () => {
    const doc = await draft();
    let status = await wf().submit({ ...target(doc), actor: a['gov-author'].id, comment: '请审核' });
    expect(status).toMatchObject({ state: 'in_review', round: 1, current: 0, pendingRoles: ['gov-section-head'], canPublish: false, reason: 'IN_REVIEW' });
    expect(status.steps.map((s) => s.roles)).toEqual([['gov-section-head'], ['gov-leader']]);
    status = await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve', comment: '同意' });
    expect(status).toMatchObject({ state: 'in_review', current: 1 });
    status = await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
    expect(status).toMatchObject({ state: 'awaiting_signoff', reason: 'NOT_SIGNED_OFF', pendingRoles: ['gov-secrecy-reviewer'] });
    status = await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'public' });
    expect(status).toMatchObject({ state: 'approved', canPublish: true, signOff: expect.objectContaining({ conclusion: 'public', contentHash: status.contentHash }) });
    expect(status.steps.map((s) => [s.decision, s.actor])).toEqual([['approve', a['gov-section-head'].id], ['approve', a['gov-leader'].id]]);
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    expect(await isPublic(doc)).toBe(true);
    const events = (await audit().list(target(doc))).map((e) => e.event);
    expect(events).toEqual(['submit', 'decision.approve', 'decision.approve', 'sign-off.public', 'publish']);
  });

  it('adds the 主要负责人 step for important items', async () => {
    const doc = await draft({ important: true });
    const status = await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    expect(status.steps.map((s) => s.roles[0])).toEqual(['gov-section-head', 'gov-leader', 'gov-principal']);
  });

  it('returns with a comment to the author, who resubmits within the same round', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await expect(wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'return' })).rejects.toEqual(refusal('COMMENT_REQUIRED'));
    const returned = await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'return', comment: '数据有误' });
    expect(returned).toMatchObject({ state: 'returned', round: 1, reason: 'NOT_SUBMITTED' });
    expect((await wf().submit({ ...target(doc), actor: a['gov-author'].id })).round).toBe(1);
  });

  it('ends the round on reject and on withdraw; a new submit starts a new round', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await expect(wf().withdraw({ ...target(doc), actor: a['gov-section-head'].id })).rejects.toEqual(refusal('NOT_SUBMITTER'));
    expect((await wf().withdraw({ ...target(doc), actor: a['gov-author'].id })).state).toBe('withdrawn');
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const rejected = await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'reject', comment: '不宜公开' });
    expect(rejected).toMatchObject({ state: 'rejected', round: 2 });
    expect((await wf().submit({ ...target(doc), actor: a['gov-author'].id })).round).toBe(3);
  });

  it('mails the next reviewers through the SMTP server', async () => {
    mailbox.mails.length = 0;
    const doc = await draft({ title: `邮件通知测试 ${unique()}` });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const about = (m) => m.raw.includes(doc.documentId);
    const mail = await waitFor(() => mailbox.mails.find((m) => about(m) && m.to.includes(a['gov-section-head'].email)));
    expect(mail).toBeTruthy();
    expect(mail.to).toContain(a.secondSectionHead.email);
    expect(mailbox.mails.filter(about).flatMap((m) => m.to)).not.toContain(a['gov-author'].email);
  });
});

describe('confidentiality sign-off', () => {
  const reviewed = async (overrides, { letThrough } = {}) => {
    const doc = await draft(overrides);
    // A finding the secrecy reviewer will deal with at sign-off (删减后公开) is let through first.
    if (letThrough) await strapi.plugin('disclosure-workflow').service('inspection').override({ ...target(doc), rule: letThrough, reason: '保密审查时删减', actor: a['gov-secrecy-reviewer'].id });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
    await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
    return doc;
  };

  it('requires an opinion for every conclusion except public', async () => {
    const doc = await reviewed();
    for (const conclusion of ['redacted', 'withhold', 'escalate']) {
      await expect(wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion, exemptionReason: 'processInfo', referredTo: '县保密局' })).rejects.toEqual(refusal('OPINION_REQUIRED'));
    }
  });

  it('withhold needs a statutory reason, marks the item withheld and it can never be published', async () => {
    const doc = await reviewed();
    await expect(wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'withhold', opinion: '涉及过程性信息' })).rejects.toEqual(refusal('EXEMPTION_REASON_REQUIRED'));
    const status = await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'withhold', opinion: '涉及过程性信息', exemptionReason: 'processInfo' });
    expect(status).toMatchObject({ canPublish: false, reason: 'WITHHELD' });
    const stored = await strapi.documents(ITEM).findOne({ documentId: doc.documentId });
    expect(stored).toMatchObject({ disclosure: 'withheld', exemptionReason: 'processInfo' });
    await expect(strapi.documents(ITEM).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('WITHHELD'));
  });

  it('redacted: what is signed is the redacted content, and that is what gets published', async () => {
    const doc = await reviewed({ body: '正文含有联系人手机号 13800000000' }, { letThrough: 'pii.namePair' });
    const status = await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'redacted', opinion: '删除个人信息后公开', redactions: { body: '正文含有联系人手机号 ***' } });
    expect(status).toMatchObject({ state: 'approved', canPublish: true });
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    const live = await strapi.documents(ITEM).findOne({ documentId: doc.documentId, status: 'published' });
    expect(live.body).toBe('正文含有联系人手机号 ***');
  });

  it('escalate records the outside body, then the decision it sent back', async () => {
    const doc = await reviewed();
    await expect(wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'escalate', opinion: '无法确定' })).rejects.toEqual(refusal('REFERRED_TO_REQUIRED'));
    const escalated = await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'escalate', opinion: '无法确定', referredTo: '县国家保密局' });
    expect(escalated).toMatchObject({ state: 'escalated', reason: 'NOT_SIGNED_OFF' });
    const decided = await wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'public', opinion: '县国家保密局复函：可以公开' });
    expect(decided).toMatchObject({ state: 'approved', canPublish: true, signOff: expect.objectContaining({ outsideDecision: true }) });
  });
});

describe('separation of duties (the super admin included)', () => {
  it('the submitter cannot review their own round', async () => {
    const both = await makeUser('gov-author');
    await strapi.service('admin::user').updateById(both.id, { roles: [(await strapi.db.query('admin::role').findOne({ where: { code: 'gov-author' } })).id, (await strapi.db.query('admin::role').findOne({ where: { code: 'gov-section-head' } })).id] });
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: both.id });
    await expect(wf().decide({ ...target(doc), actor: both.id, decision: 'approve' })).rejects.toEqual(refusal('SEPARATION_OF_DUTIES'));
  });

  it('one person cannot act on two steps of one round, nor sign off what they reviewed', async () => {
    const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: ['gov-section-head', 'gov-leader', 'gov-secrecy-reviewer'] } } });
    const multi = await makeUser('gov-section-head');
    await strapi.service('admin::user').updateById(multi.id, { roles: roles.map((r) => r.id) });
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await wf().decide({ ...target(doc), actor: multi.id, decision: 'approve' });
    await expect(wf().decide({ ...target(doc), actor: multi.id, decision: 'approve' })).rejects.toEqual(refusal('SEPARATION_OF_DUTIES'));
    await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
    await expect(wf().signOff({ ...target(doc), actor: multi.id, conclusion: 'public' })).rejects.toEqual(refusal('SEPARATION_OF_DUTIES'));
  });

  it('the secrecy reviewer is never the author', async () => {
    const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: ['gov-author', 'gov-secrecy-reviewer'] } } });
    const authorReviewer = await makeUser('gov-author');
    await strapi.service('admin::user').updateById(authorReviewer.id, { roles: roles.map((r) => r.id) });
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: authorReviewer.id });
    await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' });
    await wf().decide({ ...target(doc), actor: a['gov-leader'].id, decision: 'approve' });
    await expect(wf().signOff({ ...target(doc), actor: authorReviewer.id, conclusion: 'public' })).rejects.toEqual(refusal('SEPARATION_OF_DUTIES'));
  });

  it('the super admin can neither review nor sign off without the post', async () => {
    const superAdmin = await makeUser('strapi-super-admin');
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await expect(wf().decide({ ...target(doc), actor: superAdmin.id, decision: 'approve' })).rejects.toEqual(refusal('NOT_ALLOWED'));
    await expect(wf().submit({ ...target(await draft()), actor: superAdmin.id })).rejects.toEqual(refusal('NOT_ALLOWED'));
  });
});

describe('racing reviewers', () => {
  it('two reviewers acting on the same step at once produce exactly one decision; the other gets 409', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const results = await Promise.allSettled([
      wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'approve' }),
      wf().decide({ ...target(doc), actor: a.secondSectionHead.id, decision: 'return', comment: '退回' }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: 'CONFLICT', status: 409 });
    const status = await wf().status(target(doc));
    expect(status.steps[0].decision).toBeDefined();
    expect((await audit().list(target(doc))).filter((e) => e.event.startsWith('decision.'))).toHaveLength(1);
  });
});

describe('voiding on edit', () => {
  const approved = async (uid, doc) => {
    await approve(uid, doc.documentId);
    expect((await wf().status({ uid, documentId: doc.documentId })).canPublish).toBe(true);
  };
  const expectVoided = async (uid, doc) => {
    const status = await wf().status({ uid, documentId: doc.documentId });
    expect(status).toMatchObject({ state: 'draft', canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });
    expect(status.voided.reason).toMatch(/edited after approved/);
    await expect(strapi.documents(uid).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('CHANGED_AFTER_APPROVAL'));
    expect((await audit().list({ uid, documentId: doc.documentId })).map((e) => e.event)).toContain('voided');
  };

  it('a text edit voids the round', async () => {
    const doc = await draft();
    await approved(ITEM, doc);
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { title: `${doc.title}（修改）` } });
    await expectVoided(ITEM, doc);
  });

  it('a relation edit voids the round', async () => {
    const doc = await draft();
    await approved(ITEM, doc);
    const category = await strapi.documents(CATEGORY).findFirst({ filters: { code: 'B04' } });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { category: category.documentId } });
    await expectVoided(ITEM, doc);
  });

  it('a media edit voids the round', async () => {
    const doc = await draft();
    await approved(ITEM, doc);
    const file = await strapi.db.query('plugin::upload.file').create({
      data: { name: '附件.pdf', hash: `att_${unique()}`, ext: '.pdf', mime: 'application/pdf', size: 12.3, url: '/uploads/att.pdf', provider: 'local' },
    });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { attachments: [file.id] } });
    await expectVoided(ITEM, doc);
  });

  it('a component edit voids the round', async () => {
    const procedure = await strapi.documents(PROCEDURE).create({ data: { name: `测试办事指南 ${unique()}`, steps: [{ name: '受理', timeLimit: 1, timeUnit: 'working_days' }] } });
    await approved(PROCEDURE, procedure);
    await strapi.documents(PROCEDURE).update({ documentId: procedure.documentId, data: { steps: [{ name: '受理', timeLimit: 2, timeUnit: 'working_days' }] } });
    await expectVoided(PROCEDURE, procedure);
  });

  it('an edit of private or bookkeeping fields does not', async () => {
    const doc = await draft();
    await approved(ITEM, doc);
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { internalNotes: '内部备注' } });
    expect((await wf().status(target(doc))).canPublish).toBe(true);
  });

  it('the published version stays live while a new draft is in review', async () => {
    const doc = await draft();
    await approved(ITEM, doc);
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { title: '新版本标题' } });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const live = await strapi.documents(ITEM).findOne({ documentId: doc.documentId, status: 'published' });
    expect(live.title).toBe(doc.title);
    await expect(strapi.documents(ITEM).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('IN_REVIEW'));
  });
});

describe('every path that can make content public is gated', () => {
  let apiToken;
  let superAdmin;
  let publisher;

  beforeAll(async () => {
    apiToken = await makeApiToken('full-access');
    superAdmin = await admin(await makeUser('strapi-super-admin'));
    publisher = await admin(a['gov-publisher']);
  });

  it('refuses with each code, and the refusal is recorded', async () => {
    const notSubmitted = await draft();
    await expect(strapi.documents(ITEM).publish({ documentId: notSubmitted.documentId })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    const inReview = await draft();
    await wf().submit({ ...target(inReview), actor: a['gov-author'].id });
    await expect(strapi.documents(ITEM).publish({ documentId: inReview.documentId })).rejects.toEqual(gateError('IN_REVIEW'));
    const classified = await draft({ classified: true, disclosure: 'on_request' });
    await expect(strapi.documents(ITEM).publish({ documentId: classified.documentId })).rejects.toEqual(gateError('CLASSIFIED'));
    const events = await audit().list(target(notSubmitted));
    expect(events.find((e) => e.event === 'publish.refused').data).toMatchObject({ code: 'NOT_SUBMITTED' });
  });

  it('create with status published: Document Service, REST ?status=published, GraphQL PUBLISHED — refused, nothing written', async () => {
    const title = `直接发布 ${unique()}`;
    // The trail is shared by every test file: count from its last entry now (audit().list() pages from the oldest).
    const trail = () => strapi.db.query('plugin::disclosure-workflow.audit-event');
    const before = (await trail().findOne({ orderBy: { seq: 'desc' }, select: ['seq'] }))?.seq ?? 0;
    await expect(strapi.documents(ITEM).create({ data: itemData(department, { title }), status: 'published' })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    const rest = await http().post('/api/disclosure-items?status=published').set('Authorization', `Bearer ${apiToken}`).send({ data: itemData(department, { title }) });
    expect(rest.status).toBe(403);
    expect(rest.body.error).toMatchObject({ name: 'WorkflowRefusal', details: { code: 'NOT_SUBMITTED', zh: expect.any(String), en: expect.any(String) } });
    const gql = await http().post('/graphql').set('Authorization', `Bearer ${apiToken}`).send({
      query: 'mutation($data: DisclosureItemInput!) { createDisclosureItem(data: $data, status: PUBLISHED) { documentId } }',
      variables: { data: itemData(department, { title }) },
    });
    expect(gql.body.errors[0].extensions.error.details.code).toBe('NOT_SUBMITTED');
    expect(await strapi.db.query(ITEM).count({ where: { title } })).toBe(0);
    const refused = await waitFor(async () => {
      const events = await trail().findMany({ where: { event: 'publish.refused', seq: { $gt: before } } });
      return events.length >= 3 ? events : null;
    });
    expect(refused.map((e) => e.data.via)).toEqual(expect.arrayContaining(['server', 'POST /api/disclosure-items', 'POST /graphql']));
  });

  it('update with status published over REST and GraphQL — refused, the draft edit rolled back', async () => {
    const doc = await draft();
    const rest = await http().put(`/api/disclosure-items/${doc.documentId}?status=published`).set('Authorization', `Bearer ${apiToken}`).send({ data: { title: '想直接发布' } });
    expect(rest.status).toBe(403);
    expect(rest.body.error.details.code).toBe('NOT_SUBMITTED');
    const gql = await http().post('/graphql').set('Authorization', `Bearer ${apiToken}`).send({
      query: 'mutation($id: ID!) { updateDisclosureItem(documentId: $id, data: { title: "想直接发布" }, status: PUBLISHED) { documentId } }',
      variables: { id: doc.documentId },
    });
    expect(gql.body.errors[0].extensions.error.details.code).toBe('NOT_SUBMITTED');
    expect(await isPublic(doc)).toBe(false);
    expect((await strapi.documents(ITEM).findOne({ documentId: doc.documentId })).title).toBe(doc.title);
  });

  it('an approved document can be updated-and-published only if the update leaves the content as signed', async () => {
    const doc = await draft();
    await approve(ITEM, doc.documentId);
    const changed = await http().put(`/api/disclosure-items/${doc.documentId}?status=published`).set('Authorization', `Bearer ${apiToken}`).send({ data: { title: '改过的标题' } });
    expect(changed.status).toBe(409);
    expect(changed.body.error.details.code).toBe('CHANGED_AFTER_APPROVAL');
    expect(await isPublic(doc)).toBe(false);
  });

  it('Content Manager publish and bulk publish — refused for the super admin too', async () => {
    const [one, two] = [await draft(), await draft()];
    const single = await superAdmin.post(`/content-manager/collection-types/${ITEM}/${one.documentId}/actions/publish`).send({});
    expect(single.status).toBe(403);
    expect(single.body.error.details.code).toBe('NOT_SUBMITTED');
    const bulk = await superAdmin.post(`/content-manager/collection-types/${ITEM}/actions/bulkPublish`).send({ documentIds: [one.documentId, two.documentId] });
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    expect(bulk.status).toBeLessThan(500);
    expect(await isPublic(one)).toBe(false);
    expect(await isPublic(two)).toBe(false);
  });

  it('Content Manager publish by a publisher works once approved', async () => {
    const doc = await draft();
    await approve(ITEM, doc.documentId);
    const res = await publisher.post(`/content-manager/collection-types/${ITEM}/${doc.documentId}/actions/publish`).send({});
    expect(res.status).toBe(200);
    expect(await isPublic(doc)).toBe(true);
    const publicApi = await http().get(`/api/disclosure-items/${doc.documentId}`);
    expect(publicApi.status).toBe(200);
  });

  it('full-access API tokens get no bypass of publish either', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    const res = await http().post('/graphql').set('Authorization', `Bearer ${apiToken}`).send({
      query: 'mutation($id: ID!) { updateDisclosureItem(documentId: $id, data: {}, status: PUBLISHED) { documentId } }',
      variables: { id: doc.documentId },
    });
    expect(res.body.errors[0].extensions.error.details.code).toBe('IN_REVIEW');
  });

  it('unpublish is for publishers and is recorded', async () => {
    const doc = await draft();
    await approve(ITEM, doc.documentId);
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    const author = await admin(a['gov-author']);
    const refused = await author.post(`/content-manager/collection-types/${ITEM}/${doc.documentId}/actions/unpublish`).send({});
    expect(refused.status).toBe(403);
    expect(await isPublic(doc)).toBe(true);
    const ok = await publisher.post(`/content-manager/collection-types/${ITEM}/${doc.documentId}/actions/unpublish`).send({});
    expect(ok.status).toBe(200);
    expect(await isPublic(doc)).toBe(false);
    const events = (await audit().list(target(doc))).map((e) => e.event);
    expect(events.slice(-1)).toEqual(['unpublish']);
  });
});

describe('admin HTTP routes', () => {
  it('mirror the service, checked by plugin permissions', async () => {
    const doc = await draft();
    const author = await admin(a['gov-author']);
    const head = await admin(a['gov-section-head']);
    expect((await author.post('/disclosure-workflow/decide').send({ ...target(doc), decision: 'approve' })).status).toBe(403);
    const submitted = await author.post('/disclosure-workflow/submit').send({ ...target(doc), comment: '请审核' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.state).toBe('in_review');
    const tasks = await head.get('/disclosure-workflow/tasks');
    expect(tasks.body.data.map((t) => t.documentId)).toContain(doc.documentId);
    const bad = await head.post('/disclosure-workflow/decide').send({ ...target(doc), decision: 'maybe' });
    expect(bad.status).toBe(400);
    const noComment = await head.post('/disclosure-workflow/decide').send({ ...target(doc), decision: 'return' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.details.code).toBe('COMMENT_REQUIRED');
    expect((await head.post('/disclosure-workflow/decide').send({ ...target(doc), decision: 'approve' })).status).toBe(200);
    const status = await author.get(`/disclosure-workflow/status?uid=${ITEM}&documentId=${doc.documentId}`);
    expect(status.body.data).toMatchObject({ state: 'in_review', current: 1 });
    const slip = await author.get(`/disclosure-workflow/slip?uid=${ITEM}&documentId=${doc.documentId}`);
    expect(slip.status).toBe(200);
    expect(slip.text).toContain('政府信息公开审核单');
    expect(slip.text).toContain('同意 Approved');
  });

  it('manage chain templates on the settings routes, with field-level 400s and an audit event', async () => {
    const office = await admin(a['gov-office']);
    expect((await (await admin(a['gov-author'])).get('/disclosure-workflow/chains')).status).toBe(403);
    const invalid = await office.post('/disclosure-workflow/chains').send({ name: '', contentTypes: [], steps: [{ name: 'x', roles: [] }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.errors.map((e) => e.path.join('.'))).toEqual(expect.arrayContaining(['name', 'contentTypes', 'steps.0.roles']));
    const dept = await makeDepartment();
    const created = await office.post('/disclosure-workflow/chains').send({
      name: '部门专用流程', contentTypes: [ITEM], departments: [dept.code], submitRoles: ['gov-author'], signOffRoles: ['gov-secrecy-reviewer'],
      steps: [{ name: '局长审核', roles: ['gov-leader'] }],
    });
    expect(created.status).toBe(200);
    const doc = await strapi.documents(ITEM).create({ data: itemData(dept) });
    const status = await wf().submit({ uid: ITEM, documentId: doc.documentId, actor: a['gov-author'].id });
    expect(status.steps.map((s) => s.name)).toEqual(['局长审核']);
    expect((await office.del(`/disclosure-workflow/chains/${created.body.data.id}`)).status).toBe(200);
    const events = (await strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: { $in: ['chain.create', 'chain.delete'] } } })).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['chain.create', 'chain.delete']));
  });
});

describe('audit trail', () => {
  const AUDIT = 'plugin::disclosure-workflow.audit-event';

  it('verifies, and catches a modified, a deleted and an inserted row', async () => {
    const doc = await draft();
    await approve(ITEM, doc.documentId);
    expect(await audit().verify()).toMatchObject({ ok: true });
    const rows = await strapi.db.query(AUDIT).findMany({ orderBy: { seq: 'asc' } });
    const victim = rows[Math.floor(rows.length / 2)];

    await strapi.db.query(AUDIT).update({ where: { id: victim.id }, data: { comment: '篡改' } });
    expect(await audit().verify()).toMatchObject({ ok: false, brokenAt: victim.seq });
    await strapi.db.query(AUDIT).update({ where: { id: victim.id }, data: { comment: victim.comment } });
    expect((await audit().verify()).ok).toBe(true);

    await strapi.db.query(AUDIT).delete({ where: { id: victim.id } });
    expect(await audit().verify()).toMatchObject({ ok: false, brokenAt: victim.seq + 1 });
    const { id: _id, ...restored } = victim;
    await strapi.db.query(AUDIT).create({ data: restored });
    expect((await audit().verify()).ok).toBe(true);

    const last = rows[rows.length - 1];
    const forged = { ...last, seq: last.seq + 1000, event: 'decision.approve', prevHash: last.hash, hash: 'f'.repeat(64) };
    delete forged.id;
    const inserted = await strapi.db.query(AUDIT).create({ data: forged });
    const verdict = await audit().verify();
    expect(verdict.ok).toBe(false);
    await strapi.db.query(AUDIT).delete({ where: { id: inserted.id } });
    expect((await audit().verify()).ok).toBe(true);
  });
});

describe('other locales of an i18n document', () => {
  it('gates each locale on its own review: publishing every locale needs every locale approved', async () => {
    const zh = await strapi.documents(PROCEDURE).create({ data: { name: `多语种办事指南 ${unique()}`, steps: [{ name: '受理', timeLimit: 1 }] } });
    expect(zh.locale).toBe('zh-Hans');
    await strapi.documents(PROCEDURE).update({ documentId: zh.documentId, locale: 'en', data: { name: 'Bilingual procedure (English)', steps: [{ name: 'Acceptance', timeLimit: 1 }] } });
    await approve(PROCEDURE, zh.documentId, { locale: 'zh-Hans' });
    const livePublished = () => strapi.db.query(PROCEDURE).findMany({ where: { documentId: zh.documentId, publishedAt: { $notNull: true } }, select: ['locale'] });

    await expect(strapi.documents(PROCEDURE).publish({ documentId: zh.documentId, locale: '*' })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    await expect(strapi.documents(PROCEDURE).publish({ documentId: zh.documentId, locale: 'en' })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    const superAdmin = await admin(await makeUser('strapi-super-admin'));
    const cm = await superAdmin.post(`/content-manager/collection-types/${PROCEDURE}/${zh.documentId}/actions/publish?locale=en`).send({});
    expect(cm.status).toBe(403);
    expect(await livePublished()).toEqual([]);

    await strapi.documents(PROCEDURE).publish({ documentId: zh.documentId, locale: 'zh-Hans' });
    expect((await livePublished()).map((r) => r.locale)).toEqual(['zh-Hans']);
    await approve(PROCEDURE, zh.documentId, { locale: 'en' });
    await strapi.documents(PROCEDURE).publish({ documentId: zh.documentId, locale: 'en' });
    expect((await livePublished()).map((r) => r.locale).sort()).toEqual(['en', 'zh-Hans']);
  });
});
