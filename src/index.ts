import type { Core } from '@strapi/strapi';
import { itemRules } from './document-middlewares/item-rules';
import { guideRules } from './document-middlewares/guide-rules';
import { timelinessRecorder } from './document-middlewares/timeliness';
import { requestRules } from './document-middlewares/request-rules';
import { replyRules } from './document-middlewares/reply-rules';
import { noticeTemplateRules } from './document-middlewares/notice-template-rules';
import { filterTypes } from './document-middlewares/filter-types';
import { publicVisibility } from './document-middlewares/public-visibility';
import { annualReportTables } from './document-middlewares/annual-report-tables';
import { registerGraphqlGuards } from './graphql/public-guards';
import { guardContentApiQueries } from './middlewares/query-shape';
import { ensureAdminRoles, grantLaterPermissions } from './bootstrap/admin-roles';
import { narrowAuthorRequestRead } from './bootstrap/request-personal-data';
import { addEmergencyStopField } from './bootstrap/emergency-stop-field';
import { registerHandlerCondition } from './api/disclosure-request/services/personal-data';
import { grantPublicReadOnce } from './bootstrap/public-permissions';
import { applyRegistrationSetting, grantAuthenticatedPublicReadOnce } from './bootstrap/end-users';
import { seedCategories } from './bootstrap/categories';
import { seedDemoData } from './bootstrap/demo-data';
import { ensureDemoStaff } from './bootstrap/demo-staff';
import { ensureCatalogueIndexes } from './bootstrap/indexes';
import { labelAdminFields } from './bootstrap/admin-labels';
import { ensureChineseDefaultLocale } from './bootstrap/locales';
import { registrationFollowsSuperAdmins } from './bootstrap/first-admin';
import { assertValidTemplate } from './domain/index-number';
import { registerRequestActions } from './api/disclosure-request/permissions';
import { seedNoticeTemplates } from './bootstrap/notice-templates';
import { publicCache, startPublicCache } from './middlewares/lib/public-cache-store';
import { portalAutoBuild, startPortalAutoBuild } from './portal/auto-build';

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    assertValidTemplate(strapi.config.get('disclosure.indexNumberTemplate'));
    strapi.documents.use(filterTypes(strapi));
    strapi.documents.use(publicVisibility(strapi));
    // Outside the item rules: records §26 timeliness after everything they write (publishedDate, an emergency stop).
    strapi.documents.use(timelinessRecorder(strapi));
    strapi.documents.use(itemRules(strapi));
    strapi.documents.use(guideRules(strapi));
    strapi.documents.use(annualReportTables(strapi));
    strapi.documents.use(requestRules(strapi));
    strapi.documents.use(replyRules(strapi));
    strapi.documents.use(noticeTemplateRules());
    strapi.documents.use(strapi.service('api::disclosure-request.personal-data').documentMiddleware());
    strapi.service('api::disclosure-item.search-index').subscribe();
    registerGraphqlGuards(strapi);
    guardContentApiQueries(strapi);
    await registerRequestActions(strapi); // before the admin's bootstrap, like the condition below
    await registerHandlerCondition(strapi); // before the admin's bootstrap: an unknown condition would be dropped, granting the permission without it
    strapi.server.use(strapi.service('api::disclosure-request.personal-data').middleware()); // outermost: sees every response
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    startPublicCache(strapi); // first: the writes of the steps below already invalidate
    await ensureCatalogueIndexes(strapi);
    await strapi.service('api::disclosure-item.search-index').ensure();
    await ensureChineseDefaultLocale(strapi);
    await ensureAdminRoles(strapi);
    await narrowAuthorRequestRead(strapi);
    await addEmergencyStopField(strapi);
    await strapi.plugin('disclosure-workflow').service('permissions').grantDefaults();
    await grantPublicReadOnce(strapi);
    await grantAuthenticatedPublicReadOnce(strapi);
    await applyRegistrationSetting(strapi);
    await seedCategories(strapi);
    await seedNoticeTemplates(strapi);
    await grantLaterPermissions(strapi);
    await labelAdminFields(strapi);
    if (strapi.config.get('disclosure.demoData')) await seedDemoData(strapi);
    await ensureDemoStaff(strapi); // decides itself: demo data on, never in production
    await registrationFollowsSuperAdmins(strapi);
    startPortalAutoBuild(strapi); // last: the start-up writes above are not portal changes
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    strapi.service('api::disclosure-item.search-index').stop();
    await publicCache()?.stop();
    portalAutoBuild()?.stop();
  },
};
