export const ITEM = 'api::disclosure-item.disclosure-item';
export const DEPARTMENT = 'api::department.department';
export const CATEGORY = 'api::disclosure-category.disclosure-category';
export const PROCEDURE = 'api::handling-procedure.handling-procedure';

export const PUBLIC_CONTENT_TYPES = [ITEM, DEPARTMENT, CATEGORY, PROCEDURE] as const;

/** Admin role codes of DOMAIN "Who uses it": public contract. */
export const ROLE_CODES = [
  'gov-author',
  'gov-section-head',
  'gov-leader',
  'gov-secrecy-reviewer',
  'gov-principal',
  'gov-office',
  'gov-publisher',
  'gov-supervisor',
] as const;
