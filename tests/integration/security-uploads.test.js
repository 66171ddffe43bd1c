// Uploads and attachments, attacked as the real roles over HTTP (admin JWTs, the media library's own
// routes): active content refused by content, attachments of documents in review / approved /
// published locked for everyone, the byte hash kept with each file and bound by the content hash,
// gov-* authors managing only their own files, and /uploads responses that cannot run script.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { setupStrapi, cleanupStrapi } = require('../helpers/strapi');
const { captureMail } = require('../helpers/mail');
const { ITEM, http, makeDepartment, itemData, makeAdmin } = require('../helpers/fixtures');
const { actors, makeUser, approve, wf } = require('../helpers/workflow');

const FILE = 'plugin::upload.file';
const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

// ---- minimal real files ----
// A readable one-page PDF (the pre-publication checks open every attachment), unique bytes each time.
const pdf = (text = 'PDF') =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n% ${text} ${crypto.randomBytes(8).toString('hex')}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
const png = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A stored (uncompressed) ZIP archive. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
const docx = () => zip({
  '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>',
});
const ofd = () => zip({ 'OFD.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>', 'Doc_0/Document.xml': '<ofd:Document/>' });

let mailbox;
let a;
let department;
let author;
let otherAuthor;
let superAdmin;

const tokens = new Map(); // one login per user: the admin login is rate limited
async function login(user) {
  if (tokens.has(user.id)) return tokens.get(user.id);
  const res = await http().post('/admin/login').send({ email: user.email, password: 'Test1234!secret' });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  tokens.set(user.id, res.body.data.token);
  return res.body.data.token;
}
async function as(user) {
  const token = user.token ?? (await login(user));
  const call = (method, p) => http()[method](p).set('Authorization', `Bearer ${token}`);
  return {
    upload: (buffer, filename, contentType) => call('post', '/upload').attach('files', buffer, { filename, ...(contentType ? { contentType } : {}) }),
    replace: (id, buffer, filename) => call('post', `/upload?id=${id}`).attach('files', buffer, { filename }),
    replaceRoute: (id, buffer, filename) => call('post', `/upload/files/${id}/replace`).attach('files', buffer, { filename }),
    rename: (id, name) => call('post', `/upload?id=${id}`).field('fileInfo', JSON.stringify({ name })),
    remove: (id) => call('delete', `/upload/files/${id}`),
    bulkDelete: (ids) => call('post', '/upload/actions/bulk-delete').send({ fileIds: ids }),
    call,
  };
}

const row = (id) => strapi.db.query(FILE).findOne({ where: { id } });
const stored = async (id) => fs.readFileSync(path.join(strapi.dirs.static.public, (await row(id)).url));
const served = async (id) => (await http().get((await row(id)).url).buffer(true).parse((res, cb) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c)).on('end', () => cb(null, Buffer.concat(chunks)));
})).body;

async function uploaded(user, buffer = pdf(), filename = `附件-${crypto.randomBytes(3).toString('hex')}.pdf`) {
  const res = await (await as(user)).upload(buffer, filename);
  expect(res.status).toBe(201);
  return res.body[0];
}

const draftWith = (file, overrides = {}) => strapi.documents(ITEM).create({ data: itemData(department, { attachments: [file.id], ...overrides }) });
const target = (doc) => ({ uid: ITEM, documentId: doc.documentId });

beforeAll(async () => {
  mailbox = await captureMail();
  await setupStrapi();
  a = await actors();
  author = a['gov-author'];
  otherAuthor = await makeUser('gov-author');
  superAdmin = await makeAdmin();
  department = await makeDepartment();
});
afterAll(async () => {
  await cleanupStrapi();
  await mailbox.close();
});

