// 定时发布: schedules are database rows, the only source of truth. Every instance polls, claims
// due rows with a lease through a conditional UPDATE (one winner per row, on any database), and
// fires each in one transaction together with the row's `done` mark and the audit events, so a
// schedule fires exactly once even when an instance dies mid-way.
import { hostname } from 'os';
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { ROUND, SCHEDULE } from '../constants';
import { boundHash } from '../domain/state-machine';
import { WorkflowRefusal, refuse } from '../domain/refusal';
import { backoffMs, formatLocal, isTooFarInPast, parseInstant, startOfDay, type ScheduleAction } from '../domain/schedule';
import type { Expiry, WorkflowConfig } from '../config';

const MAX_ATTEMPTS = 10;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const instance = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const plugin = () => strapi.plugin('disclosure-workflow');
  const config = () => strapi.config.get('plugin::disclosure-workflow.scheduler') as { pollIntervalMs: number; leaseMs: number; batchSize: number; timeZone: string };
  const audit = (event: string, row: any, extra: Record<string, unknown> = {}) =>
    plugin().service('audit').append({
      event, targetUid: row.targetUid, targetDocumentId: row.targetDocumentId, targetLocale: row.targetLocale || null,
      actor: (extra.actor as number) ?? null, data: { schedule: row.id, action: row.action, dueAt: new Date(row.dueAt).toISOString(), ...extra },
    });

  async function publisherActor(actorId: number) {
    const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(actorId) || 0 }, populate: { roles: { select: ['code'] } } });
    const allowed: string[] = strapi.config.get('plugin::disclosure-workflow.unpublishRoles');
    if (!user || !user.roles.some((r: any) => allowed.includes(r.code))) refuse('NOT_ALLOWED', 'scheduling is for publishers');
    return user;
  }

  async function findRow(id: number) {
    const row = await strapi.db.query(SCHEDULE).findOne({ where: { id: Number(id) || 0 } });
    return row ?? refuse('NOT_FOUND', `schedule ${id}`);
  }

  /** Rows this instance may claim now: due and pending, or running under an expired lease. */
  const claimable = (now: Date) => ({
    $or: [
      { state: 'pending', dueAt: { $lte: now }, $or: [{ nextAttemptAt: { $null: true } }, { nextAttemptAt: { $lte: now } }] },
      { state: 'running', leaseUntil: { $lt: now } },
    ],
  });

  async function claim(limit: number): Promise<any[]> {
    const now = new Date();
    const candidates = await strapi.db.query(SCHEDULE).findMany({ where: claimable(now), orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], limit, select: ['id', 'attempts'] });
    const claimed: any[] = [];
    for (const candidate of candidates) {
      const { count } = await strapi.db.query(SCHEDULE).updateMany({
        where: { id: candidate.id, ...claimable(now) },
        data: { state: 'running', leaseOwner: instance, leaseUntil: new Date(now.getTime() + config().leaseMs), attempts: candidate.attempts + 1 },
      });
      if (count === 1) claimed.push(await strapi.db.query(SCHEDULE).findOne({ where: { id: candidate.id } }));
    }
    return claimed;
  }

  const mine = (row: any) => ({ id: row.id, state: 'running', leaseOwner: instance });

  /** One firing, all or nothing: the action, the `done` mark and the audit events commit together. */
  async function fire(row: any): Promise<'done' | 'failed' | 'retry' | 'lost'> {
    const target = { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale || null };
    let changed: Record<string, unknown> | null = null;
    try {
      await strapi.db.transaction(async () => {
        const { count } = await strapi.db.query(SCHEDULE).updateMany({ where: mine(row), data: { state: 'done', firedAt: new Date(), leaseUntil: null, reasonCode: null, lastError: null } });
        if (count !== 1) throw new LostLease();
        const documents: any = strapi.documents(target.uid as any);
        if (row.action === 'publish') {
          // 发布日期 is the scheduled time, not the moment the poller got to it: for the document and
          // the companions recorded on the row, which its publication carries (same transaction).
          const companions: Array<{ uid: string; documentId: string; locale: string | null }> = Array.isArray(row.companions) ? row.companions : [];
          for (const doc of [target, ...companions]) {
            const model: any = strapi.getModel(doc.uid as any);
            if (model?.attributes.publishedDate) {
              await strapi.db.query(doc.uid).updateMany({ where: { documentId: doc.documentId, publishedAt: null, publishedDate: null, ...(doc.locale ? { locale: doc.locale } : {}) }, data: { publishedDate: new Date(row.dueAt) } });
            }
          }
          await documents.publish({ documentId: target.documentId, ...(target.locale ? { locale: target.locale } : {}) });
        } else if (row.action === 'expire') {
          changed = await lapse(target);
        } else {
          await documents.unpublish({ documentId: target.documentId, ...(target.locale ? { locale: target.locale } : {}) });
        }
        await audit('schedule.fired', row, { lateMs: Date.now() - new Date(row.dueAt).getTime(), instance, ...(changed ? { changed } : {}), ...(Array.isArray(row.companions) && row.companions.length ? { companions: row.companions } : {}) });
      });
      return 'done';
    } catch (error) {
      if (error instanceof LostLease) return 'lost';
      const refusal = error instanceof WorkflowRefusal ? error : (error as any)?.details?.code ? new WorkflowRefusal((error as any).details.code) : null;
      if (refusal || row.attempts >= MAX_ATTEMPTS) {
        const reasonCode = refusal?.code ?? 'ERROR';
        const { count } = await strapi.db.query(SCHEDULE).updateMany({ where: mine(row), data: { state: 'failed', reasonCode, lastError: String((error as Error)?.message ?? error).slice(0, 2000), leaseUntil: null } });
        if (count === 1) {
          await audit('schedule.failed', row, { code: reasonCode });
          plugin().service('notify').scheduleFailed(row, reasonCode).catch((e: Error) => strapi.log.warn(`[disclosure-workflow] failure mail not sent: ${e.message}`));
        }
        return 'failed';
      }
      // Transient (e.g. the database went away): back to pending with a delay; never dropped.
      await strapi.db.query(SCHEDULE).updateMany({
        where: mine(row),
        data: { state: 'pending', nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts)), lastError: String((error as Error)?.message ?? error).slice(0, 2000), leaseUntil: null },
      }).catch(() => undefined); // if even this fails, the lease runs out and another tick retries
      return 'retry';
    }
  }

  const expiryOf = (uid: string): Expiry | undefined => (strapi.config.get('plugin::disclosure-workflow') as WorkflowConfig).contentTypes[uid]?.expiry;
  const versions = (target: { documentId: string; locale?: string | null }) => ({ documentId: target.documentId, ...(target.locale ? { locale: target.locale } : {}) });

  /**
   * The expiry itself: every version (draft and published) takes the lapse value and the day
   * straight in the database — no publish. The reviewers signed the date; the lapse it causes is
   * not a new edit: when the draft was the approved content, the approval moves to the lapsed
   * content (the round's hashes and a snapshot, both hashes in the audit event), so nothing needs
   * a new round. A draft with unreviewed changes stays as it was: changed after approval.
   */
  async function lapse(target: { uid: string; documentId: string; locale?: string | null }) {
    const expiry = expiryOf(target.uid);
    if (!expiry) refuse('NOT_GOVERNED', `${target.uid} has no expiry`);
    const content = plugin().service('content');
    const before = await content.loadDraft(target.uid, target.documentId, target.locale ?? null);
    if (!before) refuse('NOT_FOUND', `${target.uid} ${target.documentId}`);
    const value = expiry!.valueFrom ? before!.entity[expiry!.valueFrom] ?? expiry!.value : expiry!.value;
    if (!value) refuse('INVALID_INPUT', `${expiry!.valueFrom} has no value`);
    const changed: Record<string, unknown> = { [expiry!.attribute]: value };
    if (expiry!.changedAt) changed[expiry!.changedAt] = formatLocal(new Date(), config().timeZone).slice(0, 10);
    await strapi.db.query(target.uid).updateMany({ where: versions(target), data: changed });
    const after = await content.loadDraft(target.uid, target.documentId, target.locale ?? null);
    const round = await strapi.db.query(ROUND).findOne({ where: { targetUid: target.uid, targetDocumentId: target.documentId, targetLocale: target.locale ?? '' }, orderBy: [{ number: 'desc' }] });
    const carried = Boolean(round?.data && boundHash(round.data) === before!.contentHash && after!.contentHash !== before!.contentHash);
    if (carried) {
      const data = JSON.parse(JSON.stringify(round.data).split(before!.contentHash).join(after!.contentHash));
      const { count } = await strapi.db.query(ROUND).updateMany({ where: { id: round.id, version: round.version }, data: { data, version: round.version + 1 } });
      if (count !== 1) throw new Error('round changed while the expiry fired'); // the transaction rolls back; retried
      await plugin().service('changes').record(target);
    }
    return { ...changed, contentHashBefore: before!.contentHash, contentHashAfter: after!.contentHash, approvalCarried: carried };
  }

  let timer: NodeJS.Timeout | null = null;
  let ticking = false;

  const service = {
    instance,

    /**
     * `withCompanions` (publish only): the lead's approved round must carry companions, each must
     * pass the gate now; they are recorded on the row and published by the lead's firing. A lead's
     * publication always carries its round's companions, so they are recorded without it too.
     */
    async schedule({ uid, documentId, locale, action, at, actor, withCompanions }: { uid: string; documentId: string; locale?: string | null; action: ScheduleAction; at: unknown; actor: number; withCompanions?: boolean }) {
      const content = plugin().service('content');
      content.assertGoverned(uid);
      if (action !== 'publish' && action !== 'unpublish') refuse('INVALID_INPUT', 'action must be publish or unpublish');
      const dueAt = parseInstant(at, config().timeZone) ?? refuse('INVALID_INPUT', 'at must be a date-time (ISO 8601, or YYYY-MM-DD HH:mm in the site time zone)');
      if (isTooFarInPast(dueAt)) refuse('INVALID_INPUT', 'at is in the past: a scheduled publish would backdate 发布日期');
      await publisherActor(actor);
      const resolvedLocale = await content.resolveLocale(uid, locale);
      const draft = await content.loadDraft(uid, documentId, resolvedLocale);
      if (!draft) refuse('NOT_FOUND', `${uid} ${documentId}`);
      if (withCompanions && action !== 'publish') refuse('INVALID_INPUT', 'withCompanions is for publish');
      let companions: Array<{ uid: string; documentId: string; locale: string | null }> = [];
      if (action === 'publish') {
        const workflow = plugin().service('workflow');
        const status = await workflow.status({ uid, documentId, locale: resolvedLocale });
        if (!status.canPublish) refuse(status.reason);
        const lead = { uid, documentId, locale: resolvedLocale };
        if (withCompanions && !(await workflow.companionsOf(lead)).length) refuse('NO_COMPANIONS', `${uid} ${documentId}: its approved round carries no companions`);
        companions = (await workflow.assertCompanionsPublishable(lead, { actor, via: 'schedule' })).map((c: any) => ({ uid: c.uid, documentId: c.documentId, locale: c.locale ?? null }));
      }
      return strapi.db.transaction(async () => {
        const row = await strapi.db.query(SCHEDULE).create({
          data: {
            targetUid: uid, targetDocumentId: documentId, targetLocale: resolvedLocale ?? '', action, dueAt, state: 'pending', attempts: 0,
            owner: actor, department: draft!.departmentKeys[0] ?? null, title: String(draft!.entity.title ?? draft!.entity.name ?? documentId).slice(0, 250),
            companions: companions.length ? companions : null,
          },
        });
        await audit('schedule.create', row, { actor, ...(companions.length ? { companions } : {}) });
        return row;
      });
    },

    async cancel({ id, actor }: { id: number; actor: number }) {
      await publisherActor(actor);
      const row = await findRow(id);
      const { count } = await strapi.db.query(SCHEDULE).updateMany({ where: { id: row.id, state: { $in: ['pending', 'failed'] } }, data: { state: 'cancelled' } });
      if (count !== 1) refuse('INVALID_STATE', `schedule is ${row.state}`);
      await audit('schedule.cancel', row, { actor });
      return findRow(id);
    },

    async reschedule({ id, at, actor }: { id: number; at: unknown; actor: number }) {
      await publisherActor(actor);
      const row = await findRow(id);
      const dueAt = parseInstant(at, config().timeZone) ?? refuse('INVALID_INPUT', 'at must be a date-time');
      if (isTooFarInPast(dueAt)) refuse('INVALID_INPUT', 'at is in the past: a scheduled publish would backdate 发布日期');
      const { count } = await strapi.db.query(SCHEDULE).updateMany({
        where: { id: row.id, state: { $in: ['pending', 'failed'] } },
        data: { state: 'pending', dueAt, attempts: 0, nextAttemptAt: null, reasonCode: null, lastError: null },
      });
      if (count !== 1) refuse('INVALID_STATE', `schedule is ${row.state}`);
      await audit('schedule.reschedule', row, { actor, newDueAt: dueAt!.toISOString() });
      return findRow(id);
    },

    /** A failed schedule, tried again on the next tick (the gate is checked again then). */
    async retry({ id, actor }: { id: number; actor: number }) {
      await publisherActor(actor);
      const row = await findRow(id);
      const { count } = await strapi.db.query(SCHEDULE).updateMany({ where: { id: row.id, state: 'failed' }, data: { state: 'pending', attempts: 0, nextAttemptAt: null, reasonCode: null, dueAt: row.dueAt } });
      if (count !== 1) refuse('INVALID_STATE', `schedule is ${row.state}`);
      await audit('schedule.retry', row, { actor });
      return findRow(id);
    },

    /**
     * Keeps the document's one pending `expire` row in step with its signed date: created for the
     * date in `expiry.at` of the published version (of the draft while there is none), moved when
     * that date changes, cancelled when it is cleared, the document deleted or already lapsed.
     * Called by the expiry document middleware after every write and publication.
     */
    async syncExpiry({ uid, documentId, locale }: { uid: string; documentId: string; locale?: string | null }) {
      const expiry = expiryOf(uid);
      if (!expiry) return null;
      // The date the reviewers signed: the published version's, else the draft's (a document never
      // published lapses as a draft). Only the few attributes the expiry reads: this runs after
      // every write of the type.
      const model: any = strapi.getModel(uid as any);
      const select = [...new Set([expiry.at, expiry.attribute, ...(expiry.valueFrom ? [expiry.valueFrom] : [])])];
      const where: Record<string, unknown> = { documentId, ...(locale ? { locale } : {}) };
      const published = model.options?.draftAndPublish ? await strapi.db.query(uid).findOne({ where: { ...where, publishedAt: { $notNull: true } }, select }) : null;
      const entity = published ?? (await strapi.db.query(uid).findOne({ where: { ...where, ...(model.options?.draftAndPublish ? { publishedAt: null } : {}) }, select }));
      const value = entity ? (expiry.valueFrom ? entity[expiry.valueFrom] ?? expiry.value : expiry.value) : null;
      const dueAt = entity && entity[expiry.attribute] !== value ? startOfDay(entity[expiry.at], config().timeZone) : null;
      const pending = await strapi.db.query(SCHEDULE).findMany({ where: { targetUid: uid, targetDocumentId: documentId, targetLocale: locale ?? '', action: 'expire', state: 'pending' } });
      const keep = dueAt ? pending.find((r: any) => new Date(r.dueAt).getTime() === dueAt.getTime()) : null;
      for (const row of pending) {
        if (row === keep) continue;
        const { count } = await strapi.db.query(SCHEDULE).updateMany({ where: { id: row.id, state: 'pending' }, data: { state: 'cancelled' } });
        if (count === 1) await audit('schedule.cancel', row, { reason: dueAt ? 'date changed' : 'no date' });
      }
      if (keep || !dueAt) return keep ?? null;
      const draft = await plugin().service('content').loadDraft(uid, documentId, locale ?? null);
      const row = await strapi.db.query(SCHEDULE).create({
        data: {
          targetUid: uid, targetDocumentId: documentId, targetLocale: locale ?? '', action: 'expire', dueAt, state: 'pending', attempts: 0,
          owner: null, department: draft!.departmentKeys[0] ?? null, title: String(draft!.entity[plugin().service('content').titleField(uid) ?? 'title'] ?? documentId).slice(0, 250),
        },
      });
      await audit('schedule.create', row, { at: entity[expiry.at] });
      return row;
    },

    async list({ state, uid, department, documentId, within }: { state?: string; uid?: string; department?: string; documentId?: string; within?: Record<string, unknown> | null } = {}) {
      const where: Record<string, unknown> = within ? { $and: [within] } : {};
      if (state) where.state = state;
      if (uid) where.targetUid = uid;
      if (department) where.department = department;
      if (documentId) where.targetDocumentId = documentId;
      return strapi.db.query(SCHEDULE).findMany({ where, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], limit: 1000 });
    },

    /** One poll tick: claims and fires everything due, in due order. */
    async runDue() {
      const outcome = { claimed: 0, done: [] as number[], failed: [] as number[], retried: [] as number[], lost: [] as number[] };
      for (;;) {
        const batch = await claim(config().batchSize);
        if (!batch.length) return outcome;
        outcome.claimed += batch.length;
        for (const row of batch) {
          const result = await fire(row);
          ({ done: outcome.done, failed: outcome.failed, retry: outcome.retried, lost: outcome.lost })[result].push(row.id);
        }
      }
    },

    start() {
      if (timer) return;
      const tick = async () => {
        if (ticking) return;
        ticking = true;
        try {
          const result = await service.runDue();
          if (result.claimed) strapi.log.info(`[disclosure-workflow] scheduler ${instance}: fired ${result.done.length}, failed ${result.failed.length}, retrying ${result.retried.length}`);
        } catch (error) {
          strapi.log.warn(`[disclosure-workflow] scheduler tick failed, will retry: ${(error as Error).message}`);
        } finally {
          ticking = false;
        }
      };
      // Missed schedules (the servers were down) fire right away, in due order.
      setImmediate(tick);
      timer = setInterval(tick, config().pollIntervalMs);
      strapi.log.info(`[disclosure-workflow] scheduler ${instance} polling every ${config().pollIntervalMs} ms`);
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      while (ticking) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
  return service;
};

class LostLease extends Error {}
