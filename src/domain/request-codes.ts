// The coded values of a 依申请公开 case. Applicant types are the annual report's table 3 columns and
// dispositions its rows (国办公开办函〔2021〕30号), so the report is a query over these codes.
export const APPLICANT_TYPES = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const;

export const DISPOSITIONS = [
  'granted', 'partialGrant',
  'deniedStateSecret', 'deniedLawForbidden', 'deniedSafetyStability', 'deniedThirdPartyRights', 'deniedInternalAffairs', 'deniedProcessInfo', 'deniedEnforcementCase', 'deniedAdminQuery',
  'unableNoInfo', 'unableNeedCreation', 'unableUnclear',
  'notProcessedComplaint', 'notProcessedRepeat', 'notProcessedPublication', 'notProcessedMassive', 'notProcessedConfirm',
  'otherOverdueCorrection', 'otherOverdueFee', 'otherReasons',
] as const;

export const DELIVERY = ['paper', 'email', 'disc', 'online'] as const;
export const CHANNELS = ['in_person', 'letter', 'online', 'fax'] as const;
/** How an applicant may withdraw (撤回): any way a request comes in, or by telephone. */
export const WITHDRAWAL_CHANNELS = [...CHANNELS, 'phone'] as const;
/** Produced only by the daily job when the applicant lets a deadline pass, never by a reply. */
export const LAPSE_DISPOSITIONS = ['otherOverdueCorrection', 'otherOverdueFee'] as const;
type LapseDisposition = (typeof LAPSE_DISPOSITIONS)[number];
export const REPLY_DISPOSITIONS = DISPOSITIONS.filter((d): d is Exclude<(typeof DISPOSITIONS)[number], LapseDisposition> => !(LAPSE_DISPOSITIONS as readonly string[]).includes(d));

/** The stages of a case (条例§30–§36); request-flow.ts moves a case between them. */
export const CASE_STATES = ['awaitingConfirmation', 'received', 'assigned', 'correction', 'consultation', 'extended', 'feePending', 'replying', 'replied', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
/** Stages of a case not yet answered (the dashboard's, the reminders'). */
export const OPEN_CASE_STATES = CASE_STATES.filter((s) => s !== 'replied' && s !== 'closed');
/** A consulted party's answer: 同意, 不同意 (with reasons), 未答复. */
export const CONSULTATION_OUTCOMES = ['agree', 'disagree', 'none'] as const;
