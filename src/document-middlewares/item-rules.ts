// Domain rules and generated fields of 公开事项, applied on every Document Service write, so the
// admin, REST, GraphQL and plugin code all go through them.
import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import { ITEM } from '../constants';
import { checkDisclosureItem, checkInterprets, checkPublishedDateChange, type ItemState } from '../domain/disclosure-rules';
import { localDate, toDateString } from '../domain/local-date';
import { toOneRelation } from '../domain/relation-ref';
import { fieldValidationError } from './validation-error';
import { isPublicItem } from '../domain/public-item';

type Ctx = { uid: string; action: string; params: any };

const RULE_FIELDS = ['title', 'formedAt', 'summary', 'disclosure', 'exemptionReason', 'classified'] as const;

/**
 * Emergency stop: a save that marks a live item 涉密 or 不予公开 takes it offline at once. The
 * reason is given in this one-shot private attribute in the same save (kept in the audit trail,
 * never stored on the item); it is required from people (any HTTP caller), not from server code.
 */
const STOP_REASON = 'emergencyStopReason';
export const EMERGENCY_STOP_EVENT = 'unpublish.emergency';
/** Told at once: the publisher, the disclosure office and the secrecy reviewers. */
export const EMERGENCY_STOP_ROLES = ['gov-publisher', 'gov-office', 'gov-secrecy-reviewer'];
const REASON_REQUIRED = {
  path: STOP_REASON,
  zh: '将已发布事项标记为涉密或不予公开会立即撤下，请填写紧急撤下理由',
  en: 'marking a published item classified or withheld takes it offline at once: give the reason for the emergency stop',
};

/** The admin user (or API caller) behind the current request, if any. */
function requestActor(strapi: Core.Strapi) {
  const request: any = strapi.requestContext.get();
  const user = request?.state?.auth?.strategy?.name === 'admin' ? request.state.user : null;
  return {
    id: (user?.id ?? null) as number | null,
    role: ((user?.roles ?? [])[0]?.code ?? null) as string | null,
    ip: (request?.request?.ip ?? null) as string | null,
    via: request ? `${request.method} ${request.path}` : 'server',
    isRequest: Boolean(request),
  };
}

/**
 * 发布日期 (publishedDate) is set by the system at first publication. Only server code may give
 * one — the historical import and the demo seed — by passing this key in the Document Service
 * params: `strapi.documents(ITEM).create({ data, [HISTORICAL_PUBLISHED_DATE]: true })`. A symbol
 * cannot come from a REST body, a query string, GraphQL variables or the Content Manager, and
 * the Document Service drops it before the query (it keeps only its own parameter names).
 */
export const HISTORICAL_PUBLISHED_DATE = Symbol.for('disclosure.historicalPublishedDate');
/**
 * The catalogue migration keeps an item's 索引号 from the old system (cited in old replies and court
 * papers): `strapi.documents(ITEM).create({ data, [IMPORTED_INDEX_NUMBER]: '0142768-8/2022-00185' })`
 * stores that number instead of allocating one (server code only, like HISTORICAL_PUBLISHED_DATE;
 * the migration service then advances the sequence past it).
 */
export const IMPORTED_INDEX_NUMBER = Symbol.for('disclosure.importedIndexNumber');
const trusted = (ctx: Ctx) => ctx.params?.[HISTORICAL_PUBLISHED_DATE] === true;

