// A real local SMTP server for a test file: Strapi's email plugin (nodemailer) sends to it and the
// test reads what arrived. SMTP_HOST / SMTP_PORT point at it while the file runs.
const { SMTPServer } = require('smtp-server');

const quotedPrintable = (s) =>
  Buffer.from(s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');

/** Subject and text of a message as readable text (nodemailer encodes CJK text, and may send parts). */
function decode(raw) {
  const [head] = raw.split(/\r?\n\r?\n/);
  const subject = (/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(head)?.[1] ?? '')
    .replace(/\r?\n[ \t]/g, '')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'))
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=\s*/gi, (_, q) => quotedPrintable(q.replace(/_/g, ' ')));
  const part = /Content-Type: text\/plain[^]*?Content-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw);
  const text = !part ? '' : /base64/i.test(part[1]) ? Buffer.from(part[2].replace(/\s+/g, ''), 'base64').toString('utf8')
    : /quoted-printable/i.test(part[1]) ? quotedPrintable(part[2]) : part[2];
  return `${subject}\n${text}`;
}

async function captureMail() {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c)).on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, ''), text: decode(raw) });
        done();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // SMTP_HOST set is what selects SMTP over the outbox (config/plugins.ts).
  const previous = { host: process.env.SMTP_HOST, port: process.env.SMTP_PORT };
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(server.server.address().port);
  return {
    mails,
    async close() {
      for (const [key, value] of [['SMTP_HOST', previous.host], ['SMTP_PORT', previous.port]]) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

module.exports = { captureMail };
