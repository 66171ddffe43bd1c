// 公开指南 rules (条例第十二条) on every Document Service write — admin, REST, GraphQL and server code
// alike: the guide names its organisation (a government or a department), one guide per
// organisation, and empty contact fields are filled from the department.
import type { Core } from '@strapi/strapi';
import { DEPARTMENT, GUIDE } from '../constants';
import { checkDisclosureGuide, guideDefaults, GUIDE_DEFAULTS_FROM_DEPARTMENT } from '../domain/disclosure-guide';
import { toOneRelation } from '../domain/relation-ref';
import { fieldValidationError } from './validation-error';

type Ctx = { uid: string; action: string; params: any };

/** Advisory-lock namespace of the one-guide-per-organisation check (with the department id). */
const GUIDE_LOCK = 0x6775696;
const DEPARTMENT_FIELDS = ['id', 'documentId', 'kind', 'name', ...new Set(Object.values(GUIDE_DEFAULTS_FROM_DEPARTMENT))];

export function guideRules(strapi: Core.Strapi) {
  async function department(ref: unknown): Promise<Record<string, any> | null> {
    if (!ref || typeof ref !== 'object') return null;
    return strapi.db.query(DEPARTMENT).findOne({ where: ref as Record<string, unknown>, select: DEPARTMENT_FIELDS });
  }

  /** The department a write leaves the guide with: given in `data`, else the stored one. */
  async function resolve(data: any, stored: { id: number } | null): Promise<Record<string, any> | null> {
    const relation = toOneRelation(data.department);
    if (relation.kind === 'unchanged') return stored ? department({ id: stored.id }) : null;
    return relation.kind === 'set' ? department(relation.ref) : null;
  }

  /** Another guide (any other document, draft or published) already names the department. */
  async function taken(departmentId: number, documentId: string | null): Promise<boolean> {
    const where: Record<string, unknown> = { department: { id: departmentId } };
    if (documentId) where.documentId = { $ne: documentId };
    return Boolean(await strapi.db.query(GUIDE).findOne({ where, select: ['id'] }));
  }

  /**
   * The check and the write of one department's guide run under a lock on that department (held to
   * the commit), so two guides written at the same moment cannot both pass. SQLite writes one
   * transaction at a time anyway.
   */
  const guarded = <T>(dept: Record<string, any> | null, work: () => Promise<T>) =>
    strapi.db.transaction(async ({ trx }) => {
      if (dept && strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(?, ?)', [GUIDE_LOCK, dept.id]).transacting(trx);
      return work();
    });

  async function check(dept: Record<string, any> | null, documentId: string | null) {
    const problems = checkDisclosureGuide({ department: dept ? { kind: dept.kind ?? undefined } : null, duplicate: dept ? await taken(dept.id, documentId) : false });
    if (problems.length) throw fieldValidationError(problems);
  }

  async function create(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    const dept = await resolve(data, null);
    return guarded(dept, async () => {
      await check(dept, null);
      ctx.params.data = { ...data, ...guideDefaults(data, dept!) };
      return next();
    });
  }

  async function update(ctx: Ctx, next: () => Promise<any>) {
    const { documentId } = ctx.params;
    const data = { ...(ctx.params.data ?? {}) };
    const current = await strapi.db.query(GUIDE).findOne({ where: { documentId, publishedAt: null }, populate: { department: { select: ['id'] } } });
    if (!current) return next();
    const dept = await resolve(data, current.department ?? null);
    return guarded(dept, async () => {
      await check(dept, documentId);
      return next();
    });
  }

  /** A copy is a new guide: for another organisation, or it is refused as a second one. */
  async function clone(ctx: Ctx, next: () => Promise<any>) {
    const data = { ...(ctx.params.data ?? {}) };
    const source = await strapi.db.query(GUIDE).findOne({ where: { documentId: ctx.params.documentId, publishedAt: null }, populate: { department: { select: ['id'] } } });
    const dept = await resolve(data, source?.department ?? null);
    return guarded(dept, async () => {
      await check(dept, null);
      return next();
    });
  }

  const handlers: Record<string, (ctx: Ctx, next: () => Promise<any>) => Promise<any>> = { create, update, clone };

  return async (ctx: Ctx, next: () => Promise<any>) => {
    const handler = ctx.uid === GUIDE ? handlers[ctx.action] : undefined;
    return handler ? handler(ctx, next) : next();
  };
}
