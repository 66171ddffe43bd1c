// 三审 + 保密审查 as pure functions over a round: each action returns the next round or throws a
// WorkflowRefusal. Persistence, permissions and audit are the callers' business.
import { refuse } from './refusal';

export type State = 'draft' | 'in_review' | 'awaiting_signoff' | 'approved' | 'returned' | 'rejected' | 'withdrawn' | 'escalated';
export type Decision = 'approve' | 'return' | 'reject';
export type Conclusion = 'public' | 'redacted' | 'withhold' | 'escalate';

export interface Actor {
  id: number;
  roles: string[];
}

export interface Step {
  name: string;
  roles: string[];
  /** 'any': anyone holding a role; otherwise only members covering the document's department. */
  scope?: 'department' | 'any';
  decision?: Decision;
  actor?: number;
  role?: string;
  at?: string;
  comment?: string;
  contentHash?: string;
}

export interface SignOff {
  conclusion: Conclusion;
  actor: number;
  role: string;
  at: string;
  opinion?: string;
  exemptionReason?: string;
  referredTo?: string;
  contentHash: string;
  /** When an escalated sign-off is concluded: what the outside body decided. */
  outsideDecision?: boolean;
}

export interface Round {
  number: number;
  state: State;
  submitter: number;
  author: number | null;
  submittedAt: string;
  contentHash: string;
  steps: Step[];
  current: number;
  signOffRoles: string[];
  signOffScope?: 'department' | 'any';
  signOff?: SignOff;
  escalation?: SignOff;
  voided?: { at: string; reason: string; contentHash: string };
  history: Array<{ steps: Step[]; returnedAt: string }>;
  /** A companion's round: the document it is reviewed and published with (README "Companions"). */
  lead?: DocumentRef;
  /** A lead's round: the companions carried through it. */
  companions?: DocumentRef[];
  /** A migration round: content that was public in an earlier system, attested instead of reviewed step by step. */
  migration?: { batch: string; office: number; reviewer: number };
}

export interface DocumentRef {
  uid: string;
  documentId: string;
  locale: string | null;
}

export const sameDocument = (a: DocumentRef | undefined | null, b: DocumentRef | undefined | null) =>
  Boolean(a && b && a.uid === b.uid && a.documentId === b.documentId && (a.locale ?? null) === (b.locale ?? null));

export const ACTIVE: State[] = ['in_review', 'awaiting_signoff', 'escalated', 'approved'];
const RESUBMITTABLE: State[] = ['draft', 'returned', 'rejected', 'withdrawn'];

function roleFor(actor: Actor, allowed: string[]): string {
  const role = actor.roles.find((r) => allowed.includes(r));
  return role ?? refuse('NOT_ALLOWED', `needs one of ${allowed.join(', ')}`);
}

/** Everyone who already acted in this round, on any step or the sign-off. */
function actorsOf(round: Round): Set<number> {
  const ids = round.steps.filter((s) => s.actor !== undefined).map((s) => s.actor!);
  if (round.escalation) ids.push(round.escalation.actor);
  return new Set(ids);
}

export function submit(
  previous: Round | null,
  input: { actor: Actor; submitRoles: string[]; steps: Array<{ name: string; roles: string[]; scope?: 'department' | 'any' }>; signOffRoles: string[]; signOffScope?: 'department' | 'any'; contentHash: string; author: number | null; at: string },
): Round {
  if (previous && !RESUBMITTABLE.includes(previous.state)) refuse('INVALID_STATE', `state is ${previous.state}`);
  roleFor(input.actor, input.submitRoles);
  // After 退回 the same round goes on with fresh steps; after anything else a new round starts.
  const continuing = previous?.state === 'returned';
  const state: State = input.steps.length ? 'in_review' : 'awaiting_signoff';
  return {
    number: continuing ? previous!.number : (previous?.number ?? 0) + 1,
    state,
    submitter: input.actor.id,
    author: input.author,
    submittedAt: input.at,
    contentHash: input.contentHash,
    steps: input.steps.map((s) => ({ name: s.name, roles: [...s.roles], ...(s.scope ? { scope: s.scope } : {}) })),
    current: 0,
    signOffRoles: [...input.signOffRoles],
    ...(input.signOffScope ? { signOffScope: input.signOffScope } : {}),
    history: continuing ? [...previous!.history, { steps: previous!.steps, returnedAt: input.at }] : [],
  };
}

function assertUnchanged(round: Round, contentHash: string) {
  if (contentHash !== round.contentHash) refuse('CHANGED_AFTER_APPROVAL');
}

