// Document Service middleware: nothing governed becomes public unless its current draft is
// approved and signed off for exactly its content, and every draft edit is checked for voiding.
// Covers publish(), create/update with status 'published' (REST ?status=published, GraphQL
// status: PUBLISHED), Content Manager publish and bulk publish, API tokens and the super admin.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { WorkflowRefusal } from '../domain/refusal';

type Ctx = { uid: string; action: string; params: any };

/** The admin user behind the current request, if any, with its role codes. */
function requestActor(strapi: Core.Strapi) {
  const request: any = strapi.requestContext.get();
  const user = request?.state?.auth?.strategy?.name === 'admin' ? request.state.user : null;
  return {
    id: user?.id ?? null,
    roles: (user?.roles ?? []).map((r: any) => r.code) as string[],
    ip: request?.request?.ip as string | undefined,
    via: request ? `${request.method} ${request.path}` : 'server',
    isRequest: Boolean(request),
  };
}

/**
 * Refusals leave the Document Service as HTTP errors with their own status (403 or 409) and the
 * code in `details`, which Strapi's REST error middleware and GraphQL error formatter both pass on.
 */
export function asStrapiError(error: unknown) {
  if (!(error instanceof WorkflowRefusal)) return error;
  const details = { code: error.code, zh: error.zh, en: error.en, ...(error.extra ?? {}) };
  if (error.status === 400) return new errors.ValidationError(error.message, details);
  return Object.assign(createError(error.status, error.message), { name: 'WorkflowRefusal', details });
}

