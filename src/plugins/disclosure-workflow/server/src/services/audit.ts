// Append-only, hash-chained audit trail. Appends are serialised (an advisory lock on
// PostgreSQL; SQLite runs one writer at a time) so the chain never forks across instances.
import type { Core } from '@strapi/strapi';
import { AUDIT } from '../constants';
import { GENESIS, rowHash, verifyRows, type AuditFields, type AuditRow } from '../domain/audit-chain';

const LOCK_KEY = 7_201_905; // any constant shared by all instances
const TABLE = 'dw_audit_events';
const COLUMNS = ['seq', 'at', 'event', 'targetUid', 'targetDocumentId', 'targetLocale', 'round', 'actor', 'actorRole', 'contentHash', 'ip', 'comment', 'data', 'prevHash', 'hash'];

export type AuditInput = Partial<Omit<AuditFields, 'seq' | 'at'>> & { event: string };

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

    async list({ uid, documentId, limit = 500 }: { uid?: string; documentId?: string; limit?: number }) {
      const where: Record<string, unknown> = {};
      if (uid) where.targetUid = uid;
      if (documentId) where.targetDocumentId = documentId;
      return strapi.db.query(AUDIT).findMany({ select: COLUMNS, where, orderBy: { seq: 'asc' }, limit: Math.min(limit, 5000) });
    },
  };
};
