// 发件箱 / Outbox: mail the `strapi-provider-email-outbox` provider keeps in the database instead of
// sending it, when no SMTP server is configured (SMTP_HOST unset; see config/plugins.ts). It holds
// addresses and request details, so it has no REST routes, no GraphQL types and no Public
// permission: only the admin's Content Manager shows it (read-only except for the super admin).
import type { Core } from '@strapi/strapi';
import { OUTBOX } from '../../constants';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Like requests, replies and review cases (src/graphql/public-guards.ts): not in the GraphQL schema.
    strapi.plugin('graphql')?.service('extension').shadowCRUD(OUTBOX).disable();
  },
};
