// The plugin's name and RBAC action ids are the server's (server/src/constants.ts, plain constants).
import { PLUGIN } from '../../server/src/constants';

export { ACTIONS } from '../../server/src/constants';
export const PLUGIN_ID = PLUGIN;
export const API = `/${PLUGIN}`;
