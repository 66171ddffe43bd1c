// The admin roles of DOMAIN "Who uses it", created once with exactly these codes. Existing roles
// are left alone so administrators can adjust their permissions.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, GUIDE, ITEM, NOTICE_TEMPLATE, OUTBOX, PROCEDURE, REPLY, REQUEST, REVIEW_CASE, SENSITIVE_TERM } from '../constants';
import { withoutPersonalData } from '../domain/request-personal-data';
import { HANDLER_CONDITION } from '../api/disclosure-request/services/personal-data';

const CM = 'plugin::content-manager.explorer';
// 公开指南 (GUIDE) is governed like the 办事指南: drafted, reviewed, signed off, then published.
const CONTENT = [ITEM, PROCEDURE, GUIDE];
// Request handling: cases and appeals hold personal data, replies and reports go through the chain.
const CASES = [REQUEST, REVIEW_CASE];
const GOVERNED = [...CONTENT, REPLY, ANNUAL_REPORT];
const REFERENCE = [DEPARTMENT, CATEGORY];
const CALENDAR = 'plugin::disclosure-workflow.calendar-override';
// Mail kept instead of sent when SMTP is not configured: readable by the office and the supervisor only.
const MAIL = [OUTBOX];

/** `personalData: false` leaves out an applicant's personal data (src/domain/request-personal-data.ts). */
type Grant = { action: string; subjects?: string[]; conditions?: string[]; personalData?: boolean };

/** The office words its own notices (告知书模板): read and edit the templates seeded once per kind, no new ones. */
const NOTICE_TEMPLATE_GRANTS: Grant[] = [
  { action: `${CM}.read`, subjects: [NOTICE_TEMPLATE] },
  { action: `${CM}.update`, subjects: [NOTICE_TEMPLATE] },
];
/** The office keeps the 错敏词 dictionary of the pre-publication checks. */
const DICTIONARY_GRANTS: Grant[] = ['read', 'create', 'update', 'delete'].map((a) => ({ action: `${CM}.${a}`, subjects: [SENSITIVE_TERM] }));

const read = (subjects: string[]): Grant => ({ action: `${CM}.read`, subjects });
// Authors read every request without the applicant's personal data, and all of it only on the
// cases assigned to them (condition "is the case handler").
const authorRequestRead: Grant[] = [
  { action: `${CM}.read`, subjects: [REQUEST], personalData: false },
  { action: `${CM}.read`, subjects: [REQUEST], conditions: [HANDLER_CONDITION] },
];
const write = (subjects: string[]): Grant[] => [
  { action: `${CM}.create`, subjects },
  { action: `${CM}.update`, subjects },
];
// Media library: everyone reads; uploaders change and delete only files they uploaded (Strapi's
// `admin::is-creator`; `assets.update` also governs delete). Files of documents in review,
// approved or published are locked for everyone (disclosure-workflow services/attachments.ts).
const IS_CREATOR = 'admin::is-creator';
const UPLOAD_UPDATE = 'plugin::upload.assets.update';
const media = (upload: boolean): Grant[] => [
  { action: 'plugin::upload.read' },
  ...(upload ? [{ action: 'plugin::upload.assets.create' }, { action: UPLOAD_UPDATE, conditions: [IS_CREATOR] }] : []),
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];
const reviewer: Grant[] = [read([...GOVERNED, ...REFERENCE]), ...media(false)];

export const ADMIN_ROLES: Record<string, { name: string; description: string; grants: Grant[] }> = {
  'gov-author': {
    name: '信息员 Author',
    description: '信息员 / 经办人: drafts items and replies and submits them for review',
    grants: [read([...GOVERNED, ...REFERENCE]), ...authorRequestRead, ...write([...CONTENT, REPLY]), ...media(true)],
  },
  'gov-section-head': { name: '科室负责人 Section head', description: '一审: accuracy, sensitive words, names', grants: reviewer },
  'gov-leader': { name: '分管领导 Leader in charge', description: '二审: reviews and signs', grants: reviewer },
  'gov-secrecy-reviewer': { name: '保密审查员 Secrecy reviewer', description: '保密审查: confidentiality sign-off, item by item', grants: reviewer },
  'gov-principal': { name: '主要负责人 Principal', description: 'Extra review step for items marked important (重要)', grants: reviewer },
  'gov-office': {
    name: '信息公开工作机构 Disclosure office',
    description: 'Accepts and assigns requests, first-reviews replies; maintains departments and categories',
    grants: [read([...GOVERNED, ...REFERENCE, ...CASES, CALENDAR, ...MAIL]), ...write([...GOVERNED, ...REFERENCE, ...CASES, CALENDAR]), ...NOTICE_TEMPLATE_GRANTS, ...DICTIONARY_GRANTS, ...media(true)],
  },
  'gov-publisher': {
    name: '信息中心 Publisher',
    description: '信息中心 / 网站管理员: publishes or schedules approved items',
    grants: [read([...GOVERNED, ...REFERENCE]), { action: `${CM}.publish`, subjects: [...CONTENT, ANNUAL_REPORT] }, ...media(false)],
  },
  'gov-supervisor': {
    name: '监察 Supervisor',
    description: '监察 / 督查: reads everything, changes nothing',
    grants: [read([...GOVERNED, ...REFERENCE, ...CASES, ...MAIL]), ...media(false)],
  },
};

