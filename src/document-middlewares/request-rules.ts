// Requests entered in the Content Manager (received in person, by letter or fax) start their clock
// like online ones; afterwards the stage, clock, outcome and handler change only through the case
// actions (plugin routes /disclosure-workflow/requests/…), which record who did what and when.
import { isDeepStrictEqual } from 'util';
import type { Core } from '@strapi/strapi';
import { REQUEST } from '../constants';
import { newQueryCode } from '../api/disclosure-request/services/intake';
import { localDate, toDateString } from '../domain/local-date';
import { toOneRelation } from '../domain/relation-ref';
import { fieldValidationError } from './validation-error';

type Ctx = { uid: string; action: string; params: any };

const FLOW_FIELDS = ['state', 'events', 'dueAt', 'dueProvisional', 'revision', 'queryCode', 'submittedAt', 'receivedAt', 'closedAt', 'disposition', 'replies', 'fee', 'feePaidAt'];
const FLOW_RELATIONS = ['handler', 'department'];

const problem = (path: string, zh: string, en: string) => ({ path, zh, en, message: `${zh} / ${en}` });
const same = (a: unknown, b: unknown) => isDeepStrictEqual(toDateString(a) ?? a ?? null, toDateString(b) ?? b ?? null);

export function requestRules(strapi: Core.Strapi) {
  const today = () => localDate(new Date(), strapi.config.get('disclosure.timeZone'));

  async function create(ctx: Ctx) {
    const data = { ...(ctx.params.data ?? {}) };
    const receivedAt = toDateString(data.receivedAt);
    if (!receivedAt || receivedAt > today()) {
      throw fieldValidationError([problem('receivedAt', '收到日期必填且不能晚于今天', 'the date received is required and cannot be in the future')]);
    }
    for (const field of FLOW_RELATIONS) {
      if (toOneRelation(data[field]).kind === 'set') throw fieldValidationError([problem(field, '请通过“分办”指定承办部门和承办人', 'assign the department and handler with the assign action')]);
    }
    if (data.disposition) {
      // A historical case entered with its outcome (table 3 of past years).
      const closedAt = toDateString(data.closedAt);
      if (!closedAt || closedAt < receivedAt || closedAt > today()) {
        throw fieldValidationError([problem('closedAt', '已办结的申请须填写办结日期，不早于收到日期', 'a case with a disposition needs a closing date on or after the date received')]);
      }
      const events = [{ type: 'received', date: receivedAt }, { type: 'closed', date: closedAt, disposition: data.disposition, note: 'historical record' }];
      Object.assign(data, { state: 'closed', receivedAt, closedAt, dueAt: null, events });
    } else {
      // A fax entered here waits for confirmation of receipt (§31(3)) from the day it arrived.
      Object.assign(data, await strapi.service('api::disclosure-request.case').start({ channel: String(data.channel ?? ''), date: receivedAt }));
    }
    ctx.params.data = { ...data, revision: 0, queryCode: newQueryCode() };
  }

  async function update(ctx: Ctx) {
    const data = ctx.params.data ?? {};
    // The Content Manager shows these fields read-only and sends back what it loaded, which is stale
    // once a case action ran in the side panel: drop them rather than refuse the editor's save.
    const path = String((strapi.requestContext.get() as any)?.request?.path ?? '');
    if (path.startsWith('/content-manager/')) {
      for (const field of [...FLOW_FIELDS, ...FLOW_RELATIONS]) if (field !== 'receivedAt') delete data[field];
    }
    const current = await strapi.db.query(REQUEST).findOne({ where: { documentId: ctx.params.documentId } });
    if (!current) return;
    const locked = FLOW_FIELDS.filter((field) => field in data && !same(data[field], current[field]));
    const relations = FLOW_RELATIONS.filter((field) => toOneRelation(data[field]).kind !== 'unchanged' && !isEmptyChange(data[field]));
    const fields = [...locked, ...relations];
    if (fields.length) {
      throw fieldValidationError(fields.map((field) => problem(field, '该字段只能通过办理操作修改', 'this field changes only through the case actions')));
    }
  }

  return async (ctx: Ctx, next: () => Promise<any>) => {
    if (ctx.uid !== REQUEST) return next();
    if (ctx.action === 'create') await create(ctx);
    if (ctx.action === 'update') await update(ctx);
    return next();
  };
}

/** The Content Manager sends `{ connect: [], disconnect: [] }` for relations nobody touched. */
function isEmptyChange(value: any): boolean {
  return value && typeof value === 'object' && !Array.isArray(value) && ['connect', 'disconnect', 'set'].every((k) => !value[k]?.length);
}
