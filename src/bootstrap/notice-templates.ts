// 告知书模板: one per kind of notice, created with the default wording when missing and never
// overwritten (the office edits its own).
import type { Core } from '@strapi/strapi';
import { NOTICE_TEMPLATE } from '../constants';
import { NOTICE_KINDS } from '../domain/notices';
import { DEFAULT_NOTICE_SETTINGS, DEFAULT_NOTICE_TEMPLATES } from '../domain/notice-templates';

export async function seedNoticeTemplates(strapi: Core.Strapi) {
  const added: string[] = [];
  for (const kind of NOTICE_KINDS) {
    if (await strapi.db.query(NOTICE_TEMPLATE).findOne({ where: { kind }, select: ['id'] })) continue;
    await strapi.documents(NOTICE_TEMPLATE as any).create({ data: { kind, ...DEFAULT_NOTICE_TEMPLATES[kind], ...DEFAULT_NOTICE_SETTINGS } as any });
    added.push(kind);
  }
  if (added.length) strapi.log.info(`[disclosure] created notice templates (告知书模板): ${added.join(', ')}`);
}
