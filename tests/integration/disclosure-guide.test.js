// 公开指南 (条例第十二条): one per organisation (a government or a department), contact fields
// default from the department, governed like items (review + sign-off before the gate lets it
// publish), public REST shows only published guides.
const { http, unique, makeDepartment } = require('../helpers/fixtures');
const { workflowSuite, wf } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');

const GUIDE = 'api::disclosure-guide.disclosure-guide';
const suite = workflowSuite();
const guides = () => strapi.documents(GUIDE);
const departmentError = expect.objectContaining({
  name: 'ValidationError',
  details: expect.objectContaining({ errors: [expect.objectContaining({ path: ['department'], zh: expect.any(String), en: expect.any(String) })] }),
});

let government;
let bureau;
let section;
beforeAll(async () => {
  government = await makeDepartment({ name: `测试县人民政府${unique()}`, kind: 'government', address: '县府路1号', phone: '0571-1234567', fax: '0571-7654321', email: 'gk@example.gov.cn', website: 'https://www.example.gov.cn', officeHours: '工作日 9:00–17:00' });
  bureau = await makeDepartment({ name: `测试县教育局${unique()}`, kind: 'department', phone: '0571-2222222' });
  section = await makeDepartment({ name: `办公室科室${unique()}`, kind: 'section' });
});

const guideData = (department, overrides = {}) => ({
  department: department.documentId,
  catalogueArrangement: '目录按主题分类和体裁编排',
  howToObtain: '通过政府网站、政务公开专区获取',
  howToApply: '填写申请表，通过网上、信函或当面提交',
  ...overrides,
});

describe('one guide per organisation', () => {
  it('fills the title and the office contacts from the department, keeping what is given', async () => {
    const guide = await guides().create({ data: guideData(government, { phone: '0571-0000000' }) });
    expect(guide).toMatchObject({
      title: `${government.name}政府信息公开指南`, officeName: government.name, officeAddress: '县府路1号', officeHours: '工作日 9:00–17:00',
      phone: '0571-0000000', fax: '0571-7654321', email: 'gk@example.gov.cn', website: 'https://www.example.gov.cn',
    });
  });

  it('refuses a second guide for the same department, by create, by moving another guide, and by copying', async () => {
    await expect(guides().create({ data: guideData(government) })).rejects.toEqual(departmentError);
    const other = await guides().create({ data: guideData(bureau) });
    await expect(guides().update({ documentId: other.documentId, data: { department: government.documentId } })).rejects.toEqual(departmentError);
    await expect(guides().clone({ documentId: other.documentId, data: {} })).rejects.toEqual(departmentError);
    // Its own department again is no duplicate.
    await expect(guides().update({ documentId: other.documentId, data: { department: bureau.documentId, howToObtain: '改' } })).resolves.toMatchObject({ howToObtain: '改' });
  });

  it('lets exactly one of ten guides written at the same moment for one organisation through', async () => {
    const fresh = await makeDepartment({ name: `并发测试局${unique()}`, kind: 'department' });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => guides().create({ data: guideData(fresh) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect(r.reason).toEqual(departmentError);
    expect(await strapi.db.query(GUIDE).count({ where: { department: { documentId: fresh.documentId } } })).toBe(1);
  });

  it('requires a department of kind government or department (400 naming the field, over HTTP too)', async () => {
    await expect(guides().create({ data: guideData(section) })).rejects.toEqual(departmentError);
    await expect(guides().create({ data: { howToApply: '无机关' } })).rejects.toEqual(departmentError);
    const office = await adminClient(suite.actors['gov-office']);
    const res = await office.post(`/content-manager/collection-types/${GUIDE}`).send(guideData(section));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['department'], en: expect.stringMatching(/government or one of its departments/) });
  });
});

describe('governed like items', () => {
  it('cannot be published before review and sign-off; then it is, and public REST shows only published guides', async () => {
    const county = await makeDepartment({ name: `另一县政府${unique()}`, kind: 'government' });
    const draftOnly = await makeDepartment({ name: `草稿局${unique()}`, kind: 'department' });
    const guide = await guides().create({ data: guideData(county) });
    const draft = await guides().create({ data: guideData(draftOnly) });
    await expect(guides().publish({ documentId: guide.documentId })).rejects.toEqual(expect.objectContaining({ details: expect.objectContaining({ code: 'NOT_SUBMITTED' }) }));
    // The publisher over HTTP is refused by the same gate.
    const publisher = await adminClient(suite.actors['gov-publisher']);
    expect((await publisher.post(`/content-manager/collection-types/${GUIDE}/${guide.documentId}/actions/publish`).send({})).status).toBeGreaterThanOrEqual(400);

    await wf().submit({ uid: GUIDE, documentId: guide.documentId, actor: suite.actors['gov-author'].id });
    await expect(guides().publish({ documentId: guide.documentId })).rejects.toEqual(expect.objectContaining({ details: expect.objectContaining({ code: expect.any(String) }) }));
    // The rest of the chain: each step approves, then the secrecy reviewer signs.
    for (;;) {
      const status = await wf().status({ uid: GUIDE, documentId: guide.documentId });
      if (status.state !== 'in_review') break;
      await wf().decide({ uid: GUIDE, documentId: guide.documentId, actor: suite.actors[status.steps[status.current].roles[0]].id, decision: 'approve' });
    }
    const signed = await wf().signOff({ uid: GUIDE, documentId: guide.documentId, actor: suite.actors['gov-secrecy-reviewer'].id, conclusion: 'public' });
    expect(signed).toMatchObject({ state: 'approved', canPublish: true });
    const published = await publisher.post(`/content-manager/collection-types/${GUIDE}/${guide.documentId}/actions/publish`).send({});
    expect(published.status).toBe(200);

    const list = await http().get('/api/disclosure-guides').query({ filters: { department: { documentId: { $in: [county.documentId, draftOnly.documentId] } } }, populate: 'department', status: 'draft' });
    expect(list.status).toBe(200);
    expect(list.body.data.map((g) => g.documentId)).toEqual([guide.documentId]);
    expect(list.body.data[0]).toMatchObject({ howToApply: '填写申请表，通过网上、信函或当面提交', department: { documentId: county.documentId } });
    expect((await http().get(`/api/disclosure-guides/${draft.documentId}`)).status).toBe(404);
    expect((await http().get(`/api/disclosure-guides/${guide.documentId}`)).status).toBe(200);

    const gql = await http().post('/graphql').send({ query: `{ disclosureGuides(filters: { documentId: { in: ["${guide.documentId}", "${draft.documentId}"] } }) { documentId officeName } }` });
    expect(gql.body.data.disclosureGuides).toEqual([{ documentId: guide.documentId, officeName: county.name }]);
  });

  it('gives the gov-* roles their permissions on the guide', async () => {
    const held = async (code, action) => Boolean(await strapi.db.query('admin::permission').findOne({ where: { action: `plugin::content-manager.explorer.${action}`, subject: GUIDE, role: { code } } }));
    expect(await held('gov-author', 'create')).toBe(true);
    expect(await held('gov-office', 'update')).toBe(true);
    expect(await held('gov-publisher', 'publish')).toBe(true);
    expect(await held('gov-publisher', 'update')).toBe(false);
    for (const code of ['gov-section-head', 'gov-leader', 'gov-secrecy-reviewer', 'gov-principal', 'gov-supervisor']) {
      expect(await held(code, 'read')).toBe(true);
      expect(await held(code, 'update')).toBe(false);
    }
  });
});
