// The 错敏词 dictionary (issue 14): kept by the disclosure office in the Content Manager and as CSV
// (import adds and updates in one transaction; a bad file is a 400 naming line and column, nothing
// written); 10,000 terms import in one go.
const { workflowSuite } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const suite = workflowSuite();
const TERM = 'plugin::disclosure-workflow.sensitive-term';
const dictionary = () => strapi.plugin('disclosure-workflow').service('dictionary');
const count = () => strapi.db.query(TERM).count({});
const fields = (res) => (res.body.error?.details?.errors ?? []).map((e) => (Array.isArray(e.path) ? e.path.join('.') : e.path));
let office, author;

beforeAll(async () => {
  office = await adminClient(suite.actors['gov-office']);
  author = await adminClient(suite.actors['gov-author']);
});

describe('CSV import and export', () => {
  it('adds and updates by term, Chinese headers and severity words accepted, and exports what it holds', async () => {
    const before = await count();
    const csv = '词语,正确表述,级别,类别,依据\n测试错词甲,测试正词甲,错误,测试类,测试依据\n测试错词乙,测试正词乙,提示,规范表述,测试依据\n';
    const res = await office.post('/disclosure-workflow/dictionary/import').send({ csv });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const again = await office.post('/disclosure-workflow/dictionary/import').send({ csv: csv.replace('提示', '错误') });
    expect(again.body.data).toEqual({ added: 0, updated: 1, unchanged: 1 });
    expect(await strapi.db.query(TERM).findOne({ where: { term: '测试错词乙' } })).toMatchObject({ correction: '测试正词乙', severity: 'error', category: '规范表述' });
    expect(await count()).toBe(before + 2);

    const exported = await office.get('/disclosure-workflow/dictionary/export.csv');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    expect(exported.text).toContain('测试错词甲,测试正词甲,,error,测试类,测试依据');
    const trail = await strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: 'dictionary.import' } });
    expect(trail.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a file with any problem, naming line and column, and writes nothing', async () => {
    const before = await count();
    const bad = 'term,severity\n正常词语,warning\n,error\n重复词,warning\n重复词,error\n超长,urgent\n';
    const res = await office.post('/disclosure-workflow/dictionary/import').send({ csv: bad });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['line 3.term', 'line 5.term', 'line 6.severity']);
    expect(await count()).toBe(before);
    expect(fields(await office.post('/disclosure-workflow/dictionary/import').send({ csv: 'word\nx\n' }))).toEqual(['line 1.term']);
    expect(fields(await office.post('/disclosure-workflow/dictionary/import').send({}))).toEqual(['csv']);
  });

  it('imports 10,000 terms in one go', async () => {
    const before = await count();
    const version = await dictionary().version();
    const rows = Array.from({ length: 10000 }, (_, i) => `测试词${i},,warning,批量`);
    const res = await office.post('/disclosure-workflow/dictionary/import').send({ csv: `term,correction,severity,category\n${rows.join('\n')}\n` });
    expect(res.status).toBe(200);
    expect(res.body.data.added).toBe(10000);
    expect(await count()).toBe(before + 10000);
    // A new version: what is in review is checked again against the new terms.
    expect(await dictionary().version()).not.toBe(version);
  });

  it('is the office\'s: an author gets 403 on both routes', async () => {
    expect((await author.get('/disclosure-workflow/dictionary/export.csv')).status).toBe(403);
    expect((await author.post('/disclosure-workflow/dictionary/import').send({ csv: 'term\nx\n' })).status).toBe(403);
  });
});

describe('one term at a time in the Content Manager', () => {
  it('refuses an empty or duplicate term with the field named', async () => {
    const path = `/content-manager/collection-types/${TERM}`;
    const version = await dictionary().version();
    const created = await office.post(path).send({ term: '测试单词条', correction: '测试', severity: 'warning' });
    expect(created.status).toBe(201);
    expect(await dictionary().version()).not.toBe(version); // an edit in the Content Manager counts too
    const duplicate = await office.post(path).send({ term: '测试单词条', severity: 'warning' });
    expect([duplicate.status, fields(duplicate)]).toEqual([400, ['term']]);
    const empty = await office.post(path).send({ term: '', severity: 'warning' });
    expect([empty.status, fields(empty)]).toEqual([400, ['term']]);
    expect((await author.post(path).send({ term: '作者不能加', severity: 'warning' })).status).toBe(403);
  });
});

describe('existing installations', () => {
  it('grant manage-dictionary to the office once: a later removal by an administrator stands', async () => {
    const action = 'plugin::disclosure-workflow.manage-dictionary';
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gov-office' } });
    const held = () => strapi.db.query('admin::permission').count({ where: { action, role: role.id } });
    const store = { type: 'plugin', name: 'disclosure-workflow', key: 'default-grants-applied:manage-dictionary' };
    // An installation from before the dictionary: the action was never granted.
    await strapi.db.query('admin::permission').deleteMany({ where: { action, role: role.id } });
    await strapi.store.delete(store);
    await strapi.plugin('disclosure-workflow').service('permissions').grantDefaults();
    expect(await held()).toBe(1);
    await strapi.db.query('admin::permission').deleteMany({ where: { action, role: role.id } });
    await strapi.plugin('disclosure-workflow').service('permissions').grantDefaults();
    expect(await held()).toBe(0);
    await strapi.plugin('disclosure-workflow').service('permissions').grantActions(['manage-dictionary']); // restore for later files
  });
});

describe('the starter dictionary', () => {
  it('is there from the first start, each entry with its source, and seeded once', async () => {
    const { STARTER_DICTIONARY } = require('../../src/plugins/disclosure-workflow/dist/server/domain');
    const rows = await strapi.db.query(TERM).findMany({ where: { term: { $in: STARTER_DICTIONARY.map((t) => t.term) } } });
    expect(rows.length).toBe(STARTER_DICTIONARY.length);
    expect(rows.every((r) => r.source && r.severity)).toBe(true);
    await strapi.db.query(TERM).delete({ where: { id: rows[0].id } });
    await dictionary().seedStarter();
    expect(await strapi.db.query(TERM).count({ where: { term: rows[0].term } })).toBe(0);
  });
});
