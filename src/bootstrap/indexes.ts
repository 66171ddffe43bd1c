// Indexes for the public catalogue, which Strapi's schema files cannot declare. Strapi's schema
// sync only drops indexes it created itself, so these survive restarts and upgrades.
import type { Core } from '@strapi/strapi';
import { PUBLIC_ITEM_ROWS_SQL } from '../domain/public-item';

export const CATALOGUE_INDEXES = [
  `CREATE INDEX IF NOT EXISTS disclosure_items_catalogue_idx ON disclosure_items (published_date DESC, id DESC) WHERE ${PUBLIC_ITEM_ROWS_SQL}`,
  'CREATE INDEX IF NOT EXISTS disclosure_items_index_number_idx ON disclosure_items (index_number)',
  'CREATE INDEX IF NOT EXISTS disclosure_items_formed_at_idx ON disclosure_items (formed_at)',
  // One request per online submission key, across instances (intake.receive).
  'CREATE UNIQUE INDEX IF NOT EXISTS disclosure_requests_submission_key_idx ON disclosure_requests (submission_key)',
];

/** `CREATE … IF NOT EXISTS`: another instance starting at the same moment may win the race. */
export async function ensureCatalogueIndexes(strapi: Core.Strapi) {
  for (const sql of CATALOGUE_INDEXES) {
    await strapi.db.connection.raw(sql).catch((error: Error) => {
      if (!/already exists|duplicate key/i.test(String(error?.message))) throw error;
    });
  }
}