export function publishGate(strapi: Core.Strapi) {
  const plugin = () => strapi.plugin('disclosure-workflow');
  const workflow = () => plugin().service('workflow');
  const content = () => plugin().service('content');
  const audit = () => plugin().service('audit');

  async function assertAll(uid: string, documentId: string, locales: Array<string | null>) {
    const actor = requestActor(strapi);
    for (const locale of locales) await workflow().assertPublishable({ uid, documentId, locale }, { actor: actor.id, ip: actor.ip, via: actor.via });
  }

  async function record(event: string, uid: string, documentId: string, locales: Array<string | null>) {
    const actor = requestActor(strapi);
    for (const locale of locales) {
      await audit().append({ event, targetUid: uid, targetDocumentId: documentId, targetLocale: locale, actor: actor.id, actorRole: actor.roles[0] ?? null, ip: actor.ip ?? null, data: { via: actor.via } });
    }
  }

  /**
   * Publishes a lead's companions in the lead's transaction, each through this gate (its own check
   * and audit event), with the lead's 发布日期 when the types have one (same moment for the pair).
   */
  async function publishCompanions(uid: string, documentId: string, locales: Array<string | null>, companions: Array<{ uid: string; documentId: string; locale: string | null }>) {
    const leadModel: any = strapi.getModel(uid as any);
    const lead = leadModel.attributes.publishedDate
      ? await strapi.db.query(uid).findOne({ where: { documentId, publishedAt: { $notNull: true }, ...(locales[0] ? { locale: locales[0] } : {}) }, select: ['publishedDate'] })
      : null;
    for (const companion of companions) {
      const model: any = strapi.getModel(companion.uid as any);
      const locale = companion.locale ? { locale: companion.locale } : {};
      if (lead?.publishedDate && model.attributes.publishedDate) {
        await strapi.db.query(companion.uid).updateMany({ where: { documentId: companion.documentId, publishedAt: null, publishedDate: null, ...locale }, data: { publishedDate: lead.publishedDate } });
      }
      await workflow().carrying([companion], () => (strapi.documents(companion.uid as any) as any).publish({ documentId: companion.documentId, ...locale }));
    }
  }

  const handlers: Record<string, (ctx: Ctx, next: () => Promise<any>) => Promise<any>> = {
    async publish(ctx, next) {
      const locales = await content().localesOf(ctx.uid, ctx.params.documentId, ctx.params.locale);
      await assertAll(ctx.uid, ctx.params.documentId, locales);
      // Companions of a lead's approved round go public with it: each must pass the gate itself.
      const actor = requestActor(strapi);
      const companions: Array<{ uid: string; documentId: string; locale: string | null }> = [];
      for (const locale of locales) {
        companions.push(...(await workflow().assertCompanionsPublishable({ uid: ctx.uid, documentId: ctx.params.documentId, locale }, { actor: actor.id, ip: actor.ip, via: actor.via })));
      }
      // The publication and its audit event commit together, or not at all (with the companions').
      return strapi.db.transaction(async () => {
        const result = await next();
        await record('publish', ctx.uid, ctx.params.documentId, locales);
        if (companions.length) await publishCompanions(ctx.uid, ctx.params.documentId, locales, companions);
        return result;
      });
    },

    async create(ctx, next) {
      if (ctx.params.status !== 'published') return next();
      // A new document cannot have been reviewed. It is written first, so invalid input still gets
      // its field-level 400 from the validation, then refused and rolled back: nothing stays.
      return strapi.db.transaction(async () => {
        const created = await next();
        await assertAll(ctx.uid, created.documentId, [content().isLocalized(ctx.uid) ? created.locale : null]);
        return created;
      });
    },

    async update(ctx, next) {
      const actor = requestActor(strapi);
      const run = async () => {
        const updated = await next();
        if (!updated) return updated;
        const target = { uid: ctx.uid, documentId: ctx.params.documentId, locale: content().isLocalized(ctx.uid) ? updated.locale : null };
        // Changed while in review: the checks run again at once, in the background (the save does not wait).
        if (await workflow().voidIfChanged(target, { actor: actor.id, ip: actor.ip })) {
          strapi.plugin('disclosure-workflow').service('inspection').check(target).catch((error: Error) => strapi.log.warn(`[disclosure-workflow] checks after an edit in review failed: ${error.message}`));
        }
        if (ctx.params.status === 'published') await workflow().assertPublishable(target, { actor: actor.id, ip: actor.ip, via: actor.via });
        return updated;
      };
      return ctx.params.status === 'published' ? strapi.db.transaction(run) : run();
    },

    async discardDraft(ctx, next) {
      const result = await next();
      const actor = requestActor(strapi);
      for (const locale of await content().localesOf(ctx.uid, ctx.params.documentId, ctx.params.locale)) {
        await workflow().voidIfChanged({ uid: ctx.uid, documentId: ctx.params.documentId, locale }, { actor: actor.id, ip: actor.ip });
      }
      return result;
    },

    async unpublish(ctx, next) {
      const actor = requestActor(strapi);
      const allowed: string[] = strapi.config.get('plugin::disclosure-workflow.unpublishRoles');
      // Server-side callers (the scheduler) act for the system; people need a publisher role.
      if (actor.isRequest && !actor.roles.some((r) => allowed.includes(r))) {
        await audit().append({ event: 'unpublish.refused', targetUid: ctx.uid, targetDocumentId: ctx.params.documentId, actor: actor.id, ip: actor.ip ?? null, data: { via: actor.via } });
        throw new errors.PolicyError('只有信息发布岗位可以撤销发布 / only publishers may unpublish', { code: 'NOT_ALLOWED', zh: '只有信息发布岗位可以撤销发布', en: 'only publishers may unpublish' });
      }
      const locales = await content().localesOf(ctx.uid, ctx.params.documentId, ctx.params.locale);
      const result = await next();
      await record('unpublish', ctx.uid, ctx.params.documentId, locales);
      return result;
    },
  };

  return async (ctx: Ctx, next: () => Promise<any>) => {
    const handler = handlers[ctx.action];
    if (!handler || !content().governed(ctx.uid)) return next();
    try {
      return await handler(ctx, next);
    } catch (error) {
      throw asStrapiError(error);
    }
  };
}
