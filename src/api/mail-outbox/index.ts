// 发件箱 / Outbox: mail the `strapi-provider-email-outbox` provider keeps in the database instead of
// sending it, when no SMTP server is configured (SMTP_HOST unset; see config/plugins.ts). It holds
// addresses and request details, so it has no REST routes, no GraphQL types and no Public
// permission: only the admin's Content Manager shows it (read-only except for the super admin).
import type { Core } from '@strapi/strapi';

export const OUTBOX = 'api::mail-outbox.mail-outbox';

const VIEW_DONE = { type: 'app', name: 'disclosure', key: 'mail-outbox-view-applied' } as const;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Like requests, replies and review cases (src/graphql/public-guards.ts): not in the GraphQL schema.
    strapi.plugin('graphql')?.service('extension').shadowCRUD(OUTBOX).disable();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Newest first, listed by subject; applied once so "Configure the view" changes survive restarts.
    if (await strapi.store.get(VIEW_DONE)) return;
    const service = strapi.plugin('content-manager').service('content-types');
    const contentType = service.findContentType(OUTBOX);
    const config = await service.findConfiguration(contentType);
    const settings = { ...config.settings, mainField: 'subject', defaultSortBy: 'sentAt', defaultSortOrder: 'DESC' };
    await service.updateConfiguration(contentType, { settings, metadatas: config.metadatas, layouts: config.layouts });
    await strapi.store.set({ ...VIEW_DONE, value: true });
  },
};
