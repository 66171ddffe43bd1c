import Joi from 'joi';
import { stringify } from 'csv-stringify/sync';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate } from './validate';
import { refuse } from '../domain/refusal';
import { renderSlip, renderSlipBody, SLIP_CSS } from '../domain/slip';
import { formatLocal } from '../domain/schedule';
import { EVENT_LABELS, STATE_LABELS } from '../domain/audit-labels';

// Every query parameter is a plain string (an object such as documentId[$ne]=x is a 400).
const id = Joi.string().max(64).pattern(/^[A-Za-z0-9_-]+$/);
const uid = Joi.string().max(200).pattern(/^[a-z0-9-]+::[a-z0-9-]+\.[a-z0-9-]+$/);
const when = Joi.string().max(40).pattern(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/);
const FILTERS = {
  uid,
  documentId: id,
  actor: Joi.string().max(100),
  event: Joi.string().max(60).pattern(/^[a-zA-Z0-9._-]+$/),
  from: when,
  to: when,
};
const PAGE = Joi.object({ ...FILTERS, page: Joi.string().pattern(/^\d{1,6}$/), pageSize: Joi.string().pattern(/^\d{1,3}$/) });
const EXPORT = Joi.object(FILTERS);
const SLIP = Joi.object({ uid: uid.required(), documentId: id.required(), locale: Joi.string().max(20).pattern(/^[A-Za-z0-9-]*$/).allow(''), round: Joi.string().pattern(/^\d{1,6}$/), format: Joi.string().valid('json', 'html') });

