// Domain rules for 公开事项 that the schema alone cannot express (条例§14–16, §20; DOMAIN "Entities").
import Joi from 'joi';

export const DISCLOSURE = ['proactive', 'on_request', 'withheld'] as const;
export const EXEMPTION_REASONS = [
  'stateSecret',
  'lawForbidden',
  'safetyStability',
  'thirdPartyRights',
  'internalAffairs',
  'processInfo',
  'enforcementCase',
  'adminQuery',
] as const;
export const SUMMARY_MAX = 100;

export interface FieldError {
  path: string;
  message: string;
  zh: string;
  en: string;
}

/** The item as it will be stored: scalars plus `department` reduced to present / absent. */
export interface ItemState {
  title?: unknown;
  formedAt?: unknown;
  summary?: unknown;
  disclosure?: unknown;
  exemptionReason?: unknown;
  classified?: unknown;
  hasDepartment: boolean;
}

const MESSAGES: Record<string, { zh: string; en: string }> = {
  'title.required': { zh: '标题不能为空', en: 'title is required' },
  'title.max': { zh: '标题不能超过 200 个字符', en: 'title must be at most 200 characters' },
  'hasDepartment.required': { zh: '必须选择发布机构（责任部门）', en: 'department is required' },
  // Said in the terms of the admin form (its label and its date picker, whatever format the
  // picker shows): an empty date is "fill it in", a malformed one "pick a date".
  'formedAt.required': { zh: '请填写成文日期', en: '成文日期 is required' },
  'formedAt.format': { zh: '成文日期不是有效日期，请用日期选择器选择', en: '成文日期 is not a valid date; pick one with the date picker' },
  'formedAt.future': { zh: '成文日期不能晚于今天', en: '成文日期 cannot be later than today' },
  'summary.max': { zh: `内容概述不能超过 ${SUMMARY_MAX} 个字`, en: `summary must be at most ${SUMMARY_MAX} characters` },
  'disclosure.invalid': { zh: '公开属性只能是主动公开、依申请公开或不予公开', en: 'disclosure must be proactive, on_request or withheld' },
  'exemptionReason.required': { zh: '不予公开的信息必须注明不予公开理由', en: 'exemptionReason is required when disclosure is withheld' },
  'exemptionReason.invalid': { zh: '不予公开理由不在法定理由之列', en: `exemptionReason must be one of ${EXEMPTION_REASONS.join(', ')}` },
  'disclosure.classified': { zh: '涉密信息不得主动公开', en: 'classified items cannot be proactive' },
};

const dateString = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/);

function itemSchema(today: string) {
  return Joi.object({
    title: Joi.string().max(200).required(),
    hasDepartment: Joi.boolean().valid(true).required(),
    formedAt: dateString.required().custom((value: string, helpers) =>
      value > today ? helpers.error('date.future') : value,
    ),
    summary: Joi.string().allow('', null).max(SUMMARY_MAX),
    disclosure: Joi.string().valid(...DISCLOSURE).required(),
    exemptionReason: Joi.when('disclosure', {
      is: 'withheld',
      then: Joi.string().valid(...EXEMPTION_REASONS).required(),
      otherwise: Joi.string().valid(...EXEMPTION_REASONS).allow(null),
    }),
    classified: Joi.boolean().allow(null),
  })
    .custom((item: ItemState, helpers) =>
      item.classified === true && item.disclosure === 'proactive' ? helpers.error('item.classifiedProactive') : item,
    )
    .unknown(true);
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function messageKey(path: string, type: string, value: unknown): string {
  if (type === 'item.classifiedProactive') return 'disclosure.classified';
  if (path === 'formedAt') {
    if (isEmpty(value)) return 'formedAt.required';
    if (type === 'date.future') return 'formedAt.future';
    return 'formedAt.format';
  }
  if (type === 'string.max') return `${path}.max`;
  if (type === 'any.only') return path === 'hasDepartment' ? 'hasDepartment.required' : `${path}.invalid`;
  return `${path}.required`;
}

/** Every rule the item breaks, one entry per field, in zh-Hans and English. */
export function checkDisclosureItem(item: ItemState, today: string): FieldError[] {
  const { error } = itemSchema(today).validate(item, { abortEarly: false, convert: false });
  if (!error) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const detail of error.details) {
    const key = messageKey(detail.path.length ? String(detail.path[0]) : '', detail.type, detail.context?.value);
    const text = MESSAGES[key] ?? { zh: detail.message, en: detail.message };
    const path = key.split('.')[0] === 'hasDepartment' ? 'department' : key.split('.')[0];
    if (seen.has(path)) continue;
    seen.add(path);
    errors.push({ path, zh: text.zh, en: text.en, message: `${text.zh} / ${text.en}` });
  }
  return errors;
}

/** Milliseconds of a stored or given date-time; null when empty, NaN when not a date. */
function instant(value: unknown): number | null {
  if (isEmpty(value)) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.NaN;
}

/**
 * 发布日期 is a legal record: the system sets it at first publication (or to the scheduled time)
 * and only the historical import may set it otherwise. A client may send it back unchanged (the
 * admin form does); any other value is refused, as "backdated" when it is earlier than the
 * recorded first publication (or, before any publication, than now).
 */
export function checkPublishedDateChange(given: unknown, stored: unknown, now: Date = new Date()): FieldError[] {
  const next = instant(given);
  const current = instant(stored);
  if (next === current) return [];
  const backdated = next !== null && !Number.isNaN(next) && next < (current ?? now.getTime());
  const text = backdated
    ? { zh: '发布日期不能早于实际首次发布时间（不得倒签）', en: 'publishedDate cannot be earlier than the actual first publication' }
    : { zh: '发布日期由系统在首次发布时记录，不能修改', en: 'publishedDate is set by the system at first publication and cannot be changed' };
  return [{ path: 'publishedDate', ...text, message: `${text.zh} / ${text.en}` }];
}

/** 政策解读: an interpretation names the policy items it explains (`interprets`), at least one. */
export const INTERPRETATION_GENRE = 'interpretation';

export function checkInterprets(item: { genre?: unknown; interpretsCount: number; interpretationsCount?: number }): FieldError[] {
  const problems: FieldError[] = [];
  if (item.genre === INTERPRETATION_GENRE && item.interpretsCount === 0) {
    const text = { zh: '政策解读必须关联其解读的政策文件（解读的政策文件）', en: 'an interpretation must name at least one policy item it interprets (interprets)' };
    problems.push({ path: 'interprets', ...text, message: `${text.zh} / ${text.en}` });
  }
  if (item.genre !== INTERPRETATION_GENRE && item.interpretsCount > 0) {
    const text = { zh: '只有体裁为“解读”的事项才能关联解读的政策文件', en: 'only an item of genre interpretation can interpret policy items' };
    problems.push({ path: 'interprets', ...text, message: `${text.zh} / ${text.en}` });
  }
  return problems;
}
