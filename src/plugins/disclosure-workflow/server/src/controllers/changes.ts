// GET /changes?uid&documentId&locale: the reviewers' diff, for whoever may read the document's
// review status (the same scope as GET /status) and read the document in the Content Manager.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate } from './validate';
import { refuse } from '../domain/refusal';

const QUERY = Joi.object({
  uid: Joi.string().max(200).required(),
  documentId: Joi.string().max(64).required(),
  locale: Joi.string().max(20).allow(null, ''),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('disclosure-workflow');
  return {
    changes: (ctx: any) => respond(ctx, async () => {
      const query = validate(QUERY, ctx.query);
      const target = { uid: query.uid, documentId: query.documentId, locale: query.locale || null };
      plugin().service('content').assertGoverned(target.uid);
      // The diff shows the content itself: the Content Manager's read permission, then the department scope.
      if (ctx.state.userAbility && !ctx.state.userAbility.can('plugin::content-manager.explorer.read', target.uid)) refuse('NO_PERMISSION');
      await plugin().service('scope').assertVisible(ctx.state.user, target);
      return plugin().service('changes').changes(target);
    }),
  };
};
