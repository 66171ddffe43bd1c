import type Joi from 'joi';
import { ChainValidationError } from '../services/chains';

/** Joi-checked admin input; every problem becomes a field-level 400 (see respond()). */
export function validate<T = any>(schema: Joi.ObjectSchema, input: unknown): T {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false, stripUnknown: false });
  if (error) throw new ChainValidationError(error.details.map((d) => ({ path: d.path.join('.'), message: d.message })));
  return value;
}