/** The actor could have acted on a step someone already decided: they lost a race, or their page is stale. */
const lostRace = (round: Round, actor: Actor) =>
  round.steps.some((s) => s.decision && s.actor !== actor.id && s.roles.some((r) => actor.roles.includes(r)));

export function decide(round: Round, input: { actor: Actor; decision: Decision; comment?: string; contentHash: string; at: string }): Round {
  const current = round.state === 'in_review' ? round.steps[round.current] : null;
  if (!current?.roles.some((r) => input.actor.roles.includes(r)) && lostRace(round, input.actor)) refuse('CONFLICT');
  if (round.state !== 'in_review') refuse(round.state === 'awaiting_signoff' ? 'NOT_SIGNED_OFF' : 'INVALID_STATE', `state is ${round.state}`);
  if (!['approve', 'return', 'reject'].includes(input.decision)) refuse('INVALID_INPUT', 'decision');
  assertUnchanged(round, input.contentHash);
  const step = round.steps[round.current];
  const role = roleFor(input.actor, step.roles);
  if (input.actor.id === round.submitter || actorsOf(round).has(input.actor.id)) refuse('SEPARATION_OF_DUTIES');
  if (input.decision !== 'approve' && !input.comment?.trim()) refuse('COMMENT_REQUIRED');
  const steps = round.steps.map((s, i) =>
    i === round.current ? { ...s, decision: input.decision, actor: input.actor.id, role, at: input.at, comment: input.comment, contentHash: input.contentHash } : s,
  );
  if (input.decision === 'return') return { ...round, steps, state: 'returned' };
  if (input.decision === 'reject') return { ...round, steps, state: 'rejected' };
  const last = round.current === round.steps.length - 1;
  return { ...round, steps, current: last ? round.current : round.current + 1, state: last ? 'awaiting_signoff' : 'in_review' };
}

export function withdraw(round: Round, input: { actor: Actor; at: string }): Round {
  if (!['in_review', 'awaiting_signoff', 'escalated'].includes(round.state)) refuse('INVALID_STATE', `state is ${round.state}`);
  if (input.actor.id !== round.submitter) refuse('NOT_SUBMITTER');
  return { ...round, state: 'withdrawn' };
}

export function signOff(
  round: Round,
  input: { actor: Actor; conclusion: Conclusion; opinion?: string; exemptionReason?: string; referredTo?: string; contentHash: string; at: string; exemptionReasons: readonly string[] },
): Round {
  if (round.signOff && round.signOffRoles.some((r) => input.actor.roles.includes(r)) && round.signOff.actor !== input.actor.id) refuse('CONFLICT');
  if (round.state !== 'awaiting_signoff' && round.state !== 'escalated') refuse(round.state === 'in_review' ? 'IN_REVIEW' : 'INVALID_STATE', `state is ${round.state}`);
  if (!['public', 'redacted', 'withhold', 'escalate'].includes(input.conclusion)) refuse('INVALID_INPUT', 'conclusion');
  const role = roleFor(input.actor, round.signOffRoles);
  const others = actorsOf(round);
  if (round.escalation) others.delete(round.escalation.actor); // the reviewer who escalated records the outside decision
  if (input.actor.id === round.submitter || input.actor.id === round.author || others.has(input.actor.id)) refuse('SEPARATION_OF_DUTIES');
  if (input.conclusion !== 'public' && !input.opinion?.trim()) refuse('OPINION_REQUIRED');
  if (input.conclusion === 'withhold' && !input.exemptionReasons.includes(input.exemptionReason ?? '')) refuse('EXEMPTION_REASON_REQUIRED');
  if (input.conclusion === 'escalate' && !input.referredTo?.trim()) refuse('REFERRED_TO_REQUIRED');
  if (input.conclusion === 'escalate' && round.state === 'escalated') refuse('INVALID_STATE', 'already escalated');
  const record: SignOff = {
    conclusion: input.conclusion,
    actor: input.actor.id,
    role,
    at: input.at,
    opinion: input.opinion,
    exemptionReason: input.conclusion === 'withhold' ? input.exemptionReason : undefined,
    referredTo: input.referredTo,
    contentHash: input.contentHash,
    outsideDecision: round.state === 'escalated' ? true : undefined,
  };
  if (input.conclusion === 'escalate') return { ...round, state: 'escalated', escalation: record };
  // 删减后公开: the signer's redaction is the content; earlier approvals stand for the rest.
  if (input.conclusion !== 'redacted') assertUnchanged(round, input.contentHash);
  return { ...round, state: input.conclusion === 'withhold' ? 'rejected' : 'approved', signOff: record };
}

