// 政府信息公开指南 (条例第十二条): one per organisation — a people's government or one of its
// departments — with its catalogue's arrangement, how to obtain information, how to apply, and its
// disclosure office's contacts (which default from the department's own contact fields).
import Joi from 'joi';
import type { FieldError } from './disclosure-rules';

/** Department kinds that keep a 公开指南 of their own. */
export const GUIDE_DEPARTMENT_KINDS = ['government', 'department'] as const;

/** Contact fields of the guide and the department field each defaults from. */
export const GUIDE_DEFAULTS_FROM_DEPARTMENT: Record<string, string> = {
  officeAddress: 'address',
  officeHours: 'officeHours',
  phone: 'phone',
  fax: 'fax',
  email: 'email',
  website: 'website',
};

/** The guide as it will be stored, with its department reduced to what the rules need. */
export interface GuideState {
  /** null: no department; otherwise its kind. */
  department: { kind?: unknown } | null;
  /** Another guide (other documentId) already names this department. */
  duplicate: boolean;
}

const MESSAGES: Record<string, { zh: string; en: string }> = {
  'department.required': { zh: '必须选择公开指南所属机关', en: 'department is required' },
  'department.kind': {
    zh: '公开指南只能属于人民政府或其部门（机构类型为“政府”或“部门”）',
    en: 'a disclosure guide belongs to a government or one of its departments (department kind government or department)',
  },
  'department.duplicate': { zh: '该机关已有公开指南，每个机关只能有一份', en: 'this department already has a disclosure guide: one per organisation' },
};

const schema = Joi.object({
  department: Joi.object({ kind: Joi.string().valid(...GUIDE_DEPARTMENT_KINDS).required() }).unknown(true).required(),
  duplicate: Joi.boolean().valid(false),
});

function keyOf(detail: Joi.ValidationErrorItem): string {
  if (detail.path[0] === 'duplicate') return 'department.duplicate';
  if (detail.path.length > 1) return 'department.kind';
  return 'department.required';
}

/** Every rule the guide breaks, one entry per field, in zh-Hans and English. */
export function checkDisclosureGuide(state: GuideState): FieldError[] {
  const { error } = schema.validate({ department: state.department ?? undefined, duplicate: state.duplicate }, { abortEarly: false, convert: false });
  if (!error) return [];
  const detail = error.details.map(keyOf).sort((a, b) => (a === 'department.duplicate' ? 1 : b === 'department.duplicate' ? -1 : 0))[0];
  const text = MESSAGES[detail];
  return [{ path: 'department', zh: text.zh, en: text.en, message: `${text.zh} / ${text.en}` }];
}

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Values for the guide's empty title and contact fields taken from the department (name, address,
 * hours, phone, fax, e-mail, website); fields given in `data` are kept as given.
 */
export function guideDefaults(data: Record<string, unknown>, department: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const name = typeof department.name === 'string' ? department.name : '';
  if (blank(data.title) && name) out.title = `${name}政府信息公开指南`;
  if (blank(data.officeName) && name) out.officeName = name;
  for (const [field, from] of Object.entries(GUIDE_DEFAULTS_FROM_DEPARTMENT)) {
    if (blank(data[field]) && !blank(department[from])) out[field] = department[from];
  }
  return out;
}
