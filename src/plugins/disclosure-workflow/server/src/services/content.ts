// Reads a governed document's draft (one locale) with exactly what its content hash needs.
import type { Core } from '@strapi/strapi';
import { contentHash, hashPopulate, type SchemaLookup } from '../domain/content-hash';
import { WorkflowRefusal } from '../domain/refusal';
import { FILE, PLUGIN } from '../constants';
import type { GovernedType, WorkflowConfig } from '../config';

export interface DraftInfo {
  entity: any;
  contentHash: string;
  author: number | null;
  departmentKeys: string[];
  classified: boolean;
  withheld: boolean;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas: SchemaLookup = (uid) => strapi.getModel(uid as any) as any;
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as WorkflowConfig;
  /** The configured meaning of a governed type's attributes. */
  const spec = (uid: string): GovernedType => config().contentTypes[uid] ?? {};

  return {
    governed(uid: string): boolean {
      return Object.prototype.hasOwnProperty.call(config().contentTypes, uid);
    },

    /** The governed content types' uids. */
    governedTypes(): string[] {
      return Object.keys(config().contentTypes);
    },

    assertGoverned(uid: string) {
      if (!this.governed(uid)) throw new WorkflowRefusal('NOT_GOVERNED', uid);
    },

    isLocalized(uid: string): boolean {
      return Boolean((strapi.getModel(uid as any) as any)?.pluginOptions?.i18n?.localized);
    },

    /**
     * The draft row of one locale (or the only row for types without draft & publish). The publish
     * gate needs only the hash (`full: false`); submitting also needs the author and department.
     */
    async loadDraft(uid: string, documentId: string, locale?: string | null, { full = true } = {}): Promise<DraftInfo | null> {
      const model: any = strapi.getModel(uid as any);
      const where: Record<string, unknown> = { documentId };
      if (model.options?.draftAndPublish) where.publishedAt = null;
      if (this.isLocalized(uid) && locale) where.locale = locale;
      const populate: Record<string, unknown> = hashPopulate(uid, schemas);
      if (full) populate.createdBy = { select: ['id'] };
      const { department, classified, withheld } = spec(uid);
      const departmentKeys = config().departments?.keys ?? [];
      if (full && department) populate[department] = { select: departmentKeys.filter((k) => k !== 'documentId').concat('documentId') };
      const entity = await strapi.db.query(uid).findOne({ where, populate });
      if (!entity) return null;
      const unit = department ? entity[department] : null;
      return {
        entity,
        contentHash: contentHash(uid, entity, schemas, config().hashExcludedFields),
        author: entity.createdBy?.id ?? null,
        departmentKeys: unit ? departmentKeys.map((k) => unit[k]).filter(Boolean) : [],
        classified: classified ? entity[classified] === true : false,
        withheld: withheld ? entity[withheld.attribute] === withheld.value : false,
      };
    },

    /** The attribute people know a document by, as configured (a media file by its name), or null. */
    titleField(uid: string): string | null {
      return spec(uid).title ?? (uid === FILE ? 'name' : null);
    },

    /** The draft changes a withhold sign-off makes (the configured withheld value and reason), or null. */
    withholdChanges(uid: string, exemptionReason: string | undefined): Record<string, unknown> | null {
      const withheld = spec(uid).withheld;
      if (!withheld) return null;
      return { [withheld.attribute]: withheld.value, ...(withheld.reasonAttribute ? { [withheld.reasonAttribute]: exemptionReason } : {}) };
    },

    /** The locale a workflow action is about: the default locale when none is given. */
    async resolveLocale(uid: string, locale?: string | null): Promise<string | null> {
      if (!this.isLocalized(uid)) return null;
      return locale || (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    },

    /** Locales a publish call touches: one, several, or every locale of the document. */
    async localesOf(uid: string, documentId: string, requested: unknown): Promise<Array<string | null>> {
      if (!this.isLocalized(uid)) return [null];
      if (typeof requested === 'string' && requested !== '*') return [requested];
      if (Array.isArray(requested)) return requested;
      if (requested === '*') {
        const rows = await strapi.db.query(uid).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
        return rows.map((r: any) => r.locale);
      }
      return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
    },
  };
};
