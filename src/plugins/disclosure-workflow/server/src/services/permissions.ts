// The plugin's RBAC actions (Settings → Roles → Plugins → Disclosure workflow) and the grants an
// installation starts with (configuration `defaultGrants`, given once; administrators own them after).
import type { Core } from '@strapi/strapi';
import { ACTIONS, DEPARTMENT_CONDITION, DEPARTMENT_CONDITION_NAME, PLUGIN, actionId } from '../constants';

const DEFINITIONS = [
  { uid: 'submit', displayName: '送审 / 撤回 Submit and withdraw' },
  { uid: 'review', displayName: '审核 Review (approve, return, reject)' },
  { uid: 'sign-off', displayName: '保密审查 Confidentiality sign-off' },
  { uid: 'publish', displayName: '发布 / 撤销发布 Publish and unpublish' },
  { uid: 'manage-chains', displayName: '配置审核流程 Manage approval chains' },
  { uid: 'read-audit', displayName: '查看审计记录 Read the audit trail' },
  { uid: 'manage-memberships', displayName: '管理部门成员 Manage department memberships' },
  { uid: 'manage-dictionary', displayName: '管理错敏词库 Manage the sensitive-term dictionary' },
];

const STORE_KEY = { type: 'plugin', name: PLUGIN, key: 'default-grants-applied' } as const;
const CONDITION_KEY = { type: 'plugin', name: PLUGIN, key: 'department-condition-applied' } as const;
const CONTENT_MANAGER = 'plugin::content-manager.explorer.';
/** Actions added after the first release (granted to existing installations once, on their own). */
const ADDED_LATER = ['manage-dictionary'];
const laterKey = (name: string) => ({ type: 'plugin', name: PLUGIN, key: `default-grants-applied:${name}` }) as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Action ids by name, e.g. `actions.review` = 'plugin::disclosure-workflow.review'. */
  actions: ACTIONS,

  /** `name` → the id of an action registered under this plugin (its own, or one added by the app). */
  actionId,

  /** The department condition's id, as stored on a permission. */
  departmentCondition: DEPARTMENT_CONDITION,

  async register() {
    await this.addActions(DEFINITIONS);
    // At register time: the admin's bootstrap strips conditions it does not know from permissions.
    await strapi.service('admin::permission').conditionProvider.register({
      displayName: '所属部门范围内 Within the user\'s departments',
      name: DEPARTMENT_CONDITION_NAME,
      plugin: PLUGIN,
      category: '部门 Departments',
      async handler(user: any) {
        const scope = strapi.plugin(PLUGIN).service('scope');
        return scope.condition(user.permission?.subject, await scope.of(user));
      },
    });
  },

  /**
   * Registers more actions in this plugin's section (the app's own, e.g. case handling); call from
   * `register()`, before the admin's bootstrap drops stored permissions of unknown actions.
   */
  async addActions(definitions: Array<{ uid: string; displayName: string }>) {
    await strapi.service('admin::permission').actionProvider.registerMany(definitions.map((d) => ({ ...d, section: 'plugins', pluginName: PLUGIN })));
  },

  /**
   * Once per installation, after the app has created its roles: each configured role code gets its
   * actions (short names of actions registered under this plugin, by it or by the app); then the
   * department condition (below).
   */
  async grantDefaults() {
    if (!(await strapi.store.get(STORE_KEY))) await this.grantActions();
    // Actions added in a later release reach existing installations once too.
    for (const name of ADDED_LATER) if (!(await strapi.store.get(laterKey(name)))) await this.grantActions([name]);
    await this.applyDepartmentCondition();
  },

  /** The default grants of these actions (all when not given), once: an administrator's later removal stands. */
  async grantActions(only?: string[]) {
    const grants = strapi.config.get(`plugin::${PLUGIN}.defaultGrants`) as Record<string, string[]>;
    const provider = strapi.service('admin::permission').actionProvider;
    for (const [code, names] of Object.entries(grants)) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      if (!role) continue;
      for (const action of names.filter((name) => !only || only.includes(name)).map(actionId)) {
        if (!provider.get(action)) throw new Error(`[${PLUGIN}] defaultGrants: no RBAC action ${action}`);
        const exists = await strapi.db.query('admin::permission').findOne({ where: { action, role: role.id } });
        if (!exists) await strapi.service('admin::permission').createMany([{ action, role: role.id, subject: null, properties: {}, conditions: [] }]);
      }
    }
    if (!only) await strapi.store.set({ ...STORE_KEY, value: true });
    for (const name of only ?? ADDED_LATER) await strapi.store.set({ ...laterKey(name), value: true });
  },

  /**
   * Once per installation (existing ones included): the Content Manager permissions of the
   * `departments.scopedRoles` on department-owned types get the department condition, so it shows
   * in Settings → Roles. A permission that already has conditions is left alone: Strapi ORs the
   * conditions of one permission, which would widen it (the Document Service middleware limits
   * every read and write regardless).
   */
  async applyDepartmentCondition() {
    const units = strapi.config.get(`plugin::${PLUGIN}.departments`) as { scopedRoles?: string[] } | null;
    if (!units?.scopedRoles?.length || (await strapi.store.get(CONDITION_KEY))) return;
    const owned = [...strapi.plugin(PLUGIN).service('scope').ownedTypes().keys()];
    const permissions = await strapi.db.query('admin::permission').findMany({
      where: { action: { $startsWith: CONTENT_MANAGER }, subject: { $in: owned }, role: { code: { $in: units.scopedRoles } } },
      select: ['id', 'conditions'],
    });
    let changed = 0;
    for (const permission of permissions) {
      if (Array.isArray(permission.conditions) && permission.conditions.length) continue;
      await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { conditions: [DEPARTMENT_CONDITION] } });
      changed += 1;
    }
    await strapi.store.set({ ...CONDITION_KEY, value: { at: new Date().toISOString(), changed } });
    if (changed) strapi.log.info(`[${PLUGIN}] ${changed} Content Manager permission(s) of ${units.scopedRoles.join(', ')} now hold the condition "within the user's departments"`);
  },
});
