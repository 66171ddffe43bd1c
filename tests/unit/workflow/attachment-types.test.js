const { classify, decodeText, assertKnownTypes, DEFAULT_ALLOWED_TYPES, IMAGE_EXTENSIONS } = require('../../../src/plugins/disclosure-workflow/dist/server/domain');

const ALL = DEFAULT_ALLOWED_TYPES;
const text = (s, enc = 'utf8') => new Uint8Array(Buffer.from(s, enc));
const ok = (file, allowed = ALL) => classify({ name: `f${file.ext}`, bytes: new Uint8Array(), ...file }, allowed);

describe('attachment types by content', () => {
  it.each([
    ['.pdf', 'application/pdf', 'application/pdf'],
    ['.docx', 'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['.doc', 'application/x-cfb', 'application/msword'],
    ['.wps', 'application/x-cfb', 'application/vnd.ms-works'],
    ['.JPEG', 'image/jpeg', 'image/jpeg'],
  ])('accepts %s detected as %s', (ext, detected, mime) => {
    expect(ok({ ext: ext.toLowerCase(), detected })).toEqual({ ok: true, type: expect.any(String), mime });
  });

  it.each([
    ['.html', undefined],
    ['.svg', undefined],
    ['.js', undefined],
    ['.xml', 'application/xml'],
    ['.pdf', 'application/xml'],
    ['.pdf', undefined],
    ['.pdf', 'image/png'],
    ['.png', 'application/pdf'],
    ['.exe', 'application/x-msdownload'],
    ['', 'application/pdf'],
  ])('refuses %s detected as %s, in both languages, naming the file', (ext, detected) => {
    const verdict = classify({ name: `附件${ext}`, ext, detected, bytes: new Uint8Array() }, ALL);
    expect(verdict).toMatchObject({ ok: false, zh: expect.stringContaining(`附件${ext}`), en: expect.stringContaining(`附件${ext}`) });
  });

  it('an OFD must be a ZIP holding OFD.xml', () => {
    expect(ok({ ext: '.ofd', detected: 'application/zip', bytes: text('PK..OFD.xml..') }).ok).toBe(true);
    expect(ok({ ext: '.ofd', detected: 'application/zip', bytes: text('PK..index.html..') }).ok).toBe(false);
  });

  it('text formats: text without markup only (UTF-8, GB18030, UTF-16 with BOM)', () => {
    expect(ok({ ext: '.csv', bytes: text('名称,金额\n办公用品,<5000\n') }).ok).toBe(true);
    expect(ok({ ext: '.csv', bytes: new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x31, 0x0a]) /* 名称,1 in GBK */ }).ok).toBe(true);
    expect(ok({ ext: '.txt', bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from('通知', 'utf16le')]) }).ok).toBe(true);
    for (const markup of ['<script>alert(1)</script>', '<svg onload=alert(1)>', '<?xml version="1.0"?>', '<!DOCTYPE html>', '<iframe src=x>', 'a,<a href="javascript:alert(1)">x</a>']) {
      expect(ok({ ext: '.csv', bytes: text(markup) }).ok).toBe(false);
    }
    expect(ok({ ext: '.txt', bytes: new Uint8Array([0x41, 0x00, 0x42]) }).ok).toBe(false);
    expect(ok({ ext: '.txt', detected: 'image/png', bytes: text('x') }).ok).toBe(false);
    expect(decodeText(new Uint8Array([0xc3, 0x28, 0x00]))).toBeNull();
  });

  it('only the configured types are allowed; unknown names fail at start-up', () => {
    expect(ok({ ext: '.zip', detected: 'application/zip' }, ['pdf']).ok).toBe(false);
    expect(() => assertKnownTypes(['pdf', 'html'])).toThrow(/unknown type\(s\) html/);
    expect(assertKnownTypes(['pdf'])).toEqual(['pdf']);
  });

  it('raster images are the only inline types', () => {
    expect([...IMAGE_EXTENSIONS].sort()).toEqual(['.bmp', '.gif', '.jpeg', '.jpg', '.png', '.tif', '.tiff', '.webp']);
  });
});
