// Reads a governed document's draft (one locale) with exactly what its content hash needs.
import type { Core } from '@strapi/strapi';
import { contentHash, hashPopulate, type SchemaLookup } from '../domain/content-hash';
import { PLUGIN } from '../constants';
import { WorkflowRefusal } from '../domain/refusal';

export interface DraftInfo {
  entity: any;
  contentHash: string;
  author: number | null;
  departmentKeys: string[];
  classified: boolean;
  withheld: boolean;
}

/** Attributes tried, in order, as a document's title (requests are known by their query code). */
// A request's query code is the applicant's key, not a title: it is never shown as one.
const TITLE_FIELDS = ['title', 'name', 'subject'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const schemas: SchemaLookup = (uid) => strapi.getModel(uid as any) as any;
  const config = () => strapi.config.get(`plugin::${PLUGIN}`) as any;

  return {
    governed(uid: string): boolean {
      return config().enabled !== false && config().contentTypes.includes(uid);
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
      if (full && model.attributes.department?.type === 'relation') populate.department = { select: ['documentId', 'code'] };
      const entity = await strapi.db.query(uid).findOne({ where, populate });
      if (!entity) return null;
      return {
        entity,
        contentHash: contentHash(uid, entity, schemas, config().hashExcludedFields),
        author: entity.createdBy?.id ?? null,
        departmentKeys: entity.department ? [entity.department.documentId, entity.department.code].filter(Boolean) : [],
        classified: entity.classified === true,
        withheld: entity.disclosure === 'withheld',
      };
    },

    /** The attribute people know a document by (title, name, …), or null. */
    titleField(uid: string): string | null {
      const model: any = strapi.getModel(uid as any);
      if (!model) return null;
      const mainField = TITLE_FIELDS.find((f) => ['string', 'text'].includes(model.attributes?.[f]?.type));
      return mainField ?? null;
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
