// The workflow service: loads the round and the draft, applies the state machine, stores the
// result with an optimistic version check (two reviewers racing: one wins, the other gets 409)
// and writes the audit event, all in one transaction.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { ACTIONS, ROUND, SUPER_ADMIN } from '../constants';
import * as machine from '../domain/state-machine';
import { resolveSteps } from '../domain/chains';
import { WorkflowRefusal, refuse } from '../domain/refusal';
import type { Round, Actor, Decision, Conclusion, DocumentRef } from '../domain/state-machine';

type Target = { uid: string; documentId: string; locale?: string | null };
type Meta = { ip?: string };

/** '公开事项 Disclosure item' → { zh: '公开事项', en: 'Disclosure item' }. */
export function typeLabel(displayName: string): { zh: string; en: string } {
  const match = /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(displayName.trim());
  return match ? { zh: match[1].trim(), en: match[2].trim() } : { zh: displayName, en: displayName };
}

/**
 * Writes the workflow makes itself (a signed redaction, a withhold) must not void the round; a
 * withhold that takes a live document offline carries the sign-off opinion as its reason.
 */
const ownWrites = new AsyncLocalStorage<{ documentId: string; reason?: string }>();

/** Companions being published by their lead's publication (the gate lets them through then). */
const carried = new AsyncLocalStorage<Set<string>>();
const refKey = (r: { uid: string; documentId: string; locale?: string | null }) => `${r.uid}/${r.documentId}/${r.locale ?? ''}`;

