// Domain rules and generated fields of 公开事项, applied on every Document Service write, so the
// admin, REST, GraphQL and plugin code all go through them.
import type { Core } from '@strapi/strapi';
import { ITEM } from '../constants';
import { checkDisclosureItem, type ItemState } from '../domain/disclosure-rules';
import { localDate, toDateString } from '../domain/local-date';
import { toOneRelation } from '../domain/relation-ref';
import { fieldValidationError } from './validation-error';

type Ctx = { uid: string; action: string; params: any };

const RULE_FIELDS = ['title', 'formedAt', 'summary', 'disclosure', 'exemptionReason', 'classified'] as const;

export function itemRules(strapi: Core.Strapi) {
  const timeZone = () => strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');

  function check(state: ItemState) {
    const problems = checkDisclosureItem(state, localDate(new Date(), timeZone()));
    if (problems.length) throw fieldValidationError(problems);
  }

  function stateOf(data: any, base: any, hasDepartment: boolean): ItemState {
    const state: any = { hasDepartment };
    for (const field of RULE_FIELDS) state[field] = data[field] !== undefined ? data[field] : base[field];
    state.formedAt = toDateString(state.formedAt) ?? state.formedAt;
    return state;
  }

  async function create(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    const department = toOneRelation(data.department);
    check(stateOf(data, { disclosure: 'proactive', classified: false }, department.kind === 'set'));
    const category = toOneRelation(data.category);
    if (ctx.params.status === 'published' && !data.publishedDate) data.publishedDate = new Date();
    ctx.params.data = data;
    // The number is taken inside the create's transaction: a failed create leaves no gap.
    return strapi.db.transaction(async () => {
      data.indexNumber = await strapi.service('api::disclosure-item.index-number').allocate({
        department: (department as any).ref,
        category: category.kind === 'set' ? category.ref : null,
        year: Number(String(toDateString(data.formedAt)).slice(0, 4)),
      });
      return next();
    });
  }

  async function update(ctx: Ctx, next: () => Promise<any>) {
    const { documentId } = ctx.params;
    const data = { ...(ctx.params.data ?? {}) };
    delete data.indexNumber; // 索引号 never changes once given
    const current = await strapi.db.query(ITEM).findOne({
      where: { documentId, publishedAt: null },
      populate: { department: { select: ['id'] } },
    });
    if (!current) return next();
    const department = toOneRelation(data.department);
    const hasDepartment = department.kind === 'unchanged' ? Boolean(current.department) : department.kind === 'set';
    const state = stateOf(data, current, hasDepartment);
    check(state);
    if (data.validity && data.validity !== current.validity && !data.validityChangedAt) {
      data.validityChangedAt = localDate(new Date(), timeZone());
    }
    if (ctx.params.status === 'published' && !data.publishedDate && !current.publishedDate) data.publishedDate = new Date();
    ctx.params.data = data;
    const result = await next();
    // 涉密 / 不予公开 take effect on the live version at once, not at the next publish.
    if (state.classified === true || state.disclosure === 'withheld') {
      await strapi.db.query(ITEM).updateMany({
        where: { documentId, publishedAt: { $notNull: true } },
        data: { classified: state.classified === true, disclosure: state.disclosure, exemptionReason: state.exemptionReason ?? null },
      });
    }
    return result;
  }

  async function publish(ctx: Ctx, next: () => Promise<any>) {
    // 发布日期 is the first publication unless an editor set it (e.g. a historical import).
    await strapi.db.query(ITEM).updateMany({
      where: { documentId: ctx.params.documentId, publishedAt: null, publishedDate: null },
      data: { publishedDate: new Date() },
    });
    return next();
  }

  const handlers: Record<string, (ctx: Ctx, next: () => Promise<any>) => Promise<any>> = { create, update, publish };

  return async (ctx: Ctx, next: () => Promise<any>) => {
    const handler = ctx.uid === ITEM ? handlers[ctx.action] : undefined;
    return handler ? handler(ctx, next) : next();
  };
}
