// Department scope (集约化, 谁制作谁公开): which documents an admin user may see and change. A user
// holding a `departments.scopedRoles` role acts only within the units their memberships cover;
// anyone else (the super admin, API tokens, the server itself) is not limited. Worked out from the
// database once per request (memoised on that request, by user id), so a membership change holds on
// the next request on every instance.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN } from '../constants';
import { relationTarget } from '../domain/relation-input';
import type { WorkflowConfig } from '../config';

/** `all`: not limited (or covering every unit); otherwise `departments`, the documentIds of the units covered. */
export type Scope = { all: boolean; departments: string[] };
type User = { id: number; roles?: Array<{ code: string }> };

const SUPER_ADMIN = 'strapi-super-admin';
const NOT_IN_DEPARTMENT = { zh: '只能选择您所属部门（或其下级）', en: 'choose a department your memberships cover' };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig;
  // Keyed on the request (Koa context), not on the user object: Strapi's permission engine hands
  // each condition handler a fresh copy of the user (lodash/fp merge), so a user-object key missed
  // on every Content Manager permission holding the condition (12 computations per request for an
  // author). Outside a request (server-side calls) the user object is the key, as before.
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
      if (!settings().departments || !this.isScoped(user)) return { all: true, departments: [] };
      return strapi.plugin(PLUGIN).service('membership').coverage({ user: user.id });
    },

    /** The filter limiting `uid` to the scope, or null when nothing is limited. */
    where(uid: string, scope: Scope): Record<string, unknown> | null {
      const attribute = this.ownedTypes().get(uid);
      if (scope.all || !attribute) return null;
      return { [attribute]: { documentId: { $in: scope.departments } } };
    },

    /** A document outside the scope is "not found": the answer must not confirm that it exists. */
    async assertReachable(uid: string, documentId: unknown, scope: Scope) {
      const where = this.where(uid, scope);
      if (!where) return;
      const row = typeof documentId === 'string' ? await strapi.db.query(uid).findOne({ where: { documentId, ...where }, select: ['id'] }) : null;
      if (!row) throw new errors.NotFoundError('Not Found');
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
      if (row && scope.departments.includes(row.documentId)) return;
      const message = `${NOT_IN_DEPARTMENT.zh} / ${NOT_IN_DEPARTMENT.en}`;
      throw new errors.ValidationError(message, {
        code: 'NOT_IN_DEPARTMENT', ...NOT_IN_DEPARTMENT,
        errors: [{ path: [attribute], message, name: 'ValidationError' }],
      });
    },
  };
};
