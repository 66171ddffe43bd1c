// The disclosure-workflow plugin is reusable: a second, minimal JavaScript Strapi app
// (tests/fixtures/minimal-app) installs it by path and configuration only — its own content type,
// roles and chain — and gets the approval chain, the publish gate and the audit trail. Always on
// its own temp SQLite file, also in the PostgreSQL run.
const { loadFixture } = require('../fixtures/minimal-app/loader');

jest.setTimeout(180000);

const ARTICLE = 'api::article.article';
const PLUGIN = 'disclosure-workflow';

let app;
let close;
const users = {};

const wf = () => app.plugin(PLUGIN).service('workflow');
const target = (doc) => ({ uid: ARTICLE, documentId: doc.documentId });
const draft = (data = {}) => app.documents(ARTICLE).create({ data: { title: `Article ${Date.now()}-${Math.random()}`, body: 'Text', ...data } });
const publishedCount = (where = {}) => app.db.query(ARTICLE).count({ where: { ...where, publishedAt: { $notNull: true } } });
const refusal = (code) => expect.objectContaining({ code });
const gateError = (code, status = 403) => expect.objectContaining({ status, details: expect.objectContaining({ code }) });

async function makeRole(code) {
  return app.db.query('admin::role').create({ data: { name: `Minimal ${code}`, code, description: `${code} (test)` } });
}

async function makeUser(name, roles) {
  return app.service('admin::user').create({
    email: `${name}@minimal.test`, firstname: name, lastname: 'Test', password: 'Minimal-Test-Pass-1', isActive: true, roles: roles.map((r) => r.id),
  });
}

/** submit (writer) → approve (editor) → sign-off public (secrecy). */
async function approve(doc) {
  await wf().submit({ ...target(doc), actor: users.writer.id });
  await wf().decide({ ...target(doc), actor: users.editor.id, decision: 'approve' });
  return wf().signOff({ ...target(doc), actor: users.secrecy.id, conclusion: 'public' });
}

/** Audit events of one document, in order (refusals inside a rolled-back transaction are written just after it). */
async function eventsOf(doc, { waitFor } = {}) {
  const read = async () => (await app.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { targetDocumentId: doc.documentId }, orderBy: { seq: 'asc' } })).map((e) => e.event);
  const deadline = Date.now() + 5000;
  let events = await read();
  while (waitFor && !events.includes(waitFor) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    events = await read();
  }
  return events;
}

beforeAll(async () => {
  ({ app, close } = await loadFixture());
  const roles = {};
  for (const code of ['writer', 'editor', 'secrecy']) roles[code] = await makeRole(code);
  users.writer = await makeUser('writer', [roles.writer]);
  users.editor = await makeUser('editor', [roles.editor]);
  users.secrecy = await makeUser('secrecy', [roles.secrecy]);
  users.writerEditor = await makeUser('writer-editor', [roles.writer, roles.editor]);
  // The plugin's RBAC actions, by the ids its permissions service gives.
  const permissions = app.plugin(PLUGIN).service('permissions');
  const grants = { writer: ['submit'], editor: ['review', 'publish'], secrecy: ['sign-off', 'read-audit'] };
  const rows = Object.entries(grants).flatMap(([code, names]) =>
    names.map((name) => ({ action: permissions.actionId(name), role: roles[code].id, subject: null, properties: {}, conditions: [] })),
  );
  await app.service('admin::permission').createMany(rows);
});

afterAll(async () => {
  if (close) await close();
});

describe('a second app installs the plugin by path and configuration', () => {
  it('has the plugin, its content types and the configured chain', () => {
    expect(app.plugin(PLUGIN)).toBeTruthy();
    for (const uid of ['plugin::disclosure-workflow.round', 'plugin::disclosure-workflow.audit-event', 'plugin::disclosure-workflow.chain']) {
      expect(app.contentTypes[uid]).toBeTruthy();
    }
    expect(app.plugin(PLUGIN).service('content').governedTypes()).toEqual([ARTICLE]);
  });

  it('created the configured default chain once', async () => {
    const chains = await app.plugin(PLUGIN).service('chains').list();
    expect(chains).toHaveLength(1);
    expect(chains[0]).toMatchObject({ name: 'Editorial', submitRoles: ['writer'], signOffRoles: ['secrecy'], steps: [{ name: 'Editor review', roles: ['editor'] }] });
  });

  it('grants the plugin actions to the app roles', async () => {
    const doc = await draft();
    const writer = await wf().permissions({ ...target(doc), actor: users.writer.id });
    expect(writer).toMatchObject({ governed: true, actions: expect.objectContaining({ submit: true, decide: false, signOff: false, publish: false }) });
    const editor = await wf().permissions({ ...target(doc), actor: users.editor.id });
    expect(editor.actions).toMatchObject({ submit: false, publish: true, unpublish: true });
  });
});

