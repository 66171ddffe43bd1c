// The fields a 答复书 of each type must carry (条例§36–§39), checked with one message per field.
import Joi from 'joi';
import { EXEMPTION_REASONS } from './disclosure-rules';
import { REPLY_TYPES, REPLY_TYPE_FIELDS, REPLY_TYPE_REQUIRES, type ReplyFields } from './reply-types';

const text = (max: number) => Joi.string().trim().min(1).max(max);
const FORMATS: Record<(typeof REPLY_TYPE_FIELDS)[number], Joi.StringSchema> = {
  replyType: Joi.string().valid(...REPLY_TYPES),
  exemptionReason: Joi.string().valid(...EXEMPTION_REASONS),
  accessRoute: text(1000),
  competentAgency: text(200),
  competentAgencyContact: text(300),
  earlierReply: text(300),
};
/** Each field: required for the types that need it, otherwise optional (empty allowed). */
const needing = (field: (typeof REPLY_TYPE_FIELDS)[number]) => Object.entries(REPLY_TYPE_REQUIRES).filter(([, fields]) => fields!.includes(field)).map(([type]) => type);
const SCHEMA = Joi.object({
  ...Object.fromEntries(
    REPLY_TYPE_FIELDS.filter((f) => f !== 'replyType').map((field) => [
      field,
      Joi.when('replyType', { is: Joi.valid(...needing(field)).required(), then: FORMATS[field].required(), otherwise: FORMATS[field].allow(null, '') }),
    ]),
  ),
  replyType: FORMATS.replyType.required(),
}).unknown(true);

const MESSAGES: Record<string, { zh: string; en: string }> = {
  replyType: { zh: '请选择答复类型', en: `replyType must be one of ${REPLY_TYPES.join(', ')}` },
  exemptionReason: { zh: '不予公开的答复必须注明法定理由', en: 'exemptionReason is required for a §36(3) reply' },
  accessRoute: { zh: '已主动公开的答复必须告知获取途径', en: 'accessRoute is required for a §36(1) reply' },
  competentAgency: { zh: '请填写负责公开该信息的机关名称', en: 'competentAgency is required for a §36(5) reply' },
  competentAgencyContact: { zh: '请填写负责公开该信息的机关的联系方式', en: 'competentAgencyContact is required for a §36(5) reply' },
  earlierReply: { zh: '请注明已作出的答复（文号或日期）', en: 'earlierReply is required for a §36(6) reply' },
};

/** Every field a reply of its type lacks, one entry per field, in zh-Hans and English. */
export function checkReply(reply: ReplyFields): Array<{ path: string; zh: string; en: string; message: string }> {
  const { error } = SCHEMA.validate(reply, { abortEarly: false, convert: false });
  const paths = [...new Set((error?.details ?? []).map((d) => String(d.path[0])))];
  return paths.map((path) => {
    const text = MESSAGES[path] ?? { zh: `${path} 无效`, en: `${path} is invalid` };
    return { path, ...text, message: `${text.zh} / ${text.en}` };
  });
}

