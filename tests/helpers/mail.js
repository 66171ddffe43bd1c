// A real local SMTP server for a test file: Strapi's email plugin (nodemailer) sends to it and the
// test reads what arrived. SMTP_PORT points at it while the file runs.
const { SMTPServer } = require('smtp-server');

async function captureMail() {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c) => (raw += c)).on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') });
        done();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const previousPort = process.env.SMTP_PORT;
  process.env.SMTP_PORT = String(server.server.address().port);
  return {
    mails,
    async close() {
      process.env.SMTP_PORT = previousPort;
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

module.exports = { captureMail };
