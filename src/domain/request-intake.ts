// 依申请公开 public intake (条例§29): what an applicant without an account may send, checked field
// by field with messages in zh-Hans. Unknown fields (disposition, state, …) are refused.
import Joi from 'joi';
import { APPLICANT_TYPES, DELIVERY } from './request-codes';

/** The form's field labels (the portal's application form shows the same). */
export const INTAKE_LABELS: Record<string, string> = {
  applicantType: '申请人类型', applicantName: '申请人姓名或名称', phone: '联系电话', email: '电子邮箱', address: '通信地址',
  idType: '证件类型', idNumber: '证件号码', organizationName: '法人或其他组织名称', organizationCode: '统一社会信用代码',
  description: '所需政府信息的名称、文号或者便于查询的其他特征性描述', documentNumber: '文号', delivery: '获取信息的方式',
  submissionKey: '提交编号',
};

/**
 * One rule for every text field, checked first: no control characters (C0, DEL, C1; tab and line
 * breaks only in multi-line fields) and no bidirectional formatting characters (LRM/RLM/ALM,
 * embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069), which can hide or reorder what a
 * handler reads (a NUL or a U+202E in a name or a request).
 */
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORBIDDEN_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export function hasForbiddenCharacters(value: string, multiLine = false): boolean {
  return (multiLine ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).test(value);
}
const str = (multiLine = false) =>
  Joi.string().pattern(multiLine ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE, { invert: true, name: 'control' });

/** Text without markup: nobody's name or request needs HTML. */
const text = (max: number, multiLine = false) => str(multiLine).trim().max(max).pattern(/<\s*[a-zA-Z!/?]/, { invert: true, name: 'markup' });
const organisation = (schema: Joi.StringSchema) =>
  Joi.when('applicantType', { is: 'naturalPerson', then: schema.allow('', null), otherwise: schema.required() });

/**
 * 居民身份证: 18 characters with the GB 11643 check digit. A rule of the field itself (reading the
 * sibling idType), so a wrong check digit is reported together with every other field's error.
 */
function residentIdCheckDigit(value: string, helpers: Joi.CustomHelpers) {
  const idType = helpers.state.ancestors?.[0]?.idType;
  if (typeof idType === 'string' && /居民身份证/.test(idType) && !validResidentId(value)) return helpers.error('idNumber.checkDigit');
  return value;
}

const SCHEMA = Joi.object({
  applicantType: str().valid(...APPLICANT_TYPES).required(),
  applicantName: text(100).min(1).required(),
  phone: str().trim().pattern(/^\+?[0-9][0-9 ()-]{4,28}$/).required(),
  email: Joi.when('delivery', { is: 'email', then: str().trim().max(200).email({ tlds: false }).required(), otherwise: str().trim().max(200).email({ tlds: false }).allow('', null) }),
  address: Joi.when('delivery', { is: Joi.valid('paper', 'disc'), then: text(300, true).min(1).required(), otherwise: text(300, true).allow('', null) }),
  idType: text(30).min(1).required(),
  idNumber: str().trim().pattern(/^[0-9A-Za-z()-]{4,40}$/).required().custom(residentIdCheckDigit),
  organizationName: organisation(text(200).min(1)),
  organizationCode: organisation(str().trim().pattern(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)),
  description: text(2000, true).min(5).required(),
  documentNumber: text(100).allow('', null),
  delivery: str().valid(...DELIVERY).required(),
  // A key the form makes once per application: sent twice (a double click, a retry after a lost
  // answer), the request is stored once and both answers carry the same query code.
  submissionKey: str().trim().pattern(/^[A-Za-z0-9-]{16,64}$/).allow('', null),
}).unknown(false);

export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

function message(key: string, type: string, context: any): string {
  const label = INTAKE_LABELS[key] ?? key;
  if (type === 'object.unknown') return `不接受的字段：${key}`;
  if (type === 'any.required' || type === 'string.empty') return `${label}不能为空`;
  if (type === 'string.max') return `${label}不能超过 ${context.limit} 个字`;
  if (type === 'string.min') return `${label}至少 ${context.limit} 个字`;
  if (type === 'string.pattern.invert.name' && context?.name === 'control') return `${label}不能包含控制字符或文字方向控制符`;
  if (type === 'string.pattern.invert.name') return `${label}不能包含网页标记`;
  if (type === 'any.only') return `${label}的取值不正确`;
  if (type === 'string.base' || type === 'object.base') return `${label}应为文字`;
  if (type === 'idNumber.checkDigit') return `${label}校验位不正确，请核对居民身份证号码`;
  return `${label}格式不正确`;
}

/** A query code as the intake issues it (services/intake.ts newQueryCode): four groups of four base32 letters. */
export const QUERY_CODE = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;

export const RATE_LIMITED = '提交过于频繁，请稍后再试 / too many submissions, try again later';

export interface IntakeProblem {
  path: string;
  message: string;
}

export function checkIntake(input: unknown): { value?: Record<string, any>; problems?: IntakeProblem[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { problems: [{ path: '', message: '请求内容应为 JSON 对象' }] };
  const { value, error } = SCHEMA.validate(input, { abortEarly: false, convert: true });
  if (!error) return { value };
  const seen = new Set<string>();
  const problems: IntakeProblem[] = [];
  for (const detail of error.details) {
    const key = String(detail.context?.key ?? detail.path[0] ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: key, message: message(key, detail.type, detail.context) });
  }
  return { problems };
}
