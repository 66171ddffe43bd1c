// 告知书 without Strapi: the variables a case gives its templates, the 文号, the default wording of
// every kind and reply type, the escaped A4 page and the .docx built from the same blocks.
const mammoth = require('mammoth');
const n = require('../../dist/src/domain/notices');
const { DEFAULT_NOTICE_TEMPLATES, DEFAULT_NOTICE_SETTINGS } = require('../../dist/src/domain/notice-templates');
const { noticeDocx } = require('../../dist/src/domain/notice-docx');
const { REPLY_TYPES, REPLY_TYPE_ARTICLES } = require('../../dist/src/domain/reply-types');

const kase = {
  queryCode: 'ABCD-EFGH-IJKL-MNOP', applicantName: '张三', address: '某市某路1号', email: null, delivery: 'paper', channel: 'letter',
  description: '请公开某项目的环评批复', receivedAt: '2026-11-02', dueAt: '2026-12-30',
  events: [
    { type: 'received', date: '2026-11-02' },
    { type: 'correctionRequested', date: '2026-11-03', deadline: '2026-11-17', items: '请写明项目名称' },
    { type: 'correctionReceived', date: '2026-11-05' },
    { type: 'pauseStarted', date: '2026-11-06', kind: 'otherAgency', party: '某市生态环境局', answerBy: '2026-11-27' },
    { type: 'pauseEnded', date: '2026-11-20', outcome: 'agree' },
    { type: 'extended', date: '2026-11-25', days: 15, reason: '需要调取档案' },
    { type: 'feeNoticed', date: '2026-11-26', mode: 'perPage', pages: 120, quoted: 1100, reduction: 100, amount: 1000, payBy: '2026-12-25' },
    { type: 'replyDrafted', date: '2026-11-27', reply: 'r1' },
  ],
};
const issued = (vars) => ({ ...vars, number: '某县政府办依申〔2026〕7号', date: '2026年11月30日' });
const template = (kind) => ({ ...DEFAULT_NOTICE_TEMPLATES[kind], ...DEFAULT_NOTICE_SETTINGS, organisation: '某县人民政府办公室' });
const text = (kind, reply) => {
  const blocks = n.composeNotice(template(kind), issued(n.noticeVariables(kase, reply)));
  return [blocks.title, blocks.number, ...blocks.paragraphs.map((p) => p.text), blocks.seal, blocks.organisation, blocks.date].join('\n');
};