/**
 * Content Manager permissions with every field, and for localized types every locale: Strapi
 * drops permissions on localized types that name no locales.
 */
export function permissionsFor(strapi: Core.Strapi, grants: Grant[], locales: string[]) {
  const actions = strapi.service('admin::permission').actionProvider;
  const contentTypes = strapi.service('admin::content-type');
  const localized = (uid: string) => Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
  return grants.flatMap(({ action, subjects, conditions = [], personalData = true }) => {
    if (!subjects) return [{ action, subject: null, properties: {}, conditions }];
    const definition = actions.get(action);
    return contentTypes
      .getPermissionsWithNestedFields([{ ...definition, subjects }])
      .map((p: any) => (localized(p.subject) ? { ...p, properties: { ...p.properties, locales } } : p))
      .map((p: any) => (personalData || !Array.isArray(p.properties?.fields) ? p : { ...p, properties: { ...p.properties, fields: withoutPersonalData(p.properties.fields) } }))
      .map((p: any) => ({ ...p, conditions }));
  });
}

export async function ensureAdminRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  const locales = (await strapi.plugin('i18n').service('locales').find()).map((l: any) => l.code);
  const created: string[] = [];
  for (const [code, role] of Object.entries(ADMIN_ROLES)) {
    if (await roles.findOne({ code })) continue;
    const { id } = await roles.create({ name: role.name, code, description: role.description });
    await roles.assignPermissions(id, permissionsFor(strapi, role.grants, locales));
    created.push(code);
  }
  if (created.length) strapi.log.info(`[disclosure] created admin roles: ${created.join(', ')}`);
  await restrictUploadsToCreator(strapi);
}

/**
 * Roles created before the media-library rule had `plugin::upload.assets.update` on every file:
 * once (a flag in the plugin store), add `admin::is-creator` to that permission of the gov-* roles.
 * Later changes an administrator makes in Settings → Roles are left alone.
 */
async function restrictUploadsToCreator(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key: 'migration.upload-is-creator' });
  if (await store.get({})) return;
  const permissions = await strapi.db.query('admin::permission').findMany({
    where: { action: UPLOAD_UPDATE, role: { code: { $startsWith: 'gov-' } } },
    select: ['id', 'conditions'],
  });
  let changed = 0;
  for (const permission of permissions) {
    const conditions: string[] = Array.isArray(permission.conditions) ? permission.conditions : [];
    if (conditions.includes(IS_CREATOR)) continue;
    await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { conditions: [...conditions, IS_CREATOR] } });
    changed += 1;
  }
  await store.set({ value: { at: new Date().toISOString(), changed } });
  if (changed) strapi.log.info(`[disclosure] gov-* roles may now change or delete only the files they uploaded (${changed} permission(s))`);
}

/**
 * Grants added in a later release reach roles created before it, once each (a flag in the plugin
 * store), so an administrator's later change in Settings → Roles is left alone.
 */
/** The 公开指南 (issue 15) for roles created before it: what each role has on the other governed content. */
const GUIDE_GRANTS: Record<string, Grant[]> = {
  'gov-author': [read([GUIDE]), ...write([GUIDE])],
  'gov-section-head': [read([GUIDE])],
  'gov-leader': [read([GUIDE])],
  'gov-secrecy-reviewer': [read([GUIDE])],
  'gov-principal': [read([GUIDE])],
  'gov-office': [read([GUIDE]), ...write([GUIDE])],
  'gov-publisher': [read([GUIDE]), { action: `${CM}.publish`, subjects: [GUIDE] }],
  'gov-supervisor': [read([GUIDE])],
};

const LATER_GRANTS: Array<{ key: string; role: string; grants: Grant[]; what: string }> = [
  { key: 'migration.office-notice-templates', role: 'gov-office', grants: NOTICE_TEMPLATE_GRANTS, what: 'read and edit the notice templates' },
  { key: 'migration.office-dictionary', role: 'gov-office', grants: DICTIONARY_GRANTS, what: 'keep the sensitive-term dictionary' },
  ...Object.entries(GUIDE_GRANTS).map(([role, grants]) => ({ key: `migration.disclosure-guide.${role}`, role, grants, what: 'work on the 公开指南 (disclosure guide)' })),
];

export async function grantLaterPermissions(strapi: Core.Strapi) {
  for (const { key, role: code, grants, what } of LATER_GRANTS) {
    const store = strapi.store({ type: 'plugin', name: 'disclosure-workflow', key });
    if (await store.get({})) continue;
    const role = await strapi.db.query('admin::role').findOne({ where: { code }, select: ['id'] });
    let granted = 0;
    if (role) {
      const held = await strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } }, select: ['action', 'subject'] });
      const missing = grants.filter((g) => !held.some((p: any) => p.action === g.action && g.subjects?.includes(p.subject)));
      if (missing.length) await strapi.service('admin::permission').createMany(permissionsFor(strapi, missing, []).map((p: any) => ({ ...p, role: role.id })));
      granted = missing.length;
    }
    await store.set({ value: { at: new Date().toISOString(), granted } });
    if (granted) strapi.log.info(`[disclosure] ${code} may now ${what}`);
  }
}
