// Department scope (集约化, 谁制作谁公开): which documents an admin user may see and change. A user
// holding a `departments.scopedRoles` role acts only within the units their memberships cover;
// anyone else (the super admin, API tokens, the server itself) is not limited. Worked out from the
// database once per request (memoised on that request, by user id), so a membership change holds on
// the next request on every instance.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN, ROUND, SUPER_ADMIN } from '../constants';
import { connectedRefs, relationTarget, type RelationRef } from '../domain/relation-input';
import type { WorkflowConfig } from '../config';

/**
 * `all`: not limited (or covering every unit); otherwise `departments`, the documentIds of the
 * units covered, `unowned`: also the documents of no unit (a member of a whole tree from its root),
 * and `reviewing`: documents (documentIds by type) waiting for this user on a step of scope `any` — a
 * county-level secrecy office must be able to read what it signs off.
 */
export type Scope = { all: boolean; departments: string[]; unowned?: boolean; reviewing?: Record<string, string[]> };
type User = { id: number; roles?: Array<{ code: string }> };

const NOT_IN_DEPARTMENT = { zh: '只能选择您所属部门（或其下级）', en: 'choose a department your memberships cover' };
const NOT_REACHABLE = { zh: '只能关联您所属部门的文档', en: 'you may only link documents of your departments' };

function refused(attribute: string, text: { zh: string; en: string }): never {
  const message = `${text.zh} / ${text.en}`;
  throw new errors.ValidationError(message, { code: 'NOT_IN_DEPARTMENT', ...text, errors: [{ path: [attribute], message, name: 'ValidationError' }] });
}

