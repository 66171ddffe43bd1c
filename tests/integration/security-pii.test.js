// Applicants' personal data (个人信息保护法): only the case's handler, gov-office and gov-supervisor
// read it, every read is recorded (who, when, which case), and the supervisor sees the trail.
// Everything as the real roles over HTTP with admin JWTs.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { makeDepartment } = require('../helpers/fixtures');
const { actors, makeUser } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');
const { PERSONAL_DATA_FIELDS } = require('../../dist/src/domain/request-personal-data');

const REQUEST = 'api::disclosure-request.disclosure-request';
const CM = `/content-manager/collection-types/${REQUEST}`;
const EVENT = 'request.personal-data.read';
let a, department, kase, other;

const applicant = {
  applicantType: 'naturalPerson', applicantName: '王小明', phone: '13912345678', email: 'wxm@example.cn', address: '清溪县城关镇1号',
  idType: '居民身份证', idNumber: '11010519491231002X', description: '请公开2025年城区老旧小区改造项目的资金安排情况', delivery: 'email', channel: 'letter',
};
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const newRequest = (overrides = {}) => strapi.documents(REQUEST).create({ data: { ...applicant, receivedAt: today(), ...overrides } });
const trail = (documentId, actor) =>
  strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: EVENT, targetDocumentId: documentId, ...(actor ? { actor } : {}) } });
// The test database is shared by every file: list only this file's two requests, however many others exist.
const onlyOurs = () => [kase, other].map((doc, i) => `filters[documentId][$in][${i}]=${doc.documentId}`).join('&');
const personalKeys = (row) => PERSONAL_DATA_FIELDS.filter((f) => row[f] !== undefined);

beforeAll(async () => {
  await setupStrapi();
  a = await actors();
  a.otherAuthor = await makeUser('gov-author');
  department = await makeDepartment();
  await makeDepartment({ parent: null }); // another tree: the office's read is then limited by the department condition

  kase = await newRequest();
  other = await newRequest({ applicantName: '赵六', idNumber: '110105194912310021' });
  // The office assigns the case to gov-author (the handler); otherAuthor drafts replies elsewhere.
  await strapi.service('api::disclosure-request.case').act({
    documentId: kase.documentId, action: 'assign', input: { department: department.documentId, handler: a['gov-author'].id }, actor: a['gov-office'].id,
  });
});
afterAll(cleanupStrapi);

