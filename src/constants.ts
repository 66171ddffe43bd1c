export const ITEM = 'api::disclosure-item.disclosure-item';
export const DEPARTMENT = 'api::department.department';
export const CATEGORY = 'api::disclosure-category.disclosure-category';
export const PROCEDURE = 'api::handling-procedure.handling-procedure';
export const GUIDE = 'api::disclosure-guide.disclosure-guide';
export const REQUEST = 'api::disclosure-request.disclosure-request';
export const REPLY = 'api::request-reply.request-reply';
export const REVIEW_CASE = 'api::review-case.review-case';
export const ANNUAL_REPORT = 'api::annual-report.annual-report';
export const OUTBOX = 'api::mail-outbox.mail-outbox';
export const NOTICE_TEMPLATE = 'api::notice-template.notice-template';
export const REQUEST_NOTICE = 'api::request-notice.request-notice';

export const PUBLIC_CONTENT_TYPES = [ITEM, DEPARTMENT, CATEGORY, PROCEDURE, GUIDE, ANNUAL_REPORT] as const;

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
/** The workflow plugin's 错敏词 dictionary (pre-publication checks). */
export const SENSITIVE_TERM = 'plugin::disclosure-workflow.sensitive-term';
