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

export async function grantPublicReadOnce(strapi: Core.Strapi) {
  if (await strapi.store.get(STORE_KEY)) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) return;
  for (const action of PUBLIC_ACTIONS) {
    const exists = await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } });
    if (!exists) await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
  }
  await strapi.store.set({ ...STORE_KEY, value: true });
  strapi.log.info(`[disclosure] granted the Public role read access (${PUBLIC_ACTIONS.length} actions)`);
}
