// Without SMTP_HOST nothing is sent: the email plugin keeps each message in the 发件箱 / Outbox
// (api::mail-outbox.mail-outbox), which the admin shows and the public APIs never expose.
// scripts/test.js sets SMTP_HOST for every suite; this file runs without it. Jest gives each test
// file its own copy of process.env, and it is restored in afterAll all the same.
const previousSmtpHost = process.env.SMTP_HOST;
delete process.env.SMTP_HOST;

const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { ITEM, http, makeDepartment, itemData, makeAdmin, makeApiToken } = require('../helpers/fixtures');
const { actors, wf } = require('../helpers/workflow');
const { waitFor } = require('../helpers/admin-http');

const OUTBOX = 'api::mail-outbox.mail-outbox';
let a;
let department;
let logged;

beforeAll(async () => {
  await setupStrapi();
  logged = jest.spyOn(strapi.log, 'info');
  a = await actors();
  department = await makeDepartment();
});
afterAll(async () => {
  logged?.mockRestore();
  await cleanupStrapi();
  if (previousSmtpHost === undefined) delete process.env.SMTP_HOST;
  else process.env.SMTP_HOST = previousSmtpHost;
});


const outbox = (where = {}) => strapi.db.query(OUTBOX).findMany({ where, orderBy: { id: 'asc' } });

it('uses the outbox provider when SMTP_HOST is not set', () => {
  expect(process.env.SMTP_HOST).toBeUndefined();
  expect(strapi.config.get('plugin::email.provider')).toBe('strapi-provider-email-outbox');
});

it('keeps the reviewer notification of a submitted item in the outbox, with recipient, subject and body', async () => {
  const doc = await strapi.documents(ITEM).create({ data: itemData(department) });
  await wf().submit({ uid: ITEM, documentId: doc.documentId, actor: a['gov-author'].id, comment: '请审核' });

  const rows = await waitFor(async () => {
    const found = await outbox({ subject: { $contains: doc.title } });
    return found.length ? found : null;
  });
  expect(rows).toHaveLength(1);
  const [mail] = rows;
  expect(mail.to.split(', ')).toContain(a['gov-section-head'].email);
  expect(mail.to.split(', ')).not.toContain(a['gov-author'].email);
  expect(mail.subject).toBe(`【待审核】${doc.title}`);
  expect(mail.text).toContain(`《${doc.title}》第 1 轮`);
  expect(mail.text).toContain(`/content-manager/collection-types/${ITEM}/${doc.documentId}`);
  expect(mail.from).toBe('noreply@disclosure.example.gov.cn');
  expect(mail.documentId).toEqual(expect.any(String));
  expect(Math.abs(new Date(mail.sentAt).getTime() - Date.now())).toBeLessThan(60_000);
  // Logged right after the row is stored: the row can be seen a moment before the line is written.
  const line = `[mail] stored in the outbox: ${mail.subject} → ${mail.to}`;
  await waitFor(() => logged.mock.calls.some(([message]) => message === line));
  expect(logged).toHaveBeenCalledWith(line);
});

it('stores every addressing form the email service accepts, html included', async () => {
  const subject = `测试邮件 ${Date.now()}`;
  await strapi.plugin('email').service('email').send({
    to: ['one@example.gov.cn', { name: '张三', address: 'two@example.gov.cn' }],
    cc: 'cc@example.gov.cn',
    bcc: [{ address: 'bcc@example.gov.cn' }],
    from: 'office@example.gov.cn',
    subject,
    html: '<p>正文</p>',
  });
  const [mail] = await outbox({ subject });
  expect(mail).toMatchObject({
    to: 'one@example.gov.cn, 张三 <two@example.gov.cn>',
    cc: 'cc@example.gov.cn',
    bcc: 'bcc@example.gov.cn',
    from: 'office@example.gov.cn',
    replyTo: 'noreply@disclosure.example.gov.cn',
    html: '<p>正文</p>',
    text: null,
  });
  await expect(strapi.plugin('email').service('email').send({ subject: 'nobody' })).rejects.toThrow(/no recipients/);
});

