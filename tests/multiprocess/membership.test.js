// A membership change holds on the next request on every instance: another Strapi process on the
// same PostgreSQL database answers a 教育局 author with 404 for a 财政局 item, 200 right after the
// office adds the membership here, and 404 again right after it is removed — no per-process cache.
const request = require('supertest');
const { ITEM, PASSWORD, makeDepartment, itemData, unique } = require('../helpers/fixtures');
const { makeUser } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');
const { multiprocessSuite } = require('../helpers/instances');

const instances = multiprocessSuite();

it('membership changes made on one instance hold on the next request on another', async () => {
  const edu = await makeDepartment({ name: `教育局${unique()}` });
  const fin = await makeDepartment({ name: `财政局${unique()}` });
  await makeDepartment({ name: `外县${unique()}`, parent: null });
  const author = await makeUser('gov-author', undefined, { member: false });
  await strapi.plugin('disclosure-workflow').service('membership').add({ user: author.id, department: edu.documentId });
  const finItem = await strapi.documents(ITEM).create({ data: itemData(fin) });
  const office = await adminClient(await makeUser('gov-office'));

  const there = request((await instances.serve()).url);
  const login = await there.post('/admin/login').send({ email: author.email, password: PASSWORD });
  expect(login.status).toBe(200);
  const open = async () => (await there.get(`/content-manager/collection-types/${ITEM}/${finItem.documentId}`).set('Authorization', `Bearer ${login.body.data.token}`)).status;

  expect(await open()).toBe(404);
  expect((await office.post('/disclosure-workflow/memberships').send({ user: author.id, department: fin.documentId })).status).toBe(200);
  expect(await open()).toBe(200);
  const [membership] = (await office.get(`/disclosure-workflow/memberships?user=${author.id}`)).body.data.filter((m) => m.department.documentId === fin.documentId);
  expect((await office.del(`/disclosure-workflow/memberships/${membership.id}`)).status).toBe(200);
  expect(await open()).toBe(404);
}, 300_000);
