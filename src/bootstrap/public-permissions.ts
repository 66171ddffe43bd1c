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
  'api::annual-report.annual-report.find',
  'api::annual-report.annual-report.findOne',
  'api::annual-report.annual-report.print',
  'api::annual-report.annual-report.exportCsv',
];

const STORE_KEY = { type: 'app', name: 'disclosure', key: 'public-permissions-granted' } as const;

/** Once per database (the store key remembers): administrators own the grants afterwards. */
export async function grantPublicActionsOnce(strapi: Core.Strapi, roleType: 'public' | 'authenticated', storeKey: { type: string; name: string; key: string }) {
  if (await strapi.store.get(storeKey)) return false;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) return false;
  for (const action of PUBLIC_ACTIONS) {
    const exists = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } });
    if (!exists) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  await strapi.store.set({ ...storeKey, value: true });
  return true;
}

export async function grantPublicReadOnce(strapi: Core.Strapi) {
  if (await grantPublicActionsOnce(strapi, 'public', STORE_KEY)) {
    strapi.log.info(`[disclosure] granted the Public role read access (${PUBLIC_ACTIONS.length} actions)`);
  }
}
