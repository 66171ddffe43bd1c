// The plugin's RBAC actions (Settings → Roles → Plugins → Disclosure workflow) and the grants an
// installation starts with (configuration `defaultGrants`, given once; administrators own them after).
import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN, actionId } from '../constants';

const DEFINITIONS = [
  { uid: 'submit', displayName: '送审 / 撤回 Submit and withdraw' },
  { uid: 'review', displayName: '审核 Review (approve, return, reject)' },
  { uid: 'sign-off', displayName: '保密审查 Confidentiality sign-off' },
  { uid: 'publish', displayName: '发布 / 撤销发布 Publish and unpublish' },
  { uid: 'manage-chains', displayName: '配置审核流程 Manage approval chains' },
  { uid: 'read-audit', displayName: '查看审计记录 Read the audit trail' },
  { uid: 'manage-memberships', displayName: '管理部门成员 Manage department memberships' },
];

const STORE_KEY = { type: 'plugin', name: PLUGIN, key: 'default-grants-applied' } as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Action ids by name, e.g. `actions.review` = 'plugin::disclosure-workflow.review'. */
  actions: ACTIONS,

  /** `name` → the id of an action registered under this plugin (its own, or one added by the app). */
  actionId,

  async register() {
    await this.addActions(DEFINITIONS);
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
   * actions (short names of actions registered under this plugin, by it or by the app).
   */
  async grantDefaults() {
    if (await strapi.store.get(STORE_KEY)) return;
    const grants = strapi.config.get(`plugin::${PLUGIN}.defaultGrants`) as Record<string, string[]>;
    const provider = strapi.service('admin::permission').actionProvider;
    for (const [code, names] of Object.entries(grants)) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code } });
      if (!role) continue;
      for (const action of names.map(actionId)) {
        if (!provider.get(action)) throw new Error(`[${PLUGIN}] defaultGrants: no RBAC action ${action}`);
        const exists = await strapi.db.query('admin::permission').findOne({ where: { action, role: role.id } });
        if (!exists) await strapi.service('admin::permission').createMany([{ action, role: role.id, subject: null, properties: {}, conditions: [] }]);
      }
    }
    await strapi.store.set({ ...STORE_KEY, value: true });
  },
});
