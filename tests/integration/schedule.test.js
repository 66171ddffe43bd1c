// 定时发布 on a real Strapi: fire at the due time through the gate, fail (and keep) what is no
// longer approved, retry, cancel, reschedule, take over expired leases, never fire twice.
const { ITEM, http, itemData } = require('../helpers/fixtures');
const { workflowSuite, approve } = require('../helpers/workflow');

const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const suite = workflowSuite();
let mailbox;
let a;
let department;
beforeAll(() => ({ mailbox, actors: a, department } = suite));

const sched = () => strapi.plugin('disclosure-workflow').service('schedule');
const audit = () => strapi.plugin('disclosure-workflow').service('audit');
const approved = async (overrides) => {
  const doc = await strapi.documents(ITEM).create({ data: itemData(department, overrides) });
  await approve(ITEM, doc.documentId);
  return doc;
};
const isPublic = async (doc) => (await strapi.db.query(ITEM).count({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } })) > 0;
const past = (ms = 1000) => new Date(Date.now() - ms).toISOString();
const future = (ms = 3600_000) => new Date(Date.now() + ms).toISOString();
const publishEvents = async (doc) => (await audit().list({ uid: ITEM, documentId: doc.documentId })).filter((e) => e.event === 'publish').length;
const row = (id) => strapi.db.query(SCHEDULE).findOne({ where: { id } });

