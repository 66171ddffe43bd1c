// Append-only, hash-chained audit trail. Appends are serialised (an advisory lock on
// PostgreSQL; SQLite runs one writer at a time) so the chain never forks across instances.
import type { Core } from '@strapi/strapi';
import { AUDIT } from '../constants';
import { GENESIS, rowHash, verifyRows, type AuditFields, type AuditRow } from '../domain/audit-chain';
import { eventLabel } from '../domain/audit-labels';
import { parseInstant } from '../domain/schedule';

const LOCK_KEY = 7_201_905; // any constant shared by all instances
const TABLE = 'dw_audit_events';
const COLUMNS = ['seq', 'at', 'event', 'targetUid', 'targetDocumentId', 'targetLocale', 'round', 'actor', 'actorRole', 'contentHash', 'ip', 'comment', 'data', 'prevHash', 'hash'];

export type AuditInput = Partial<Omit<AuditFields, 'seq' | 'at'>> & { event: string };

/** Filters of the audit page and its export (all optional; `from`/`to` are days in the site's zone or instants). */
export interface AuditFilters {
  uid?: string;
  documentId?: string;
  /** An admin user id, or text matched against the user's name and e-mail. */
  actor?: string | number;
  /** An event code (`publish`) or a family (`decision` → decision.*). */
  event?: string;
  from?: string;
  to?: string;
  /** A further condition on the events, e.g. the reader's department scope (services/scope.ts targetsWhere). */
  within?: Record<string, unknown> | null;
}

export interface AuditView {
  seq: number;
  at: string;
  event: string;
  eventLabel: { zh: string; en: string };
  actor: { id: number; name: string } | null;
  actorRole: string | null;
  targetUid: string | null;
  targetDocumentId: string | null;
  title?: string;
  comment: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const nameOf = (u: any) => [u.lastname, u.firstname].filter(Boolean).join('') || u.email;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = () => {
    const key = process.env.AUDIT_SECRET;
    if (!key) throw new Error('AUDIT_SECRET is not set: run `node scripts/ensure-env.js` or set it for every instance');
    return key;
  };

