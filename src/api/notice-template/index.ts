// No REST routes (no routes folder) and not in the GraphQL schema: the office edits its notice
// templates in the Content Manager.
import type { Core } from '@strapi/strapi';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.plugin('graphql')?.service('extension').shadowCRUD('api::notice-template.notice-template').disable();
  },
};
