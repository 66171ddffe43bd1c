// Plugin RBAC actions (Settings → Roles → Plugins) and which DOMAIN roles get them by default.
import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN } from './constants';

const DEFINITIONS = [
  { uid: 'submit', displayName: '送审 / 撤回 Submit and withdraw' },
  { uid: 'review', displayName: '审核 Review (approve, return, reject)' },
  { uid: 'sign-off', displayName: '保密审查 Confidentiality sign-off' },
  { uid: 'publish', displayName: '发布 / 撤销发布 Publish and unpublish' },
  { uid: 'manage-chains', displayName: '配置审核流程 Manage approval chains' },
  { uid: 'read-audit', displayName: '查看审计记录 Read the audit trail' },
  { uid: 'read-requests', displayName: '查看全部依申请公开件 Read all disclosure requests' },
  { uid: 'handle-requests', displayName: '办理依申请公开件 Handle assigned requests' },
  { uid: 'manage-requests', displayName: '分办、批准延期 Assign requests and approve extensions' },
];

export const DEFAULT_GRANTS: Record<string, string[]> = {
  'gov-author': [ACTIONS.submit, ACTIONS.handleRequests],
  'gov-section-head': [ACTIONS.review],
  'gov-leader': [ACTIONS.review],
  'gov-principal': [ACTIONS.review],
  'gov-secrecy-reviewer': [ACTIONS.signOff],
  'gov-office': [ACTIONS.submit, ACTIONS.review, ACTIONS.manageChains, ACTIONS.readAudit, ACTIONS.readRequests, ACTIONS.handleRequests, ACTIONS.manageRequests],
  'gov-publisher': [ACTIONS.publish, ACTIONS.readAudit],
  'gov-supervisor': [ACTIONS.readAudit, ACTIONS.readRequests],
};

export async function registerActions(strapi: Core.Strapi) {
  await strapi.service('admin::permission').actionProvider.registerMany(
    DEFINITIONS.map((d) => ({ ...d, section: 'plugins', pluginName: PLUGIN })),
  );
}

const STORE_KEY = { type: 'plugin', name: PLUGIN, key: 'default-grants-applied' } as const;

/** Once per installation: administrators own the grants afterwards. */
export async function grantDefaults(strapi: Core.Strapi) {
  if (await strapi.store.get(STORE_KEY)) return;
  for (const [code, actions] of Object.entries(DEFAULT_GRANTS)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    for (const action of actions) {
      const exists = await strapi.db.query('admin::permission').findOne({ where: { action, role: role.id } });
      if (!exists) await strapi.service('admin::permission').createMany([{ action, role: role.id, subject: null, properties: {}, conditions: [] }]);
    }
  }
  await strapi.store.set({ ...STORE_KEY, value: true });
}
