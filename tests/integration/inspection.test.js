// Checks before publishing (issue 14) on a real Strapi: findings on the draft, the attachment read
// from its stored bytes (masked, located), the gate on submit and sign-off (INSPECTION_FAILED), the
// secrecy reviewer's override (and nobody else's), an edit re-running the checks and clearing what
// no longer applies, links to documents that are not public, the 待办 badge and the nightly re-check.
const { Document, Packer, Paragraph } = require('docx');
const { ITEM, unique, itemData } = require('../helpers/fixtures');
const { workflowSuite, wf, approveAndPublish } = require('../helpers/workflow');
const { adminClient, waitFor } = require('../helpers/admin-http');
const { storedFile } = require('../helpers/files');

const suite = workflowSuite();
const TERM = 'plugin::disclosure-workflow.sensitive-term';
const ins = () => strapi.plugin('disclosure-workflow').service('inspection');
const ID = '11010519491231002X';
let a, department;
beforeAll(() => ({ actors: a, department } = suite));

const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });
const item = (overrides) => strapi.documents(ITEM).create({ data: itemData(department, overrides) });
const refusal = async (promise) => promise.then(() => null, (error) => error);
const rounds = (doc) => strapi.db.query('plugin::disclosure-workflow.round').count({ where: { targetDocumentId: doc.documentId } });

describe('findings on the draft', () => {
  it('finds an ID number in the body, masked, and a 文号 not in the standard form; a clean item has none', async () => {
    const doc = await item({ body: `请核实证件号码 ${ID}。`, documentNumber: '清教[2025]105号' });
    const result = await ins().check(target(doc));
    expect(result.findings).toHaveLength(2);
    expect(result.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'meta.documentNumber', severity: 'warning', field: 'documentNumber' }),
      expect.objectContaining({ rule: 'pii.idNumber', severity: 'error', field: 'body', excerpt: expect.stringContaining('110105********002X'), overridden: false }),
    ]));
    expect(JSON.stringify(result)).not.toContain(ID);
    expect((await ins().check(target(await item({ body: '本机关依法公开政府信息。' })))).counts).toEqual({ errors: 0, warnings: 0, blocking: 0 });
  });

  it('reads an attached DOCX from its stored bytes and says where the phone number is', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('附件：联系电话 13912345678')] }] }));
    const file = await storedFile('附件一：名单.docx', docx);
    const doc = await item({ attachments: [file.id] });
    const { findings } = await ins().check(target(doc));
    expect(findings).toEqual([expect.objectContaining({ rule: 'pii.mobile', field: 'attachments', location: '附件一：名单.docx', excerpt: expect.stringContaining('139****5678') })]);
    // The same bytes are read once: the text is kept by their SHA-256.
    expect(await strapi.db.connection('dw_attachment_texts').where({ sha256: file.sha256 }).count({ n: '*' })).toEqual([{ n: expect.anything() }]);
  });

  it('requires a 行政规范性文件 to link its 解读 when the office says so', async () => {
    strapi.config.set('disclosure.requireInterpretation', true);
    try {
      const policy = await item({ genre: 'normativeDocument' });
      expect((await ins().check(target(policy))).findings).toEqual([expect.objectContaining({ rule: 'meta.interpretation', severity: 'error' })]);
      // A related item of genre interpretation is not its 解读: the interpretation must name the policy.
      const unrelatedReading = await item({ genre: 'interpretation', title: `政策解读 ${unique()}`, interprets: [(await item({})).documentId] });
      await strapi.documents(ITEM).update({ documentId: policy.documentId, data: { related: [unrelatedReading.documentId] } });
      expect((await ins().check(target(policy))).findings).toEqual([expect.objectContaining({ rule: 'meta.interpretation' })]);
      await item({ genre: 'interpretation', title: `政策解读 ${unique()}`, interprets: [policy.documentId] });
      expect((await ins().check(target(policy))).findings).toEqual([]);
    } finally {
      strapi.config.set('disclosure.requireInterpretation', false);
    }
  });

  it('reports a link in the body to an item that is not public', async () => {
    const hidden = await item({});
    const doc = await item({ body: `详见[相关通知](/api/disclosure-items/${hidden.documentId})。` });
    expect((await ins().check(target(doc))).findings).toEqual([expect.objectContaining({ rule: 'link.notPublic', severity: 'error', field: 'body' })]);
  });
});

