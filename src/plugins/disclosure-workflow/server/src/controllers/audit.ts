import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { renderSlip } from '../domain/slip';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  return {
    find: (ctx) => respond(ctx, () => plugin().service('audit').list({ uid: ctx.query.uid, documentId: ctx.query.documentId })),
    verify: (ctx) => respond(ctx, () => plugin().service('audit').verify()),

    /** 审核单 / 保密审查单 for one round, as a printable page. */
    async slip(ctx) {
      const { uid, documentId, locale } = ctx.query;
      const round = Number(ctx.query.round);
      const row = await strapi.db.query('plugin::disclosure-workflow.round').findOne({
        where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale || '', ...(round ? { number: round } : {}) },
        orderBy: [{ number: 'desc' }],
      });
      if (!row) return ctx.notFound('no such review round');
      const doc = await strapi.db.query(uid).findOne({ where: { documentId } });
      const ids = [row.data.submitter, ...row.data.steps.map((s: any) => s.actor), row.data.signOff?.actor, row.data.escalation?.actor].filter(Boolean);
      const users = await strapi.db.query('admin::user').findMany({ where: { id: { $in: ids } }, select: ['id', 'firstname', 'lastname', 'email'] });
      const names = Object.fromEntries(users.map((u: any) => [u.id, [u.lastname, u.firstname].filter(Boolean).join('') || u.email]));
      const model: any = strapi.getModel(uid);
      const html = renderSlip({ typeName: model?.info?.displayName ?? uid, doc, round: row.data, names, printedAt: new Date().toISOString() });
      // The admin page asks for JSON (its fetch client sends the token); a direct request gets the page.
      if (ctx.query.format === 'json') ctx.body = { data: { html } };
      else (ctx.type = 'text/html; charset=utf-8'), (ctx.body = html);
    },
  };
};
