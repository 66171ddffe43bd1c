'use strict';
// Email provider for @strapi/email that sends nothing: each message becomes a row of a content type
// (by default `api::mail-outbox.mail-outbox`, the admin's 发件箱 / Outbox). Used when no SMTP server is
// configured, so notifications can be read in the admin during development and demos. Rows live in
// the shared database, so any number of instances can write to it.
//
// config/plugins.ts:  email: { config: { provider: 'strapi-provider-email-outbox', providerOptions: { contentType? } } }

const DEFAULT_CONTENT_TYPE = 'api::mail-outbox.mail-outbox';

/** nodemailer-style addresses (string, { name, address }, or a list of them) as one "a, Name <b>" string. */
function addresses(value) {
  if (value === undefined || value === null || value === '') return null;
  const list = (Array.isArray(value) ? value : [value])
    .map((entry) => {
      if (entry && typeof entry === 'object') return entry.name ? `${entry.name} <${entry.address}>` : String(entry.address ?? '');
      return String(entry ?? '');
    })
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list.join(', ') : null;
}

module.exports = {
  init(providerOptions = {}, settings = {}) {
    const contentType = providerOptions.contentType || DEFAULT_CONTENT_TYPE;
    if (!strapi.getModel(contentType)) {
      throw new Error(`[mail] the outbox email provider needs the content type ${contentType}`);
    }
    const notice = '[mail] SMTP_HOST is not set: mail is kept in the 发件箱 / Outbox (admin Content Manager), not sent';
    if (process.env.NODE_ENV === 'production') strapi.log.warn(notice);
    else strapi.log.info(notice);
    return {
      async send(options) {
        const to = addresses(options.to);
        if (!to) throw new Error('[mail] no recipients defined');
        const subject = options.subject ?? '';
        await strapi.documents(contentType).create({
          data: {
            to,
            cc: addresses(options.cc),
            bcc: addresses(options.bcc),
            from: addresses(options.from ?? settings.defaultFrom),
            replyTo: addresses(options.replyTo ?? settings.defaultReplyTo),
            subject,
            text: options.text ?? null,
            html: options.html ?? null,
            sentAt: new Date(),
          },
        });
        strapi.log.info(`[mail] stored in the outbox: ${subject} → ${to}`);
      },
    };
  },
};
