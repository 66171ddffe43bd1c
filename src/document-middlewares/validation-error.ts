import { errors } from '@strapi/utils';
import type { FieldError } from '../domain/disclosure-rules';

/** A 400 whose details list each field, with zh-Hans and English text. */
export function fieldValidationError(fieldErrors: FieldError[]) {
  const message = fieldErrors.map((e) => e.message).join('; ');
  return new errors.ValidationError(message, {
    errors: fieldErrors.map((e) => ({ path: [e.path], message: e.message, name: 'ValidationError', zh: e.zh, en: e.en })),
  });
}
