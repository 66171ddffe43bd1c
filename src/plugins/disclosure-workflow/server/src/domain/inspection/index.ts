// Pre-publication checks (issue 14): pure functions over an item's fields and attachments.
export * from './types';
export * from './dictionary';
export * from './starter-dictionary';
export { maskPersonal } from './personal';
export * from './check-text';
export * from './extract';
export * from './links';
export * from './metadata';
export * from './external-address';
