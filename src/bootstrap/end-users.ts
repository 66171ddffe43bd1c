// Applicants have no accounts in this product. End-user registration (users-permissions
// `allow_register`) is closed: once on a database by default — an administrator may reopen it in
// Settings → Users & Permissions → Advanced settings and it stays so — or on every start when
// USERS_REGISTRATION is set (true / false), which then wins. Signed-in end users (the Authenticated
// role) get the Public role's reads, from the one list in ./public-permissions, once, so signing in
// never loses the public catalogue.
import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS, grantPublicActionsOnce } from './public-permissions';

const REGISTRATION_KEY = { type: 'app', name: 'disclosure', key: 'registration-closed-by-default' } as const;
const AUTHENTICATED_KEY = { type: 'app', name: 'disclosure', key: 'authenticated-read-granted' } as const;

export async function applyRegistrationSetting(strapi: Core.Strapi) {
  const configured = strapi.config.get('disclosure.endUsers.registration') as boolean | undefined;
  const alreadyApplied = await strapi.store.get(REGISTRATION_KEY);
  if (configured === undefined && alreadyApplied) return;
  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get()) as Record<string, unknown>) ?? {};
  const allow = configured ?? false;
  if (settings.allow_register !== allow) await advanced.set({ value: { ...settings, allow_register: allow } });
  if (!alreadyApplied) await strapi.store.set({ ...REGISTRATION_KEY, value: true });
}

export async function grantAuthenticatedPublicReadOnce(strapi: Core.Strapi) {
  if (await grantPublicActionsOnce(strapi, 'authenticated', AUTHENTICATED_KEY)) {
    strapi.log.info(`[disclosure] granted the Authenticated role the Public role's reads (${PUBLIC_ACTIONS.length} actions)`);
  }
}