describe('the gate', () => {
  it('refuses submit with INSPECTION_FAILED listing the findings, writing nothing; an edit re-runs the checks', async () => {
    const doc = await item({ body: `身份证号 ${ID}` });
    const error = await refusal(wf().submit({ ...target(doc), actor: a['gov-author'].id }));
    expect(error).toMatchObject({ code: 'INSPECTION_FAILED', status: 409, extra: { findings: [expect.objectContaining({ rule: 'pii.idNumber' })] } });
    expect(await rounds(doc)).toBe(0);
    const http = await adminClient(a['gov-author']);
    const res = await http.post('/disclosure-workflow/submit').send(target(doc));
    expect([res.status, res.body.error.details.code, res.body.error.details.findings.length]).toEqual([409, 'INSPECTION_FAILED', 1]);
    expect(JSON.stringify(res.body)).not.toContain(ID);

    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { body: '已删去个人信息。' } });
    expect((await ins().check(target(doc))).findings).toEqual([]);
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    expect(await rounds(doc)).toBe(1);
  });

  it('stops sign-off when a new dictionary term hits what was approved; only the secrecy reviewer overrides, with a reason', async () => {
    const word = `测试敏感词${unique()}`;
    const doc = await item({ summary: `本文提到${word}。` });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    for (;;) {
      const status = await wf().status(target(doc));
      if (status.state !== 'in_review') break;
      await wf().decide({ ...target(doc), actor: a[status.steps[status.current].roles[0]].id, decision: 'approve' });
    }
    await strapi.db.query(TERM).create({ data: { term: word, correction: '规范表述', severity: 'error', category: 'test' } });
    const signOff = () => wf().signOff({ ...target(doc), actor: a['gov-secrecy-reviewer'].id, conclusion: 'public' });
    expect(await refusal(signOff())).toMatchObject({ code: 'INSPECTION_FAILED' });

    const finding = { ...target(doc), rule: 'words.test', field: 'summary', reason: '引用原文，经核实无误' };
    for (const who of ['gov-office', 'gov-leader', 'gov-author']) {
      expect([who, (await refusal(ins().override({ ...finding, actor: a[who].id })))?.code]).toEqual([who, 'NOT_ALLOWED']);
    }
    expect(await refusal(ins().override({ ...finding, reason: ' ', actor: a['gov-secrecy-reviewer'].id }))).toMatchObject({ code: 'OVERRIDE_REASON_REQUIRED' });
    const http = await adminClient(a['gov-leader']);
    expect((await http.post('/disclosure-workflow/inspection/override').send(finding)).status).toBe(403);

    const after = await ins().override({ ...finding, actor: a['gov-secrecy-reviewer'].id });
    expect(after.counts.blocking).toBe(0);
    expect(after.overridden).toEqual([expect.objectContaining({ rule: 'words.test', reason: '引用原文，经核实无误', actor: a['gov-secrecy-reviewer'].id })]);
    const trail = await strapi.db.query('plugin::disclosure-workflow.audit-event').findMany({ where: { event: 'inspection.override', targetDocumentId: doc.documentId } });
    expect(trail).toEqual([expect.objectContaining({ comment: '引用原文，经核实无误', data: expect.objectContaining({ findings: [expect.objectContaining({ rule: 'words.test' })] }) })]);
    expect((await signOff()).state).toBe('approved');
    // The 审核单 prints the finding, masked, with the override's reason.
    const slip = await (await adminClient(a['gov-section-head'])).get(`/disclosure-workflow/slip?uid=${encodeURIComponent(ITEM)}&documentId=${doc.documentId}&format=html`);
    expect(slip.status).toBe(200);
    for (const text of ['发布前检查', 'words.test', '已放行', '引用原文，经核实无误']) expect([text, slip.text.includes(text)]).toEqual([text, true]);
  });

  it('runs again by itself when the content changes while in review', async () => {
    const doc = await item({ body: '送审时没有问题。' });
    await wf().submit({ ...target(doc), actor: a['gov-author'].id });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { body: `送审后加入了身份证号 ${ID}` } });
    const stored = await waitFor(() => strapi.db.query('plugin::disclosure-workflow.inspection').findOne({ where: { targetDocumentId: doc.documentId } }));
    expect(stored).toMatchObject({ errors: 1, findings: [expect.objectContaining({ rule: 'pii.idNumber' })] });
  });

  it('keeps an override while its finding stands and drops it when an edit removes the finding', async () => {
    const word = `测试词${unique()}`;
    await strapi.db.query(TERM).create({ data: { term: word, severity: 'error', category: 'test' } });
    const doc = await item({ summary: `含${word}`, body: '第一稿' });
    await ins().override({ ...target(doc), rule: 'words.test', reason: '原文引用', actor: a['gov-secrecy-reviewer'].id });
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { body: '第二稿' } });
    expect((await ins().check(target(doc))).overridden).toHaveLength(1);
    await strapi.documents(ITEM).update({ documentId: doc.documentId, data: { summary: '已改' } });
    expect((await ins().check(target(doc))).overridden).toEqual([]);
  });
});

