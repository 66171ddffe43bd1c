// Files stored the way the local upload provider stores them (bytes under public/uploads, a media
// row with their SHA-256), for tests that attach them to documents the checks will read.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { PDFDocument, StandardFonts } = require('pdf-lib');
const { unique } = require('./fixtures');

/** A small PDF with one line of (ASCII) text per page. */
async function pdfBytes(lines = ['Attachment for a test']) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage().drawText(line, { x: 50, y: 700, font, size: 12 });
  return Buffer.from(await doc.save());
}

const MIME = { '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.txt': 'text/plain', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

async function storedFile(name, bytes) {
  const ext = path.extname(name).toLowerCase();
  const hash = `test_${unique()}`;
  const dir = path.join(strapi.dirs.static.public, 'uploads');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${hash}${ext}`), bytes);
  return strapi.db.query('plugin::upload.file').create({
    data: {
      name, hash, ext, mime: MIME[ext] ?? 'application/octet-stream', size: Math.round(bytes.length / 10.24) / 100, url: `/uploads/${hash}${ext}`, provider: 'local',
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    },
  });
}

module.exports = { pdfBytes, storedFile };
