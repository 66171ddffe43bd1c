// 告知书模板: one per kind of notice, created with the default wording when missing and never
// overwritten (the office edits its own). Roles created before the templates existed get the
// office's read and edit of them once (a flag in the plugin store), so later changes in
// Settings → Roles are left alone.
import type { Core } from '@strapi/strapi';
import { NOTICE_TEMPLATE } from '../constants';
import { NOTICE_KINDS } from '../domain/notices';
import { DEFAULT_NOTICE_SETTINGS, DEFAULT_NOTICE_TEMPLATES } from '../domain/notice-templates';
import { NOTICE_TEMPLATE_GRANTS, permissionsFor } from './admin-roles';

export async function seedNoticeTemplates(strapi: Core.Strapi) {
  const added: string[] = [];
  for (const kind of NOTICE_KINDS) {
    if (await strapi.db.query(NOTICE_TEMPLATE).findOne({ where: { kind }, select: ['id'] })) continue;
    await strapi.documents(NOTICE_TEMPLATE as any).create({ data: { kind, ...DEFAULT_NOTICE_TEMPLATES[kind], ...DEFAULT_NOTICE_SETTINGS } as any });
    added.push(kind);
  }
  if (added.length) strapi.log.info(`[disclosure] created notice templates (告知书模板): ${added.join(', ')}`);
}

export async function grantOfficeNoticeTemplates(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.office-notice-templates' });
  if (await store.get({})) return;
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gov-office' }, select: ['id'] });
  let granted = 0;
  if (role) {
    const held = await strapi.db.query('admin::permission').findMany({ where: { subject: NOTICE_TEMPLATE, role: { id: role.id } }, select: ['action'] });
    const missing = NOTICE_TEMPLATE_GRANTS.filter((g) => !held.some((p: any) => p.action === g.action));
    if (missing.length) await strapi.service('admin::permission').createMany(permissionsFor(strapi, missing, []).map((p: any) => ({ ...p, role: role.id })));
    granted = missing.length;
  }
  await store.set({ value: { at: new Date().toISOString(), granted } });
  if (granted) strapi.log.info(`[disclosure] gov-office may now read and edit the notice templates`);
}