describe('an author who is not the case handler', () => {
  it('reads the request in the Content Manager without the applicant', async () => {
    const author = await adminClient(a.otherAuthor);
    const res = await author.get(`${CM}/${kase.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.description).toBe(applicant.description);
    expect(personalKeys(res.body.data)).toEqual([]);
    for (const value of [applicant.applicantName, applicant.idNumber, applicant.phone, applicant.email, applicant.address]) expect(JSON.stringify(res.body)).not.toContain(value);
    expect(await trail(kase.documentId, a.otherAuthor.id)).toHaveLength(0);
  });

  it('sees no personal data in the list either', async () => {
    const author = await adminClient(a.otherAuthor);
    const res = await author.get(`${CM}?page=1&pageSize=100&${onlyOurs()}`);
    expect(res.status).toBe(200);
    const rows = res.body.results.filter((r) => [kase.documentId, other.documentId].includes(r.documentId));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(personalKeys(row)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain(applicant.idNumber);
    expect(await trail(kase.documentId, a.otherAuthor.id)).toHaveLength(0);
  });

  it('gets no query code from the request picker of a reply, and no case from the case routes', async () => {
    const author = await adminClient(a.otherAuthor);
    // Every page of the picker: other files' requests may push ours past the first.
    const pages = [];
    for (let page = 1; page === 1 || page <= pages[0].body.pagination.pageCount; page += 1) {
      pages.push(await author.get(`/content-manager/relations/api::request-reply.request-reply/request?pageSize=100&page=${page}`));
      expect(pages[page - 1].status).toBe(200);
    }
    const rows = pages.flatMap((p) => p.body.results).filter((r) => [kase.documentId, other.documentId].includes(r.documentId));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(personalKeys(row)).toEqual([]);
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId: kase.documentId } });
    expect(JSON.stringify(pages.map((p) => p.body))).not.toContain(stored.queryCode);
    expect((await author.get(`/disclosure-workflow/requests/${kase.documentId}`)).status).toBe(404);
  });

  it('cannot filter, sort or search the list by personal data; searching the description still works', async () => {
    const author = await adminClient(a.otherAuthor);
    const byName = await author.get(`${CM}?filters[applicantName][$eq]=${encodeURIComponent(applicant.applicantName)}`);
    // Refused, or the filter dropped (Strapi's own field sanitizer): either way the answer says nothing about the value.
    const told = (res) => res.status === 200 && res.body.results.some((r) => r.documentId === kase.documentId) && !res.body.results.some((r) => r.documentId === other.documentId);
    expect(told(byName)).toBe(false);
    expect(told(await author.get(`${CM}?filters[$or][0][idNumber][$eq]=${applicant.idNumber}`))).toBe(false);
    expect((await author.get(`${CM}?sort=idNumber:asc`)).status).toBe(400);
    const byQ = await author.get(`${CM}?_q=${encodeURIComponent(applicant.applicantName)}`);
    expect(byQ.status).toBe(200);
    expect(byQ.body.results.map((r) => r.documentId)).not.toContain(kase.documentId);
    const byDescription = await author.get(`${CM}?_q=${encodeURIComponent('老旧小区改造')}`);
    expect(byDescription.body.results.map((r) => r.documentId)).toContain(kase.documentId);
    const office = await adminClient(a['gov-office']);
    expect((await office.get(`${CM}?filters[applicantName][$eq]=${encodeURIComponent(applicant.applicantName)}`)).body.results.map((r) => r.documentId)).toContain(kase.documentId);
  });
});

describe('who may read the applicant, with a trail', () => {
  it.each([['the case handler', 'gov-author'], ['the disclosure office', 'gov-office'], ['the supervisor', 'gov-supervisor']])(
    '%s reads it in the Content Manager, and the read is recorded',
    async (_label, who) => {
      const client = await adminClient(a[who]);
      const before = (await trail(kase.documentId, a[who].id)).length;
      const res = await client.get(`${CM}/${kase.documentId}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ applicantName: applicant.applicantName, idNumber: applicant.idNumber, phone: applicant.phone, email: applicant.email });
      expect(res.body.data.queryCode).toEqual(expect.any(String));
      const entries = await trail(kase.documentId, a[who].id);
      expect(entries).toHaveLength(before + 1);
      expect(entries[entries.length - 1]).toMatchObject({ actor: a[who].id, targetUid: REQUEST, targetDocumentId: kase.documentId, data: { via: `GET ${CM}/${kase.documentId}` } });
      expect(entries[entries.length - 1].data.fields).toEqual(expect.arrayContaining(['applicantName', 'idNumber']));
    },
  );

  it('the handler sees the applicant only on their own case in the list, and the list read is one entry per case shown', async () => {
    const handler = await adminClient(a['gov-author']);
    const res = await handler.get(`${CM}?page=1&pageSize=100&${onlyOurs()}`);
    expect(res.status).toBe(200);
    const mine = res.body.results.find((r) => r.documentId === kase.documentId);
    const notMine = res.body.results.find((r) => r.documentId === other.documentId);
    expect(mine.applicantName).toBe(applicant.applicantName);
    expect(personalKeys(notMine)).toEqual([]);
    const listed = (await trail(kase.documentId, a['gov-author'].id)).filter((e) => e.data.via === `GET ${CM}`);
    expect(listed.length).toBeGreaterThanOrEqual(1);
    expect(await trail(other.documentId, a['gov-author'].id)).toHaveLength(0);
  });

  it('the office list records one entry per request shown', async () => {
    const office = await adminClient(a['gov-office']);
    const listReads = async (doc) => (await trail(doc.documentId, a['gov-office'].id)).filter((e) => e.data.via === `GET ${CM}`);
    const before = { [kase.documentId]: (await listReads(kase)).length, [other.documentId]: (await listReads(other)).length };
    const res = await office.get(`${CM}?page=1&pageSize=100&${onlyOurs()}`);
    expect(res.status).toBe(200);
    for (const doc of [kase, other]) {
      const entries = await listReads(doc);
      expect(entries).toHaveLength(before[doc.documentId] + 1);
      expect(entries[entries.length - 1].data.shown).toBe(res.body.results.filter((r) => r.applicantName).length);
    }
  });

  it('the case panel route records the handler reading the case', async () => {
    const handler = await adminClient(a['gov-author']);
    const res = await handler.get(`/disclosure-workflow/requests/${kase.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.applicantName).toBe(applicant.applicantName);
    const entries = await trail(kase.documentId, a['gov-author'].id);
    expect(entries.some((e) => e.data.via === `GET /disclosure-workflow/requests/${kase.documentId}`)).toBe(true);
  });

  it('the supervisor lists the trail over HTTP, with reader, time and case', async () => {
    const supervisor = await adminClient(a['gov-supervisor']);
    const res = await supervisor.get(`/disclosure-workflow/audit?event=${EVENT}&documentId=${kase.documentId}&pageSize=200`);
    expect(res.status).toBe(200);
    const readers = res.body.data.map((row) => row.actor?.id);
    expect(readers).toEqual(expect.arrayContaining([a['gov-author'].id, a['gov-office'].id, a['gov-supervisor'].id]));
    expect(readers).not.toContain(a.otherAuthor.id);
    expect(res.body.data[0]).toMatchObject({ event: EVENT, eventLabel: { zh: expect.stringContaining('个人信息'), en: expect.stringContaining('personal data') }, targetDocumentId: kase.documentId, at: expect.any(String) });
    expect((await strapi.plugin('disclosure-workflow').service('audit').verify()).ok).toBe(true);
  });
});

describe('roles of an existing database', () => {
  it('are narrowed once at start-up: the author read loses the personal fields and gains the handler read', async () => {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gov-author' } });
    const reads = () => strapi.db.query('admin::permission').findMany({ where: { action: 'plugin::content-manager.explorer.read', subject: REQUEST, role: { id: role.id } } });
    const current = await reads();
    const isHandlerRead = (p) => p.conditions?.includes('api::disclosure-request-handler');
    const plain = current.find((p) => !isHandlerRead(p));
    const conditional = current.find(isHandlerRead);
    expect(plain.conditions).toEqual(['plugin::disclosure-workflow.in-my-departments']); // 集约化: only the units' cases
    expect(plain.properties.fields).not.toEqual(expect.arrayContaining(['applicantName']));
    expect(plain.properties.fields).toEqual(expect.arrayContaining(['description', 'state']));
    expect(conditional.conditions).toEqual(['api::disclosure-request-handler']);
    expect(conditional.properties.fields).toEqual(expect.arrayContaining([...PERSONAL_DATA_FIELDS]));
    // What roles created before this rule had: one read of every field.
    await strapi.db.query('admin::permission').delete({ where: { id: conditional.id } });
    await strapi.db.query('admin::permission').update({ where: { id: plain.id }, data: { properties: { ...plain.properties, fields: [...plain.properties.fields, ...PERSONAL_DATA_FIELDS] } } });
    await strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.author-request-personal-data' }).delete({});
    const { narrowAuthorRequestRead } = require('../../dist/src/bootstrap/request-personal-data');
    await narrowAuthorRequestRead(strapi);
    await narrowAuthorRequestRead(strapi); // idempotent
    const after = await reads();
    expect(after).toHaveLength(2);
    expect(after.find((p) => !isHandlerRead(p)).properties.fields).not.toEqual(expect.arrayContaining(['idNumber']));
    expect(after.find(isHandlerRead).conditions).toEqual(['api::disclosure-request-handler']);
    const author = await adminClient(a.otherAuthor);
    expect(personalKeys((await author.get(`${CM}/${kase.documentId}`)).body.data)).toEqual([]);
  });
});
