// §26 timeliness stored on the item at first publication (and recomputed when its start date
// changes), filterable in the Content Manager, and summed per department and year for the office
// (GET /disclosure-workflow/timeliness?year=). Hand counts: 2025 国庆 10/1–10/8 off, 9/28 and 10/11 worked.
const { ITEM, unique, makeDepartment, itemData } = require('../helpers/fixtures');
const { workflowSuite, makeUser, approve, approveAndPublish } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const HISTORICAL_PUBLISHED_DATE = Symbol.for('disclosure.historicalPublishedDate');
const suite = workflowSuite();
let deptA;
let deptB;

/** A draft whose first publication is recorded as `publishedDate` (history), then reviewed and published. */
async function publishedItem(department, { formedAt, publishedDate, ...overrides }) {
  const draft = await strapi.documents(ITEM).create({ data: itemData(department, { formedAt, publishedDate, title: `时效 ${unique()}`, ...overrides }), [HISTORICAL_PUBLISHED_DATE]: true });
  await approveAndPublish(ITEM, draft.documentId);
  return draft;
}
const rows = (doc) => strapi.db.query(ITEM).findMany({ where: { documentId: doc.documentId }, select: ['publishedAt', 'timelinessDays', 'timelinessMet'], orderBy: { id: 'asc' } });
const versions = async (doc) => Object.fromEntries((await rows(doc)).map((r) => [r.publishedAt ? 'published' : 'draft', { days: r.timelinessDays, met: r.timelinessMet }]));

let onTime;
let late;
beforeAll(async () => {
  deptA = await makeDepartment({ name: `时效甲局${unique()}` });
  deptB = await makeDepartment({ name: `时效乙局${unique()}` });
  // 9/28 1, 9/29 2, 9/30 3, 10/9 4, 10/10 5, 10/11 6, 10/13–17 7–11, 10/20–24 12–16, 10/27 17 … 10/31 21.
  onTime = await publishedItem(deptA, { formedAt: '2025-09-26', publishedDate: '2025-10-27T02:00:00.000Z' });
  late = await publishedItem(deptA, { formedAt: '2025-09-26', publishedDate: '2025-10-31T02:00:00.000Z' });
});