describe('external links', () => {
  it('are checked in the background (HEAD, GET when refused): a dead one is a warning that never blocks; internal addresses are never contacted', async () => {
    const http = require('http');
    const server = http.createServer((req, res) => res.writeHead(req.url === '/ok' ? (req.method === 'HEAD' ? 405 : 200) : 404).end());
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${server.address().port}`;
    try {
      const doc = await item({ body: `参见[有效链接](${base}/ok)和[失效链接](${base}/gone)。` });
      expect((await ins().check(target(doc))).findings).toEqual([]); // queued, not yet checked: no finding, no wait

      // By default an address on the internal network is not contacted: the answer says so.
      await ins().checkLinks({ limit: 1000 });
      const refused = await strapi.db.connection('dw_link_checks').where({ url: `${base}/gone` }).first();
      expect(refused).toMatchObject({ result: expect.stringContaining('internal address') });

      strapi.config.set('plugin::disclosure-workflow.inspection.linkCheck.allowInternal', true);
      await strapi.db.connection('dw_link_checks').whereIn('url', [`${base}/ok`, `${base}/gone`]).update({ checked_at: 1 });
      await ins().checkLinks({ limit: 1000 });
      const { findings, counts } = await ins().check(target(doc));
      expect(findings).toEqual([expect.objectContaining({ rule: 'link.external', severity: 'warning', field: 'body', excerpt: expect.stringContaining('HTTP 404') })]);
      expect(counts).toMatchObject({ warnings: 1, blocking: 0 });
      await wf().submit({ ...target(doc), actor: a['gov-author'].id }); // warnings never block
    } finally {
      strapi.config.set('plugin::disclosure-workflow.inspection.linkCheck.allowInternal', false);
      server.close();
    }
  });
});

describe('around the gate', () => {
  it('shows counts on 待办 and answers the panel route only to those who may see the document', async () => {
    const doc = await item({ keywords: `${ID}` });
    await ins().check(target(doc));
    const reviewer = await adminClient(a['gov-section-head']);
    const res = await reviewer.get(`/disclosure-workflow/inspection?uid=${encodeURIComponent(ITEM)}&documentId=${doc.documentId}`);
    expect([res.status, res.body.data.counts.blocking]).toEqual([200, 1]);
    expect((await reviewer.get(`/disclosure-workflow/inspection?uid=${encodeURIComponent(ITEM)}&documentId[$ne]=x`)).status).toBe(400);
    const types = await reviewer.get('/disclosure-workflow/inspection/types');
    expect(types.body.data).toEqual(expect.arrayContaining([ITEM, 'api::handling-procedure.handling-procedure']));
    expect(types.body.data).not.toContain('api::request-reply.request-reply');
  });

  it('re-checks what is published after a dictionary change, tells the office once, takes nothing down', async () => {
    const word = `复查词${unique()}`;
    const doc = await item({ title: `复查测试 ${word}` });
    await approveAndPublish(ITEM, doc.documentId);
    await strapi.db.query(TERM).create({ data: { term: word, severity: 'error', category: 'test' } });
    const before = suite.mailbox.mails.length;
    const { failing } = await ins().recheckPublished();
    expect(failing).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: doc.documentId, findings: [expect.objectContaining({ rule: 'words.test', field: 'title' })] })]));
    const mail = suite.mailbox.mails.slice(before).find((m) => m.text.includes('发布前检查'));
    expect(mail.to).toEqual(expect.arrayContaining([a['gov-office'].email]));
    expect(await strapi.db.query(ITEM).count({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } })).toBe(1);
    expect((await ins().recheckPublished()).checked).toBe(0); // once per dictionary version
  });
});
