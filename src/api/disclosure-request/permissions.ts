// The RBAC actions of 依申请公开 case handling, registered in the workflow plugin's section of
// Settings → Roles (Plugins → Disclosure workflow), next to the review actions: their ids are
// `plugin::disclosure-workflow.<name>`.
import type { Core } from '@strapi/strapi';

export const REQUEST_ACTIONS = { read: 'read-requests', handle: 'handle-requests', manage: 'manage-requests' } as const;

const DEFINITIONS = [
  { uid: REQUEST_ACTIONS.read, displayName: '查看全部依申请公开件 Read all disclosure requests' },
  { uid: REQUEST_ACTIONS.handle, displayName: '办理依申请公开件 Handle assigned requests' },
  { uid: REQUEST_ACTIONS.manage, displayName: '分办、批准延期 Assign requests and approve extensions' },
];

const permissions = (strapi: Core.Strapi) => strapi.plugin('disclosure-workflow').service('permissions');

export const registerRequestActions = (strapi: Core.Strapi) => permissions(strapi).addActions(DEFINITIONS);

/** `handle` → 'plugin::disclosure-workflow.handle-requests'. */
export const requestActionId = (strapi: Core.Strapi, name: keyof typeof REQUEST_ACTIONS): string => permissions(strapi).actionId(REQUEST_ACTIONS[name]);
