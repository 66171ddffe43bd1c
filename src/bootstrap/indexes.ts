// Indexes for the public catalogue, which Strapi's schema files cannot declare. Strapi's schema
// sync only drops indexes it created itself, so these survive restarts and upgrades.
import type { Core } from '@strapi/strapi';

const PUBLIC_ROWS = "published_at IS NOT NULL AND disclosure = 'proactive' AND (classified = false OR classified IS NULL)";

export const CATALOGUE_INDEXES = [
  `CREATE INDEX IF NOT EXISTS disclosure_items_catalogue_idx ON disclosure_items (published_date DESC, id DESC) WHERE ${PUBLIC_ROWS}`,
  'CREATE INDEX IF NOT EXISTS disclosure_items_index_number_idx ON disclosure_items (index_number)',
  'CREATE INDEX IF NOT EXISTS disclosure_items_formed_at_idx ON disclosure_items (formed_at)',
];

export async function ensureCatalogueIndexes(strapi: Core.Strapi) {
  for (const sql of CATALOGUE_INDEXES) {
    try {
      await strapi.db.connection.raw(sql);
    } catch (error) {
      // Another instance starting at the same moment may have just created it.
      if (!/already exists|duplicate key/i.test(String(error?.message))) throw error;
    }
  }
}