  return {
    async append(input: AuditInput): Promise<AuditRow> {
      return strapi.db.transaction(async ({ trx }) => {
        if (strapi.db.dialect.client === 'postgres') await strapi.db.connection.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]).transacting(trx);
        const result = await strapi.db.connection.raw(`SELECT seq, hash FROM ${TABLE} ORDER BY seq DESC LIMIT 1`).transacting(trx);
        const last = (Array.isArray(result) ? result : result.rows)[0];
        const fields: AuditFields = {
          seq: Number(last?.seq ?? 0) + 1,
          at: new Date().toISOString(),
          event: input.event,
          targetUid: input.targetUid ?? null,
          targetDocumentId: input.targetDocumentId ?? null,
          targetLocale: input.targetLocale ?? null,
          round: input.round ?? null,
          actor: input.actor ?? null,
          actorRole: input.actorRole ?? null,
          contentHash: input.contentHash ?? null,
          ip: input.ip ?? null,
          comment: input.comment ?? null,
          data: input.data ?? null,
        };
        const prevHash = last?.hash ?? GENESIS;
        const row = { ...fields, prevHash, hash: rowHash(secret(), prevHash, fields) };
        await strapi.db.query(AUDIT).createMany({ data: [row] }); // no read-back: the row is known

        return row;
      });
    },

    /** Re-walks the whole chain in batches. */
    async verify(): Promise<{ ok: boolean; checked: number; brokenAt?: number }> {
      let prev = GENESIS;
      let seq = 1;
      let checked = 0;
      for (let offset = 0; ; offset += 1000) {
        const rows = (await strapi.db.query(AUDIT).findMany({ select: COLUMNS, orderBy: { seq: 'asc' }, offset, limit: 1000 })) as AuditRow[];
        const result = verifyRows(secret(), rows, prev, seq);
        if (!result.ok) return { ok: false, checked: checked + (result.nextSeq - seq), brokenAt: result.brokenAt };
        checked += rows.length;
        prev = result.lastHash;
        seq = result.nextSeq;
        if (rows.length < 1000) return { ok: true, checked };
      }
    },

    /** The stored `where` for the filters; null when nothing can match (an unknown actor name). */
    async where(filters: AuditFilters): Promise<Record<string, unknown> | null> {
      const timeZone = (strapi.config.get('plugin::disclosure-workflow.timeZone') as string) || 'Asia/Shanghai';
      const and: Record<string, unknown>[] = [];
      if (filters.within) and.push(filters.within);
      if (filters.uid) and.push({ targetUid: filters.uid });
      if (filters.documentId) and.push({ targetDocumentId: filters.documentId });
      if (filters.event) and.push({ $or: [{ event: filters.event }, { event: { $startsWith: `${filters.event}.` } }] });
      if (filters.actor !== undefined && filters.actor !== '') {
        const text = String(filters.actor).trim();
        if (/^\d+$/.test(text)) and.push({ actor: Number(text) });
        else {
          // Admin users are few: match the displayed name (姓+名), first name, last name or e-mail.
          const users = await strapi.db.query('admin::user').findMany({ select: ['id', 'firstname', 'lastname', 'email'], limit: 10000 });
          const needle = text.toLowerCase();
          const ids = users.filter((u: any) => [nameOf(u), u.firstname, u.lastname, u.email].some((v) => v && String(v).toLowerCase().includes(needle))).map((u: any) => u.id);
          if (!ids.length) return null;
          and.push({ actor: { $in: ids } });
        }
      }
      const instant = (value: string, endOfDay: boolean) => {
        if (DAY.test(value)) {
          const start = parseInstant(`${value} 00:00`, timeZone);
          return start ? new Date(start.getTime() + (endOfDay ? 86_400_000 : 0)).toISOString() : null;
        }
        return parseInstant(value, timeZone)?.toISOString() ?? null;
      };
      // `at` is stored as an ISO-8601 UTC string, so string order is time order.
      if (filters.from) and.push({ at: { $gte: instant(filters.from, false) } });
      if (filters.to) and.push(DAY.test(filters.to) ? { at: { $lt: instant(filters.to, true) } } : { at: { $lte: instant(filters.to, false) } });
      return and.length ? { $and: and } : {};
    },

    /** Names, roles, labels and document titles for rows as stored. */
    async present(rows: AuditRow[]): Promise<AuditView[]> {
      const actorIds = [...new Set(rows.map((r) => r.actor).filter((id): id is number => typeof id === 'number'))];
      const users = actorIds.length
        ? await strapi.db.query('admin::user').findMany({ where: { id: { $in: actorIds } }, select: ['id', 'firstname', 'lastname', 'email'], populate: { roles: { select: ['code', 'name'] } } })
        : [];
      const byId = new Map(users.map((u: any) => [u.id, u]));
      const roleCodes = [...new Set(rows.map((r) => r.actorRole).filter(Boolean))] as string[];
      const roles = roleCodes.length ? await strapi.db.query('admin::role').findMany({ where: { code: { $in: roleCodes } }, select: ['code', 'name'] }) : [];
      const roleName = new Map(roles.map((r: any) => [r.code, r.name]));
      const titles = new Map<string, string>();
      const content = strapi.plugin('disclosure-workflow').service('content');
      const byUid = new Map<string, Set<string>>();
      for (const r of rows) if (r.targetUid && r.targetDocumentId) (byUid.get(r.targetUid) ?? byUid.set(r.targetUid, new Set()).get(r.targetUid)!).add(r.targetDocumentId);
      for (const [uid, ids] of byUid) {
        const field = content.titleField(uid);
        if (!field) continue;
        const docs = await strapi.db.query(uid).findMany({ where: { documentId: { $in: [...ids] } }, select: ['documentId', field] });
        for (const d of docs) if (d[field] && !titles.has(`${uid}/${d.documentId}`)) titles.set(`${uid}/${d.documentId}`, String(d[field]));
      }
      return rows.map((r) => {
        const user: any = r.actor != null ? byId.get(r.actor) : null;
        const title = titles.get(`${r.targetUid}/${r.targetDocumentId}`);
        return {
          seq: Number(r.seq),
          at: r.at,
          event: r.event,
          eventLabel: eventLabel(r.event, r.data, strapi.config.get('plugin::disclosure-workflow.eventLabels')),
          actor: r.actor != null ? { id: r.actor, name: user ? nameOf(user) : `#${r.actor}` } : null,
          actorRole: (r.actorRole && roleName.get(r.actorRole)) || (user?.roles?.length ? user.roles.map((x: any) => x.name).join('、') : r.actorRole ?? null),
          targetUid: r.targetUid ?? null,
          targetDocumentId: r.targetDocumentId ?? null,
          ...(title !== undefined ? { title } : {}),
          comment: r.comment ?? null,
        };
      });
    },

    /** One page of events, newest first, with the filters applied in the database. */
    async page(filters: AuditFilters & { page?: number; pageSize?: number } = {}) {
      const page = Math.max(1, Math.floor(Number(filters.page) || 1));
      const pageSize = Math.min(200, Math.max(1, Math.floor(Number(filters.pageSize) || 50)));
      const where = await this.where(filters);
      if (!where) return { data: [], meta: { pagination: { page, pageSize, pageCount: 0, total: 0 } } };
      const total = Number(await strapi.db.query(AUDIT).count({ where }));
      const rows = (await strapi.db.query(AUDIT).findMany({ select: COLUMNS, where, orderBy: { seq: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize })) as AuditRow[];
      return { data: await this.present(rows), meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
    },

    /** Every matching event, newest first, in batches (for the CSV export), at most `max`. */
    async *each(filters: AuditFilters, { batch = 1000, max = 50_000 } = {}): AsyncGenerator<AuditView[]> {
      const where = await this.where(filters);
      if (!where) return;
      let lastSeq: number | null = null;
      for (let seen = 0; seen < max; ) {
        const bounded = lastSeq === null ? where : { $and: [where, { seq: { $lt: lastSeq } }] };
        const rows = (await strapi.db.query(AUDIT).findMany({ select: COLUMNS, where: bounded, orderBy: { seq: 'desc' }, limit: Math.min(batch, max - seen) })) as AuditRow[];
        if (!rows.length) return;
        seen += rows.length;
        lastSeq = Number(rows[rows.length - 1].seq);
        yield await this.present(rows);
        if (rows.length < batch) return;
      }
    },

    async list({ uid, documentId, limit = 500 }: { uid?: string; documentId?: string; limit?: number }) {
      const where: Record<string, unknown> = {};
      if (uid) where.targetUid = uid;
      if (documentId) where.targetDocumentId = documentId;
      return strapi.db.query(AUDIT).findMany({ select: COLUMNS, where, orderBy: { seq: 'asc' }, limit: Math.min(limit, 5000) });
    },
  };
};
