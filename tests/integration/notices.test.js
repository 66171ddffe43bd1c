// 告知书 over the admin routes and the service: every kind issued and rendered (HTML and .docx),
// 文号 per kind and year under concurrency, the office's template edits, the posting list, and
// who may issue, read and record.
const mammoth = require('mammoth');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { makeDepartment } = require('../helpers/fixtures');
const { actors, makeUser } = require('../helpers/workflow');
const { adminClient } = require('../helpers/admin-http');
const { captureMail } = require('../helpers/mail');

const REQUEST = 'api::disclosure-request.disclosure-request';
const REPLY = 'api::request-reply.request-reply';
const TEMPLATE = 'api::notice-template.notice-template';
const KINDS = ['receipt', 'correction', 'extension', 'consultation', 'feeNotice', 'reply'];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const year = () => Number(today().slice(0, 4));
const notices = () => strapi.service('api::disclosure-request.notices');
const binary = (res, callback) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c)).on('end', () => callback(null, Buffer.concat(chunks)));
};
let a, department, smtp, office, handler, other, supervisor;

beforeAll(async () => {
  smtp = await captureMail();
  await setupStrapi();
  a = await actors();
  a.otherAuthor = await makeUser('gov-author');
  department = await makeDepartment();
  office = await adminClient(a['gov-office']);
  handler = await adminClient(a['gov-author']);
  other = await adminClient(a.otherAuthor);
  supervisor = await adminClient(a['gov-supervisor']);
});
afterAll(async () => {
  await cleanupStrapi();
  await smtp.close();
});

/** A paper case assigned to gov-author, with every step a notice is made from written as events (the case flow's shapes). */
async function paperCase(overrides = {}) {
  const doc = await strapi.documents(REQUEST).create({
    data: { applicantType: 'naturalPerson', applicantName: '王小明', address: '某县人民路8号', description: '请公开某道路改造项目的批复文件', delivery: 'paper', channel: 'letter', receivedAt: '2026-11-02', ...overrides },
  });
  const assigned = await office.post(`/disclosure-workflow/requests/${doc.documentId}/actions/assign`).send({ department: department.documentId, handler: a['gov-author'].id });
  expect(assigned.status).toBe(200);
  const reply = await strapi.documents(REPLY).create({
    data: { title: '答复书', replyType: 'notOurs', competentAgency: '某市自然资源局', competentAgencyContact: '0000-87654321', body: '', request: doc.documentId, department: department.documentId },
  });
  const row = await strapi.db.query(REQUEST).findOne({ where: { documentId: doc.documentId } });
  const events = [
    ...row.events,
    { type: 'correctionRequested', date: '2026-11-03', deadline: '2026-11-17', items: '请写明道路名称', by: a['gov-author'].id },
    { type: 'correctionReceived', date: '2026-11-05', by: a['gov-author'].id },
    { type: 'pauseStarted', date: '2026-11-06', kind: 'thirdParty', party: '某建设有限公司', deliveredAt: '2026-11-07', answerBy: '2026-11-28', by: a['gov-author'].id },
    { type: 'pauseEnded', date: '2026-11-20', outcome: 'agree', by: a['gov-author'].id },
    { type: 'extended', date: '2026-11-24', days: 10, reason: '需要调取历史档案', by: a['gov-office'].id },
    { type: 'feeNoticed', date: '2026-11-25', mode: 'perPage', pages: 45, quoted: 150, reduction: 0, amount: 150, payBy: '2026-12-23', by: a['gov-author'].id },
    { type: 'replyDrafted', date: '2026-11-26', reply: reply.documentId, by: a['gov-author'].id },
  ];
  await strapi.db.query(REQUEST).update({ where: { id: row.id }, data: { events } });
  return doc;
}

const issue = (client, doc, kind, body = {}) => client.post(`/disclosure-workflow/requests/${doc.documentId}/notices/${kind}`).send(body);
const download = (client, doc, file) => client.get(`/disclosure-workflow/requests/${doc.documentId}/notices/${file}`).buffer(true).parse(binary);
const docxText = async (buffer) => (await mammoth.extractRawText({ buffer })).value;

