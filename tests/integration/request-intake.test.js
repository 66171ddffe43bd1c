// Public intake of 依申请公开 requests: applicants have no account; bad submissions are 400 with
// field-level messages and nothing stored; personal data never leaves through a public response.
const { http } = require('../helpers/fixtures');
const { APPLICANT, intakeSuite } = require('../helpers/intake');

const REQUEST = 'api::disclosure-request.disclosure-request';
intakeSuite();
const person = APPLICANT;
const company = { ...person, applicantType: 'commercial', organizationName: '清溪县某某建筑有限公司', organizationCode: '91330127MA2B3C4D5E', idType: '营业执照', idNumber: 'MA2B3C4D5E' };
const PERSONAL = ['王小明', '13912345678', 'wxm@example.cn', '11010519491231002X', '人民路 8 号', '91330127MA2B3C4D5E'];
const apply = (body) => http().post('/api/disclosure-requests/apply').set('Content-Type', 'application/json').send(body);
const count = () => strapi.db.query(REQUEST).count({});
const noPersonalData = (res) => {
  const text = JSON.stringify(res.body ?? res.text);
  for (const value of PERSONAL) expect(text).not.toContain(value);
};

it('takes a natural person\'s request: 201 with a query code; it waits for the office to confirm receipt (§31(3))', async () => {
  const res = await apply(person);
  expect(res.status).toBe(201);
  expect(res.body.queryCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  expect(res.body).toEqual({ queryCode: res.body.queryCode, submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), state: 'awaitingConfirmation' });
  noPersonalData(res);
  const stored = await strapi.db.query(REQUEST).findOne({ where: { queryCode: res.body.queryCode } });
  expect(stored).toMatchObject({ applicantName: '王小明', channel: 'online', state: 'awaitingConfirmation', delivery: 'email', receivedAt: null, dueAt: null });
  expect(stored.events).toEqual([{ type: 'submitted', date: res.body.submittedAt }]);

  const status = await http().get(`/api/disclosure-requests/status/${res.body.queryCode}`);
  expect(status.status).toBe(200);
  expect(status.body).toEqual({ state: 'awaitingConfirmation', submittedAt: res.body.submittedAt, receivedAt: null, dueAt: null, dueProvisional: false });
  noPersonalData(status);

  // The office confirms: the status page shows the confirmed date and the due date from it.
  await strapi.service('api::disclosure-request.case').act({ documentId: stored.documentId, action: 'confirmReceipt', actor: null });
  const confirmed = await http().get(`/api/disclosure-requests/status/${res.body.queryCode}`);
  const dueAt = await strapi.plugin('disclosure-workflow').service('calendar').addWorkingDays(res.body.submittedAt, 20);
  expect(confirmed.body).toEqual({ state: 'received', submittedAt: res.body.submittedAt, receivedAt: res.body.submittedAt, dueAt, dueProvisional: expect.any(Boolean) });
});

it('takes an organisation\'s request and requires its name and credit code', async () => {
  expect((await apply(company)).status).toBe(201);
  const res = await apply({ ...company, organizationName: '', organizationCode: undefined });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors.map((e) => e.path[0]).sort()).toEqual(['organizationCode', 'organizationName']);
  expect(res.body.error.details.errors[0].message).toMatch(/不能为空/);
});

