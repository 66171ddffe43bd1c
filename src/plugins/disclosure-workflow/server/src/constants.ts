export const PLUGIN = 'disclosure-workflow';
export const ROUND = 'plugin::disclosure-workflow.round';
export const CHAIN = 'plugin::disclosure-workflow.chain';
export const AUDIT = 'plugin::disclosure-workflow.audit-event';
export const SCHEDULE = 'plugin::disclosure-workflow.schedule';

/** RBAC actions, shown in Settings → Roles under Plugins → Disclosure workflow. */
export const ACTIONS = {
  submit: 'plugin::disclosure-workflow.submit',
  review: 'plugin::disclosure-workflow.review',
  signOff: 'plugin::disclosure-workflow.sign-off',
  publish: 'plugin::disclosure-workflow.publish',
  manageChains: 'plugin::disclosure-workflow.manage-chains',
  readAudit: 'plugin::disclosure-workflow.read-audit',
  readRequests: 'plugin::disclosure-workflow.read-requests',
  handleRequests: 'plugin::disclosure-workflow.handle-requests',
  manageRequests: 'plugin::disclosure-workflow.manage-requests',
} as const;