/**
 * A migration round: a batch of content already public in an earlier system, attested by a
 * sign-off role holder (for the content's exact hash) and a second person of the office; it stands
 * as an approved round, so the publish gate passes on its own. The two must differ.
 */
export function attestMigration(
  previous: Round | null,
  input: { reviewer: Actor; office: Actor; signOffRoles: string[]; officeRoles: string[]; contentHash: string; author: number | null; batch: string; at: string },
): Round {
  if (previous && ['in_review', 'awaiting_signoff', 'escalated'].includes(previous.state) && !previous.voided) refuse('INVALID_STATE', `state is ${previous.state}`);
  const role = roleFor(input.reviewer, input.signOffRoles);
  roleFor(input.office, input.officeRoles);
  if (input.reviewer.id === input.office.id) refuse('SEPARATION_OF_DUTIES');
  return {
    number: (previous?.number ?? 0) + 1,
    state: 'approved',
    submitter: input.office.id,
    author: input.author,
    submittedAt: input.at,
    contentHash: input.contentHash,
    steps: [],
    current: 0,
    signOffRoles: [...input.signOffRoles],
    signOff: { conclusion: 'public', actor: input.reviewer.id, role, at: input.at, opinion: `迁移批次 ${input.batch} / migration batch ${input.batch}`, contentHash: input.contentHash },
    history: [],
    migration: { batch: input.batch, office: input.office.id, reviewer: input.reviewer.id },
  };
}

/** An edit after submission voids the round: approvals and sign-off no longer count. */
export function voidRound(round: Round, input: { reason: string; contentHash: string; at: string }): Round {
  return { ...round, state: 'draft', voided: { at: input.at, reason: input.reason, contentHash: input.contentHash } };
}

/** The hash the round currently vouches for: the signed content once signed, else the submitted one. */
/** The roles whose turn it is: the current step's, or the sign-off's; none when nobody is to act. */
export const pendingRoles = (round: Round): string[] =>
  round.state === 'in_review' ? round.steps[round.current].roles : round.state === 'awaiting_signoff' || round.state === 'escalated' ? round.signOffRoles : [];

/** The scope of whoever is to act now: the current step's, or the sign-off's (default: department). */
export const pendingScope = (round: Round): 'department' | 'any' =>
  (round.state === 'in_review' ? round.steps[round.current].scope : round.signOffScope) ?? 'department';

/**
 * The round as the 待办 query filters it, kept in plain columns beside the round so the database
 * selects a reviewer's tasks (LIKE on `|code|` lists) instead of every open round being read and
 * filtered: the roles and scope of whoever acts now, who may not act again (the submitter and the
 * step reviewers: separation of duties) and who escalated (they record the outcome).
 */
export const taskColumns = (round: Round) => ({
  // A companion's round is acted on through its lead: it is nobody's 待办 of its own.
  pendingRoleList: round.lead ? '||' : `|${pendingRoles(round).join('|')}|`,
  pendingScope: pendingRoles(round).length ? pendingScope(round) : null,
  actorList: `|${[round.submitter, ...round.steps.map((s) => s.actor)].filter((id) => id != null).join('|')}|`,
  escalatedBy: round.escalation?.actor ?? null,
});

export const boundHash = (round: Round) => round.signOff?.contentHash ?? round.contentHash;

export type GateReason = 'NOT_SUBMITTED' | 'IN_REVIEW' | 'NOT_SIGNED_OFF' | 'CHANGED_AFTER_APPROVAL' | 'WITHHELD' | 'CLASSIFIED';

/** May this content be made public now? */
export function gate(round: Round | null, doc: { contentHash: string; classified: boolean; withheld: boolean }): { canPublish: boolean; reason?: GateReason } {
  if (doc.classified) return { canPublish: false, reason: 'CLASSIFIED' };
  if (doc.withheld || round?.signOff?.conclusion === 'withhold') return { canPublish: false, reason: 'WITHHELD' };
  if (!round) return { canPublish: false, reason: 'NOT_SUBMITTED' };
  if (round.voided) return { canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' };
  if (round.state === 'in_review') return { canPublish: false, reason: 'IN_REVIEW' };
  if (round.state === 'awaiting_signoff' || round.state === 'escalated') return { canPublish: false, reason: 'NOT_SIGNED_OFF' };
  if (round.state !== 'approved') return { canPublish: false, reason: 'NOT_SUBMITTED' };
  if (boundHash(round) !== doc.contentHash) return { canPublish: false, reason: 'CHANGED_AFTER_APPROVAL' };
  return { canPublish: true };
}