it('answers an unknown or malformed query code with 404', async () => {
  expect((await http().get('/api/disclosure-requests/status/AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
  expect((await http().get('/api/disclosure-requests/status/%27%20OR%201%3D1')).status).toBe(404);
});

describe('malformed submissions: 400, field named, nothing stored', () => {
  const fields = Object.keys(person);
  const cases = [];
  for (const field of ['applicantType', 'applicantName', 'phone', 'idType', 'idNumber', 'description', 'delivery']) cases.push([`missing ${field}`, { ...person, [field]: undefined }, field]);
  for (const field of fields) {
    cases.push([`${field} as number`, { ...person, [field]: 12345 }, field]);
    cases.push([`${field} as array`, { ...person, [field]: ['x'] }, field]);
    cases.push([`${field} as operator object`, { ...person, [field]: { $ne: null } }, field]);
    cases.push([`${field} huge`, { ...person, [field]: '长'.repeat(100000) }, field]);
  }
  for (const field of fields) cases.push([`${field} as boolean`, { ...person, [field]: true }, field]);
  for (const field of ['applicantType', 'applicantName', 'phone', 'idType', 'idNumber', 'description', 'delivery']) cases.push([`${field} null`, { ...person, [field]: null }, field]);
  for (const field of ['applicantName', 'idType', 'description']) cases.push([`${field} only spaces`, { ...person, [field]: '   ' }, field]);
  for (const field of ['organizationName', 'organizationCode']) {
    cases.push([`company ${field} as number`, { ...company, [field]: 9 }, field]);
    cases.push([`company ${field} as array`, { ...company, [field]: ['x'] }, field]);
    cases.push([`company ${field} as operator object`, { ...company, [field]: { $gt: '' } }, field]);
    cases.push([`company ${field} huge`, { ...company, [field]: 'X'.repeat(5000) }, field]);
  }
  for (const field of ['applicantName', 'address', 'idType', 'description', 'documentNumber']) {
    cases.push([`${field} with markup`, { ...person, [field]: '<script>alert(1)</script>' }, field]);
    cases.push([`${field} with an img tag`, { ...person, [field]: '正文<img src=x onerror=alert(1)>' }, field]);
  }
  for (const field of ['disposition', 'state', 'status', 'queryCode', 'receivedAt', 'dueAt', 'id', 'handler', 'department', 'fee']) cases.push([`unknown field ${field}`, { ...person, [field]: 'granted' }, field]);
  cases.push(['bad phone', { ...person, phone: 'call me' }, 'phone']);
  cases.push(['bad email', { ...person, email: 'not-an-email' }, 'email']);
  cases.push(['email delivery without email', { ...person, email: '' }, 'email']);
  cases.push(['paper delivery without address', { ...person, delivery: 'paper', address: '' }, 'address']);
  cases.push(['ID number with a wrong check digit', { ...person, idNumber: '110105194912310021' }, 'idNumber']);
  cases.push(['bad credit code', { ...company, organizationCode: 'NOT-A-CODE' }, 'organizationCode']);
  cases.push(['unknown applicant type', { ...person, applicantType: 'alien' }, 'applicantType']);
  cases.push(['unknown delivery', { ...person, delivery: 'pigeon' }, 'delivery']);
  cases.push(['description too short', { ...person, description: '要' }, 'description']);

  it(`has more than 100 cases (${cases.length})`, () => expect(cases.length).toBeGreaterThan(100));

  it.each(cases)('%s', async (_label, body, field) => {
    const before = await count();
    const res = await apply(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e) => e.path[0])).toContain(field);
    expect(res.body.error.details.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(await count()).toBe(before);
  });

  it.each([
    ['broken JSON', '{"applicantName": "王'],
    ['JSON array', '[1,2,3]'],
    ['JSON string', '"hello"'],
    ['empty body', ''],
    ['null', 'null'],
  ])('%s → 400', async (_label, raw) => {
    const before = await count();
    const res = await http().post('/api/disclosure-requests/apply').set('Content-Type', 'application/json').send(raw);
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe('no other way in', () => {
  it('has no REST list, item or write routes for requests', async () => {
    for (const [method, path] of [['get', '/api/disclosure-requests'], ['get', '/api/disclosure-requests/1'], ['post', '/api/disclosure-requests'], ['put', '/api/disclosure-requests/1'], ['delete', '/api/disclosure-requests/1']]) {
      const res = await http()[method](path).send({ data: {} });
      expect([403, 404, 405]).toContain(res.status);
      noPersonalData(res);
    }
  });

  it('is not in the GraphQL schema', async () => {
    const res = await http().post('/graphql').send({ query: '{ disclosureRequests { applicantName phone } }' });
    expect(res.status).toBe(400);
    const types = await http().post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(types.body.data.__schema.types.map((t) => t.name)).not.toContain('DisclosureRequest');
  });

  it('limits submissions per client, across instances (counted in the database)', async () => {
    strapi.config.set('disclosure.intake.rateLimit', { max: 2, windowMs: 600000 });
    await strapi.db.connection('disclosure_intake_attempts').delete();
    try {
      expect((await apply(person)).status).toBe(201);
      expect((await apply(person)).status).toBe(201);
      const limited = await apply(person);
      expect(limited.status).toBe(429);
      noPersonalData(limited);
    } finally {
      strapi.config.set('disclosure.intake.rateLimit', { max: 100000, windowMs: 600000 });
    }
  });
});
