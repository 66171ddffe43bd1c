export const PLUGIN = 'disclosure-workflow';
/** Strapi's own super admin role code. */
export const SUPER_ADMIN = 'strapi-super-admin';
export const ROUND = 'plugin::disclosure-workflow.round';
export const CHAIN = 'plugin::disclosure-workflow.chain';
export const AUDIT = 'plugin::disclosure-workflow.audit-event';
export const SCHEDULE = 'plugin::disclosure-workflow.schedule';
export const MEMBERSHIP = 'plugin::disclosure-workflow.membership';
/** The 错敏词 dictionary of the pre-publication checks. */
export const TERM = 'plugin::disclosure-workflow.sensitive-term';
/** The canonical content of a document as it was submitted or decided on, by content hash (the reviewers' diff). */
export const SNAPSHOT = 'plugin::disclosure-workflow.content-snapshot';
export const INSPECTION = 'plugin::disclosure-workflow.inspection';
/** Strapi's media-library file: attachments are locked and type-checked (services/attachments.ts). */
export const FILE = 'plugin::upload.file';

/** RBAC actions, shown in Settings → Roles under Plugins → Disclosure workflow. */
export const ACTIONS = {
  submit: 'plugin::disclosure-workflow.submit',
  review: 'plugin::disclosure-workflow.review',
  signOff: 'plugin::disclosure-workflow.sign-off',
  publish: 'plugin::disclosure-workflow.publish',
  manageChains: 'plugin::disclosure-workflow.manage-chains',
  readAudit: 'plugin::disclosure-workflow.read-audit',
  manageMemberships: 'plugin::disclosure-workflow.manage-memberships',
  manageDictionary: 'plugin::disclosure-workflow.manage-dictionary',
} as const;

/** `submit` → `plugin::disclosure-workflow.submit`: the id of an action registered under this plugin. */
export const actionId = (name: string) => `plugin::${PLUGIN}.${name}`;

/** RBAC condition "within the user's departments" (Settings → Roles), added to the scoped roles' Content Manager permissions. */
export const DEPARTMENT_CONDITION_NAME = 'in-my-departments';
export const DEPARTMENT_CONDITION = `plugin::${PLUGIN}.${DEPARTMENT_CONDITION_NAME}`;
