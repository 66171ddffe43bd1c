// The personal data of a 依申请公开 applicant (个人信息保护法): who they are and how to reach them,
// and the query code that lets them follow the case. Defined once; the admin role permissions,
// the read trail and the tests import this list. Readable only by the case's handler, the
// disclosure office and the supervisor; authors drafting a reply see the request, not the person.
export const PERSONAL_DATA_FIELDS = [
  'applicantName',
  'phone',
  'email',
  'address',
  'idType',
  'idNumber',
  'organizationName',
  'organizationCode',
  'queryCode',
  // The online form's one-time key: whoever has it can ask for the query code again.
  'submissionKey',
] as const;

export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

const PERSONAL = new Set<string>(PERSONAL_DATA_FIELDS);

export const isPersonalDataField = (field: string): boolean => PERSONAL.has(field.split('.')[0]);

/** The fields of a permission minus the personal ones (nested paths by their first segment). */
export const withoutPersonalData = (fields: string[]): string[] => fields.filter((f) => !isPersonalDataField(f));

/** The personal-data keys an object carries (a response body row), with a value or not. */
export const personalDataKeysOf = (row: Record<string, unknown>): string[] => PERSONAL_DATA_FIELDS.filter((f) => f in row && row[f] !== undefined);
