import Joi from 'joi';
import { ChainValidationError } from '../services/chains';

const ID = Joi.object({ id: Joi.string().pattern(/^[1-9]\d{0,8}$/).required().messages({ 'string.pattern.base': '{{#label}} must be a positive whole number' }) });

/** Joi-checked admin input; every problem becomes a field-level 400 (see respond()). */
export function validate<T = any>(schema: Joi.ObjectSchema, input: unknown): T {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false, stripUnknown: false });
  if (error) throw new ChainValidationError(error.details.map((d) => ({ path: d.path.join('.'), message: d.message })));
  return value;
}

/** A numeric route parameter (`/schedules/:id`): a 400 naming it unless it is a positive integer. */
export const idParam = (value: unknown): number => Number(validate<{ id: string }>(ID, { id: value }).id);
