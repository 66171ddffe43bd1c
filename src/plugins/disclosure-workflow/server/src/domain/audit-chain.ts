// The audit trail is a hash chain: each row's hash covers its own fields and the previous row's
// hash, keyed with a server secret, so a modified, inserted or deleted row breaks the chain.
import { canonicalJson, hmac } from './canonical';

export interface AuditFields {
  seq: number;
  at: string;
  event: string;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
  round: number | null;
  actor: number | null;
  actorRole: string | null;
  contentHash: string | null;
  ip: string | null;
  comment: string | null;
  data: unknown;
}

export interface AuditRow extends AuditFields {
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

export function rowHash(secret: string, prevHash: string, fields: AuditFields): string {
  const { seq, at, event, targetUid, targetDocumentId, targetLocale, round, actor, actorRole, contentHash, ip, comment, data } = fields;
  return hmac(secret, `${prevHash}|${canonicalJson({ seq, at, event, targetUid, targetDocumentId, targetLocale, round, actor, actorRole, contentHash, ip, comment, data })}`);
}

/** Walks rows in order; `expectedPrev` continues a walk across batches. */
export function verifyRows(secret: string, rows: AuditRow[], expectedPrev = GENESIS, expectedSeq = 1): { ok: boolean; brokenAt?: number; lastHash: string; nextSeq: number } {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const row of rows) {
    if (row.seq !== seq || row.prevHash !== prev || rowHash(secret, prev, row) !== row.hash) {
      return { ok: false, brokenAt: row.seq, lastHash: prev, nextSeq: seq };
    }
    prev = row.hash;
    seq += 1;
  }
  return { ok: true, lastHash: prev, nextSeq: seq };
}
