// The workflow service: loads the round and the draft, applies the state machine, stores the
// result with an optimistic version check (two reviewers racing: one wins, the other gets 409)
// and writes the audit event, all in one transaction.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ROUND } from '../constants';
import * as machine from '../domain/state-machine';
import { resolveSteps } from '../domain/chains';
import { WorkflowRefusal, refuse } from '../domain/refusal';
import type { Round, Actor, Decision, Conclusion } from '../domain/state-machine';

type Target = { uid: string; documentId: string; locale?: string | null };
type Meta = { ip?: string };

const EXEMPTION_REASONS = ['stateSecret', 'lawForbidden', 'safetyStability', 'thirdPartyRights', 'internalAffairs', 'processInfo', 'enforcementCase', 'adminQuery'];

/** Writes the workflow makes itself (a signed redaction, a withhold) must not void the round. */
export const ownWrites = new AsyncLocalStorage<{ documentId: string }>();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const content = () => plugin().service('content');
  const audit = () => plugin().service('audit');
  const now = () => new Date().toISOString();
  const localeKey = (locale?: string | null) => locale ?? '';

  async function loadActor(id: number): Promise<Actor> {
    const user = Number.isInteger(Number(id))
      ? await strapi.db.query('admin::user').findOne({ where: { id: Number(id) }, populate: { roles: { select: ['code'] } } })
      : null;
    if (!user) refuse('NOT_ALLOWED', 'unknown admin user');
    return { id: user.id, roles: user.roles.map((r: any) => r.code) };
  }

  async function latestRow(target: Target) {
    return strapi.db.query(ROUND).findOne({
      where: { targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: localeKey(target.locale) },
      orderBy: [{ number: 'desc' }],
    });
  }

  async function loadDraft(target: Target) {
    content().assertGoverned(target.uid);
    const draft = await content().loadDraft(target.uid, target.documentId, target.locale);
    return draft ?? refuse('NOT_FOUND', `${target.uid} ${target.documentId}`);
  }

  const pendingRoles = (round: Round): string[] =>
    round.state === 'in_review' ? round.steps[round.current].roles : ['awaiting_signoff', 'escalated'].includes(round.state) ? round.signOffRoles : [];

  async function persist(target: Target, row: any, round: Round, department: string | null) {
    const data = { state: round.state, data: round, pendingRoles: pendingRoles(round) };
    if (row && row.number === round.number) {
      const { count } = await strapi.db.query(ROUND).updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: row.version + 1 } });
      if (count !== 1) refuse('CONFLICT');
      return;
    }
    try {
      await strapi.db.query(ROUND).create({
        data: { ...data, targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: localeKey(target.locale), number: round.number, department, version: 1 },
      });
    } catch (error) {
      if (/unique|duplicate/i.test(String((error as Error)?.message))) refuse('CONFLICT');
      throw error;
    }
  }

  /** One workflow action: read, decide, store, audit; atomically. */
  const normalise = async (target: Target): Promise<Target> => ({ ...target, locale: await content().resolveLocale(target.uid, target.locale) });

  async function act(input: Target, event: string, actorId: number, meta: Meta, apply: (ctx: { row: any; round: Round | null; draft: any; actor: Actor; target: Target }) => Promise<{ round: Round; role?: string; comment?: string; data?: unknown }>) {
    content().assertGoverned(input.uid);
    const target = await normalise(input);
    const actor = await loadActor(actorId);
    const result = await strapi.db.transaction(async () => {
      const draft = await loadDraft(target);
      const row = await latestRow(target);
      const outcome = await apply({ row, round: row?.data ?? null, draft, actor, target });
      await persist(target, row, outcome.round, draft.departmentKeys[0] ?? null);
      await audit().append({
        event,
        targetUid: target.uid,
        targetDocumentId: target.documentId,
        targetLocale: target.locale ?? null,
        round: outcome.round.number,
        actor: actor.id,
        actorRole: outcome.role ?? null,
        contentHash: outcome.round.signOff?.contentHash ?? draft.contentHash,
        ip: meta.ip ?? null,
        comment: outcome.comment ?? null,
        data: { state: outcome.round.state, ...(outcome.data ? { detail: outcome.data } : {}) },
      });
      return outcome.round;
    });
    plugin().service('notify').afterTransition(target, result).catch((error: Error) => strapi.log.warn(`[disclosure-workflow] notification failed: ${error.message}`));
    return this_.status(target);
  }

  const this_ = {
    async submit({ uid, documentId, locale, actor, comment, ip }: Target & { actor: number; comment?: string } & Meta) {
      return act({ uid, documentId, locale }, 'submit', actor, { ip }, async ({ round, draft, actor: who }) => {
        const chain = await plugin().service('chains').forDocument(uid, draft.departmentKeys);
        const next = machine.submit(round, {
          actor: who,
          submitRoles: chain.submitRoles,
          steps: resolveSteps(chain, draft.entity),
          signOffRoles: chain.signOffRoles,
          contentHash: draft.contentHash,
          author: draft.author,
          at: now(),
        });
        return { round: next, role: who.roles.find((r) => chain.submitRoles.includes(r)), comment, data: { chain: chain.name } };
      });
    },

    async decide({ uid, documentId, locale, actor, decision, comment, ip }: Target & { actor: number; decision: Decision; comment?: string } & Meta) {
      return act({ uid, documentId, locale }, `decision.${decision}`, actor, { ip }, async ({ round, draft, actor: who }) => {
        if (!round) refuse('NOT_SUBMITTED');
        const next = machine.decide(round!, { actor: who, decision, comment, contentHash: draft.contentHash, at: now() });
        return { round: next, role: next.steps.find((s) => s.actor === who.id && s.at)?.role, comment };
      });
    },

    async withdraw({ uid, documentId, locale, actor, ip }: Target & { actor: number } & Meta) {
      return act({ uid, documentId, locale }, 'withdraw', actor, { ip }, async ({ round, actor: who }) => {
        if (!round) refuse('NOT_SUBMITTED');
        return { round: machine.withdraw(round!, { actor: who, at: now() }) };
      });
    },

    async signOff(input: Target & { actor: number; conclusion: Conclusion; opinion?: string; exemptionReason?: string; referredTo?: string; redactions?: Record<string, unknown> } & Meta) {
      const { uid, documentId, locale, actor, conclusion, opinion, exemptionReason, referredTo, redactions, ip } = input;
      return act({ uid, documentId, locale }, `sign-off.${conclusion}`, actor, { ip }, async ({ round, draft, actor: who, target }) => {
        if (!round) refuse('NOT_SUBMITTED');
        let hash = draft.contentHash;
        const base = { actor: who, conclusion, opinion, exemptionReason, referredTo, at: now(), exemptionReasons: EXEMPTION_REASONS };
        machine.signOff(round!, { ...base, contentHash: hash }); // refuse before writing anything
        const changes = conclusion === 'redacted' && redactions ? redactions : conclusion === 'withhold' && 'disclosure' in draft.entity ? { disclosure: 'withheld', exemptionReason } : null;
        if (changes) {
          await ownWrites.run({ documentId }, () => strapi.documents(uid as any).update({ documentId, locale: target.locale ?? undefined, data: changes } as any));
          // 删减后公开 signs the redacted text; a withhold signs what was reviewed.
          if (conclusion === 'redacted') hash = (await loadDraft(target)).contentHash;
        }
        const next = machine.signOff(round!, { ...base, contentHash: hash });
        return { round: next, role: (next.signOff ?? next.escalation)!.role, comment: opinion, data: { referredTo, exemptionReason, redacted: Boolean(changes && conclusion === 'redacted') } };
      });
    },

    /** Where the document stands, who acts next, and whether it may be published now. */
    async status(input: Target) {
      content().assertGoverned(input.uid);
      const target = await normalise(input);
      const draft = await loadDraft(target);
      const row = await latestRow(target);
      const round: Round | null = row?.data ?? null;
      const verdict = machine.gate(round, draft);
      return {
        state: round?.state ?? 'draft',
        round: round?.number ?? 0,
        steps: (round?.steps ?? []).map(({ name, roles, decision, actor, role, at, comment }) => ({ name, roles, decision, actor, role, at, comment })),
        current: round?.state === 'in_review' ? round.current : null,
        pendingRoles: round ? pendingRoles(round) : [],
        submitter: round?.submitter ?? null,
        signOff: round?.signOff ?? round?.escalation ?? null,
        voided: round?.voided ?? null,
        contentHash: draft.contentHash,
        canPublish: verdict.canPublish,
        reason: verdict.reason,
      };
    },

    /** Throws the gate's refusal (and records the attempt) unless the draft may go public. */
    async assertPublishable(input: Target, { actor, ip, via }: { actor?: number | null; ip?: string; via: string }) {
      const target = await normalise(input);
      const [draft, row] = await Promise.all([content().loadDraft(target.uid, target.documentId, target.locale, { full: false }), latestRow(target)]);
      const verdict = draft ? machine.gate(row?.data ?? null, draft) : { canPublish: false, reason: 'NOT_SUBMITTED' as const };
      if (verdict.canPublish) return draft!;
      await this_.recordRefusal(target, { code: verdict.reason!, actor, ip, via, round: row?.number ?? null, contentHash: draft?.contentHash ?? null });
      throw new WorkflowRefusal(verdict.reason!);
    },

    /**
     * A refused publication is recorded even though the caller's transaction rolls back: inside a
     * transaction the row is written once it has ended, either way.
     */
    async recordRefusal(target: Target, r: { code: string; actor?: number | null; ip?: string; via: string; round?: number | null; contentHash?: string | null }) {
      const write = () =>
        audit().append({
          event: 'publish.refused', targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? null,
          round: r.round ?? null, actor: r.actor ?? null, contentHash: r.contentHash ?? null, ip: r.ip ?? null, data: { code: r.code, via: r.via },
        });
      if (!strapi.db.inTransaction()) return write();
      let written = false;
      const once = () => {
        if (written) return;
        written = true;
        write().catch((error: Error) => strapi.log.error(`[disclosure-workflow] could not record a refused publication: ${error.message}`));
      };
      await strapi.db.transaction(async ({ onCommit, onRollback }) => {
        onCommit(once);
        onRollback(once);
      });
    },

    /** Called after every edit of a governed draft: a change of content voids the active round. */
    async voidIfChanged(input: Target, { actor, ip }: { actor?: number | null; ip?: string }) {
      if (ownWrites.getStore()?.documentId === input.documentId) return false;
      const target = await normalise(input);
      const row = await latestRow(target);
      const round: Round | null = row?.data ?? null;
      if (!round || !machine.ACTIVE.includes(round.state)) return false;
      const draft = await content().loadDraft(target.uid, target.documentId, target.locale, { full: false });
      if (!draft || draft.contentHash === machine.boundHash(round)) return false;
      const reason = `edited after ${round.state}`;
      await persist(target, row, machine.voidRound(round, { reason, contentHash: draft.contentHash, at: now() }), null);
      await audit().append({
        event: 'voided', targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? null, round: round.number,
        actor: actor ?? null, contentHash: draft.contentHash, ip: ip ?? null, comment: reason, data: { previousState: round.state, boundHash: machine.boundHash(round) },
      });
      return true;
    },

    /** 待办: what waits for this user's roles and that they may act on. */
    async tasks(actorId: number) {
      const actor = await loadActor(actorId);
      const rows = await strapi.db.query(ROUND).findMany({ where: { state: { $in: ['in_review', 'awaiting_signoff', 'escalated'] } }, orderBy: [{ updatedAt: 'asc' }], limit: 1000 });
      const mine = rows.filter((row: any) => {
        const round: Round = row.data;
        if (!(row.pendingRoles ?? []).some((r: string) => actor.roles.includes(r))) return false;
        const acted = round.steps.some((s) => s.actor === actor.id) || round.submitter === actor.id;
        return !acted || (round.state === 'escalated' && round.escalation?.actor === actor.id);
      });
      return mine.map((row: any) => ({
        uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale || null, round: row.number, state: row.state,
        step: row.state === 'in_review' ? row.data.steps[row.data.current].name : null, submittedAt: row.data.submittedAt, department: row.department,
      }));
    },
  };
  return this_;
};
