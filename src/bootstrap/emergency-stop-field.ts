// Roles created before `emergencyStopReason` existed list the item's fields without it, so the
// Content Manager would drop the reason from their saves and they could not make an emergency
// stop. Once (a flag in the plugin store): every Content Manager permission on items that may set
// 涉密 (`classified`) also gets the reason field.
import type { Core } from '@strapi/strapi';
import { ITEM } from '../constants';

const FIELD = 'emergencyStopReason';

export async function addEmergencyStopField(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.emergency-stop-field' });
  if (await store.get({})) return;
  const permissions = await strapi.db.query('admin::permission').findMany({
    where: { subject: ITEM, action: { $in: ['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.update'] } },
  });
  let changed = 0;
  for (const permission of permissions) {
    const fields = permission.properties?.fields;
    if (!Array.isArray(fields) || !fields.includes('classified') || fields.includes(FIELD)) continue;
    await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: { ...permission.properties, fields: [...fields, FIELD] } } });
    changed += 1;
  }
  await store.set({ value: { at: new Date().toISOString(), changed } });
  if (changed) strapi.log.info(`[disclosure] ${changed} item permission(s) may now give the emergency-stop reason (${FIELD})`);
}