describe('stored on the item', () => {
  it('at first publication, on the draft and the published version, across 国庆', async () => {
    expect(await versions(onTime)).toEqual({ draft: { days: 17, met: true }, published: { days: 17, met: true } });
    expect(await versions(late)).toEqual({ draft: { days: 21, met: false }, published: { days: 21, met: false } });
  });

  it('at a publication now (the publish path sets 发布日期): formed today is 0 days', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const draft = await strapi.documents(ITEM).create({ data: itemData(deptB, { formedAt: today }) });
    expect(await versions(draft)).toEqual({ draft: { days: null, met: null } });
    await approveAndPublish(ITEM, draft.documentId);
    expect(await versions(draft)).toEqual({ draft: { days: 0, met: true }, published: { days: 0, met: true } });
  });

  it('recomputes when 变更日期 changes on a published item (its draft), and ignores values sent by a client', async () => {
    const changed = await publishedItem(deptB, { formedAt: '2025-09-01', publishedDate: '2025-10-27T02:00:00.000Z' });
    // 9/2–9/5 4, 9/8–12 9, 9/15–19 14, 9/22–26 19, then 17 more: 36.
    expect(await versions(changed)).toEqual({ draft: { days: 36, met: false }, published: { days: 36, met: false } });
    // Changed on 10/9: 10/10 1, 10/11 2, 10/13–17 7, 10/20–24 12, 10/27 13.
    await strapi.documents(ITEM).update({ documentId: changed.documentId, data: { changedAt: '2025-10-09', timelinessDays: 1, timelinessMet: true } });
    expect(await versions(changed)).toEqual({ draft: { days: 13, met: true }, published: { days: 36, met: false } });
    await strapi.documents(ITEM).update({ documentId: changed.documentId, data: { timelinessDays: 99 } });
    expect((await versions(changed)).draft).toEqual({ days: 13, met: true });
  });

  it('at a scheduled publication (the scheduler records the due time as 发布日期)', async () => {
    const draft = await strapi.documents(ITEM).create({ data: itemData(deptB, { formedAt: '2025-09-26' }) });
    await approve(ITEM, draft.documentId);
    const sched = strapi.plugin('disclosure-workflow').service('schedule');
    const due = new Date(Date.now() - 60_000).toISOString();
    const s = await sched.schedule({ uid: ITEM, documentId: draft.documentId, action: 'publish', at: due, actor: suite.actors['gov-publisher'].id });
    expect((await sched.runDue()).done).toContain(s.id);
    const days = await strapi.plugin('disclosure-workflow').service('calendar').workingDaysBetween('2025-09-26', new Date(due));
    expect(days).toBeGreaterThan(20);
    expect(await versions(draft)).toEqual({ draft: { days, met: false }, published: { days, met: false } });
  });

  it('counts only proactive items', async () => {
    const onRequest = await strapi.documents(ITEM).create({ data: itemData(deptB, { formedAt: '2025-09-26', publishedDate: '2025-10-27T02:00:00.000Z', disclosure: 'on_request' }), [HISTORICAL_PUBLISHED_DATE]: true });
    expect(await versions(onRequest)).toEqual({ draft: { days: null, met: null } });
  });

  it('is a Content Manager filter (a stored attribute)', async () => {
    const office = await adminClient(suite.actors['gov-office']);
    const res = await office.get(`/content-manager/collection-types/${ITEM}?page=1&pageSize=100&filters[$and][0][timelinessMet][$eq]=false&filters[$and][1][department][documentId][$eq]=${deptA.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.documentId)).toEqual([late.documentId]);
  });
});

describe('the office summary', () => {
  it('sums per department for the year, as gov-office over HTTP', async () => {
    const office = await adminClient(suite.actors['gov-office']);
    const res = await office.get('/disclosure-workflow/timeliness').query({ year: 2025 });
    expect(res.status).toBe(200);
    expect(res.body.data.year).toBe(2025);
    const a = res.body.data.departments.find((d) => d.department?.documentId === deptA.documentId);
    expect(a).toEqual({ department: { documentId: deptA.documentId, name: deptA.name }, published: 2, within: 1, late: 1, medianDays: 19 });
    expect(res.body.data.total.published).toBeGreaterThanOrEqual(2);
    const lastYear = await office.get('/disclosure-workflow/timeliness').query({ year: 2024 });
    expect(lastYear.body.data.departments.find((d) => d.department?.documentId === deptA.documentId)).toBeUndefined();
    expect((await office.get('/disclosure-workflow/timeliness').query({ year: 'abc' })).status).toBe(400);
  });

  it('keeps a scoped office to its departments; the supervisor reads it; an author is refused', async () => {
    const officeB = await makeUser('gov-office', undefined, { member: false });
    await strapi.plugin('disclosure-workflow').service('membership').add({ user: officeB.id, department: deptB.documentId, includeSubDepartments: false });
    const scoped = await (await adminClient(officeB)).get('/disclosure-workflow/timeliness').query({ year: 2025 });
    expect(scoped.status).toBe(200);
    expect(scoped.body.data.departments.map((d) => d.department?.documentId)).toEqual([deptB.documentId]);
    expect(scoped.body.data.departments[0]).toMatchObject({ published: 1, within: 0, late: 1, medianDays: 36 });

    expect((await (await adminClient(suite.actors['gov-supervisor'])).get('/disclosure-workflow/timeliness').query({ year: 2025 })).status).toBe(200);
    const author = await (await adminClient(suite.actors['gov-author'])).get('/disclosure-workflow/timeliness').query({ year: 2025 });
    expect(author.status).toBe(403);
    expect(author.body.error.details).toMatchObject({ code: 'OFFICE_ONLY', zh: expect.any(String), en: expect.any(String) });
  });
});
