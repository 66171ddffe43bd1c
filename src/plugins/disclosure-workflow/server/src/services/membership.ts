// Department membership (集约化): which owning units an admin user acts for, each optionally with
// its sub-units. Read from the database on every call, so a change holds on the next request on
// every instance. The owning-unit type and its tree come from the `departments` setting.
import type { Core } from '@strapi/strapi';
import { CHAIN, MEMBERSHIP, PLUGIN, SUPER_ADMIN } from '../constants';
import { covers, coveredDepartments, lineage, type ParentMap } from '../domain/departments';
import { refuse } from '../domain/refusal';
import type { WorkflowConfig } from '../config';

type Ref = { user: number; department: string };
type Meta = { actor?: number | null; ip?: string };


export default ({ strapi }: { strapi: Core.Strapi }) => {
  const units = () => (strapi.config.get(`plugin::${PLUGIN}.departments`) as WorkflowConfig['departments']) ?? refuse('INVALID_INPUT', 'the departments setting is not configured');
  const audit = () => strapi.plugin(PLUGIN).service('audit');

  /** A unit by documentId or any configured key (e.g. its code), as { documentId, name }. */
  async function resolveDepartment(key: unknown) {
    if (typeof key !== 'string' || !key) refuse('INVALID_INPUT', 'department must be a documentId or code');
    const { uid, name, keys } = units();
    const row = await strapi.db.query(uid).findOne({ where: { $or: [...new Set(['documentId', ...keys])].map((k) => ({ [k]: key })) }, select: ['documentId', name] });
    return row ? { documentId: row.documentId as string, name: (row[name] ?? null) as string | null } : refuse('INVALID_INPUT', `unknown department ${key}`);
  }

  async function resolveUser(user: unknown): Promise<number> {
    const id = Number(user);
    const found = Number.isInteger(id) && id > 0 ? await strapi.db.query('admin::user').findOne({ where: { id }, select: ['id'] }) : null;
    return found ? found.id : refuse('INVALID_INPUT', `unknown admin user ${String(user)}`);
  }

  async function parents(): Promise<ParentMap> {
    const { uid, parent } = units();
    const rows = await strapi.db.query(uid).findMany({ select: ['documentId'], ...(parent ? { populate: { [parent]: { select: ['documentId'] } } } : {}) });
    return new Map(rows.map((r: any) => [r.documentId, (parent && r[parent]?.documentId) || null]));
  }

  const membershipsOf = (userId: number) => strapi.db.query(MEMBERSHIP).findMany({ where: { userId }, select: ['department', 'includeSubDepartments'] });

  return {
    /** Adds a membership, or changes whether an existing one includes the sub-departments. */
    async add({ user, department, includeSubDepartments = false }: Ref & { includeSubDepartments?: boolean }, meta: Meta = {}) {
      const userId = await resolveUser(user);
      const unit = await resolveDepartment(department);
      const data = { userId, department: unit.documentId, includeSubDepartments: Boolean(includeSubDepartments) };
      const row = await strapi.db.transaction(async () => {
        const existing = await strapi.db.query(MEMBERSHIP).findOne({ where: { userId, department: unit.documentId } });
        const saved = existing
          ? await strapi.db.query(MEMBERSHIP).update({ where: { id: existing.id }, data: { includeSubDepartments: data.includeSubDepartments } })
          : await strapi.db.query(MEMBERSHIP).create({ data });
        await audit().append({ event: 'membership.add', actor: meta.actor ?? null, ip: meta.ip ?? null, data: { ...data, departmentName: unit.name } });
        return saved;
      });
      return { id: row.id, user: userId, department: unit, includeSubDepartments: row.includeSubDepartments };
    },

    /** Removes a membership; removing one that does not exist is not an error. */
    async remove({ user, department }: Ref, meta: Meta = {}) {
      const userId = await resolveUser(user);
      const unit = await resolveDepartment(department);
      return strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(MEMBERSHIP).deleteMany({ where: { userId, department: unit.documentId } });
        if (count) await audit().append({ event: 'membership.remove', actor: meta.actor ?? null, ip: meta.ip ?? null, data: { userId, department: unit.documentId, departmentName: unit.name } });
        return { removed: count };
      });
    },

    /** A user's memberships, or a department's members: [{ id, user, department: { documentId, name }, includeSubDepartments }]. */
    async list({ user, department }: { user?: number; department?: string }) {
      if ((user === undefined) === (department === undefined)) refuse('INVALID_INPUT', 'list takes a user or a department');
      const where = user !== undefined ? { userId: await resolveUser(user) } : { department: (await resolveDepartment(department)).documentId };
      const rows = await strapi.db.query(MEMBERSHIP).findMany({ where, orderBy: [{ id: 'asc' }] });
      const { uid, name } = units();
      const names = new Map<string, string>(
        (await strapi.db.query(uid).findMany({ where: { documentId: { $in: rows.map((r: any) => r.department) } }, select: ['documentId', name] })).map((d: any) => [d.documentId, d[name]]),
      );
      return rows.map((r: any) => ({ id: r.id, user: r.userId, department: { documentId: r.department, name: names.get(r.department) ?? null }, includeSubDepartments: r.includeSubDepartments }));
    },

    /** Whether the user's memberships cover the department (itself, or a parent's with sub-departments). */
    async covers({ user, department }: Ref): Promise<boolean> {
      const userId = await resolveUser(user);
      const unit = await resolveDepartment(department);
      return covers(await membershipsOf(userId), unit.documentId, await parents());
    },

    /** Ids of the users whose memberships cover the department (a member of it, or of a parent with its sub-tree). */
    async membersCovering({ department }: { department: string }): Promise<number[]> {
      const unit = await resolveDepartment(department);
      const [self, ...ancestors] = lineage(unit.documentId, await parents());
      const rows = await strapi.db.query(MEMBERSHIP).findMany({
        where: { $or: [{ department: self }, ...(ancestors.length ? [{ department: { $in: ancestors }, includeSubDepartments: true }] : [])] },
        select: ['userId'],
      });
      return [...new Set(rows.map((r: any) => r.userId as number))];
    },

    /**
     * Active users holding a role that works only within departments — `departments.scopedRoles`
     * (they see only covered units' documents) or a role of a department-scoped step or sign-off of
     * an enabled chain (they act only on covered units) — but belonging to no department: their ids.
     * The super admin is never limited to departments (and never reviews).
     */
    async unassignedUsers(): Promise<number[]> {
      if (!strapi.config.get(`plugin::${PLUGIN}.departments`)) return [];
      const roles = new Set<string>(units().scopedRoles ?? []);
      for (const chain of await strapi.db.query(CHAIN).findMany({ where: { enabled: true } })) {
        for (const step of chain.steps ?? []) if ((step.scope ?? 'department') === 'department') step.roles.forEach((r: string) => roles.add(r));
        if ((chain.signOffScope ?? 'department') === 'department') (chain.signOffRoles ?? []).forEach((r: string) => roles.add(r));
      }
      if (!roles.size) return [];
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: { $in: [...roles] } } },
        select: ['id'],
        populate: { roles: { select: ['code'] } },
      });
      const members = new Set((await strapi.db.query(MEMBERSHIP).findMany({ select: ['userId'] })).map((r: any) => r.userId));
      return users.filter((u: any) => !members.has(u.id) && !u.roles.some((r: any) => r.code === SUPER_ADMIN)).map((u: any) => u.id as number);
    },

    /** Start-up check for existing databases: one warning naming how many users are unassigned (above); returns that number. */
    async warnUnassignedUsers(): Promise<number> {
      const count = (await this.unassignedUsers()).length;
      if (count) {
        strapi.log.warn(
          `[${PLUGIN}] ${count} active user(s) with department-scoped roles belong to no department: they see no department documents and cannot review department-scoped steps until assigned (Settings → 审核流程 → 部门成员, or POST /${PLUGIN}/memberships { user, department, includeSubDepartments })`,
        );
      }
      return count;
    },

    /** Active admin users to choose a member from, each flagged when unassigned (above). */
    async users(): Promise<Array<{ id: number; firstname: string | null; lastname: string | null; email: string; unassigned: boolean }>> {
      const unassigned = new Set(await this.unassignedUsers());
      const rows = await strapi.db.query('admin::user').findMany({ where: { isActive: true }, select: ['id', 'firstname', 'lastname', 'email'], orderBy: [{ email: 'asc' }] });
      return rows.map((u: any) => ({ id: u.id, firstname: u.firstname ?? null, lastname: u.lastname ?? null, email: u.email, unassigned: unassigned.has(u.id) }));
    },

    /** Every unit to choose a department from: { documentId, name, parent (its documentId or null) }, by name. */
    async departments(): Promise<Array<{ documentId: string; name: string | null; parent: string | null }>> {
      const { uid, name } = units();
      const tree = await parents();
      const rows = await strapi.db.query(uid).findMany({ select: ['documentId', name], orderBy: [{ [name]: 'asc' }] });
      return rows.map((r: any) => ({ documentId: r.documentId, name: r[name] ?? null, parent: tree.get(r.documentId) ?? null }));
    },

    /** The documentIds of every unit the user's memberships cover. */
    async coveredDepartments({ user }: { user: number }): Promise<string[]> {
      return (await this.coverage({ user })).departments;
    },

    /**
     * The units the user's memberships cover; `all` when that is every unit; `unowned` when they
     * cover a whole tree from its root (the county office), which also answers for documents no
     * unit owns yet (a request not yet assigned).
     */
    async coverage({ user }: { user: number }): Promise<{ departments: string[]; all: boolean; unowned: boolean }> {
      const tree = await parents();
      const memberships = await membershipsOf(await resolveUser(user));
      const departments = coveredDepartments(memberships, tree);
      const unowned = memberships.some((m: any) => m.includeSubDepartments && tree.has(m.department) && !tree.get(m.department));
      return { departments, all: tree.size > 0 && departments.length === tree.size, unowned };
    },
  };
};
