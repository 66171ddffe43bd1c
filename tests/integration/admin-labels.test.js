// What the Content Manager is told to show: the request's internal events log is hidden from its
// edit form, review cases carry a label, 发布机构 is marked required in the item form without
// changing the API (REST, GraphQL, Document Service), and every enumeration has its labels.
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeAdmin, makeDepartment, makeApiToken, itemData } = require('../helpers/fixtures');

const REQUEST = 'api::disclosure-request.disclosure-request';
let admin;

beforeAll(async () => {
  await setupStrapi();
  admin = await makeAdmin();
});
afterAll(cleanupStrapi);

const cm = (path) => http().get(`/content-manager${path}`).set('Authorization', `Bearer ${admin.token}`);

it('hides the request events log from the edit view and keeps it read-only', async () => {
  const res = await cm(`/content-types/${REQUEST}/configuration`);
  expect(res.status).toBe(200);
  const { metadatas } = res.body.data.contentType;
  expect(metadatas.events.edit).toMatchObject({ visible: false, editable: false });
  expect(metadatas.reviewCases.edit.label).toBe('复议诉讼 Review cases');
  expect(metadatas.state.edit).toMatchObject({ visible: true, editable: false });
  expect(metadatas.applicantType.edit.visible).toBe(true);
});

it('re-hides the events log at start-up if it was shown, and leaves the other labels alone', async () => {
  const service = strapi.plugin('content-manager').service('content-types');
  const contentType = service.findContentType(REQUEST);
  const config = await service.findConfiguration(contentType);
  config.metadatas.events.edit.visible = true;
  config.metadatas.notes.edit.label = '办理备注';
  await service.updateConfiguration(contentType, { settings: config.settings, metadatas: config.metadatas, layouts: config.layouts });
  const { labelAdminFields } = require('../../dist/src/bootstrap/admin-labels');
  await labelAdminFields(strapi);
  const after = await service.findConfiguration(contentType);
  expect(after.metadatas.events.edit.visible).toBe(false);
  expect(after.metadatas.notes.edit.label).toBe('办理备注');
});

it('marks 发布机构 required in the item form, and the item labels are in place', async () => {
  const res = await cm('/content-types');
  expect(res.status).toBe(200);
  const item = res.body.data.find((ct) => ct.uid === ITEM);
  expect(item.attributes.department.pluginOptions).toEqual({ disclosure: { requiredInForm: true } });
  const config = (await cm(`/content-types/${ITEM}/configuration`)).body.data.contentType;
  expect(config.metadatas.department.edit.label).toBe('发布机构 Department');
  expect(config.metadatas.genre.list.label).toBe('体裁 Genre');
});

it('keeps the item API as it was: department nullable in GraphQL, a missing one refused by the item rules', async () => {
  const token = await makeApiToken();
  const introspection = await http().post('/graphql').set('Authorization', `Bearer ${token}`)
    .send({ query: '{ __type(name: "DisclosureItem") { fields { name type { kind name } } } }' });
  const department = introspection.body.data.__type.fields.find((f) => f.name === 'department');
  expect(department.type).toEqual({ kind: 'OBJECT', name: 'Department' });

  const dept = await makeDepartment();
  const created = await strapi.documents(ITEM).create({ data: itemData(dept) });
  expect(created.documentId).toBeTruthy();
  const { department: _omit, ...withoutDepartment } = itemData(dept);
  await expect(strapi.documents(ITEM).create({ data: withoutDepartment })).rejects.toMatchObject({
    details: { errors: [expect.objectContaining({ path: ['department'] })] },
  });
  const rest = await http().post('/api/disclosure-items').set('Authorization', `Bearer ${token}`).send({ data: { ...withoutDepartment, formedAt: null } });
  expect(rest.status).toBe(400);
  const messages = rest.body.error.details.errors.map((e) => e.message);
  expect(messages).toEqual(expect.arrayContaining(['请填写成文日期 / 成文日期 is required', expect.stringContaining('发布机构')]));
});

it('labels every enumeration the Content Manager shows', async () => {
  const { ENUM_LABELS } = require('../../dist/src/domain/code-labels');
  const res = await cm('/content-types');
  const components = (await cm('/components')).body.data;
  for (const schema of [...res.body.data.filter((ct) => ct.uid.startsWith('api::')), ...components]) {
    for (const [field, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type !== 'enumeration') continue;
      expect([schema.uid, field, Object.keys(ENUM_LABELS[schema.uid]?.[field] ?? {}).sort()]).toEqual([schema.uid, field, [...attribute.enum].sort()]);
    }
  }
});