/** Round states in which someone has to act (待办). */
const OPEN_ROUND_STATES = ['in_review', 'awaiting_signoff', 'escalated'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const content = () => plugin().service('content');
  const audit = () => plugin().service('audit');
  const membership = () => plugin().service('membership');
  const now = () => new Date().toISOString();
  /** Department scope applies when the app names its owning-unit type. */
  const scoped = () => Boolean(strapi.config.get('plugin::disclosure-workflow.departments'));
  const localeKey = (locale?: string | null) => locale ?? '';
  const exemptionReasons = (): string[] => (strapi.config.get('plugin::disclosure-workflow.exemptionReasons') as Array<{ code: string }>).map((r) => r.code);

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

  async function persist(target: Target, row: any, round: Round, department: string | null) {
    const data = { state: round.state, data: round, pendingRoles: machine.pendingRoles(round), ...machine.taskColumns(round) };
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

  /**
   * Whether the actor may act for the document's department at the round's pending step: always for
   * scope `any`, a document without a department, or an app without departments; otherwise only a
   * member covering the department (谁公开谁审查).
   */
  async function inScope(actor: Actor, round: Round | null, department: string | null): Promise<boolean> {
    if (!round || !department || !scoped() || machine.pendingScope(round) === 'any') return true;
    return membership().covers({ user: actor.id, department });
  }

  /** A decision or sign-off by a role-holder outside the step's scope: recorded, then refused (NOT_IN_DEPARTMENT). */
  async function assertInScope(input: Target, event: string, actorId: number, meta: Meta) {
    const target = await normalise(input);
    const actor = await loadActor(actorId);
    const [draft, row] = await Promise.all([content().loadDraft(target.uid, target.documentId, target.locale), latestRow(target)]);
    const round: Round | null = row?.data ?? null;
    // Someone without the step's role is refused by the state machine (NOT_ALLOWED), not here.
    if (!draft || !round || !machine.pendingRoles(round).some((r) => actor.roles.includes(r))) return;
    const department = draft.departmentKeys[0] ?? null;
    if (await inScope(actor, round, department)) return;
    await audit().append({
      event, targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? null, round: row.number,
      actor: actor.id, contentHash: draft.contentHash, ip: meta.ip ?? null, data: { code: 'NOT_IN_DEPARTMENT', department },
    });
    throw new WorkflowRefusal('NOT_IN_DEPARTMENT');
  }

  /** One workflow action: read, decide, store, audit; atomically. */
  const normalise = async (target: Target): Promise<Target> => ({ ...target, locale: await content().resolveLocale(target.uid, target.locale) });

  type Outcome = { round: Round; role?: string; comment?: string; data?: unknown };
  type Apply = (ctx: { row: any; round: Round | null; draft: any; actor: Actor; target: Target }) => Promise<Outcome>;
  type Done = { target: Target; round: Round; department: string | null; companion?: boolean };

  /** One document's step inside the caller's transaction: read, decide, store, audit. */
  async function step(target: Target, event: string, actor: Actor, meta: Meta, apply: Apply): Promise<Done> {
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
    // The reviewers' diff: the content as submitted or decided on, kept by its hash.
    await plugin().service('changes').record(target);
    return { target, round: outcome.round, department: draft.departmentKeys[0] ?? null };
  }

  /**
   * One workflow action, atomically; `carry` (companions) runs in the same transaction after the
   * lead's step, so the lead and its companions change together or not at all.
   */
  async function act(input: Target, event: string, actorId: number, meta: Meta, apply: Apply, carry?: (lead: Done, actor: Actor) => Promise<Done[]>) {
    content().assertGoverned(input.uid);
    const target = await normalise(input);
    const actor = await loadActor(actorId);
    const results = await strapi.db.transaction(async () => {
      const lead = await step(target, event, actor, meta, apply);
      return [lead, ...(carry ? await carry(lead, actor) : [])];
    });
    // Reviewers hear about the lead; its companions are acted on through it.
    for (const result of results.filter((r) => !r.companion)) {
      plugin().service('notify').afterTransition(result.target, result.round, result.department).catch((error: Error) => strapi.log.warn(`[disclosure-workflow] notification failed: ${error.message}`));
    }
    return this_.status(target);
  }

  /** The gate's verdict, and a companion approved with its lead goes public only with the lead. */
  function publishVerdict(round: Round | null, draft: { contentHash: string; classified: boolean; withheld: boolean }, target: Target): { canPublish: boolean; reason?: machine.GateReason | 'FOLLOWS_LEAD' } {
    const verdict = machine.gate(round, draft);
    if (verdict.canPublish && round?.lead && !carried.getStore()?.has(refKey(target))) return { canPublish: false, reason: 'FOLLOWS_LEAD' };
    return verdict;
  }

  const refOf = (t: Target): DocumentRef => ({ uid: t.uid, documentId: t.documentId, locale: t.locale ?? null });
  const isOpen = (round: Round | null) => Boolean(round && OPEN_ROUND_STATES.includes(round.state));
  /** A companion's round is decided through its lead while open. */
  const assertNotFollowing = (round: Round | null) => {
    if (round?.lead && isOpen(round)) throw new WorkflowRefusal('FOLLOWS_LEAD', `${round.lead.uid} ${round.lead.documentId}`, { lead: round.lead });
  };

  /** The configured companions relation of a type, or null. */
  const companionsAttribute = (uid: string): string | null =>
    ((strapi.config.get('plugin::disclosure-workflow.contentTypes') as Record<string, { companions?: string }>)[uid]?.companions) ?? null;

  /** The document's companions now: the drafts its companions relation points at (one locale). */
  async function companionDrafts(target: Target): Promise<Target[]> {
    const attribute = companionsAttribute(target.uid);
    if (!attribute) return [];
    const model: any = strapi.getModel(target.uid as any);
    const relation = model.attributes[attribute];
    const related: any = strapi.getModel(relation.target);
    const where: Record<string, unknown> = { documentId: target.documentId };
    if (model.options?.draftAndPublish) where.publishedAt = null;
    if (content().isLocalized(target.uid) && target.locale) where.locale = target.locale;
    const select = ['documentId', 'publishedAt', ...(content().isLocalized(relation.target) ? ['locale'] : [])];
    const row = await strapi.db.query(target.uid).findOne({ where, select: ['id'], populate: { [attribute]: { select } } });
    const list: any[] = [row?.[attribute] ?? []].flat().filter(Boolean);
    const seen = new Map<string, Target>();
    for (const doc of list) {
      if (related.options?.draftAndPublish && doc.publishedAt) continue;
      const locale = content().isLocalized(relation.target) ? (doc.locale ?? null) : null;
      const companion = { uid: relation.target, documentId: doc.documentId, locale };
      seen.set(refKey(companion), companion);
    }
    return [...seen.values()];
  }

  /** Re-throws a companion's refusal as the lead's, naming the companion and its own code. */
  const asCompanionRefusal = (companion: Target, code: 'COMPANION_REFUSED' | 'COMPANION_IN_REVIEW') => (error: unknown): never => {
    if (!(error instanceof WorkflowRefusal)) throw error;
    if (['COMPANION_IN_REVIEW', 'COMPANION_REFUSED', 'COMPANION_OTHER_DEPARTMENT'].includes(error.code)) throw error;
    throw new WorkflowRefusal(code, `${companion.uid} ${companion.documentId}: ${error.code}`, { companion: refOf(companion), reason: error.code, ...(error.extra ?? {}) });
  };

  /**
   * Applies the lead's action to each companion whose round follows it, in the lead's transaction.
   * `required`: a companion that cannot take it refuses the lead's action (approve, sign-off);
   * otherwise (return, reject, withdraw) companions whose round already ended are left as they are.
   */
  function carryTo(event: string, meta: Meta, required: boolean, apply: (companion: Target) => Apply) {
    return async (lead: Done, actor: Actor): Promise<Done[]> => {
      const done: Done[] = [];
      for (const ref of lead.round.companions ?? []) {
        const companion: Target = { uid: ref.uid, documentId: ref.documentId, locale: ref.locale };
        const round: Round | null = (await latestRow(companion))?.data ?? null;
        const following = machine.sameDocument(round?.lead, refOf(lead.target)) && isOpen(round);
        if (!following) {
          if (required) throw new WorkflowRefusal('COMPANION_REFUSED', `${ref.uid} ${ref.documentId}: ${round?.state ?? 'draft'}`, { companion: ref, reason: round?.voided ? 'CHANGED_AFTER_APPROVAL' : 'INVALID_STATE' });
          continue;
        }
        const result = await step(companion, event, actor, meta, apply(companion)).catch(asCompanionRefusal(companion, 'COMPANION_REFUSED'));
        done.push({ ...result, companion: true });
      }
      return done;
    };
  }

  /** The plugin's RBAC actions the user's roles hold (the super admin holds them all). */
  async function heldActions(actor: Actor): Promise<Set<string>> {
    if (actor.roles.includes(SUPER_ADMIN)) return new Set(Object.values(ACTIONS));
    const rows = await strapi.db.query('admin::permission').findMany({ where: { action: { $in: Object.values(ACTIONS) }, role: { code: { $in: actor.roles } } }, select: ['action'] });
    return new Set(rows.map((r: any) => r.action));
  }

  const nameOf = (u: any) => [u.lastname, u.firstname].filter(Boolean).join('') || u.email;

  /** Admin role codes as people read them: the roles' names, as administrators set them. */
  async function roleNames(codes: string[]): Promise<Record<string, string>> {
    if (!codes.length) return {};
    const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: codes } }, select: ['code', 'name'] });
    return Object.fromEntries(roles.map((r: any) => [r.code, r.name]));
  }

  /** 待办 rows with what a reviewer needs to recognise the document, oldest waiting first. */
  async function enrich(rows: any[]) {
    const byUid = new Map<string, string[]>();
    for (const row of rows) {
      // Appended in place: copying the list for every row was quadratic (1,000 rows: ~500,000 copies).
      const ids = byUid.get(row.targetUid);
      if (ids) ids.push(row.targetDocumentId);
      else byUid.set(row.targetUid, [row.targetDocumentId]);
    }
    const titles = new Map<string, string>();
    for (const [uid, ids] of byUid) {
      const field = content().titleField(uid);
      if (!field) continue;
      const docs = await strapi.db.query(uid).findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'locale', field].filter((f) => f === 'locale' ? content().isLocalized(uid) : true) });
      for (const d of docs) if (d[field] && !titles.has(`${uid}/${d.documentId}/${d.locale ?? ''}`)) titles.set(`${uid}/${d.documentId}/${d.locale ?? ''}`, String(d[field]));
    }
    const keys = [...new Set(rows.map((r) => r.department).filter(Boolean))];
    const unit = strapi.config.get('plugin::disclosure-workflow.departments') as { uid: string; name: string; keys: string[] } | null;
    const departments = keys.length && unit
      ? await strapi.db.query(unit.uid).findMany({ where: { $or: unit.keys.map((k) => ({ [k]: { $in: keys } })) }, select: [...new Set(['documentId', unit.name, ...unit.keys])] })
      : [];
    const department = (key: string | null) => departments.find((d: any) => unit!.keys.some((k) => d[k] === key)) ?? null;
    const submitterIds = [...new Set(rows.map((r) => r.data.submitter).filter(Boolean))];
    const users = submitterIds.length ? await strapi.db.query('admin::user').findMany({ where: { id: { $in: submitterIds } }, select: ['id', 'firstname', 'lastname', 'email'] }) : [];
    const nowMs = Date.now();
    return rows
      .map((row: any) => {
        const round: Round = row.data;
        const model: any = strapi.getModel(row.targetUid);
        const dept: any = department(row.department);
        const user: any = users.find((u: any) => u.id === round.submitter);
        // Waiting since it reached this step: the last decision of this round, or the submission.
        const since = [round.submittedAt, ...round.steps.map((st) => st.at), round.escalation?.at].filter(Boolean).sort().pop()!;
        return {
          uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale || null, round: row.number, state: row.state,
          step: row.state === 'in_review' ? round.steps[round.current].name : null,
          submittedAt: round.submittedAt,
          department: row.department,
          title: titles.get(`${row.targetUid}/${row.targetDocumentId}/${row.targetLocale || ''}`) ?? titles.get(`${row.targetUid}/${row.targetDocumentId}/`) ?? null,
          typeLabel: typeLabel(model?.info?.displayName ?? row.targetUid),
          departmentName: dept ? dept[unit!.name] ?? null : null,
          submitter: round.submitter ? { id: round.submitter, name: user ? nameOf(user) : `#${round.submitter}` } : null,
          waitingSince: since,
          waitingMs: Math.max(0, nowMs - new Date(since).getTime()),
        };
      })
      .sort((a, b) => (a.waitingSince < b.waitingSince ? -1 : a.waitingSince > b.waitingSince ? 1 : 0));
  }

  const this_ = {
    roleNames,

    /** Inside a write the workflow makes itself: the sign-off opinion it carries, else null. */
    ownWrite(documentId: string): { reason?: string } | null {
      const own = ownWrites.getStore();
      return own?.documentId === documentId ? { reason: own.reason } : null;
    },

    /**
     * Opens a round. `withCompanions`: also one round for each companion draft (the configured
     * relation's current drafts), on the lead's chain, in the same transaction; each companion's
     * round records the lead (`lead`), the lead's round its companions (`companions`).
     */
    async submit({ uid, documentId, locale, actor, comment, ip, withCompanions }: Target & { actor: number; comment?: string; withCompanions?: boolean } & Meta) {
      if (withCompanions && !companionsAttribute(uid)) refuse('NO_COMPANIONS', `${uid} has no companions setting`);
      let chainName = '';
      let submitRoles: string[] = [];
      const apply: Apply = async ({ round, draft, actor: who, target }) => {
        assertNotFollowing(round);
        await plugin().service('inspection').assertClear(target, draft);
        const chain = await plugin().service('chains').forDocument(uid, draft.departmentKeys);
        chainName = chain.name;
        submitRoles = chain.submitRoles;
        const next: Round = machine.submit(round, {
          actor: who,
          submitRoles: chain.submitRoles,
          steps: resolveSteps(chain, draft.entity),
          signOffRoles: chain.signOffRoles,
          signOffScope: chain.signOffScope,
          contentHash: draft.contentHash,
          author: draft.author,
          at: now(),
        });
        if (withCompanions) {
          const companions = await companionDrafts(target);
          if (!companions.length) refuse('NO_COMPANIONS', `${uid} ${documentId} has no companion drafts`);
          next.companions = companions.map(refOf);
        }
        return { round: next, role: who.roles.find((r) => chain.submitRoles.includes(r)), comment, data: { chain: chain.name, ...(next.companions ? { companions: next.companions } : {}) } };
      };
      const carry = async (lead: Done, who: Actor): Promise<Done[]> => {
        const done: Done[] = [];
        for (const ref of lead.round.companions ?? []) {
          const companion: Target = { uid: ref.uid, documentId: ref.documentId, locale: ref.locale };
          content().assertGoverned(companion.uid);
          const result = await step(companion, 'submit', who, { ip }, async ({ round, draft, actor: a }) => {
            // Its own open (or approved) round is not taken over: finish or withdraw it first.
            if (round && (isOpen(round) || round.state === 'approved')) {
              throw new WorkflowRefusal('COMPANION_IN_REVIEW', `${ref.uid} ${ref.documentId}: ${round.state}`, { companion: ref, state: round.state });
            }
            // The lead's reviewers act for the lead's department only (谁公开谁审查): a companion of
            // another department goes through its own department's round.
            if (scoped() && lead.department && (draft.departmentKeys[0] ?? null) !== lead.department) {
              throw new WorkflowRefusal('COMPANION_OTHER_DEPARTMENT', `${ref.uid} ${ref.documentId}`, { companion: ref });
            }
            await plugin().service('inspection').assertClear(companion, draft);
            // The lead's chain: one round for the pair, decided step by step through the lead.
            const next: Round = machine.submit(round, {
              actor: a,
              submitRoles,
              steps: lead.round.steps.map(({ name, roles, scope }) => ({ name, roles, ...(scope ? { scope } : {}) })),
              signOffRoles: lead.round.signOffRoles,
              signOffScope: lead.round.signOffScope,
              contentHash: draft.contentHash,
              author: draft.author,
              at: lead.round.submittedAt,
            });
            next.lead = refOf(lead.target);
            return { round: next, role: a.roles.find((r) => submitRoles.includes(r)), comment, data: { chain: chainName, lead: next.lead } };
          }).catch(asCompanionRefusal(companion, 'COMPANION_REFUSED'));
          done.push({ ...result, companion: true });
        }
        return done;
      };
      return act({ uid, documentId, locale }, 'submit', actor, { ip }, apply, withCompanions ? carry : undefined);
    },

    async decide({ uid, documentId, locale, actor, decision, comment, ip }: Target & { actor: number; decision: Decision; comment?: string } & Meta) {
      content().assertGoverned(uid);
      await assertInScope({ uid, documentId, locale }, 'decision.refused', actor, { ip });
      const apply = (lead?: Target): Apply => async ({ round, draft, actor: who }) => {
        if (!round) refuse('NOT_SUBMITTED');
        if (!lead) assertNotFollowing(round);
        const next = machine.decide(round!, { actor: who, decision, comment, contentHash: draft.contentHash, at: now() });
        return { round: next, role: next.steps.find((s) => s.actor === who.id && s.at)?.role, comment, ...(lead ? { data: { lead: refOf(lead) } } : {}) };
      };
      const target = await normalise({ uid, documentId, locale });
      return act(target, `decision.${decision}`, actor, { ip }, apply(), carryTo(`decision.${decision}`, { ip }, decision === 'approve', () => apply(target)));
    },

    async withdraw({ uid, documentId, locale, actor, ip }: Target & { actor: number } & Meta) {
      const apply = (lead?: Target): Apply => async ({ round, actor: who }) => {
        if (!round) refuse('NOT_SUBMITTED');
        if (!lead) assertNotFollowing(round);
        return { round: machine.withdraw(round!, { actor: who, at: now() }), ...(lead ? { data: { lead: refOf(lead) } } : {}) };
      };
      const target = await normalise({ uid, documentId, locale });
      return act(target, 'withdraw', actor, { ip }, apply(), carryTo('withdraw', { ip }, false, () => apply(target)));
    },

    async signOff(input: Target & { actor: number; conclusion: Conclusion; opinion?: string; exemptionReason?: string; referredTo?: string; redactions?: Record<string, unknown> } & Meta) {
      const { uid, documentId, locale, actor, conclusion, opinion, exemptionReason, referredTo, redactions, ip } = input;
      content().assertGoverned(uid);
      await assertInScope({ uid, documentId, locale }, 'sign-off.refused', actor, { ip });
      const target = await normalise({ uid, documentId, locale });
      /**
       * The lead's conclusion applies to each companion, except that redactions name the lead's own
       * text: a 删减后公开 of the lead signs its companions 可以公开 for their content as reviewed.
       */
      const apply = (lead?: Target): Apply => async ({ round, draft, actor: who, target: doc }) => {
        if (!round) refuse('NOT_SUBMITTED');
        if (!lead) assertNotFollowing(round);
        const own: Conclusion = lead && conclusion === 'redacted' ? 'public' : conclusion;
        let hash = draft.contentHash;
        const base = { actor: who, conclusion: own, opinion, exemptionReason, referredTo, at: now(), exemptionReasons: exemptionReasons() };
        machine.signOff(round!, { ...base, contentHash: hash }); // refuse before writing anything
        const changes = own === 'redacted' && redactions ? redactions : own === 'withhold' ? content().withholdChanges(doc.uid, exemptionReason) : null;
        if (changes) {
          await ownWrites.run({ documentId: doc.documentId, reason: opinion }, () => strapi.documents(doc.uid as any).update({ documentId: doc.documentId, locale: doc.locale ?? undefined, data: changes } as any));
          // 删减后公开 signs the redacted text; a withhold signs what was reviewed.
          if (own === 'redacted') hash = (await loadDraft(doc)).contentHash;
        }
        // What goes public must pass the checks (after the redaction, for 删减后公开).
        if (own === 'public' || own === 'redacted') await plugin().service('inspection').assertClear(doc, changes ? undefined : draft);
        const next = machine.signOff(round!, { ...base, contentHash: hash });
        return {
          round: next, role: (next.signOff ?? next.escalation)!.role, comment: opinion,
          data: { referredTo, exemptionReason, redacted: Boolean(changes && own === 'redacted'), ...(lead ? { lead: refOf(lead), leadConclusion: conclusion } : {}) },
        };
      };
      return act(target, `sign-off.${conclusion}`, actor, { ip }, apply(), carryTo(`sign-off.${conclusion === 'redacted' ? 'public' : conclusion}`, { ip }, true, () => apply(target)));
    },

    /**
     * Migration from an earlier system: records a round in `approved` state for the draft's current
     * content hash, attested by `reviewer` (a sign-off role of the document's chain) and `office`
     * (a submit role of the chain), plus an audit entry `migration.attested` with the hash; the
     * caller then publishes through the Document Service and the gate passes on its own. No route
     * exposes it: server code only (an import run by the office). The pre-publication checks run
     * and their counts go into the audit entry; blocking findings refuse the attestation unless
     * `acceptFindings` (then they are recorded as accepted by the named reviewer). Nothing is
     * written when the latest round already attests this exact content (idempotent re-runs).
     */
    async attestMigration(input: Target & { batch: string; reviewer: number; office: number; acceptFindings?: boolean }) {
      const { uid, documentId, locale, batch, acceptFindings = false } = input;
      content().assertGoverned(uid);
      if (!String(batch ?? '').trim()) refuse('INVALID_INPUT', 'batch');
      const target = await normalise({ uid, documentId, locale });
      const [reviewer, office] = await Promise.all([loadActor(input.reviewer), loadActor(input.office)]);
      return strapi.db.transaction(async () => {
        const draft = await loadDraft(target);
        const row = await latestRow(target);
        const previous: Round | null = row?.data ?? null;
        if (previous && machine.gate(previous, draft).canPublish) return { attested: false, round: previous.number, contentHash: draft.contentHash, findings: [] };
        const chain = await plugin().service('chains').forDocument(uid, draft.departmentKeys);
        const checked = await plugin().service('inspection').check(target, draft);
        const blocking = (checked.findings ?? []).filter((f: any) => f.severity === 'error' && !f.overridden);
        if (blocking.length && !acceptFindings) {
          throw new WorkflowRefusal('INSPECTION_FAILED', blocking.map((f: any) => `${f.rule} ${f.field}: ${f.excerpt}`).join('; '), { findings: blocking });
        }
        const round = machine.attestMigration(previous && previous.voided ? { ...previous, state: 'draft' } : previous, {
          reviewer, office, signOffRoles: chain.signOffRoles, officeRoles: chain.submitRoles, contentHash: draft.contentHash, author: draft.author, batch, at: now(),
        });
        await persist(target, row, round, draft.departmentKeys[0] ?? null);
        await audit().append({
          event: 'migration.attested', targetUid: uid, targetDocumentId: documentId, targetLocale: target.locale ?? null, round: round.number,
          actor: reviewer.id, actorRole: round.signOff!.role, contentHash: draft.contentHash, comment: batch,
          data: { state: round.state, batch, office: office.id, inspection: checked.counts ?? null, acceptedFindings: blocking.map((f: any) => ({ rule: f.rule, field: f.field })) },
        });
        return { attested: true, round: round.number, contentHash: draft.contentHash, findings: blocking };
      });
    },

    /** One audit entry for a migration batch (its counts and source), by the attesting reviewer. */
    async recordMigrationBatch({ batch, reviewer, office, data }: { batch: string; reviewer: number; office: number; data: Record<string, unknown> }) {
      const [rev, off] = await Promise.all([loadActor(reviewer), loadActor(office)]);
      return audit().append({ event: 'migration.batch', actor: rev.id, actorRole: rev.roles[0] ?? null, comment: batch, data: { batch, office: off.id, ...data } });
    },

    /** Where the document stands, who acts next, and whether it may be published now. */
    async status(input: Target) {
      content().assertGoverned(input.uid);
      const target = await normalise(input);
      const draft = await loadDraft(target);
      const row = await latestRow(target);
      const round: Round | null = row?.data ?? null;
      const verdict = publishVerdict(round, draft, target);
      const attribute = companionsAttribute(target.uid);
      return {
        state: round?.state ?? 'draft',
        round: round?.number ?? 0,
        steps: (round?.steps ?? []).map(({ name, roles, decision, actor, role, at, comment }) => ({ name, roles, decision, actor, role, at, comment })),
        current: round?.state === 'in_review' ? round.current : null,
        pendingRoles: round ? machine.pendingRoles(round) : [],
        roleNames: await roleNames([...new Set([...(round ? machine.pendingRoles(round) : []), ...(round?.steps ?? []).flatMap((s) => s.roles)])]),
        submitter: round?.submitter ?? null,
        signOff: round?.signOff ?? round?.escalation ?? null,
        voided: round?.voided ?? null,
        contentHash: draft.contentHash,
        canPublish: verdict.canPublish,
        reason: verdict.reason,
        // Companions (README "Companions"): the lead this round follows, the companions it carries,
        // and how many companion drafts a submit `withCompanions` would carry now.
        lead: round?.lead ?? null,
        companions: round?.companions ?? [],
        companionDrafts: attribute ? (await companionDrafts(target)).length : null,
      };
    },

    /** The companions the lead's publication carries: those of its approved round. */
    async companionsOf(input: Target): Promise<Target[]> {
      const target = await normalise(input);
      const round: Round | null = (await latestRow(target))?.data ?? null;
      if (!round || round.state !== 'approved') return [];
      return (round.companions ?? []).map((c) => ({ uid: c.uid, documentId: c.documentId, locale: c.locale }));
    },

    /**
     * Each companion of the lead passes the gate itself (its own round approved for its current
     * content), else the lead's publication is refused with COMPANION_NOT_PUBLISHABLE naming it.
     */
    async assertCompanionsPublishable(input: Target, { actor, ip, via }: { actor?: number | null; ip?: string; via: string }): Promise<Target[]> {
      const target = await normalise(input);
      const companions = await this_.companionsOf(target);
      for (const companion of companions) {
        const [draft, row] = await Promise.all([content().loadDraft(companion.uid, companion.documentId, companion.locale, { full: false }), latestRow(companion)]);
        const verdict = draft ? machine.gate(row?.data ?? null, draft) : { canPublish: false, reason: 'NOT_SUBMITTED' as const };
        if (verdict.canPublish) continue;
        const leadRow = await latestRow(target);
        const named = { companion: refOf(companion), reason: verdict.reason };
        await this_.recordRefusal(target, { code: 'COMPANION_NOT_PUBLISHABLE', actor, ip, via, round: leadRow?.number ?? null, contentHash: null, detail: named });
        throw new WorkflowRefusal('COMPANION_NOT_PUBLISHABLE', `${companion.uid} ${companion.documentId}: ${verdict.reason}`, named);
      }
      return companions;
    },

    /** Runs `publish` with these companions let through the gate (they follow a lead). */
    carrying<T>(companions: Target[], publish: () => Promise<T>): Promise<T> {
      return carried.run(new Set(companions.map(refKey)), publish);
    },

    /** Throws the gate's refusal (and records the attempt) unless the draft may go public. */
    async assertPublishable(input: Target, { actor, ip, via }: { actor?: number | null; ip?: string; via: string }) {
      const target = await normalise(input);
      const [draft, row] = await Promise.all([content().loadDraft(target.uid, target.documentId, target.locale, { full: false }), latestRow(target)]);
      const verdict = draft ? publishVerdict(row?.data ?? null, draft, target) : { canPublish: false, reason: 'NOT_SUBMITTED' as const };
      if (verdict.canPublish) return draft!;
      await this_.recordRefusal(target, { code: verdict.reason!, actor, ip, via, round: row?.number ?? null, contentHash: draft?.contentHash ?? null });
      const lead = row?.data?.lead;
      throw verdict.reason === 'FOLLOWS_LEAD' ? new WorkflowRefusal('FOLLOWS_LEAD', `${lead.uid} ${lead.documentId}`, { lead }) : new WorkflowRefusal(verdict.reason!);
    },

    /**
     * A refused publication is recorded even though the caller's transaction rolls back: inside a
     * transaction the row is written once it has ended, either way.
     */
    async recordRefusal(target: Target, r: { code: string; actor?: number | null; ip?: string; via: string; round?: number | null; contentHash?: string | null; detail?: Record<string, unknown> }) {
      const write = () =>
        audit().append({
          event: 'publish.refused', targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? null,
          round: r.round ?? null, actor: r.actor ?? null, contentHash: r.contentHash ?? null, ip: r.ip ?? null, data: { code: r.code, via: r.via, ...(r.detail ?? {}) },
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
      // The pair was reviewed together: a changed lead voids its companions' rounds as well.
      for (const ref of round.companions ?? []) {
        const companion: Target = { uid: ref.uid, documentId: ref.documentId, locale: ref.locale };
        const cRow = await latestRow(companion);
        const cRound: Round | null = cRow?.data ?? null;
        if (!cRound || !machine.ACTIVE.includes(cRound.state) || !machine.sameDocument(cRound.lead, refOf(target))) continue;
        const cDraft = await content().loadDraft(companion.uid, companion.documentId, companion.locale, { full: false });
        const cReason = `lead edited after ${round.state}`;
        await persist(companion, cRow, machine.voidRound(cRound, { reason: cReason, contentHash: cDraft?.contentHash ?? machine.boundHash(cRound), at: now() }), null);
        await audit().append({
          event: 'voided', targetUid: companion.uid, targetDocumentId: companion.documentId, targetLocale: companion.locale ?? null, round: cRound.number,
          actor: actor ?? null, contentHash: cDraft?.contentHash ?? null, ip: ip ?? null, comment: cReason, data: { previousState: cRound.state, lead: refOf(target) },
        });
      }
      return true;
    },

    /**
     * What this user may do on one document now, asked by the admin before it shows a button: the
     * user's RBAC actions combined with the state machine's own rules (dry runs of each action).
     */
    async permissions({ uid, documentId, locale, actor: actorId, ability }: Target & { actor: number; ability?: { can: (action: string, subject?: string) => boolean } }) {
      const actor = await loadActor(actorId);
      const held = await heldActions(actor);
      const unpublishRoles: string[] = strapi.config.get('plugin::disclosure-workflow.unpublishRoles') ?? [];
      const publisher = actor.roles.some((r) => unpublishRoles.includes(r));
      const actions = { submit: false, withdraw: false, decide: false, signOff: false, publish: false, schedule: false, unpublish: false, readAudit: held.has(ACTIONS.readAudit), manageMemberships: held.has(ACTIONS.manageMemberships) };
      const result: Record<string, unknown> = { uid, documentId, locale: locale ?? null, governed: content().governed(uid), actions };
      if (!result.governed) return result;
      const target = await normalise({ uid, documentId, locale });
      result.locale = target.locale ?? null;
      const draft = await content().loadDraft(target.uid, target.documentId, target.locale);
      if (!draft) return result;
      const round: Round | null = (await latestRow(target))?.data ?? null;
      const at = now();
      const dry = (run: () => unknown) => {
        try {
          run();
          return true;
        } catch (error) {
          if (error instanceof WorkflowRefusal) return false;
          throw error;
        }
      };
      if (held.has(ACTIONS.submit)) {
        const chain = await plugin().service('chains').forDocument(uid, draft.departmentKeys).catch(() => null);
        actions.submit = Boolean(chain) && dry(() => machine.submit(round, { actor, submitRoles: chain.submitRoles, steps: resolveSteps(chain, draft.entity), signOffRoles: chain.signOffRoles, contentHash: draft.contentHash, author: draft.author, at }));
        actions.withdraw = Boolean(round) && dry(() => machine.withdraw(round!, { actor, at }));
      }
      // A companion's open round is acted on through its lead.
      if (round?.lead && isOpen(round)) {
        actions.withdraw = false;
        return result;
      }
      const inDepartment = round ? await inScope(actor, round, draft.departmentKeys[0] ?? null) : true;
      if (held.has(ACTIONS.review) && round) actions.decide = inDepartment && dry(() => machine.decide(round, { actor, decision: 'approve', contentHash: draft.contentHash, at }));
      if (held.has(ACTIONS.signOff) && round) {
        actions.signOff = inDepartment && dry(() => machine.signOff(round, { actor, conclusion: 'redacted', opinion: '-', contentHash: draft.contentHash, at, exemptionReasons: exemptionReasons() }));
      }
      const cmPublish = ability ? ability.can('plugin::content-manager.explorer.publish', uid) : true;
      actions.publish = held.has(ACTIONS.publish) && cmPublish;
      actions.schedule = held.has(ACTIONS.publish) && publisher;
      actions.unpublish = publisher && cmPublish;
      return result;
    },

    /** 待办: what waits for this user's roles, in their departments' scope, and that they may act on. */
    /**
     * 待办: what waits for this user — their role acts now, they have not acted in the round before
     * (or they escalated it), and the step's scope covers them — oldest first, a page at a time, with
     * the total and the count by state. Selected by the database (services: round `taskColumns`).
     */
    async tasks(actorId: number, { page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}) {
      const actor = await loadActor(actorId);
      const size = Math.min(200, Math.max(1, Math.floor(pageSize) || 50));
      const current = Math.max(1, Math.floor(page) || 1);
      const empty = { results: [], pagination: { page: current, pageSize: size, pageCount: 0, total: 0 }, counts: {} };
      if (!actor.roles.length) return empty;
      const covered = scoped() ? await membership().coveredDepartments({ user: actor.id }) : null;
      const where = {
        state: { $in: OPEN_ROUND_STATES },
        $and: [
          { $or: actor.roles.map((code) => ({ pendingRoleList: { $contains: `|${code}|` } })) },
          { $or: [{ actorList: { $notContains: `|${actor.id}|` } }, { state: 'escalated', escalatedBy: actor.id }] },
          ...(covered ? [{ $or: [{ pendingScope: 'any' }, { department: null }, { department: { $in: covered } }] }] : []),
        ],
      };
      const [byState, rows] = await Promise.all([
        Promise.all(OPEN_ROUND_STATES.map(async (state) => [state, Number(await strapi.db.query(ROUND).count({ where: { ...where, state } }))] as const)),
        strapi.db.query(ROUND).findMany({ where, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], offset: (current - 1) * size, limit: size }),
      ]);
      const total = byState.reduce((sum, [, n]) => sum + n, 0);
      const tasks = await enrich(rows);
      // The checks' counts as last run (a badge; opening the document runs them again if it changed).
      const checked = await plugin().service('inspection').counts(tasks);
      return {
        results: tasks.map((task) => ({ ...task, inspection: checked.get(`${task.uid}/${task.documentId}/${task.locale ?? ''}`) ?? null })),
        pagination: { page: current, pageSize: size, pageCount: Math.ceil(total / size), total },
        counts: Object.fromEntries(byState.filter(([, n]) => n > 0)),
      };
    },

    /** Rounds written before the 待办 columns existed get them (once; a no-op afterwards). */
    async backfillTaskColumns() {
      for (;;) {
        const rows = await strapi.db.query(ROUND).findMany({ where: { state: { $in: OPEN_ROUND_STATES }, pendingRoleList: null }, select: ['id', 'data'], limit: 500 });
        if (!rows.length) return;
        for (const row of rows) await strapi.db.query(ROUND).update({ where: { id: row.id }, data: machine.taskColumns(row.data) });
      }
    },
  };
  return this_;
};
