import type { Core } from '@strapi/strapi';
import config, { checkModels } from './config';
import contentTypes from './content-types';
import routes from './routes';
import audit from './services/audit';
import chains from './services/chains';
import content from './services/content';
import notify from './services/notify';
import workflow from './services/workflow';
import schedule from './services/schedule';
import calendar from './services/calendar';
import permissions from './services/permissions';
import membership from './services/membership';
import scope from './services/scope';
import changes from './services/changes';
import changesController from './controllers/changes';
import membershipController from './controllers/membership';
import dictionaryController from './controllers/dictionary';
import inspectionController from './controllers/inspection';
import dictionary from './services/dictionary';
import inspection from './services/inspection';
import attachments from './services/attachments';
import { FILE } from './constants';
import workflowController from './controllers/workflow';
import chainsController from './controllers/chains';
import auditController from './controllers/audit';
import scheduleController from './controllers/schedule';
import policies from './policies/has-permission';
import { publishGate } from './middlewares/publish-gate';
import { departmentScope } from './middlewares/department-scope';
import { expirySync } from './middlewares/expiry';
import { guardContentManagerRoutes } from './middlewares/content-manager-routes';
import { ensureIndexes } from './indexes';

export default {
  config,
  contentTypes,
  routes,
  policies,
  services: { audit, chains, content, notify, workflow, schedule, calendar, attachments, permissions, membership, scope, dictionary, changes, inspection },
  controllers: { workflow: workflowController, chains: chainsController, audit: auditController, schedule: scheduleController, membership: membershipController, dictionary: dictionaryController, changes: changesController, inspection: inspectionController },

  async register({ strapi }: { strapi: Core.Strapi }) {
    const problems = checkModels(strapi.config.get('plugin::disclosure-workflow'), (uid) => strapi.getModel(uid as any) as any);
    if (problems.length) throw new Error(`disclosure-workflow configuration (config/plugins.ts):\n  - ${problems.join('\n  - ')}`);
    strapi.documents.use(departmentScope(strapi)); // first: out of scope is "not found" before anything else
    strapi.documents.use(publishGate(strapi));
    strapi.documents.use(expirySync(strapi));
    guardContentManagerRoutes(strapi);
    // The SHA-256 of each stored file's bytes, kept with the file (private: not in API output).
    strapi.get('content-types').extend(FILE, (contentType: any) => {
      contentType.attributes.sha256 = { type: 'string', private: true, configurable: false, writable: false };
    });
    strapi.plugin('disclosure-workflow').service('attachments').install();
    strapi.plugin('disclosure-workflow').service('dictionary').watch();
    // Before the admin's bootstrap, which drops stored permissions of actions it does not know.
    await strapi.plugin('disclosure-workflow').service('permissions').register();
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureIndexes(strapi);
    await strapi.plugin('disclosure-workflow').service('workflow').backfillTaskColumns();
    await strapi.plugin('disclosure-workflow').service('changes').carryOverHashes();
    await strapi.plugin('disclosure-workflow').service('attachments').backfill();
    await strapi.plugin('disclosure-workflow').service('chains').ensureDefault();
    await strapi.plugin('disclosure-workflow').service('dictionary').seedStarter();
    await strapi.plugin('disclosure-workflow').service('membership').warnUnassignedUsers();
    if (strapi.config.get('plugin::disclosure-workflow.scheduler.enabled')) strapi.plugin('disclosure-workflow').service('schedule').start();
    if (strapi.config.get('plugin::disclosure-workflow.inspection.linkCheck.enabled')) strapi.plugin('disclosure-workflow').service('inspection').start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('disclosure-workflow').service('schedule').stop();
    strapi.plugin('disclosure-workflow').service('inspection').stop();
  },
};

