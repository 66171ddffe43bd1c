// The admin roles of DOMAIN "Who uses it", created once with exactly these codes. Existing roles
// are left alone so administrators can adjust their permissions.
import type { Core } from '@strapi/strapi';
import { ANNUAL_REPORT, CATEGORY, DEPARTMENT, ITEM, OUTBOX, PROCEDURE, REPLY, REQUEST, REVIEW_CASE } from '../constants';

const CM = 'plugin::content-manager.explorer';
const CONTENT = [ITEM, PROCEDURE];
// Request handling: cases and appeals hold personal data, replies and reports go through the chain.
const CASES = [REQUEST, REVIEW_CASE];
const GOVERNED = [...CONTENT, REPLY, ANNUAL_REPORT];
const REFERENCE = [DEPARTMENT, CATEGORY];
const CALENDAR = 'plugin::disclosure-workflow.calendar-override';
// Mail kept instead of sent when SMTP is not configured: readable by the office and the supervisor only.
const MAIL = [OUTBOX];

type Grant = { action: string; subjects?: string[] };

const read = (subjects: string[]): Grant => ({ action: `${CM}.read`, subjects });
const write = (subjects: string[]): Grant[] => [
  { action: `${CM}.create`, subjects },
  { action: `${CM}.update`, subjects },
];
const media = (upload: boolean): Grant[] => [
  { action: 'plugin::upload.read' },
  ...(upload ? [{ action: 'plugin::upload.assets.create' }, { action: 'plugin::upload.assets.update' }] : []),
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
];
const reviewer: Grant[] = [read([...GOVERNED, ...REFERENCE]), ...media(false)];

export const ADMIN_ROLES: Record<string, { name: string; description: string; grants: Grant[] }> = {
  'gov-author': {
    name: '信息员 Author',
    description: '信息员 / 经办人: drafts items and replies and submits them for review',
    grants: [read([...GOVERNED, ...REFERENCE, REQUEST]), ...write([...CONTENT, REPLY]), ...media(true)],
  },
  'gov-section-head': { name: '科室负责人 Section head', description: '一审: accuracy, sensitive words, names', grants: reviewer },
  'gov-leader': { name: '分管领导 Leader in charge', description: '二审: reviews and signs', grants: reviewer },
  'gov-secrecy-reviewer': { name: '保密审查员 Secrecy reviewer', description: '保密审查: confidentiality sign-off, item by item', grants: reviewer },
  'gov-principal': { name: '主要负责人 Principal', description: 'Extra review step for items marked important (重要)', grants: reviewer },
  'gov-office': {
    name: '信息公开工作机构 Disclosure office',
    description: 'Accepts and assigns requests, first-reviews replies; maintains departments and categories',
    grants: [read([...GOVERNED, ...REFERENCE, ...CASES, CALENDAR, ...MAIL]), ...write([...GOVERNED, ...REFERENCE, ...CASES, CALENDAR]), ...media(true)],
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
function permissionsFor(strapi: Core.Strapi, grants: Grant[], locales: string[]) {
  const actions = strapi.service('admin::permission').actionProvider;
  const contentTypes = strapi.service('admin::content-type');
  const localized = (uid: string) => Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
  return grants.flatMap(({ action, subjects }) => {
    if (!subjects) return [{ action, subject: null, properties: {}, conditions: [] }];
    const definition = actions.get(action);
    return contentTypes
      .getPermissionsWithNestedFields([{ ...definition, subjects }])
      .map((p: any) => (localized(p.subject) ? { ...p, properties: { ...p.properties, locales } } : p));
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
}