describe('attachment types are checked by content (gov-author, POST /upload)', () => {
  const refused = [
    ['an .html page', Buffer.from('<html><body><script>fetch("/admin/users/me")</script></body></html>'), 'notice.html', 'text/html'],
    ['an .svg with script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'), 'logo.svg', 'image/svg+xml'],
    ['a .js file', Buffer.from('fetch("/admin/users").then(r => r.json())'), 'app.js', 'application/javascript'],
    ['XML renamed to .pdf', Buffer.from('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'), 'report.pdf', 'application/pdf'],
    ['HTML renamed to .pdf', Buffer.from('<html><script>alert(1)</script></html>'), '通知.pdf', 'application/pdf'],
    ['SVG renamed to .png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'chart.png', 'image/png'],
    ['HTML renamed to .txt', Buffer.from('<!doctype html><script>alert(1)</script>'), 'readme.txt', 'text/plain'],
    ['a PDF named .html (served as HTML)', pdf(), 'polyglot.html', 'text/html'],
    ['a PNG named .pdf', png(), 'photo.pdf', 'application/pdf'],
    ['a ZIP without OFD.xml named .ofd', zip({ 'index.html': '<script>alert(1)</script>' }), 'fake.ofd', 'application/ofd'],
  ];

  it.each(refused)('refuses %s with a 400 naming the file, and stores nothing', async (_label, buffer, filename, contentType) => {
    const before = await strapi.db.query(FILE).count({ where: { name: filename } });
    const res = await (await as(author)).upload(buffer, filename, contentType);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', details: { code: 'FILE_TYPE_NOT_ALLOWED', file: filename } });
    expect(res.body.error.message).toContain(filename);
    expect(res.body.error.details.zh).toContain('不能上传');
    expect(await strapi.db.query(FILE).count({ where: { name: filename } })).toBe(before);
  });

  it.each([
    ['a PDF', pdf(), 'a.pdf', 'application/pdf'],
    ['a PNG', png(), 'a.png', 'image/png'],
    ['a DOCX', docx(), 'a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an OFD', ofd(), 'a.ofd', 'application/ofd'],
    ['a CSV', Buffer.from('\ufeff序号,名称,金额\n1,办公用品,<5000\n'), 'a.csv', 'text/csv'],
  ])('accepts %s (201), stores the type its content proved and the SHA-256 of the stored bytes', async (_label, buffer, filename, mime) => {
    const res = await (await as(author)).upload(buffer, filename, 'application/octet-stream');
    expect(res.status).toBe(201);
    const file = await row(res.body[0].id);
    expect(file.mime).toBe(mime);
    expect(file.sha256).toBe(sha256(await stored(file.id)));
    if (mime !== 'image/png') expect(file.sha256).toBe(sha256(buffer));
  });

  it('refuses the whole request when one of several files is active content', async () => {
    const res = await (await as(author)).call('post', '/upload')
      .attach('files', pdf(), { filename: 'ok-part.pdf' })
      .attach('files', Buffer.from('<svg onload="alert(1)"/>'), { filename: 'bad-part.svg' });
    expect(res.status).toBe(400);
    expect(await strapi.db.query(FILE).count({ where: { name: 'ok-part.pdf' } })).toBe(0);
  });

  it('checks a replacement too: active content cannot replace an unreferenced file', async () => {
    const original = pdf();
    const file = await uploaded(author, original);
    const res = await (await as(author)).replace(file.id, Buffer.from('<html><script>alert(1)</script></html>'), 'x.pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await row(file.id)).sha256).toBe(sha256(original));
    expect(await served(file.id)).toEqual(original);
  });
});

describe('attachments of documents in review, approved or published are locked', () => {
  it('an approved item: replace is refused (both routes), public bytes, byte hash and approval unchanged, refusal audited', async () => {
    const original = pdf('signed-off');
    const file = await uploaded(author, original);
    const doc = await draftWith(file);
    await approve(ITEM, doc.documentId);
    const session = await as(author);

    for (const res of [await session.replace(file.id, pdf('swapped'), 'x.pdf'), await session.replaceRoute(file.id, pdf('swapped'), 'x.pdf')]) {
      expect(res.status).toBe(409);
      expect(res.body.error.details).toMatchObject({ code: 'FILE_LOCKED', documents: [expect.objectContaining({ documentId: doc.documentId, reason: 'approved' })] });
      expect(res.body.error.message).toMatch(/不能替换.*cannot be replaced/);
    }
    expect(await served(file.id)).toEqual(original);
    expect((await row(file.id)).sha256).toBe(sha256(original));
    expect(await wf().status(target(doc))).toMatchObject({ state: 'approved', canPublish: true });
    const events = await strapi.plugin('disclosure-workflow').service('audit').list(target(doc));
    expect(events.filter((e) => e.event === 'attachment.refused')).toHaveLength(2);
  });

  it('an item in review: replace is refused', async () => {
    const file = await uploaded(author);
    const doc = await draftWith(file);
    await wf().submit({ ...target(doc), actor: author.id });
    expect((await (await as(author)).replace(file.id, pdf('swap'), 'x.pdf')).status).toBe(409);
  });

  it('a published item: replace, rename and delete are refused for the author and the super admin; the public keeps the signed-off bytes', async () => {
    const original = pdf('published');
    const file = await uploaded(author, original);
    const doc = await draftWith(file);
    await approve(ITEM, doc.documentId);
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    const before = await row(file.id);

    for (const user of [author, superAdmin]) {
      const session = await as(user);
      expect((await session.replace(file.id, pdf('swap'), 'x.pdf')).status).toBe(409);
      const rename = await session.rename(file.id, '另一个名称.pdf');
      expect(rename.status).toBe(409);
      expect(rename.body.error.details.code).toBe('FILE_LOCKED');
      expect((await session.remove(file.id)).status).toBe(409);
      expect((await session.bulkDelete([file.id])).status).toBe(409);
    }
    const after = await row(file.id);
    expect(after).toMatchObject({ name: before.name, url: before.url, sha256: sha256(original), hash: before.hash });
    expect(await served(file.id)).toEqual(original);
    const live = await strapi.documents(ITEM).findOne({ documentId: doc.documentId, status: 'published', populate: ['attachments'] });
    expect(live.attachments.map((f) => f.id)).toEqual([file.id]);
  });

  it('editing means a new file in the draft: that voids the round, and the published version keeps the old, still locked file', async () => {
    const old = await uploaded(author, pdf('v1'));
    const doc = await draftWith(old);
    await approve(ITEM, doc.documentId);
    await strapi.documents(ITEM).publish({ documentId: doc.documentId });
    const replacement = await uploaded(author, pdf('v2'));
    const res = await (await as(author)).call('put', `/content-manager/collection-types/${ITEM}/${doc.documentId}`).send({ attachments: [replacement.id] });
    expect(res.status).toBe(200);
    expect(await wf().status(target(doc))).toMatchObject({ state: 'draft', canPublish: false });
    expect((await (await as(author)).remove(old.id)).status).toBe(409); // still in the published version
    const live = await strapi.documents(ITEM).findOne({ documentId: doc.documentId, status: 'published', populate: ['attachments'] });
    expect(live.attachments.map((f) => f.id)).toEqual([old.id]);
  });

  it('an unreferenced file (or one of a draft not in review) can be replaced by its uploader; the stored byte hash follows the new bytes', async () => {
    const first = pdf('first');
    const file = await uploaded(author, first);
    expect((await row(file.id)).sha256).toBe(sha256(first));
    const next = pdf('second');
    const res = await (await as(author)).replace(file.id, next, 'second.pdf');
    expect(res.status).toBe(200);
    expect((await row(file.id)).sha256).toBe(sha256(next));
    expect(await served(file.id)).toEqual(next);
    // a draft that was returned (not in review) does not lock its files either
    const doc = await draftWith(file);
    await wf().submit({ ...target(doc), actor: author.id });
    await wf().decide({ ...target(doc), actor: a['gov-section-head'].id, decision: 'return', comment: '请修改附件' });
    const third = pdf('third');
    expect((await (await as(author)).replace(file.id, third, 'third.pdf')).status).toBe(200);
    expect((await row(file.id)).sha256).toBe(sha256(third));
  });

  it('the content hash binds the bytes: a byte hash that no longer matches the approval makes the item unpublishable', async () => {
    const file = await uploaded(author);
    const doc = await draftWith(file);
    await approve(ITEM, doc.documentId);
    expect((await wf().status(target(doc))).canPublish).toBe(true);
    // Out-of-band swap (not through Strapi): only the bytes' hash changes, not the record's name or `hash`.
    await strapi.db.query(FILE).update({ where: { id: file.id }, data: { sha256: sha256(Buffer.from('other bytes')) } });
    expect(await wf().status(target(doc))).toMatchObject({ canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' });
  });

  it('a file cannot be attached to a governed document by upload reference (it must go through the draft)', async () => {
    const doc = await strapi.documents(ITEM).create({ data: itemData(department) });
    const rowId = (await strapi.db.query(ITEM).findOne({ where: { documentId: doc.documentId } })).id;
    const res = await (await as(author)).call('post', '/upload')
      .field('ref', ITEM).field('refId', String(rowId)).field('field', 'attachments')
      .attach('files', pdf(), { filename: 'ref.pdf' });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('ATTACH_THROUGH_DRAFT');
  });
});

describe('media library rights of gov-* roles', () => {
  it('grants assets.update (change and delete) only with the is-creator condition', async () => {
    const perms = await strapi.db.query('admin::permission').findMany({ where: { action: 'plugin::upload.assets.update', role: { code: { $startsWith: 'gov-' } } } });
    expect(perms.length).toBeGreaterThan(0);
    for (const p of perms) expect(p.conditions).toContain('admin::is-creator');
  });

  it("an author can neither rename, replace nor delete another author's file (single and bulk routes)", async () => {
    const bytes = pdf('theirs');
    const theirs = await uploaded(otherAuthor, bytes);
    const session = await as(author);
    expect((await session.rename(theirs.id, 'mine.pdf')).status).toBe(403);
    expect((await session.replace(theirs.id, pdf('mine'), 'mine.pdf')).status).toBe(403);
    expect((await session.remove(theirs.id)).status).toBe(403);
    const bulk = await session.bulkDelete([theirs.id]);
    expect(bulk.status).toBe(403);
    expect(bulk.body.error.details.code).toBe('NOT_FILE_OWNER');
    expect(await row(theirs.id)).toMatchObject({ name: theirs.name, sha256: sha256(bytes) });
  });

  it('an author manages their own unreferenced files', async () => {
    const mine = await uploaded(author);
    const session = await as(author);
    expect((await session.rename(mine.id, '改名.pdf')).status).toBe(200);
    expect((await session.remove(mine.id)).status).toBe(200);
    expect(await row(mine.id)).toBeNull();
  });
});

describe('/uploads responses cannot run script in the admin origin', () => {
  it('a PDF is a download, with nosniff and a sandboxing CSP', async () => {
    const file = await uploaded(author);
    const res = await http().get((await row(file.id)).url);
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('a PNG is shown inline (still sandboxed, nosniff)', async () => {
    const file = await uploaded(author, png(), 'pixel.png');
    const res = await http().get((await row(file.id)).url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe('inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
  });

  it('anything else under /uploads, even a file placed there by other means, is a sandboxed download', async () => {
    const name = `placed-${crypto.randomBytes(4).toString('hex')}.html`;
    const full = path.join(strapi.dirs.static.public, 'uploads', name);
    fs.writeFileSync(full, '<script>alert(1)</script>');
    try {
      const res = await http().get(`/uploads/${name}`);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
      expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
    } finally {
      fs.unlinkSync(full);
    }
  });
});