/** One condition, or `$or` of several; null for none. */
const anyOf = (conditions: Record<string, unknown>[] | undefined): Record<string, unknown> | null =>
  !conditions ? null : conditions.length > 1 ? { $or: conditions } : conditions[0];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig;
  // Keyed on the request (Koa context), not on the user object: Strapi's permission engine hands
  // each condition handler a fresh copy of the user (lodash/fp merge), so a user-object key would
  // miss on every permission holding the condition. Outside a request the user object is the key.
  const memo = new WeakMap<object, Map<number, Promise<Scope>>>();

  return {
    /** uid → the attribute relating it to its owning unit: governed types with `department`, and `departments.owned`. */
    ownedTypes(): Map<string, string> {
      const { contentTypes, departments } = settings();
      if (!departments) return new Map();
      const governed = Object.entries(contentTypes).flatMap(([uid, spec]) => (spec.department ? [[uid, spec.department] as [string, string]] : []));
      return new Map([...governed, ...Object.entries(departments.owned ?? {})]);
    },

    /** Whether the user's roles limit them to their departments. */
    isScoped(user: User): boolean {
      const scoped = settings().departments?.scopedRoles ?? [];
      const codes = (user.roles ?? []).map((r) => r.code);
      return !codes.includes(SUPER_ADMIN) && codes.some((code) => scoped.includes(code));
    },

    /** The user's scope; computed once per request (or user object outside one), never across requests. */
    of(user: User): Promise<Scope> {
      const owner = (strapi.requestContext.get() as object | undefined) ?? user;
      let byUser = memo.get(owner);
      if (!byUser) {
        byUser = new Map();
        memo.set(owner, byUser);
      }
      let scope = byUser.get(user.id);
      if (!scope) {
        scope = this.compute(user);
        byUser.set(user.id, scope);
      }
      return scope;
    },

    async compute(user: User): Promise<Scope> {
      if (!settings().departments || !this.isScoped(user)) return { all: true, departments: [], unowned: true };
      const coverage = await strapi.plugin(PLUGIN).service('membership').coverage({ user: user.id });
      return coverage.all ? coverage : { ...coverage, reviewing: await this.reviewing(user) };
    },

    /** Documents waiting for the user's roles on a step or sign-off of scope `any` that they may act on. */
    async reviewing(user: User): Promise<Record<string, string[]>> {
      const codes = (user.roles ?? []).map((r) => r.code);
      if (!codes.length) return {};
      const rows = await strapi.db.query(ROUND).findMany({
        where: {
          state: { $in: ['in_review', 'awaiting_signoff', 'escalated'] },
          pendingScope: 'any',
          $and: [{ $or: codes.map((code) => ({ pendingRoleList: { $contains: `|${code}|` } })) }, { actorList: { $notContains: `|${user.id}|` } }],
        },
        select: ['targetUid', 'targetDocumentId'],
      });
      const byType: Record<string, string[]> = {};
      for (const row of rows) (byType[row.targetUid] ??= []).push(row.targetDocumentId);
      return byType;
    },

    /**
     * What limits `uid` to the scope, as [attribute path, condition] pairs any of which admits a
     * document, or null when nothing is limited: the units covered, no unit at all (for a member of
     * a whole tree), documents waiting for the user on a step of scope `any`.
     */
    branches(uid: string, scope: Scope): Array<[string, Record<string, unknown>]> | null {
      const attribute = this.ownedTypes().get(uid);
      if (scope.all || !attribute) return null;
      const branches: Array<[string, Record<string, unknown>]> = [[`${attribute}.documentId`, { $in: scope.departments }]];
      if (scope.unowned) branches.push([`${attribute}.id`, { $eq: null }]);
      if (scope.reviewing?.[uid]?.length) branches.push(['documentId', { $in: scope.reviewing[uid] }]);
      return branches;
    },

    /** The Document Service filter limiting `uid` to the scope, or null when nothing is limited. */
    where(uid: string, scope: Scope): Record<string, unknown> | null {
      const nested = (path: string, condition: unknown): Record<string, unknown> => {
        const [head, ...rest] = path.split('.');
        return { [head]: rest.length ? nested(rest.join('.'), condition) : condition };
      };
      return anyOf(this.branches(uid, scope)?.map(([path, condition]) => nested(path, condition)));
    },

    /**
     * A filter for rows that point at documents (audit events, schedules: `targetUid`,
     * `targetDocumentId`): only those about department-owned documents within the scope, and — for
     * a member of a whole tree from its root, who also answers for what no unit owns — those about
     * nothing or about other types (chains, memberships, exports). Null when nothing is limited.
     */
    async targetsWhere(scope: Scope): Promise<Record<string, unknown> | null> {
      if (scope.all) return null;
      const owned = [...this.ownedTypes().keys()];
      const branches: Record<string, unknown>[] = scope.unowned ? [{ targetUid: { $null: true } }, { targetUid: { $notIn: owned } }] : [];
      for (const uid of owned) {
        const rows = await strapi.db.query(uid).findMany({ where: this.where(uid, scope), select: ['documentId'] });
        const ids = [...new Set(rows.map((r: any) => r.documentId as string))];
        if (ids.length) branches.push({ targetUid: uid, targetDocumentId: { $in: ids } });
      }
      return branches.length ? { $or: branches } : { id: { $in: [] } };
    },

    /** Whether the document is within the scope (a document that does not exist is not). */
    async reaches(uid: string, documentId: unknown, scope: Scope): Promise<boolean> {
      const where = this.where(uid, scope);
      if (!where) return true;
      return typeof documentId === 'string' && Boolean(await strapi.db.query(uid).findOne({ where: { documentId, ...where }, select: ['id'] }));
    },

    /**
     * Review information about a document (status, slip) is for its units' people and for whoever
     * may act on it now (a reviewer on a step of scope `any`); anyone else gets "not found".
     */
    async assertVisible(user: User, target: { uid: string; documentId: string; locale?: string | null }) {
      if (await this.reaches(target.uid, target.documentId, await this.of(user))) return;
      const { actions } = await strapi.plugin(PLUGIN).service('workflow').permissions({ ...target, locale: target.locale ?? null, actor: user.id });
      if (!actions.decide && !actions.signOff) throw new errors.NotFoundError('Not Found');
    },

    /**
     * The RBAC condition's answer for `uid`: true (not limited), or the same branches with dotted
     * paths, which Strapi both queries (lists, relation pickers) and matches on a loaded document.
     */
    condition(uid: string, scope: Scope): true | Record<string, unknown> {
      return anyOf(this.branches(uid, scope)?.map(([path, condition]) => ({ [path]: condition }))) ?? true;
    },

    /** A document outside the scope is "not found": the answer must not confirm that it exists. */
    async assertReachable(uid: string, documentId: unknown, scope: Scope) {
      if (!(await this.reaches(uid, documentId, scope))) throw new errors.NotFoundError('Not Found');
    },

    /**
     * The owning unit a create or update sets must be covered; a create must set one (a document of
     * no unit would be out of its author's reach at once). A 400 naming the field.
     */
    async assertAssignable(uid: string, data: Record<string, unknown> | undefined, scope: Scope, { creating }: { creating: boolean }) {
      const attribute = this.ownedTypes().get(uid);
      if (scope.all || !attribute) return;
      const target = relationTarget(data?.[attribute]);
      if (target === 'unchanged' && !creating) return;
      const unit = settings().departments!;
      const row = target && typeof target === 'object' ? await strapi.db.query(unit.uid).findOne({ where: target, select: ['documentId'] }) : null;
      if (!row || !scope.departments.includes(row.documentId)) refused(attribute, NOT_IN_DEPARTMENT);
    },

    /** Relations a create or update links to department-owned documents must stay within the scope. */
    async assertLinkable(uid: string, data: Record<string, unknown> | undefined, scope: Scope) {
      if (scope.all || !data) return;
      const attributes = (strapi.getModel(uid as any) as any)?.attributes ?? {};
      for (const [name, attribute] of Object.entries<any>(attributes)) {
        const where = attribute.type === 'relation' && name in data ? this.where(attribute.target, scope) : null;
        if (!where) continue;
        const refs = connectedRefs(data[name]);
        if (refs === 'invalid') refused(name, NOT_REACHABLE);
        if (!refs.length) continue;
        const byId = (key: 'id' | 'documentId') => refs.flatMap((r: RelationRef) => (key in r ? [(r as any)[key]] : []));
        const rows = await strapi.db.query(attribute.target).findMany({
          where: { $and: [{ $or: [{ id: { $in: byId('id') } }, { documentId: { $in: byId('documentId') } }] }, where] },
          select: ['id', 'documentId'],
        });
        const reachable = new Set(rows.flatMap((r: any) => [`id:${r.id}`, `documentId:${r.documentId}`]));
        if (!refs.every((r) => reachable.has('id' in r ? `id:${r.id}` : `documentId:${r.documentId}`))) refused(name, NOT_REACHABLE);
      }
    },
  };
};
