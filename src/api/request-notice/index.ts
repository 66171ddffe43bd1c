// No REST routes (no routes folder) and, like requests, not in the GraphQL schema: the admin's
// notice routes (src/extensions/disclosure-workflow/notices.ts) are the only way in.
import type { Core } from '@strapi/strapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('graphql')?.service('extension').shadowCRUD('api::request-notice.request-notice').disable();
  },
};
