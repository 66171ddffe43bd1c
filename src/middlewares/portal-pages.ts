// The three portal pages a static folder cannot hold, rendered per request with the portal's
// templates (README → Portal): 政策文件库 search (GET /xxgk/search?q=), the 依申请公开 form
// (GET and POST /xxgk/apply) and the status lookup (GET /xxgk/status?code=). They work without
// JavaScript; the portal's site.js only enhances them. Search and status read the public API over
// HTTP like the static build; the form goes through the same intake as POST
// /api/disclosure-requests/apply (rate limit, field checks, one request per submission key).
// On a deployment, nginx proxies these three paths to the CMS.
import { randomUUID } from 'crypto';
import { APPLICANT_TYPES, DELIVERY } from '../domain/request-codes';
import { INTAKE_LABELS, QUERY_CODE, RATE_LIMITED } from '../domain/request-intake';
import { portalApi } from '../portal/instance';
import { PublicApi } from '../portal/public-api';
import { environment } from '../portal/render';
import { siteName } from '../portal/site';

const PAGES = new Set(['/xxgk/search', '/xxgk/apply', '/xxgk/status']);
const FORM_FIELDS = Object.keys(INTAKE_LABELS);
const SEARCH_PAGE_SIZE = 20;
const MAX_SEARCH_PAGE = 500;

/** A query parameter as one string (a repeated parameter counts as its first value). */
const param = (value: unknown): string => String((Array.isArray(value) ? value[0] : value) ?? '').trim();

export default (_config, { strapi }) => {
  const env = environment(strapi.config.get('disclosure.timeZone'));
  const api = () => new PublicApi(portalApi(strapi));

  async function site(client: PublicApi) {
    return { name: siteName(await client.tree('departments')), url: '' };
  }

  async function search(ctx, client: PublicApi) {
    const q = param(ctx.query.q).slice(0, 200);
    const page = Math.min(MAX_SEARCH_PAGE, Math.max(1, Number.parseInt(param(ctx.query.page), 10) || 1));
    if (!q) return { template: 'search.njk', context: { q } };
    const answer = await client.search(new URLSearchParams({ q, page: String(page), pageSize: String(SEARCH_PAGE_SIZE) }));
    if ('error' in answer) {
      ctx.status = 400;
      return { template: 'search.njk', context: { q, error: answer.error } };
    }
    const { pagination } = answer.meta;
    return { template: 'search.njk', context: { q, hits: answer.data, total: pagination.total, page: pagination.page, pageCount: pagination.pageCount, crumbs: [] } };
  }

  function form(values: Record<string, string>, errors: Record<string, string> = {}) {
    return {
      template: 'apply.njk',
      context: { values, errors, submissionKey: values.submissionKey || randomUUID(), labels: INTAKE_LABELS, applicantTypes: APPLICANT_TYPES, deliveries: DELIVERY, noindex: true, crumbs: [{ href: '/xxgk/ysqgk/', name: '依申请公开' }] },
    };
  }

  async function apply(ctx) {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return form({});
    const body = ctx.request.body && typeof ctx.request.body === 'object' ? ctx.request.body : {};
    // Only the form's own fields, each as one string (the intake refuses anything else anyway).
    const values = Object.fromEntries(FORM_FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, param(body[f])]));
    const outcome = await strapi.service('api::disclosure-request.intake').submit(ctx.request.ip, values);
    if ('limited' in outcome) {
      ctx.status = 429;
      return form(values, { '': RATE_LIMITED });
    }
    if ('problems' in outcome) {
      ctx.status = 400;
      return form(values, Object.fromEntries(outcome.problems.map((p) => [p.path, p.message])));
    }
    ctx.status = 201;
    return { template: 'apply-done.njk', context: { received: outcome.received, noindex: true } };
  }

  async function status(ctx, client: PublicApi) {
    const code = param(ctx.query.code).toUpperCase();
    if (!code) return { template: 'status.njk', context: { code, noindex: true } };
    const found = QUERY_CODE.test(code) ? await client.requestStatus(code) : null;
    if (!found) ctx.status = 404;
    return { template: 'status.njk', context: { code, status: found, error: found ? null : '查询码不存在，请核对后重新输入（格式如 ABCD-EFGH-JKLM-NPQR）', noindex: true } };
  }

  return async (ctx, next) => {
    if (!PAGES.has(ctx.path)) return next();
    const post = ctx.method === 'POST' && ctx.path === '/xxgk/apply';
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && !post) {
      ctx.set('Allow', ctx.path === '/xxgk/apply' ? 'GET, HEAD, POST' : 'GET, HEAD');
      ctx.status = 405;
      return;
    }
    const client = api();
    const page = ctx.path === '/xxgk/search' ? await search(ctx, client) : ctx.path === '/xxgk/apply' ? await apply(ctx) : await status(ctx, client);
    // Nothing here is the same for everyone for long (a form's key, a case's stage): never stored.
    ctx.set('Cache-Control', 'no-store');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = env.render(page.template, { site: await site(client), ...page.context });
  };
};