describe('variables', () => {
  it('write dates the Chinese way and name each step of the case', () => {
    expect(n.chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(n.chineseDate(null)).toBe('');
    const v = n.noticeVariables(kase);
    expect(v).toMatchObject({
      applicantName: '张三', receivedAt: '2026年11月2日', channel: '信函',
      correction: { deadline: '2026年11月17日', items: '请写明项目名称' },
      extension: { days: 15, reason: '需要调取档案' },
      consultation: { party: '某市生态环境局', otherAgency: true, thirdParty: false, answerBy: '2026年11月27日' },
      fee: { perPage: true, perCase: false, pages: 120, quoted: '1100.00', reduction: '100.00', amount: '1000.00', payBy: '2026年12月25日' },
      reply: null,
    });
    expect(n.noticeVariables({ events: [{ type: 'received', date: '2026-11-02' }] })).toMatchObject({ correction: null, fee: null, receivedAt: '2026年11月2日' });
  });

  it('know what a case has to notify about', () => {
    expect(n.issuableKinds(kase.events)).toEqual(['receipt', 'correction', 'extension', 'consultation', 'feeNotice', 'reply']);
    expect(n.issuableKinds([{ type: 'submitted', date: '2026-11-01' }])).toEqual([]);
    expect(n.sourceEvent('reply', [{ type: 'replyDrafted', reply: 'a' }, { type: 'replied', reply: 'b' }]).reply).toBe('b');
  });

  it('send a notice by post when the applicant has no e-mail or asked for paper; consultation letters always', () => {
    expect(n.noticeByPost('receipt', { email: 'a@b.cn', delivery: 'email' })).toBe(false);
    expect(n.noticeByPost('receipt', { email: 'a@b.cn', delivery: 'paper' })).toBe(true);
    expect(n.noticeByPost('receipt', { email: null, delivery: 'email' })).toBe(true);
    expect(n.noticeByPost('consultation', { email: 'a@b.cn', delivery: 'email' })).toBe(true);
  });
});

describe('the 文号 and the file name', () => {
  it('fills the pattern without padding or escaping', () => {
    expect(n.formatNumber(DEFAULT_NOTICE_SETTINGS.numberPattern, { org: '某县<政府办>', year: 2026, seq: 12 })).toBe('某县<政府办>依申〔2026〕12号');
  });
  it('names the file after the notice, with an ASCII fallback', () => {
    expect(n.noticeFilename('correction', { queryCode: 'AB-CD' }, 'docx')).toEqual({ filename: '补正告知书-AB-CD.docx', ascii: 'correction-AB-CD.docx' });
    expect(n.noticeFilename('consultation', { queryCode: 'AB', consultation: { otherAgency: true } }, 'html').filename).toBe('征求意见函-AB.html');
    expect(n.noticeFilename('consultation', { queryCode: 'AB', consultation: { thirdParty: true } }, 'html').filename).toBe('征求第三方意见书-AB.html');
  });
});

describe('default wording', () => {
  it('cites the articles of the 条例 for each kind', () => {
    expect(text('receipt')).toMatch(/第三十一条[\s\S]*第三十三条/);
    expect(text('correction')).toMatch(/第三十条[\s\S]*请写明项目名称[\s\S]*2026年11月17日前补正/);
    expect(text('extension')).toMatch(/第三十三条第二款[\s\S]*延长15个工作日/);
    expect(text('feeNotice')).toMatch(/国办函〔2020〕109号[\s\S]*按量计收[\s\S]*120页[\s\S]*减免100.00元[\s\S]*1000.00元[\s\S]*2026年12月25日前/);
    expect(text('receipt')).toMatch(/^政府信息公开申请受理回执\n某县政府办依申〔2026〕7号\n张三：/);
  });

  it('writes to the consulted party, without naming the applicant: §34 to an agency, §32 to a third party', () => {
    const agency = text('consultation');
    expect(agency).toMatch(/^政府信息公开征求意见函\n/);
    expect(agency).toMatch(/某市生态环境局：[\s\S]*第三十四条[\s\S]*视为同意公开/);
    expect(agency).not.toMatch(/第三十二条|张三/);
    const third = n.composeNotice(template('consultation'), issued(n.noticeVariables({ ...kase, events: [{ type: 'pauseStarted', kind: 'thirdParty', party: '某公司', date: '2026-11-06' }] })));
    expect(third.title).toBe('政府信息公开征求第三方意见书');
    expect(third.paragraphs.map((p) => p.text).join('')).toMatch(/某公司：.*第三十二条.*15个工作日内/);
  });

  const fields = {
    alreadyPublic: { accessRoute: '本机关门户网站政府信息公开专栏' },
    withheld: { exemptionReason: 'processInfo' },
    notOurs: { competentAgency: '某市自然资源局', competentAgencyContact: '0000-12345678' },
    repeat: { earlierReply: '某县政府办依申〔2026〕3号' },
    publication: { accessRoute: '新华书店' },
    other: { body: '经研究，另行处理。' },
  };
  it.each(REPLY_TYPES)('answers a %s reply with its own section', (type) => {
    const reply = text('reply', { replyType: type, ...fields[type] });
    expect(reply).toContain(REPLY_TYPE_ARTICLES[type] || '');
    for (const value of Object.values(fields[type] ?? {})) if (value !== 'processInfo') expect(reply).toContain(value);
    // Exactly one section between the opening and the appeal rights.
    const lines = reply.split('\n');
    expect(lines.indexOf('如对本答复不服，您可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。') - lines.indexOf('现答复如下：')).toBe(2);
  });

  it('gives the statutory ground of a withheld reply', () => {
    expect(text('reply', { replyType: 'withheld', exemptionReason: 'stateSecret' })).toContain('属于国家秘密。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项');
    expect(text('reply', { replyType: 'withheld', exemptionReason: 'adminQuery' })).toContain('属于行政查询事项。根据《中华人民共和国政府信息公开条例》第三十六条第（三）项');
  });
});

describe('template checks', () => {
  it('name each field that is not valid mustache', () => {
    expect(n.templateProblems({ title: '告知书', body: '{{#fee}}未闭合', numberPattern: '{{org}}〔{{year}}〕{{seq}}号', contacts: '{{/x}}' }).map((p) => p.path)).toEqual(['contacts', 'body']);
    expect(n.templateProblems({ seal: '{{', body: DEFAULT_NOTICE_TEMPLATES.reply.body })).toEqual([]);
    for (const t of Object.values(DEFAULT_NOTICE_TEMPLATES)) expect(n.templateProblems(t)).toEqual([]);
  });
});

describe('layout', () => {
  const hostile = { ...kase, applicantName: '<script>alert(1)</script>&"\'' };
  const blocks = n.composeNotice(template('receipt'), issued(n.noticeVariables(hostile)));

  it('is a complete A4 page with every text escaped', () => {
    const html = n.noticeHtml(blocks);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/仿宋/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;：');
    expect(html).toContain('<p class="number">某县政府办依申〔2026〕7号</p>');
    expect(html).toMatch(/<p class="seal">（印章）<\/p>\s*<p>某县人民政府办公室<\/p>\s*<p>2026年11月30日<\/p>/);
  });

  it('indents paragraphs but not the salutation', () => {
    expect(blocks.paragraphs[0]).toEqual({ text: `${hostile.applicantName}：`, indent: false });
    expect(blocks.paragraphs[1].indent).toBe(true);
  });

  it('builds a .docx with the same text, on A4', async () => {
    const buffer = await noticeDocx(n.composeNotice(template('correction'), issued(n.noticeVariables(kase))));
    const { value } = await mammoth.extractRawText({ buffer });
    for (const part of ['政府信息公开申请补正告知书', '某县政府办依申〔2026〕7号', '张三：', '请写明项目名称', '（印章）', '2026年11月30日', '联系电话：']) expect(value).toContain(part);
    const xml = (await require('jszip').loadAsync(buffer)).file('word/document.xml');
    expect(await xml.async('string')).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
  });
});