describe('the public APIs never show the outbox', () => {
  it('has no REST route and no Public permission', async () => {
    expect((await http().get('/api/mail-outboxes')).status).toBe(404);
    expect((await http().get('/api/mail-outbox')).status).toBe(404);
    const token = await makeApiToken('full-access');
    const withToken = await http().get('/api/mail-outboxes').set('Authorization', `Bearer ${token}`);
    expect(withToken.status).toBe(404);
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    expect(role.permissions.map((p) => p.action).filter((action) => action.includes('mail-outbox'))).toEqual([]);
  });

  it('is not in the GraphQL schema, for anonymous callers or full-access tokens', async () => {
    const token = await makeApiToken('full-access');
    for (const auth of [null, `Bearer ${token}`]) {
      const post = (query) => {
        const req = http().post('/graphql');
        if (auth) req.set('Authorization', auth);
        return req.send({ query });
      };
      const list = await post('{ mailOutboxes { documentId to subject text } }');
      expect(list.body.data).toBeUndefined();
      expect(list.body.errors.map((e) => e.message)).toEqual([expect.stringContaining('Cannot query field "mailOutboxes"')]);
      const types = await post('{ __schema { types { name } queryType { fields { name } } } }');
      const names = [...types.body.data.__schema.types.map((t) => t.name), ...types.body.data.__schema.queryType.fields.map((f) => f.name)];
      expect(names.filter((name) => /outbox/i.test(name))).toEqual([]);
    }
  });
});

describe('the admin 发件箱 page (Content Manager)', () => {
  const path = `/content-manager/collection-types/${OUTBOX}`;

  it('is readable by the disclosure office and the supervisor, never writable by them, and hidden from other roles', async () => {
    for (const roleCode of ['gov-office', 'gov-supervisor']) {
      const { token } = await makeAdmin({ roleCode });
      const list = await http().get(path).set('Authorization', `Bearer ${token}`);
      expect(list.status).toBe(200);
      expect(list.body.results.length).toBeGreaterThan(0);
      expect(list.body.results[0]).toEqual(expect.objectContaining({ to: expect.any(String), subject: expect.any(String) }));
      const create = await http().post(path).set('Authorization', `Bearer ${token}`).send({ to: 'x@example.gov.cn', subject: 'x', sentAt: new Date().toISOString() });
      expect(create.status).toBe(403);
      const [row] = await outbox();
      const update = await http().put(`${path}/${row.documentId}`).set('Authorization', `Bearer ${token}`).send({ subject: 'changed' });
      expect(update.status).toBe(403);
      const remove = await http().delete(`${path}/${row.documentId}`).set('Authorization', `Bearer ${token}`);
      expect(remove.status).toBe(403);
    }
    for (const roleCode of ['gov-author', 'gov-section-head', 'gov-publisher']) {
      const { token } = await makeAdmin({ roleCode });
      expect((await http().get(path).set('Authorization', `Bearer ${token}`)).status).toBe(403);
    }
    const { token } = await makeAdmin();
    expect((await http().get(path).set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });

  it('has bilingual labels, the useful list columns and newest mail first', async () => {
    const { token } = await makeAdmin();
    const res = await http().get(`/content-manager/content-types/${OUTBOX}/configuration`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const { settings, metadatas, layouts } = res.body.data.contentType;
    expect(layouts.list).toEqual(['sentAt', 'to', 'subject']);
    expect(settings).toMatchObject({ mainField: 'subject', defaultSortBy: 'sentAt', defaultSortOrder: 'DESC' });
    expect(metadatas.to.edit).toMatchObject({ label: '收件人 To', editable: false });
    expect(metadatas.subject.list.label).toBe('主题 Subject');
    expect(metadatas.text.edit.label).toBe('正文 Body');
    expect(metadatas.sentAt.list.label).toBe('时间 Time');
  });
});