describe('scheduling', () => {
  it('publishes an approved document at its time, with the scheduled time as 发布日期', async () => {
    const doc = await approved();
    const due = past(60_000);
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: due, actor: a['gov-publisher'].id });
    expect(s).toMatchObject({ state: 'pending', action: 'publish' });
    expect(await isPublic(doc)).toBe(false);
    const result = await sched().runDue();
    expect(result.done).toContain(s.id);
    expect(await isPublic(doc)).toBe(true);
    const live = await strapi.documents(ITEM).findOne({ documentId: doc.documentId, status: 'published' });
    expect(new Date(live.publishedDate).toISOString()).toBe(due);
    expect(await row(s.id)).toMatchObject({ state: 'done' });
    expect((await sched().runDue()).done).not.toContain(s.id);
    expect(await publishEvents(doc)).toBe(1);
  });

  it('does not fire before the due time', async () => {
    const doc = await approved();
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future(), actor: a['gov-publisher'].id });
    await sched().runDue();
    expect(await row(s.id)).toMatchObject({ state: 'pending' });
    expect(await isPublic(doc)).toBe(false);
  });

  it('refuses to schedule the publication of what is not approved, or by non-publishers', async () => {
    const doc = await strapi.documents(ITEM).create({ data: itemData(department) });
    await expect(sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future(), actor: a['gov-publisher'].id })).rejects.toMatchObject({ code: 'NOT_SUBMITTED' });
    const ok = await approved();
    await expect(sched().schedule({ uid: ITEM, documentId: ok.documentId, action: 'publish', at: future(), actor: a['gov-author'].id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(sched().schedule({ uid: ITEM, documentId: ok.documentId, action: 'publish', at: 'tomorrow', actor: a['gov-publisher'].id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('fails a schedule whose document changed after approval: kept, reason shown, owner mailed, retry works', async () => {
    const doc = await approved();
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: past(), actor: a['gov-publisher'].id });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { title: `${doc.title}（改）` } });
    const result = await sched().runDue();
    expect(result.failed).toContain(s.id);
    expect(await row(s.id)).toMatchObject({ state: 'failed', reasonCode: 'CHANGED_AFTER_APPROVAL' });
    expect(await isPublic(doc)).toBe(false);
    expect((await sched().list({ state: 'failed' })).map((r) => r.id)).toContain(s.id);
    const deadline = Date.now() + 5000;
    while (!mailbox.mails.some((m) => m.to.includes(a['gov-publisher'].email) && m.raw.includes(`#${s.id}`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(mailbox.mails.some((m) => m.to.includes(a['gov-publisher'].email) && m.raw.includes(`#${s.id}`))).toBe(true);
    expect((await audit().list({ uid: ITEM, documentId: doc.documentId })).map((e) => e.event)).toContain('schedule.failed');

    await approve(ITEM, doc.documentId);
    await sched().retry({ id: s.id, actor: a['gov-publisher'].id });
    expect((await sched().runDue()).done).toContain(s.id);
    expect(await isPublic(doc)).toBe(true);
  });

  it('runs a publicity period (公示期): publish, then unpublish', async () => {
    const doc = await approved();
    const start = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: past(120_000), actor: a['gov-publisher'].id });
    const end = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'unpublish', at: past(60_000), actor: a['gov-publisher'].id });
    const result = await sched().runDue();
    expect(result.done.indexOf(start.id)).toBeLessThan(result.done.indexOf(end.id));
    expect(await isPublic(doc)).toBe(false);
    const events = (await audit().list({ uid: ITEM, documentId: doc.documentId })).map((e) => e.event);
    expect(events.filter((e) => e === 'publish' || e === 'unpublish')).toEqual(['publish', 'unpublish']);
  });

  it('cancels and reschedules', async () => {
    const doc = await approved();
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future(), actor: a['gov-publisher'].id });
    const moved = await sched().reschedule({ id: s.id, at: past(), actor: a['gov-publisher'].id });
    expect(new Date(moved.dueAt).getTime()).toBeLessThan(Date.now());
    const cancelled = await sched().cancel({ id: s.id, actor: a['gov-publisher'].id });
    expect(cancelled.state).toBe('cancelled');
    await sched().runDue();
    expect(await isPublic(doc)).toBe(false);
    await expect(sched().cancel({ id: s.id, actor: a['gov-publisher'].id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('takes over a row whose instance died (expired lease) and fires it once', async () => {
    const doc = await approved();
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: past(), actor: a['gov-publisher'].id });
    await strapi.db.query(SCHEDULE).update({ where: { id: s.id }, data: { state: 'running', leaseOwner: 'dead-instance', leaseUntil: new Date(Date.now() + 60_000), attempts: 1 } });
    expect((await sched().runDue()).done).not.toContain(s.id); // lease still valid
    await strapi.db.query(SCHEDULE).update({ where: { id: s.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect((await sched().runDue()).done).toContain(s.id);
    expect(await publishEvents(doc)).toBe(1);
  });

  it('fires each row once when ticks race', async () => {
    const docs = [];
    for (let i = 0; i < 6; i++) docs.push(await approved());
    for (const doc of docs) await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: past(), actor: a['gov-publisher'].id });
    const results = await Promise.all([sched().runDue(), sched().runDue(), sched().runDue()]);
    expect(results.reduce((n, r) => n + r.done.length, 0)).toBe(6);
    for (const doc of docs) expect(await publishEvents(doc)).toBe(1);
  });

  it('retries transient errors with backoff and never drops the schedule', async () => {
    const doc = await approved();
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: past(), actor: a['gov-publisher'].id });
    let failOnce = true;
    strapi.documents.use(async (ctx, next) => {
      if (failOnce && ctx.action === 'publish' && ctx.params.documentId === doc.documentId) {
        failOnce = false;
        throw new Error('connection terminated unexpectedly');
      }
      return next();
    });
    expect((await sched().runDue()).retried).toContain(s.id);
    const waiting = await row(s.id);
    expect(waiting).toMatchObject({ state: 'pending', lastError: expect.stringContaining('connection terminated') });
    expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    await strapi.db.query(SCHEDULE).update({ where: { id: s.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    expect((await sched().runDue()).done).toContain(s.id);
    expect(await publishEvents(doc)).toBe(1);
  });

  it('reads times without an offset in Asia/Shanghai, across the UTC day boundary', async () => {
    const doc = await approved();
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86400000));
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: `${tomorrow} 00:30`, actor: a['gov-publisher'].id });
    const utcDayBefore = new Date(Date.parse(`${tomorrow}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
    expect(new Date(s.dueAt).toISOString()).toBe(`${utcDayBefore}T16:30:00.000Z`);
  });

  it('refuses a time long past, which would backdate 发布日期', async () => {
    const doc = await approved();
    for (const at of ['2026-01-01 00:30', past(10 * 60_000)]) {
      await expect(sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at, actor: a['gov-publisher'].id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    const s = await sched().schedule({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future(), actor: a['gov-publisher'].id });
    await expect(sched().reschedule({ id: s.id, at: '2026-01-01 00:30', actor: a['gov-publisher'].id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await strapi.db.query(SCHEDULE).count({ where: { targetDocumentId: doc.documentId } })).toBe(1);
  });

  it('has admin routes for publishers, with the list filterable by state', async () => {
    const doc = await approved();
    const login = await http().post('/admin/login').send({ email: a['gov-publisher'].email, password: 'Test1234!secret' });
    const token = login.body.data.token;
    const created = await http().post('/disclosure-workflow/schedules').set('Authorization', `Bearer ${token}`).send({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future() });
    expect(created.status).toBe(200);
    const bad = await http().post('/disclosure-workflow/schedules').set('Authorization', `Bearer ${token}`).send({ uid: ITEM, documentId: doc.documentId, action: 'explode', at: future() });
    expect(bad.status).toBe(400);
    const listed = await http().get('/disclosure-workflow/schedules?state=pending').set('Authorization', `Bearer ${token}`);
    expect(listed.body.data.map((r) => r.id)).toContain(created.body.data.id);
    expect(listed.body.data.every((r) => r.state === 'pending')).toBe(true);
    const authorLogin = await http().post('/admin/login').send({ email: a['gov-author'].email, password: 'Test1234!secret' });
    const denied = await http().post('/disclosure-workflow/schedules').set('Authorization', `Bearer ${authorLogin.body.data.token}`).send({ uid: ITEM, documentId: doc.documentId, action: 'publish', at: future() });
    expect(denied.status).toBe(403);
    const cancelled = await http().delete(`/disclosure-workflow/schedules/${created.body.data.id}`).set('Authorization', `Bearer ${token}`);
    expect(cancelled.body.data.state).toBe('cancelled');
  });
});
