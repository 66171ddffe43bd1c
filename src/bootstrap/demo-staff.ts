// Demo staff who can sign in: for three departments and the county office, one active account per
// post, each a member of its department (with its sections); the office's 信息公开工作机构 account
// covers the whole county. Created once per demo database with one random password, printed once
// on the console and stored nowhere in plain text. Never in production.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

const DOMAIN = 'qingxi.example.gov.cn';
const COUNTY = '00419800-1';

const POSTS: Array<[role: string, post: string, title: string]> = [
  ['gov-author', 'author', '信息员'],
  ['gov-section-head', 'section-head', '科室负责人'],
  ['gov-leader', 'leader', '分管领导'],
  ['gov-principal', 'principal', '主要负责人'],
  ['gov-secrecy-reviewer', 'secrecy', '保密审查员'],
  ['gov-publisher', 'publisher', '信息中心'],
];

const DEPARTMENTS: Array<[code: string, prefix: string, shortName: string]> = [
  ['00419803-6', 'edu', '县教育局'],
  ['00419804-4', 'finance', '县财政局'],
  ['00419816-8', 'chengguan', '城关镇'],
  ['00419801-X', 'office', '县府办'],
];

type Account = { email: string; role: string; firstname: string; lastname: string; department: string; includeSubDepartments: boolean };

/** Every demo account: `<department>.<post>@…` for each post, and `county.office@…` county-wide. */
export const DEMO_STAFF: Account[] = [
  ...DEPARTMENTS.flatMap(([department, prefix, lastname]) =>
    POSTS.map(([role, post, firstname]) => ({ email: `${prefix}.${post}@${DOMAIN}`, role, firstname, lastname, department, includeSubDepartments: true })),
  ),
  { email: `county.office@${DOMAIN}`, role: 'gov-office', firstname: '政务公开科', lastname: '县府办', department: COUNTY, includeSubDepartments: true },
];

/** Whether demo staff may be created: demo data on, and never with NODE_ENV=production. */
export function demoStaffDecision({ demoData, nodeEnv }: { demoData: unknown; nodeEnv?: string }): 'create' | 'production' | 'off' {
  if (!demoData) return 'off';
  return nodeEnv === 'production' ? 'production' : 'create';
}

/** Meets Strapi's admin password rule (upper and lower case, a digit, 8+ characters): 72 random bits. */
const randomPassword = () => `Qx${crypto.randomInt(10, 100)}-${crypto.randomBytes(9).toString('base64url')}`;

/** Columns on a terminal: CJK characters take two. */
const columns = (text: string) => [...text].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

function announce(password: string) {
  const emailWidth = Math.max(...DEMO_STAFF.map((a) => a.email.length));
  const lines = [
    '清溪县 demo staff (development only): every account below signs in at /admin with this password',
    `password: ${password}`,
    'it is shown once and stored nowhere in plain text; change it per account in the admin panel',
    '',
    ...DEMO_STAFF.map((a) => `${a.email.padEnd(emailWidth)} ${a.role.padEnd(21)} ${a.lastname}`),
  ];
  const width = Math.max(...lines.map(columns));
  const rule = '─'.repeat(width + 2);
  console.log([`┌${rule}┐`, ...lines.map((l) => `│ ${l}${' '.repeat(width - columns(l))} │`), `└${rule}┘`].join('\n'));
}

/**
 * On a database with the demo county and no demo staff yet, creates them and prints the password.
 * Once any of them exists nothing is done, so a restart neither duplicates nor prints again.
 */
export async function ensureDemoStaff(strapi: Core.Strapi) {
  const decision = demoStaffDecision({ demoData: strapi.config.get('disclosure.demoData'), nodeEnv: process.env.NODE_ENV });
  if (decision === 'off') return 0;
  if (!(await strapi.db.query('api::department.department').count({ where: { code: COUNTY } }))) return 0;
  if (decision === 'production') {
    strapi.log.warn('[demo] NODE_ENV=production: no demo staff accounts are created (DEMO_DATA loads the demo county only)');
    return 0;
  }
  if (await strapi.db.query('admin::user').count({ where: { email: { $in: DEMO_STAFF.map((a) => a.email) } } })) return 0;
  const password = randomPassword();
  await createDemoStaff(strapi, password);
  announce(password);
  return DEMO_STAFF.length;
}

/** Creates every demo account with `password` and its membership (also used by `npm run bench:soak`). */
export async function createDemoStaff(strapi: Core.Strapi, password: string) {
  const roles = new Map<string, number>(
    (await strapi.db.query('admin::role').findMany({ where: { code: { $in: DEMO_STAFF.map((a) => a.role) } }, select: ['id', 'code'] })).map((r: any) => [r.code, r.id]),
  );
  const memberships = strapi.plugin('disclosure-workflow').service('membership');
  for (const { email, role, firstname, lastname, department, includeSubDepartments } of DEMO_STAFF) {
    const user = await strapi.service('admin::user').create({ email, firstname, lastname, password, isActive: true, registrationToken: null, roles: [roles.get(role)] });
    await memberships.add({ user: user.id, department, includeSubDepartments });
  }
}
