// 信息处理费 quotes (src/domain/fees.ts): what one application costs 按量 for its pages, or 按件 as
// the applicant's nth in a natural month. Bad input is a 400 naming the field.
import Joi from 'joi';
import { errors } from '@strapi/utils';
import { perCaseFee, perPageFee } from '../../../domain/fees';

const count = Joi.number().integer().min(1).max(1_000_000);
const QUOTE = Joi.object({
  mode: Joi.string().valid('perCase', 'perPage').required(),
  pages: count.when('mode', { is: 'perPage', then: Joi.required(), otherwise: Joi.forbidden() }),
  nth: count.when('mode', { is: 'perCase', then: Joi.required(), otherwise: Joi.forbidden() }),
});

export default () => ({
  /** `{ mode: 'perPage', pages }` or `{ mode: 'perCase', nth }` → `{ amount }` in yuan. */
  quote(input: { mode: 'perCase' | 'perPage'; pages?: number; nth?: number }) {
    const { value, error } = QUOTE.validate(input ?? {}, { abortEarly: false });
    if (error) throw new errors.ValidationError(error.message, { errors: error.details.map((d) => ({ path: d.path.map(String), message: d.message })) });
    return { amount: value.mode === 'perPage' ? perPageFee(value.pages) : perCaseFee(value.nth) };
  },
});