describe('every kind of notice', () => {
  it('is issued by the office and rendered as a printable page and a .docx with its 文号', async () => {
    const doc = await paperCase();
    const expected = {
      receipt: ['政府信息公开申请受理回执', '王小明：', '第三十一条', '2026年11月2日'],
      correction: ['政府信息公开申请补正告知书', '请写明道路名称', '2026年11月17日前补正'],
      extension: ['延期答复告知书', '需要调取历史档案', '延长10个工作日'],
      consultation: ['政府信息公开征求第三方意见书', '某建设有限公司：', '第三十二条', '2026年11月28日前'],
      feeNotice: ['收费通知书', '国办函〔2020〕109号', '45页', '150.00元', '2026年12月23日前'],
      reply: ['政府信息公开申请答复书', '第三十六条第（五）项', '某市自然资源局', '0000-87654321', '行政复议'],
    };
    for (const kind of KINDS) {
      const issued = await issue(office, doc, kind);
      expect([kind, issued.status]).toEqual([kind, 200]);
      expect(issued.body.data).toMatchObject({ kind, issuedAt: today(), postedAt: null, byPost: true, number: expect.stringMatching(new RegExp(`依申〔${year()}〕\\d+号$`)) });
      const { number } = issued.body.data;

      const html = await download(office, doc, `${kind}.html`);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      const page = html.body.toString('utf8');
      for (const text of [...expected[kind], number, '（印章）']) expect([kind, text, page.includes(text)]).toEqual([kind, text, true]);
      expect(page).toContain('size: A4');

      const docx = await download(office, doc, `${kind}.docx`);
      expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${kind}-[A-Z2-7-]+\\.docx"; filename\\*=UTF-8''`));
      const text = await docxText(docx.body);
      for (const part of [...expected[kind], number]) expect([kind, part, text.includes(part)]).toEqual([kind, part, true]);
    }
    const list = await handler.get(`/disclosure-workflow/requests/${doc.documentId}/notices`);
    expect(list.body.data).toMatchObject({ canIssue: false, issuable: KINDS });
    expect(list.body.data.notices.map((n) => n.kind)).toEqual(KINDS);
    expect((await office.get(`/disclosure-workflow/requests/${doc.documentId}/notices`)).body.data.canIssue).toBe(true);
  });

  it('names the file after the notice, and takes the format from the query string too', async () => {
    const doc = await paperCase();
    await issue(office, doc, 'correction');
    const res = await office.get(`/disclosure-workflow/requests/${doc.documentId}/notices/correction?format=docx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const name = decodeURIComponent(/filename\*=UTF-8''(.*)$/.exec(res.headers['content-disposition'])[1]);
    expect(name).toMatch(/^补正告知书-[A-Z2-7-]+\.docx$/);
    expect(await docxText(res.body)).toContain('请写明道路名称');
    const rendered = await notices().render({ documentId: doc.documentId, kind: 'correction', format: 'html' });
    expect(rendered).toMatchObject({ contentType: 'text/html; charset=utf-8', filename: expect.stringMatching(/^补正告知书-.*\.html$/) });
  });

  it('records each rendering on the personal-data trail and each issue in the audit trail', async () => {
    const doc = await paperCase();
    await issue(office, doc, 'receipt');
    await download(handler, doc, 'receipt.html');
    const events = await strapi.plugin('disclosure-workflow').service('audit').list({ documentId: doc.documentId });
    expect(events.some((e) => e.event === 'request.noticeIssued' && e.actor === a['gov-office'].id)).toBe(true);
    expect(events.some((e) => e.event === 'request.personal-data.read' && e.actor === a['gov-author'].id)).toBe(true);
  });
});

describe('文号', () => {
  it('rise one by one per kind and year, and start again each year', async () => {
    const doc = await paperCase();
    const numbers = [];
    for (const date of ['2024-03-01', '2024-05-01', '2025-01-02', '2024-12-31', '2025-02-01']) numbers.push((await notices().issue({ documentId: doc.documentId, kind: 'receipt', date })).number);
    expect(numbers).toEqual(['（机关名称）依申〔2024〕1号', '（机关名称）依申〔2024〕2号', '（机关名称）依申〔2025〕1号', '（机关名称）依申〔2024〕3号', '（机关名称）依申〔2025〕2号']);
    expect((await notices().issue({ documentId: doc.documentId, kind: 'correction', date: '2024-03-01' })).number).toBe('（机关名称）依申〔2024〕1号');
  });

  it('never repeat under concurrency: 20 at once give 20 consecutive numbers', async () => {
    const doc = await paperCase();
    const issued = await Promise.all(Array.from({ length: 20 }, () => notices().issue({ documentId: doc.documentId, kind: 'extension', date: '2023-06-01' })));
    const seqs = issued.map((n) => Number(/〔2023〕(\d+)号/.exec(n.number)[1])).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('templates', () => {
  it('are editable by the office in the Content Manager, and the rendered notice follows', async () => {
    const doc = await paperCase();
    await issue(office, doc, 'extension');
    const template = await strapi.db.query(TEMPLATE).findOne({ where: { kind: 'extension' } });
    const saved = await office
      .put(`/content-manager/collection-types/${TEMPLATE}/${template.documentId}`)
      .send({ organisation: '某县人民政府办公室', contacts: '联系人：李红\n联系电话：0000-1234567', body: `${template.body}\n如有疑问请致电{{queryCode}}专线。` });
    expect(saved.status).toBe(200);
    expect((await supervisor.put(`/content-manager/collection-types/${TEMPLATE}/${template.documentId}`).send({ seal: '（无）' })).status).toBe(403);
    const broken = await office.put(`/content-manager/collection-types/${TEMPLATE}/${template.documentId}`).send({ body: '{{#extension}}延期' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.errors.map((e) => e.path)).toEqual([['body']]);
    const page = (await download(office, doc, 'extension.html')).body.toString('utf8');
    expect(page).toContain('某县人民政府办公室');
    expect(page).toContain('联系人：李红');
    expect(page).toMatch(/如有疑问请致电[A-Z2-7-]+专线。/);
    // The 文号 of a notice already issued stays as allocated.
    expect(page).toContain('（机关名称）依申〔');
    expect((await issue(office, doc, 'extension')).body.data.number).toMatch(/^某县人民政府办公室依申〔/);
  });

  it('escape what the applicant wrote on the page', async () => {
    const doc = await paperCase({ applicantName: '<img src=x onerror=alert(1)>' });
    await issue(office, doc, 'receipt');
    const page = (await download(office, doc, 'receipt.html')).body.toString('utf8');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;：');
  });

  it('are granted to an office role made before they existed, once', async () => {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gov-office' } });
    const held = () => strapi.db.query('admin::permission').findMany({ where: { subject: TEMPLATE, role: { id: role.id } }, select: ['action'] });
    await strapi.db.query('admin::permission').deleteMany({ where: { subject: TEMPLATE, role: { id: role.id } } });
    const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.office-notice-templates' });
    await store.delete({});
    const { grantLaterPermissions } = require('../../dist/src/bootstrap/admin-roles');
    await grantLaterPermissions(strapi);
    expect((await held()).map((p) => p.action).sort()).toEqual(['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.update']);
    // Once: an administrator's later removal stands.
    await strapi.db.query('admin::permission').deleteMany({ where: { subject: TEMPLATE, role: { id: role.id }, action: 'plugin::content-manager.explorer.update' } });
    await grantLaterPermissions(strapi);
    expect((await held()).map((p) => p.action)).toEqual(['plugin::content-manager.explorer.read']);
  });

  it('are created once at start and never overwritten', async () => {
    const rows = await strapi.db.query(TEMPLATE).findMany({ select: ['kind'] });
    expect(rows.map((r) => r.kind).sort()).toEqual([...KINDS].sort());
    await strapi.db.query(TEMPLATE).update({ where: { kind: 'receipt' }, data: { seal: '（公章）' } });
    const { seedNoticeTemplates } = require('../../dist/src/bootstrap/notice-templates');
    await seedNoticeTemplates(strapi);
    expect(await strapi.db.query(TEMPLATE).count()).toBe(KINDS.length);
    expect((await strapi.db.query(TEMPLATE).findOne({ where: { kind: 'receipt' } })).seal).toBe('（公章）');
  });
});

describe('posting', () => {
  it('lists paper notices until the office records the day they were posted', async () => {
    const doc = await paperCase();
    const byMail = await paperCase({ email: 'x@example.cn', delivery: 'email' });
    const issued = (await issue(office, doc, 'correction')).body.data;
    const mailed = (await issue(office, byMail, 'correction')).body.data;
    expect(mailed.byPost).toBe(false);

    const list = await office.get('/disclosure-workflow/requests/notices/to-post');
    expect(list.status).toBe(200);
    expect(list.body.data.canRecord).toBe(true);
    const row = list.body.data.notices.find((n) => n.documentId === issued.documentId);
    expect(row).toMatchObject({ kind: 'correction', number: issued.number, addressee: '王小明', address: '某县人民路8号', request: doc.documentId });
    expect(list.body.data.notices.some((n) => n.documentId === mailed.documentId)).toBe(false);
    expect((await supervisor.get('/disclosure-workflow/requests/notices/to-post')).body.data).toMatchObject({ canRecord: false });
    // A handler sees only their own cases' notices.
    expect((await other.get('/disclosure-workflow/requests/notices/to-post')).body.data.notices.some((n) => n.documentId === issued.documentId)).toBe(false);

    expect((await handler.post(`/disclosure-workflow/requests/notices/${issued.documentId}/posted`).send({ date: today() })).status).toBe(403);
    const bad = await office.post(`/disclosure-workflow/requests/notices/${issued.documentId}/posted`).send({ date: '30.11.2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['date']);
    const early = await office.post(`/disclosure-workflow/requests/notices/${issued.documentId}/posted`).send({ date: '2020-01-01' });
    expect(early.body.error.details.code).toBe('DATE_OUT_OF_ORDER');
    const posted = await office.post(`/disclosure-workflow/requests/notices/${issued.documentId}/posted`).send({ date: today() });
    expect(posted.status).toBe(200);
    expect(posted.body.data.postedAt).toBe(today());
    expect((await office.post(`/disclosure-workflow/requests/notices/${issued.documentId}/posted`).send({ date: today() })).body.error.details.code).toBe('ALREADY_DONE');
    expect((await office.get('/disclosure-workflow/requests/notices/to-post')).body.data.notices.some((n) => n.documentId === issued.documentId)).toBe(false);
    const events = await strapi.plugin('disclosure-workflow').service('audit').list({ documentId: doc.documentId });
    expect(events.find((e) => e.event === 'request.noticePosted')).toMatchObject({ actor: a['gov-office'].id });
  });
});

describe('refusals', () => {
  it('only the office issues; bad kinds, unknown cases and other people\'s cases are refused', async () => {
    const doc = await paperCase();
    const byHandler = await issue(handler, doc, 'receipt');
    expect([byHandler.status, byHandler.body.error.details.code]).toEqual([403, 'OFFICE_ONLY']);
    const badKind = await issue(office, doc, 'invitation');
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details.errors[0].path).toEqual(['kind']);
    expect((await issue(office, doc, 'receipt', { date: '2999-01-01' })).body.error.details.code).toBe('DATE_IN_FUTURE');
    expect((await issue(office, { documentId: 'nosuchcase' }, 'receipt')).status).toBe(404);
    expect((await office.get('/disclosure-workflow/requests/nosuchcase/notices')).status).toBe(404);
    expect((await download(office, doc, 'receipt.pdf')).status).toBe(400);
    // Not issued yet: nothing to render.
    const notIssued = await download(office, doc, 'reply.html');
    expect([notIssued.status, JSON.parse(notIssued.body.toString()).error.details.code]).toEqual([404, 'NOTICE_NOT_ISSUED']);

    await issue(office, doc, 'receipt');
    expect((await download(handler, doc, 'receipt.html')).status).toBe(200);
    expect((await download(other, doc, 'receipt.html')).status).toBe(404);
    expect((await other.get(`/disclosure-workflow/requests/${doc.documentId}/notices`)).status).toBe(404);
    expect((await download(supervisor, doc, 'receipt.docx')).status).toBe(200);
  });

  it('refuses a notice the case has nothing for', async () => {
    const doc = await strapi.documents(REQUEST).create({
      data: { applicantType: 'naturalPerson', applicantName: '赵六', description: '某信息', delivery: 'paper', channel: 'letter', receivedAt: today() },
    });
    const res = await issue(office, doc, 'feeNotice');
    expect([res.status, res.body.error.details.code]).toEqual([409, 'CASE_STATE']);
    expect((await issue(office, doc, 'receipt')).status).toBe(200);
  });
});
