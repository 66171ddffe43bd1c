// Grants the Public role read access to the catalogue once; administrators may revoke it later
// in Settings → Users & Permissions without it coming back on restart.
import type { Core } from '@strapi/strapi';

export const PUBLIC_ACTIONS = [
  'api::disclosure-item.disclosure-item.find',
  'api::disclosure-item.disclosure-item.findOne',
  'api::disclosure-item.catalogue.find',
  'api::disclosure-item.catalogue.lookup',
  'api::disclosure-item.catalogue.export',
  'api::department.department.find',
  'api::department.department.findOne',
  'api::disclosure-category.disclosure-category.find',
  'api::disclosure-category.disclosure-category.findOne',
  'api::handling-procedure.handling-procedure.find',
  'api::handling-procedure.handling-procedure.findOne',
  'api::disclosure-guide.disclosure-guide.find',
  'api::disclosure-guide.disclosure-guide.findOne',
  'api::annual-report.annual-report.find',
  'api::annual-report.annual-report.findOne',
  'api::annual-report.annual-report.print',
  'api::annual-report.annual-report.exportCsv',
];

const STORE_KEY = { type: 'app', name: 'disclosure', key: 'public-permissions-granted' } as const;

/**
 * Reads added in a later release: a database whose grant was made before gets them once (a store
 * key per release and role), so a later revocation by an administrator is left alone too.
 */
export const LATER_PUBLIC_ACTIONS: Array<{ key: string; actions: string[] }> = [
  { key: 'disclosure-guide', actions: ['api::disclosure-guide.disclosure-guide.find', 'api::disclosure-guide.disclosure-guide.findOne'] },
];

async function grantActions(strapi: Core.Strapi, roleId: number, actions: string[]) {
  for (const action of actions) {
    const exists = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: roleId } });
    if (!exists) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: roleId } });
  }
}

/** Once per database (the store key remembers): administrators own the grants afterwards. */
export async function grantPublicActionsOnce(strapi: Core.Strapi, roleType: 'public' | 'authenticated', storeKey: { type: string; name: string; key: string }) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) return false;
  const laterKey = (key: string) => ({ ...storeKey, key: `${storeKey.key}.${key}` });
  if (await strapi.store.get(storeKey)) {
    for (const later of LATER_PUBLIC_ACTIONS) {
      if (await strapi.store.get(laterKey(later.key))) continue;
      await grantActions(strapi, role.id, later.actions);
      await strapi.store.set({ ...laterKey(later.key), value: true });
    }
    return false;
  }
  await grantActions(strapi, role.id, PUBLIC_ACTIONS);
  await strapi.store.set({ ...storeKey, value: true });
  // The later reads are in PUBLIC_ACTIONS already: remembered as given.
  for (const later of LATER_PUBLIC_ACTIONS) await strapi.store.set({ ...laterKey(later.key), value: true });
  return true;
}

export async function grantPublicReadOnce(strapi: Core.Strapi) {
  if (await grantPublicActionsOnce(strapi, 'public', STORE_KEY)) {
    strapi.log.info(`[disclosure] granted the Public role read access (${PUBLIC_ACTIONS.length} actions)`);
  }
}