const CSV_HEADER = ['序号 Seq', '时间 Time', '事件 Event', '事件代码 Code', '操作人 Actor', '岗位 Role', '内容类型 Type', '文档 Document', '标题 Title', '意见 Comment'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const timeZone = () => (strapi.config.get('plugin::disclosure-workflow.timeZone') as string) || 'Asia/Shanghai';
  const filtersOf = (value: any) => Object.fromEntries(Object.entries(value).filter(([k, v]) => k in FILTERS && v !== undefined && v !== ''));
  const scope = () => plugin().service('scope');
  /** 集约化: a reader limited to their departments sees the events about their units' documents only. */
  const within = async (ctx: any) => scope().targetsWhere(await scope().of(ctx.state.user));

  return {
    /** GET /audit?page&pageSize&uid&documentId&actor&event&from&to → { data, meta: { pagination } }, newest first. */
    async find(ctx) {
      let query: any;
      try {
        query = validate(PAGE, ctx.query);
      } catch (error) {
        return respond(ctx, () => Promise.reject(error));
      }
      ctx.body = await plugin().service('audit').page({ ...filtersOf(query), within: await within(ctx), page: Number(query.page) || 1, pageSize: Number(query.pageSize) || 50 });
    },

    verify: (ctx) => respond(ctx, () => plugin().service('audit').verify()),

    /** The site's time zone and the audit event codes with their labels (the admin's dates and filters). */
    settings: (ctx) => respond(ctx, async () => ({
      timeZone: timeZone(),
      events: Object.entries({ ...(strapi.config.get('plugin::disclosure-workflow.eventLabels') as object), ...EVENT_LABELS }).map(([code, label]) => ({ code, ...label })),
      exemptionReasons: strapi.config.get('plugin::disclosure-workflow.exemptionReasons'),
      states: STATE_LABELS,
      departmentType: (strapi.config.get('plugin::disclosure-workflow.departments') as { uid: string } | null)?.uid ?? null,
    })),

    /** GET /audit/export.csv with the same filters: UTF-8 with a BOM, newest first; the export is itself audited. */
    async exportCsv(ctx) {
      let query: any;
      try {
        query = validate(EXPORT, ctx.query);
      } catch (error) {
        return respond(ctx, () => Promise.reject(error));
      }
      const filters = filtersOf(query);
      const zone = timeZone();
      const lines: string[] = ['\uFEFF' + stringify([CSV_HEADER])];
      let rows = 0;
      for await (const batch of plugin().service('audit').each({ ...filters, within: await within(ctx) })) {
        rows += batch.length;
        lines.push(stringify(batch.map((e: any) => [
          e.seq, formatLocal(new Date(e.at), zone), e.eventLabel.zh, e.event, e.actor?.name ?? '系统 System', e.actorRole ?? '',
          e.targetUid ?? '', e.targetDocumentId ?? '', e.title ?? '', e.comment ?? '',
        ])));
      }
      await plugin().service('audit').append({ event: 'audit.export', actor: ctx.state.user.id, ip: ctx.request.ip, data: { filters, rows } });
      ctx.set('Content-Disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = lines.join('');
    },

    /** 审核单 / 保密审查单 for one round, as a printable page; only for users who may read the document. */
    async slip(ctx) {
      let query: any;
      try {
        query = validate(SLIP, ctx.query);
      } catch (error) {
        return respond(ctx, () => Promise.reject(error));
      }
      const { uid: target, documentId, locale } = query;
      const round = Number(query.round);
      const refused = await (async () => {
        if (!plugin().service('content').governed(target)) return refuse('NOT_GOVERNED', target);
        if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', target)) return refuse('NO_PERMISSION');
        await plugin().service('scope').assertVisible(ctx.state.user, { uid: target, documentId, locale: locale || null });
        return null;
      })().catch((error) => error);
      if (refused) return respond(ctx, () => Promise.reject(refused));
      const targetLocale = (await plugin().service('content').resolveLocale(target, locale || null)) ?? '';
      const row = await strapi.db.query('plugin::disclosure-workflow.round').findOne({
        where: { targetUid: target, targetDocumentId: documentId, targetLocale, ...(round ? { number: round } : {}) },
        orderBy: [{ number: 'desc' }],
      });
      if (!row) return ctx.notFound('no such review round');
      const doc = await strapi.db.query(target).findOne({ where: { documentId } });
      const ids = [row.data.submitter, ...row.data.steps.map((s: any) => s.actor), row.data.signOff?.actor, row.data.escalation?.actor].filter(Boolean);
      const users = await strapi.db.query('admin::user').findMany({ where: { id: { $in: ids } }, select: ['id', 'firstname', 'lastname', 'email'] });
      const names = Object.fromEntries(users.map((u: any) => [u.id, [u.lastname, u.firstname].filter(Boolean).join('') || u.email]));
      const model: any = strapi.getModel(target);
      const posts = [...row.data.steps.flatMap((s: any) => [s.role, ...s.roles]), row.data.signOff?.role, row.data.escalation?.role].filter(Boolean);
      const roleNames = await plugin().service('workflow').roleNames([...new Set<string>(posts)]);
      // The reviewers' diff on the slip of the latest round (what this round's reviewers were shown).
      const latest = !round || !(await strapi.db.query('plugin::disclosure-workflow.round').count({ where: { targetUid: target, targetDocumentId: documentId, targetLocale, number: { $gt: round } } }));
      const changes = latest ? await plugin().service('changes').changes({ uid: target, documentId, locale: targetLocale || null }).catch(() => null) : null;
      // The checks on the content as it is now: printed with the latest round only.
      const checked = latest ? await plugin().service('inspection').check({ uid: target, documentId, locale: targetLocale || null }).catch(() => null) : null;
      const inspection = checked?.inspected ? checked : null;
      const input = { typeName: model?.info?.displayName ?? target, doc, round: row.data, names, roleNames, printedAt: new Date().toISOString(), timeZone: timeZone(), changes, inspection };
      // The admin page asks for JSON (its fetch client sends the token) and embeds the slip; a direct request gets the page.
      if (query.format === 'json') ctx.body = { data: { html: renderSlip(input), body: renderSlipBody(input), css: SLIP_CSS } };
      else {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = renderSlip(input);
      }
    },
  };
};
