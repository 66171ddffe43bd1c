// The 错敏词 dictionary (plugin::disclosure-workflow.sensitive-term): edited one term at a time in
// the Content Manager, or imported and exported as CSV here. Its version — a value in the plugin
// store that every write to the table replaces (database lifecycles: the Content Manager, imports
// and code alike) — keys the inspection cache, so a dictionary change re-checks what is in review.
import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { TERM } from '../constants';
import { dictionaryCsv, parseDictionary, type DictionaryTerm } from '../domain/dictionary-file';
import { STARTER_DICTIONARY } from '../domain/inspection';
import { ChainValidationError } from './chains';

const FIELDS = ['term', 'correction', 'note', 'severity', 'category', 'source'] as const;
const VERSION_KEY = { type: 'plugin', name: 'disclosure-workflow', key: 'dictionary-version' } as const;
const BATCH = 500;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(): Promise<DictionaryTerm[]> {
    return strapi.db.query(TERM).findMany({ select: [...FIELDS], orderBy: { id: 'asc' } });
  },

  /** Changes whenever a term is added, edited or removed: one row read per check. */
  async version(): Promise<string> {
    return String((await strapi.store.get(VERSION_KEY)) ?? 'initial');
  },

  /** Every write to the dictionary table gives it a new version (after commit or not: a spare re-check is harmless). */
  watch() {
    const bump = () => strapi.store.set({ ...VERSION_KEY, value: `${Date.now()}-${randomUUID()}` });
    strapi.db.lifecycles.subscribe({
      models: [TERM],
      afterCreate: bump, afterCreateMany: bump, afterUpdate: bump, afterUpdateMany: bump, afterDelete: bump, afterDeleteMany: bump,
    });
  },

  /**
   * Adds the file's terms and updates those already there (by term), in one transaction; a file
   * with any problem writes nothing and is refused with each problem's line and column.
   */
  async import(text: string, { actor = null, ip }: { actor?: number | null; ip?: string } = {}) {
    const { terms, problems } = parseDictionary(text);
    // A field-level 400: each problem named by its line and column (the first 100).
    if (problems.length) throw new ChainValidationError(problems.slice(0, 100).map((p) => ({ path: [`line ${p.line}`, p.column].filter(Boolean).join('.'), message: p.message })));
    const result = await strapi.db.transaction(async () => {
      const existing = new Map<string, any>((await strapi.db.query(TERM).findMany({ select: ['id', ...FIELDS] })).map((t: any) => [t.term, t]));
      const added = terms.filter((t) => !existing.has(t.term));
      const changed = terms.filter((t) => existing.has(t.term) && FIELDS.some((f) => (existing.get(t.term)[f] ?? null) !== t[f]));
      for (let i = 0; i < added.length; i += BATCH) await strapi.db.query(TERM).createMany({ data: added.slice(i, i + BATCH) });
      for (const t of changed) await strapi.db.query(TERM).update({ where: { id: existing.get(t.term).id }, data: t });
      await strapi.plugin('disclosure-workflow').service('audit').append({ event: 'dictionary.import', actor, ip, data: { added: added.length, updated: changed.length, total: terms.length } });
      return { added: added.length, updated: changed.length, unchanged: terms.length - added.length - changed.length };
    });
    strapi.log.info(`[disclosure-workflow] dictionary import: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`);
    return result;
  },

  /** The starter dictionary (each entry with its source), once per installation: the office's later deletions stand. */
  async seedStarter() {
    const store = { type: 'plugin', name: 'disclosure-workflow', key: 'starter-dictionary-seeded' } as const;
    if (await strapi.store.get(store)) return;
    const have = new Set((await strapi.db.query(TERM).findMany({ select: ['term'] })).map((t: any) => t.term));
    const missing = STARTER_DICTIONARY.filter((t) => !have.has(t.term)).map((t) => Object.fromEntries(FIELDS.map((f) => [f, (t as any)[f] ?? null])));
    if (missing.length) await strapi.db.query(TERM).createMany({ data: missing });
    await strapi.store.set({ ...store, value: true });
    if (missing.length) strapi.log.info(`[disclosure-workflow] starter 错敏词 dictionary: ${missing.length} terms added`);
  },

  async exportCsv(): Promise<string> {
    return dictionaryCsv(await this.list());
  },
});
