// Indexes for the public catalogue, which Strapi's schema files cannot declare. Strapi's schema
// sync only drops indexes it created itself, so these survive restarts and upgrades.
import type { Core } from '@strapi/strapi';
import { createIndexes } from '../plugins/disclosure-workflow/server/src/indexes';

const PUBLIC_ROWS = "published_at IS NOT NULL AND disclosure = 'proactive' AND (classified = false OR classified IS NULL)";

export const CATALOGUE_INDEXES = [
  `CREATE INDEX IF NOT EXISTS disclosure_items_catalogue_idx ON disclosure_items (published_date DESC, id DESC) WHERE ${PUBLIC_ROWS}`,
  'CREATE INDEX IF NOT EXISTS disclosure_items_index_number_idx ON disclosure_items (index_number)',
  'CREATE INDEX IF NOT EXISTS disclosure_items_formed_at_idx ON disclosure_items (formed_at)',
];

export const ensureCatalogueIndexes = (strapi: Core.Strapi) => createIndexes(strapi, CATALOGUE_INDEXES);