export function itemRules(strapi: Core.Strapi) {
  const timeZone = () => strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');

  function check(state: ItemState) {
    const problems = checkDisclosureItem(state, localDate(new Date(), timeZone()));
    if (problems.length) throw fieldValidationError(problems);
  }

  /** Checked on the stored draft after the write, inside its transaction: the relation may come in any input shape. */
  async function checkInterpretsStored(documentId: string | undefined) {
    if (!documentId) return;
    const draft = await strapi.db.query(ITEM).findOne({ where: { documentId, publishedAt: null }, select: ['id', 'genre'], populate: { interprets: { select: ['id'] } } });
    if (!draft) return;
    const problems = checkInterprets({ genre: draft.genre, interpretsCount: draft.interprets?.length ?? 0 });
    if (problems.length) throw fieldValidationError(problems);
  }

  /** A client may echo the stored 发布日期 (dropped as a no-op); any other value is a 400. */
  function guardPublishedDate(ctx: Ctx, data: any, stored: unknown) {
    if (!('publishedDate' in data) || trusted(ctx)) return;
    const problems = checkPublishedDateChange(data.publishedDate, stored);
    if (problems.length) throw fieldValidationError(problems);
    delete data.publishedDate;
  }

  function stateOf(data: any, base: any, hasDepartment: boolean): ItemState {
    const state: any = { hasDepartment };
    for (const field of RULE_FIELDS) state[field] = data[field] !== undefined ? data[field] : base[field];
    state.formedAt = toDateString(state.formedAt) ?? state.formedAt;
    return state;
  }

  async function create(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    delete data[STOP_REASON]; // only meaningful on a save that takes a live item offline
    const department = toOneRelation(data.department);
    check(stateOf(data, { disclosure: 'proactive', classified: false }, department.kind === 'set'));
    const category = toOneRelation(data.category);
    guardPublishedDate(ctx, data, null);
    if (ctx.params.status === 'published' && !data.publishedDate) data.publishedDate = new Date();
    ctx.params.data = data;
    // The number is taken inside the create's transaction: a failed create leaves no gap.
    const imported = ctx.params?.[IMPORTED_INDEX_NUMBER];
    if (typeof imported === 'string' && imported.trim()) {
      data.indexNumber = imported.trim();
      return next();
    }
    return strapi.db.transaction(async () => {
      data.indexNumber = await strapi.service('api::disclosure-item.index-number').allocate({
        department: (department as any).ref,
        category: category.kind === 'set' ? category.ref : null,
        year: Number(String(toDateString(data.formedAt)).slice(0, 4)),
      });
      const result = await next();
      await checkInterpretsStored(result?.documentId);
      return result;
    });
  }

  async function update(ctx: Ctx, next: () => Promise<any>) {
    const { documentId } = ctx.params;
    const data = { ...(ctx.params.data ?? {}) };
    delete data.indexNumber; // 索引号 never changes once given
    const given = typeof data[STOP_REASON] === 'string' ? data[STOP_REASON].trim() : '';
    delete data[STOP_REASON]; // one-shot: recorded in the audit trail, never stored
    const current = await strapi.db.query(ITEM).findOne({
      where: { documentId, publishedAt: null },
      populate: { department: { select: ['id'] } },
    });
    guardPublishedDate(ctx, data, current?.publishedDate ?? null);
    if (!current) {
      ctx.params.data = data;
      return strapi.db.transaction(async () => {
        const result = await next();
        await checkInterpretsStored(documentId);
        return result;
      });
    }
    const department = toOneRelation(data.department);
    const hasDepartment = department.kind === 'unchanged' ? Boolean(current.department) : department.kind === 'set';
    const state = stateOf(data, current, hasDepartment);
    check(state);
    const flagged = state.classified === true || state.disclosure === 'withheld';
    // Live and public now, offline after this save: an emergency stop.
    const live = flagged
      ? (await strapi.db.query(ITEM).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id', 'disclosure', 'classified'] })).filter(isPublicItem)
      : [];
    const own = strapi.plugin('disclosure-workflow').service('workflow').ownWrite(documentId);
    const workflowWrite = own !== null;
    const actor = requestActor(strapi);
    const reason = given || (workflowWrite ? own?.reason?.trim() || '保密审查结论：不予公开 / sign-off: withhold' : '');
    if (live.length && actor.isRequest && !reason) {
      throw fieldValidationError([{ ...REASON_REQUIRED, message: `${REASON_REQUIRED.zh} / ${REASON_REQUIRED.en}` }]);
    }
    if (data.validity && data.validity !== current.validity && !data.validityChangedAt) {
      data.validityChangedAt = localDate(new Date(), timeZone());
    }
    if (ctx.params.status === 'published' && !data.publishedDate && !current.publishedDate) data.publishedDate = new Date();
    ctx.params.data = data;
    const flags = [state.classified === true && 'classified', state.disclosure === 'withheld' && 'withheld'].filter(Boolean) as string[];
    const run = async () => {
      const result = await next();
      await checkInterpretsStored(documentId);
      // 涉密 / 不予公开 take effect on the live version at once, not at the next publish.
      if (flagged) {
        await strapi.db.query(ITEM).updateMany({
          where: { documentId, publishedAt: { $notNull: true } },
          data: { classified: state.classified === true, disclosure: state.disclosure, exemptionReason: state.exemptionReason ?? null },
        });
      }
      if (live.length) {
        // Recorded as an unpublish (family `unpublish`), with the same save's commit.
        await strapi.plugin('disclosure-workflow').service('audit').append({
          event: EMERGENCY_STOP_EVENT, targetUid: ITEM, targetDocumentId: documentId, actor: actor.id, actorRole: actor.role, ip: actor.ip,
          comment: reason || null, data: { flag: flags[0], flags, reason: reason || null, via: actor.via, exemptionReason: state.exemptionReason ?? null },
        });
      }
      return result;
    };
    const result = await strapi.db.transaction(run);
    if (!live.length) return result;
    strapi
      .plugin('disclosure-workflow')
      .service('notify')
      .emergencyStop({ uid: ITEM, documentId }, { actor: actor.id, reason: reason || null, flag: flags.join('+'), roles: EMERGENCY_STOP_ROLES })
      .catch((error: Error) => strapi.log.warn(`[disclosure] emergency stop notice failed: ${error.message}`));
    strapi.log.warn(`[disclosure] emergency stop: item ${documentId} taken offline (${flags.join(', ')}) by ${actor.id ? `user ${actor.id}` : actor.via}`);
    await announceWithdrawal(documentId);
    return result;
  }

  /**
   * The live version left the public output without an unpublish: downstream portals and CDNs hear
   * it as one (Strapi's `entry.unpublish` webhook event, the entry sanitized as Strapi does).
   */
  async function announceWithdrawal(documentId: string) {
    const model = strapi.getModel(ITEM);
    const withdrawn = await strapi.db.query(ITEM).findMany({ where: { documentId, publishedAt: { $notNull: true } } });
    for (const entry of withdrawn) {
      const sanitized = await sanitize.sanitizers.defaultSanitizeOutput({ schema: model, getModel: (uid: any) => strapi.getModel(uid) }, entry);
      await strapi.eventHub.emit('entry.unpublish', { model: model.modelName, uid: ITEM, entry: sanitized });
    }
  }

  async function publish(ctx: Ctx, next: () => Promise<any>) {
    // 发布日期 is the first publication, unless the scheduler (the scheduled time) or the historical
    // import (HISTORICAL_PUBLISHED_DATE) recorded one; clients cannot set it (guardPublishedDate).
    await strapi.db.query(ITEM).updateMany({
      where: { documentId: ctx.params.documentId, publishedAt: null, publishedDate: null },
      data: { publishedDate: new Date() },
    });
    return next();
  }

  /** A copy is a new document, not yet published: it does not inherit the source's 发布日期. */
  async function clone(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    if (!trusted(ctx)) {
      // The admin's duplicate form sends the source's values back: the same date is dropped.
      const source = await strapi.db.query(ITEM).findOne({ where: { documentId: ctx.params.documentId, publishedAt: null }, select: ['publishedDate'] });
      guardPublishedDate(ctx, data, source?.publishedDate ?? null);
      data.publishedDate = null;
    }
    ctx.params.data = data;
    return next();
  }

  const handlers: Record<string, (ctx: Ctx, next: () => Promise<any>) => Promise<any>> = { create, update, publish, clone };

  return async (ctx: Ctx, next: () => Promise<any>) => {
    const handler = ctx.uid === ITEM ? handlers[ctx.action] : undefined;
    return handler ? handler(ctx, next) : next();
  };
}
