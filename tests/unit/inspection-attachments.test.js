// Attachments: type by content, size, readability, and text per page / row with the right location.
const { PDFDocument, StandardFonts, PDFHexString } = require('pdf-lib');
const { Document, Packer, Paragraph } = require('docx');
const ExcelJS = require('exceljs');
const { extractAttachment, checkText } = require('../../src/plugins/disclosure-workflow/dist/server/domain');

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ALL = { allowedMimes: [PDF, DOCX, XLSX, 'text/csv', 'text/plain', 'image/png'], maxBytes: 5_000_000 };
const ID = '11010519491231002X';
const BAD_ID = '110105194912310021'; // wrong check character
const MOBILE = '13912345678';
const CARD = '6222020200001234562'; // passes Luhn

async function pdf(pages, encrypt = false) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage().drawText(text, { x: 50, y: 700, font, size: 12 });
  if (encrypt) {
    // The standard security handler with a user password: no reader opens it without the password.
    const hex = (b) => PDFHexString.of(b.repeat(32));
    doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: hex('00'), U: hex('11'), P: -4 }));
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
const run = (name, data, options = ALL) => extractAttachment({ field: 'attachments', name, data }, options);
const rules = (r) => r.findings.map((f) => f.rule);

describe('attachment text and locations', () => {
  it('reads a PDF per page: the ID number on page 2, the invalid one not reported', async () => {
    const data = await pdf(['Page one: notice', `Page two: ID ${ID} and ${BAD_ID}`, `Page three: card (Luhn) ${CARD}`]);
    const r = await run('list.pdf', data);
    expect(r.mime).toBe(PDF);
    expect(r.sources.map((s) => s.location)).toEqual(['list.pdf p.1', 'list.pdf p.2', 'list.pdf p.3']);
    const found = checkText(r.sources, null);
    expect(found).toEqual([{ rule: 'pii.idNumber', severity: 'error', field: 'attachments', location: 'list.pdf p.2', excerpt: expect.stringContaining('110105********002X') }]);
    expect(JSON.stringify(found)).not.toContain(ID);
  });

  it('reads a DOCX whole and finds the bank card beside 银行卡号, masked', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('补贴发放名单'), new Paragraph(`银行卡号：${CARD}，手机 ${MOBILE}`)] }] });
    const r = await run('名单.docx', await Packer.toBuffer(doc));
    const found = checkText(r.sources, null);
    expect(found.map((f) => [f.rule, f.location])).toEqual([['pii.bankCard', '名单.docx'], ['pii.mobile', '名单.docx']]);
    expect(found[0].excerpt).toContain('6222***********4562');
    expect(found[0].excerpt).toContain('139****5678');
  });

  it('reads an XLSX per row: the phone on sheet 2 row 5', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['2025年补贴资金', '12,345,678.90 元']);
    const people = wb.addWorksheet('名单');
    for (let i = 1; i <= 4; i++) people.addRow([`序号${i}`, '城关镇', 20250301 + i]);
    people.addRow(['5', '白沙乡', MOBILE]);
    const r = await run('名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const found = checkText(r.sources, null);
    expect(found).toEqual([expect.objectContaining({ rule: 'pii.mobile', location: '名单.xlsx 表名单 第5行', excerpt: '5 白沙乡 139****5678' })]);
  });

  it('reads a CSV per line', async () => {
    const r = await run('list.csv', Buffer.from(`姓名,证件号码\n王建国,${ID}\n刘芳,${BAD_ID}\n`));
    expect(r.mime).toBe('text/csv');
    expect(checkText(r.sources, null)).toEqual([expect.objectContaining({ rule: 'pii.namePair', location: 'list.csv 第2行', excerpt: '王建国,110105********002X' })]);
  });

  it('reads plain text and HTML whole, HTML without its tags', async () => {
    const html = await run('page.html', Buffer.from(`<p>联系<b>手机</b> ${MOBILE}</p>`), { ...ALL, allowedMimes: ['text/html'] });
    expect(html.sources).toEqual([{ field: 'attachments', location: 'page.html', text: expect.not.stringContaining('<') }]);
    expect(checkText(html.sources, null).map((f) => f.rule)).toEqual(['pii.mobile']);
    expect((await run('a.txt', Buffer.from('说明'))).sources).toEqual([{ field: 'attachments', location: 'a.txt', text: '说明' }]);
  });
});

describe('attachments that cannot be checked', () => {
  it('reports an encrypted PDF and a corrupt PDF as unreadable', async () => {
    expect(rules(await run('secret.pdf', await pdf(['x'], true)))).toEqual(['attachment.unreadable']);
    expect(rules(await run('broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage')))).toEqual(['attachment.unreadable']);
  });

  it('reports a PNG as not machine-readable, or as a type not allowed', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect((await run('scan.png', png)).findings).toEqual([expect.objectContaining({ rule: 'attachment.notMachineReadable', severity: 'warning', location: 'scan.png' })]);
    expect(rules(await run('scan.png', png, { ...ALL, allowedMimes: [PDF] }))).toEqual(['attachment.type']);
  });

  it('reports a PDF with no text layer (a scan) as not machine-readable', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(rules(await run('scan.pdf', Buffer.from(await doc.save())))).toEqual(['attachment.notMachineReadable']);
  });

  it('decides the type by content: an .exe named .pdf is refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    exe.write('PE\0\0', 0x80);
    exe.writeUInt32LE(0x80, 0x3c);
    const r = await run('report.pdf', exe);
    expect(r.findings).toEqual([expect.objectContaining({ rule: 'attachment.type', severity: 'error' })]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const r = await run('big.csv', Buffer.from('a,b\n'), { ...ALL, maxBytes: 2 });
    expect(r).toEqual({ sources: [], findings: [expect.objectContaining({ rule: 'attachment.tooLarge', severity: 'error' })], mime: null });
  });
});
