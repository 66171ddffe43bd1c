// Roles created before the personal-data rule let gov-author read every field of every request.
// Once (a flag in the plugin store, so later changes in Settings → Roles are left alone): narrow
// that read to the non-personal fields and add the read of all fields on the author's own cases
// (condition "is the case handler"). Idempotent: nothing changes when both are already in place.
import type { Core } from '@strapi/strapi';
import { REQUEST } from '../constants';
import { isPersonalDataField, withoutPersonalData } from '../domain/request-personal-data';
import { HANDLER_CONDITION } from '../api/disclosure-request/services/personal-data';
import { permissionsFor } from './admin-roles';

const READ = 'plugin::content-manager.explorer.read';
const ROLE = 'gov-author';

export async function narrowAuthorRequestRead(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.author-request-personal-data' });
  if (await store.get({})) return;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: ROLE }, select: ['id'] });
  const changes: string[] = [];
  if (role) {
    const permissions = await strapi.db.query('admin::permission').findMany({ where: { action: READ, subject: REQUEST, role: { id: role.id } } });
    const [allFields] = permissionsFor(strapi, [{ action: READ, subjects: [REQUEST] }], []);
    for (const permission of permissions) {
      const conditions: string[] = Array.isArray(permission.conditions) ? permission.conditions : [];
      if (conditions.includes(HANDLER_CONDITION)) continue;
      const fields: string[] = Array.isArray(permission.properties?.fields) ? permission.properties.fields : allFields.properties.fields;
      if (!fields.some(isPersonalDataField)) continue;
      await strapi.db.query('admin::permission').update({
        where: { id: permission.id },
        data: { properties: { ...(permission.properties ?? {}), fields: withoutPersonalData(fields) } },
      });
      changes.push(`read of requests #${permission.id} without personal data`);
    }
    const hasHandlerRead = permissions.some((p: any) => Array.isArray(p.conditions) && p.conditions.includes(HANDLER_CONDITION));
    if (permissions.length && !hasHandlerRead) {
      const [handlerRead] = permissionsFor(strapi, [{ action: READ, subjects: [REQUEST], conditions: [HANDLER_CONDITION] }], []);
      await strapi.service('admin::permission').createMany([{ ...handlerRead, role: role.id }]);
      changes.push('read of all fields on the cases they handle');
    }
  }
  await store.set({ value: { at: new Date().toISOString(), changes } });
  if (changes.length) strapi.log.info(`[disclosure] ${ROLE}: ${changes.join('; ')} (applicants' personal data)`);
}
