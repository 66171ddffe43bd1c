// The database side of the soak's checks, read through the Strapi loaded in the bench process.
const { exactlyOnce } = require('./checks');

const ITEM = 'api::disclosure-item.disclosure-item';
const REQUEST = 'api::disclosure-request.disclosure-request';
const SCHEDULE = 'plugin::disclosure-workflow.schedule';
const AUDIT = 'plugin::disclosure-workflow.audit-event';

const tokenOf = (description) => /压力测试申请 (\S+)）/.exec(description)?.[1];
const list = (keys, n = 5) => (keys.length ? ` [${keys.slice(0, n).join(', ')}${keys.length > n ? ', …' : ''}]` : '');

async function intakeCheck(app, { answered, tokens }, tag) {
  const rows = await app.db.query(REQUEST).findMany({ where: { description: { $contains: `压力测试申请 ${tag}-` } }, select: ['queryCode', 'description'] });
  const byCode = exactlyOnce(answered, rows.map((r) => r.queryCode));
  const byToken = exactlyOnce(Object.keys(tokens).filter((t) => tokens[t] === 201), rows.map((r) => tokenOf(r.description)));
  const unanswered = Object.values(tokens).filter((s) => s !== 201).length;
  return {
    name: 'every intake answered 201 exists exactly once',
    ok: byCode.ok && byToken.ok,
    detail: `${answered.length} answered 201, ${rows.length} stored; by query code missing ${byCode.missing.length}${list(byCode.missing)}, duplicated ${byCode.duplicated.length}; ` +
      `by the application's token stored twice ${byToken.duplicated.length}${list(byToken.duplicated)}; ${unanswered} not answered 201 (${rows.length - answered.length} of them stored)`,
  };
}

/** Publishes by editors that answered 200: one `publish` event each, and the published row unless unpublished since. */
async function publishCheck(app, items) {
  const tried = items.filter((i) => i.approved);
  const published = tried.filter((i) => i.published);
  const docs = tried.map((i) => i.documentId);
  const events = await app.db.query(AUDIT).findMany({ where: { event: 'publish', targetDocumentId: { $in: docs } }, select: ['targetDocumentId'] });
  const once = exactlyOnce(published.map((i) => i.documentId), events.map((e) => e.targetDocumentId));
  const live = new Set((await app.db.query(ITEM).findMany({ where: { documentId: { $in: docs }, publishedAt: { $notNull: true } }, select: ['documentId'] })).map((r) => r.documentId));
  const wrongRows = published.filter((i) => live.has(i.documentId) === Boolean(i.unpublished)).map((i) => i.documentId);
  const unpublished = published.filter((i) => i.unpublished);
  const unpublishEvents = await app.db.query(AUDIT).findMany({ where: { event: 'unpublish', targetDocumentId: { $in: unpublished.map((i) => i.documentId) } }, select: ['targetDocumentId'] });
  const unpublishOnce = exactlyOnce(unpublished.map((i) => i.documentId), unpublishEvents.map((e) => e.targetDocumentId));
  return {
    name: 'every approved publish happened exactly once',
    ok: once.ok && wrongRows.length === 0 && unpublishOnce.ok,
    detail: `${tried.length} approved items, ${published.length} published (200), ${events.length} publish events; missing ${once.missing.length}${list(once.missing)}, twice ${once.duplicated.length}${list(once.duplicated)}; ` +
      `published rows wrong ${wrongRows.length}${list(wrongRows)}; ${unpublished.length} unpublished, unpublish events missing ${unpublishOnce.missing.length}, twice ${unpublishOnce.duplicated.length}`,
  };
}

async function scheduleCheck(app, ids, docs) {
  const rows = await app.db.query(SCHEDULE).findMany({ where: { id: { $in: ids } }, select: ['id', 'state'] });
  const notDone = rows.filter((r) => r.state !== 'done').map((r) => `${r.id}:${r.state}`);
  const fired = (await app.db.query(AUDIT).findMany({ where: { event: 'schedule.fired' }, select: ['data'] })).map((e) => e.data?.schedule).filter((id) => ids.includes(id));
  const firedOnce = exactlyOnce(ids, fired);
  const publishes = await app.db.query(AUDIT).findMany({ where: { event: 'publish', targetDocumentId: { $in: docs } }, select: ['targetDocumentId'] });
  const publishedOnce = exactlyOnce(docs, publishes.map((e) => e.targetDocumentId));
  const live = await app.db.query(ITEM).count({ where: { documentId: { $in: docs }, publishedAt: { $notNull: true } } });
  return {
    name: `every schedule fired exactly once`,
    ok: notDone.length === 0 && firedOnce.ok && publishedOnce.ok && live === docs.length,
    detail: `${ids.length} schedules, ${rows.length - notDone.length} done${list(notDone)}; fired events missing ${firedOnce.missing.length}, twice ${firedOnce.duplicated.length}; ` +
      `publish events missing ${publishedOnce.missing.length}, twice ${publishedOnce.duplicated.length}; ${live}/${docs.length} published rows`,
  };
}

async function auditCheck(app) {
  const result = await app.plugin('disclosure-workflow').service('audit').verify();
  return { name: 'workflow audit verify()', ok: result.ok === true, detail: JSON.stringify(result) };
}

/** Waits until none of the schedules is pending or running (a lease held by the killed instance runs out first). */
async function schedulesSettled(app, ids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await app.db.query(SCHEDULE).count({ where: { id: { $in: ids }, state: { $in: ['pending', 'running'] } } });
    if (!open || Date.now() > deadline) return open;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

module.exports = { intakeCheck, publishCheck, scheduleCheck, auditCheck, schedulesSettled, SCHEDULE };
