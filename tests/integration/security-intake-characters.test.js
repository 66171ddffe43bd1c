// Over HTTP: a NUL byte or a bidi override in any intake text field is a 400 naming the field, and
// nothing is stored.
const { http } = require('../helpers/fixtures');
const { APPLICANT, intakeSuite } = require('../helpers/intake');

const REQUEST = 'api::disclosure-request.disclosure-request';
intakeSuite();
const person = APPLICANT;
const apply = (body) => http().post('/api/disclosure-requests/apply').set('Content-Type', 'application/json').send(JSON.stringify(body));

it.each([
  ['applicantName', '王\u0000小明'],
  ['applicantName', '王小明\u202e'],
  ['description', '请公开\u202e2025年清溪县城区老旧小区改造项目的资金安排情况'],
  ['address', '清溪县\u0000城关镇'],
  ['idType', '居民\u2066身份证'],
  ['phone', '139\u00001234567'],
  ['email', 'wxm\u202e@example.cn'],
  ['documentNumber', '清政发\u200f〔2025〕1号'],
])('%s with a forbidden character → 400 naming it, nothing stored', async (field, value) => {
  const before = await strapi.db.query(REQUEST).count({});
  const res = await apply({ ...person, [field]: value });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors.map((e) => e.path[0])).toContain(field);
  expect(await strapi.db.query(REQUEST).count({})).toBe(before);
});

it('still takes a multi-line request', async () => {
  const res = await apply({ ...person, description: '请公开以下信息：\n1. 2025年老旧小区改造资金安排\n2. 相关招标文件' });
  expect(res.status).toBe(201);
});
