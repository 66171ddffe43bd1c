import { ACTIONS } from '../constants';

// The plugin's own policy: same RBAC check as admin::hasPermissions, refused with a bilingual 403.
const can = (...actions: string[]) => ({ policies: ['admin::isAuthenticatedAdmin', { name: 'plugin::disclosure-workflow.has-permission', config: { actions } }] });
const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/status', handler: 'workflow.status', config: signedIn },
      { method: 'GET', path: '/governed', handler: 'workflow.governed', config: signedIn },
      { method: 'GET', path: '/tasks', handler: 'workflow.tasks', config: signedIn },
      { method: 'GET', path: '/permissions', handler: 'workflow.permissions', config: signedIn },
      { method: 'GET', path: '/settings', handler: 'audit.settings', config: signedIn },
      { method: 'POST', path: '/submit', handler: 'workflow.submit', config: can(ACTIONS.submit) },
      { method: 'POST', path: '/withdraw', handler: 'workflow.withdraw', config: can(ACTIONS.submit) },
      { method: 'POST', path: '/decide', handler: 'workflow.decide', config: can(ACTIONS.review) },
      { method: 'POST', path: '/sign-off', handler: 'workflow.signOff', config: can(ACTIONS.signOff) },
      { method: 'GET', path: '/chains', handler: 'chains.find', config: can(ACTIONS.manageChains) },
      { method: 'POST', path: '/chains', handler: 'chains.create', config: can(ACTIONS.manageChains) },
      { method: 'PUT', path: '/chains/:id', handler: 'chains.update', config: can(ACTIONS.manageChains) },
      { method: 'DELETE', path: '/chains/:id', handler: 'chains.delete', config: can(ACTIONS.manageChains) },
      { method: 'GET', path: '/schedules', handler: 'schedule.find', config: signedIn },
      { method: 'POST', path: '/schedules', handler: 'schedule.create', config: can(ACTIONS.publish) },
      { method: 'PUT', path: '/schedules/:id', handler: 'schedule.reschedule', config: can(ACTIONS.publish) },
      { method: 'DELETE', path: '/schedules/:id', handler: 'schedule.cancel', config: can(ACTIONS.publish) },
      { method: 'POST', path: '/schedules/:id/retry', handler: 'schedule.retry', config: can(ACTIONS.publish) },
      { method: 'GET', path: '/audit', handler: 'audit.find', config: can(ACTIONS.readAudit) },
      { method: 'GET', path: '/audit/verify', handler: 'audit.verify', config: can(ACTIONS.readAudit) },
      { method: 'GET', path: '/audit/export.csv', handler: 'audit.exportCsv', config: can(ACTIONS.readAudit) },
      { method: 'GET', path: '/slip', handler: 'audit.slip', config: signedIn },
      { method: 'GET', path: '/changes', handler: 'changes.changes', config: signedIn },
      { method: 'GET', path: '/memberships/users', handler: 'membership.users', config: can(ACTIONS.manageMemberships) },
      { method: 'GET', path: '/memberships/departments', handler: 'membership.departments', config: can(ACTIONS.manageMemberships) },
      { method: 'GET', path: '/memberships', handler: 'membership.find', config: can(ACTIONS.manageMemberships) },
      { method: 'POST', path: '/memberships', handler: 'membership.create', config: can(ACTIONS.manageMemberships) },
      { method: 'DELETE', path: '/memberships/:id', handler: 'membership.delete', config: can(ACTIONS.manageMemberships) },
      { method: 'GET', path: '/inspection/types', handler: 'inspection.types', config: signedIn },
      { method: 'GET', path: '/inspection', handler: 'inspection.check', config: signedIn },
      { method: 'POST', path: '/inspection/override', handler: 'inspection.override', config: can(ACTIONS.signOff) },
      { method: 'GET', path: '/dictionary/export.csv', handler: 'dictionary.exportCsv', config: can(ACTIONS.manageDictionary) },
      { method: 'POST', path: '/dictionary/import', handler: 'dictionary.import', config: can(ACTIONS.manageDictionary) },
    ],
  },
};
