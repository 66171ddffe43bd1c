// Constraints Strapi's schema files cannot declare (one row per round, one per audit sequence) and
// the checks' attachment-text cache, a plain table.
import type { Core } from '@strapi/strapi';

const STATEMENTS = [
  'CREATE UNIQUE INDEX IF NOT EXISTS dw_rounds_target_number_uq ON dw_rounds (target_uid, target_document_id, target_locale, number)',
  'CREATE INDEX IF NOT EXISTS dw_rounds_state_updated_idx ON dw_rounds (state, updated_at)',
  'CREATE UNIQUE INDEX IF NOT EXISTS dw_audit_events_seq_uq ON dw_audit_events (seq)',
  'CREATE INDEX IF NOT EXISTS dw_audit_events_target_idx ON dw_audit_events (target_uid, target_document_id)',
  'CREATE INDEX IF NOT EXISTS dw_schedules_due_idx ON dw_schedules (state, due_at)',
  'CREATE UNIQUE INDEX IF NOT EXISTS dw_memberships_user_department_uq ON dw_memberships (user_id, department)',
  'CREATE INDEX IF NOT EXISTS dw_content_snapshots_target_idx ON dw_content_snapshots (target_uid, target_document_id, content_hash)',
  'CREATE INDEX IF NOT EXISTS dw_inspections_target_idx ON dw_inspections (target_uid, target_document_id, target_locale)',
  // An attachment's extracted text and file findings, by the SHA-256 of its bytes (the checks' cache).
  'CREATE TABLE IF NOT EXISTS dw_attachment_texts (sha256 varchar(64) PRIMARY KEY, result text NOT NULL, created_at bigint NOT NULL)',
  // The external-link check's answers, by URL (services/inspection.ts checkLinks).
  'CREATE TABLE IF NOT EXISTS dw_link_checks (url varchar(2000) PRIMARY KEY, ok boolean, result varchar(300), checked_at bigint NOT NULL)',
  // One row per run of a job that must happen once however many instances trigger it.
  'CREATE TABLE IF NOT EXISTS dw_job_claims (claim varchar(200) PRIMARY KEY, created_at bigint NOT NULL)',
];

/** Runs the `CREATE … IF NOT EXISTS` statements; another instance starting at the same moment may win the race. */
export async function ensureIndexes(strapi: Core.Strapi) {
  for (const sql of STATEMENTS) {
    try {
      await strapi.db.connection.raw(sql);
    } catch (error) {
      if (!/already exists|duplicate key/i.test(String((error as Error)?.message))) throw error;
    }
  }
}
