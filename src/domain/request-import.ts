// Historical 依申请公开 cases (earlier years' registers) imported with their outcome, so the annual
// report's carried-over counts and the office's statistics start from real numbers.
import Joi from 'joi';
import { APPLICANT_TYPES, CHANNELS, DELIVERY, DISPOSITIONS } from './request-codes';

const day = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).custom((value, helpers) => (Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? helpers.error('any.invalid') : value));

const RECORD = Joi.object({
  applicantType: Joi.string().valid(...APPLICANT_TYPES).required(),
  applicantName: Joi.string().trim().min(1).max(100).required(),
  organizationName: Joi.string().trim().max(200).allow('', null),
  description: Joi.string().trim().min(1).max(2000).required(),
  documentNumber: Joi.string().trim().max(100).allow('', null),
  delivery: Joi.string().valid(...DELIVERY).required(),
  channel: Joi.string().valid(...CHANNELS).required(),
  receivedAt: day.required(),
  closedAt: day.required(),
  disposition: Joi.string().valid(...DISPOSITIONS).required(),
  department: Joi.string().trim().max(40).allow('', null),
  fee: Joi.number().min(0).allow('', null),
  notes: Joi.string().max(2000).allow('', null),
})
  .unknown(false);

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

/** Every problem of every record (rows numbered from 1), so a file is fixed in one pass. */
export function checkImport(records: unknown[], today: string): { values: any[]; problems: ImportProblem[] } {
  const values: any[] = [];
  const problems: ImportProblem[] = [];
  records.forEach((record, index) => {
    const { value, error } = RECORD.validate(record, { abortEarly: false, convert: true });
    for (const detail of error?.details ?? []) problems.push({ row: index + 1, field: String(detail.path[0] ?? detail.context?.key ?? ''), message: detail.message });
    const { receivedAt, closedAt } = value ?? {};
    if (typeof closedAt === 'string' && typeof receivedAt === 'string' && closedAt < receivedAt) problems.push({ row: index + 1, field: 'closedAt', message: '"closedAt" cannot be before "receivedAt"' });
    if (typeof closedAt === 'string' && closedAt > today) problems.push({ row: index + 1, field: 'closedAt', message: '"closedAt" cannot be in the future' });
    values.push(value);
  });
  return { values, problems };
}