describe('the publish gate', () => {
  it('refuses publish() of an unreviewed draft with NOT_SUBMITTED (403), and records the refusal', async () => {
    const doc = await draft();
    await expect(app.documents(ARTICLE).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    expect(await publishedCount({ documentId: doc.documentId })).toBe(0);
    expect(await eventsOf(doc, { waitFor: 'publish.refused' })).toEqual(['publish.refused']);
  });

  it("refuses create({ status: 'published' }) and keeps nothing of it", async () => {
    const title = `Straight to the public ${Date.now()}`;
    await expect(app.documents(ARTICLE).create({ data: { title, body: 'x' }, status: 'published' })).rejects.toEqual(gateError('NOT_SUBMITTED'));
    expect(await app.db.query(ARTICLE).count({ where: { title } })).toBe(0);
  });

  it('has published nothing so far', async () => {
    expect(await publishedCount()).toBe(0);
  });

  it('publishes after submit → editor approval → sign-off public', async () => {
    const doc = await draft();
    let status = await wf().submit({ ...target(doc), actor: users.writer.id, comment: 'please review' });
    expect(status).toMatchObject({ state: 'in_review', round: 1, current: 0, pendingRoles: ['editor'], canPublish: false, reason: 'IN_REVIEW' });
    await expect(app.documents(ARTICLE).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('IN_REVIEW'));
    expect(await eventsOf(doc, { waitFor: 'publish.refused' })).toEqual(['submit', 'publish.refused']);
    status = await wf().decide({ ...target(doc), actor: users.editor.id, decision: 'approve' });
    expect(status).toMatchObject({ state: 'awaiting_signoff', pendingRoles: ['secrecy'], canPublish: false, reason: 'NOT_SIGNED_OFF' });
    status = await wf().signOff({ ...target(doc), actor: users.secrecy.id, conclusion: 'public' });
    expect(status).toMatchObject({ state: 'approved', canPublish: true });
    expect(await wf().status(target(doc))).toMatchObject({ state: 'approved', canPublish: true, reason: undefined });

    await app.documents(ARTICLE).publish({ documentId: doc.documentId });
    expect(await publishedCount({ documentId: doc.documentId })).toBe(1);
    const live = await app.documents(ARTICLE).findOne({ documentId: doc.documentId, status: 'published' });
    expect(live).toMatchObject({ title: doc.title, body: doc.body });
    expect(await eventsOf(doc)).toEqual(['submit', 'publish.refused', 'decision.approve', 'sign-off.public', 'publish']);
  });

  it('voids the approval when the draft changes after sign-off', async () => {
    const doc = await draft();
    await approve(doc);
    await app.documents(ARTICLE).update({ documentId: doc.documentId, data: { body: 'changed after sign-off' } });
    expect(await wf().status(target(doc))).toMatchObject({ canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });
    await expect(app.documents(ARTICLE).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('CHANGED_AFTER_APPROVAL', 409));
    expect(await publishedCount({ documentId: doc.documentId })).toBe(0);
  });

  it('refuses a classified article (the configured `classified` attribute) even when approved and signed off', async () => {
    const doc = await draft({ secret: true });
    const status = await approve(doc);
    expect(status).toMatchObject({ state: 'approved', canPublish: false, reason: 'CLASSIFIED' });
    await expect(app.documents(ARTICLE).publish({ documentId: doc.documentId })).rejects.toEqual(gateError('CLASSIFIED'));
    expect(await publishedCount({ documentId: doc.documentId })).toBe(0);
  });
});

describe('separation of duties and roles', () => {
  it('a writer without the editor role may not approve (NOT_ALLOWED)', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: users.writer.id });
    await expect(wf().decide({ ...target(doc), actor: users.writer.id, decision: 'approve' })).rejects.toEqual(refusal('NOT_ALLOWED'));
    expect(await wf().status(target(doc))).toMatchObject({ state: 'in_review', current: 0 });
  });

  it('a writer who is also an editor may not approve their own submission (SEPARATION_OF_DUTIES)', async () => {
    const doc = await draft();
    await wf().submit({ ...target(doc), actor: users.writerEditor.id });
    await expect(wf().decide({ ...target(doc), actor: users.writerEditor.id, decision: 'approve' })).rejects.toEqual(refusal('SEPARATION_OF_DUTIES'));
    // Someone else with the role may.
    expect(await wf().decide({ ...target(doc), actor: users.editor.id, decision: 'approve' })).toMatchObject({ state: 'awaiting_signoff' });
  });

  it('only the configured submit roles may submit, and only the sign-off roles sign off', async () => {
    const doc = await draft();
    await expect(wf().submit({ ...target(doc), actor: users.editor.id })).rejects.toEqual(refusal('NOT_ALLOWED'));
    await wf().submit({ ...target(doc), actor: users.writer.id });
    await wf().decide({ ...target(doc), actor: users.editor.id, decision: 'approve' });
    await expect(wf().signOff({ ...target(doc), actor: users.editor.id, conclusion: 'public' })).rejects.toEqual(refusal('NOT_ALLOWED'));
  });
});

describe('the audit trail', () => {
  it('verifies', async () => {
    const total = await app.db.query('plugin::disclosure-workflow.audit-event').count();
    expect(total).toBeGreaterThanOrEqual(10);
    const result = await app.plugin(PLUGIN).service('audit').verify();
    expect(result).toEqual({ ok: true, checked: total });
  });
});
