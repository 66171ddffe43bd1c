// Strapi's plugin extension point (src/extensions/<plugin>/strapi-server): the app adds its
// 依申请公开 case handling to the workflow plugin's admin API, at /disclosure-workflow/requests…,
// and the case actions of a request to GET /disclosure-workflow/permissions; and an annual report
// goes to review only with its entered cells filled. The plugin itself knows nothing of requests
// or reports.
import { ANNUAL_REPORT, REQUEST } from '../../constants';
import requests from './requests';
import notices from './notices';
import timeliness from './timeliness';

const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };

// Who may see or act is decided per case (handler, office) in the case service.
const ROUTES = [
  { method: 'GET', path: '/requests', handler: 'requests.find', config: signedIn },
  { method: 'GET', path: '/requests/assignees', handler: 'requests.assignees', config: signedIn },
  // 告知书 (notices.ts): the posting list, one case's notices, issue one, download one as
  // `<kind>.html` / `<kind>.docx` (or ?format=), record a paper notice posted.
  { method: 'GET', path: '/requests/notices/to-post', handler: 'notices.toPost', config: signedIn },
  { method: 'POST', path: '/requests/notices/:id/posted', handler: 'notices.posted', config: signedIn },
  { method: 'GET', path: '/requests/:documentId/notices', handler: 'notices.find', config: signedIn },
  { method: 'POST', path: '/requests/:documentId/notices/:kind', handler: 'notices.issue', config: signedIn },
  { method: 'GET', path: '/requests/:documentId/notices/:kind', handler: 'notices.download', config: signedIn },
  { method: 'GET', path: '/requests/:documentId', handler: 'requests.findOne', config: signedIn },
  { method: 'POST', path: '/requests/:documentId/actions/:action', handler: 'requests.act', config: signedIn },
  // §26: proactive items published within 20 working days, per department, for one year (timeliness.ts).
  { method: 'GET', path: '/timeliness', handler: 'timeliness.summary', config: signedIn },
];

export default (plugin: any) => {
  plugin.controllers.requests = requests;
  plugin.controllers.notices = notices;
  plugin.controllers.timeliness = timeliness;
  plugin.routes.admin.routes.push(...ROUTES);

  // Wrapping the service (not the route) covers every submit: the admin route and code alike.
  const workflowService = plugin.services.workflow;
  plugin.services.workflow = ({ strapi }: any) => {
    const service = workflowService({ strapi });
    return {
      ...service,
      async submit(input: any) {
        if (input?.uid === ANNUAL_REPORT) await strapi.service(ANNUAL_REPORT).assertReadyForReview(input.documentId);
        return service.submit(input);
      },
    };
  };

  const workflowController = plugin.controllers.workflow;
  plugin.controllers.workflow = ({ strapi }: any) => {
    const controller = workflowController({ strapi });
    return {
      ...controller,
      /** For a request, `caseActions`: the case actions this user may take at its stage. */
      async permissions(ctx: any) {
        await controller.permissions(ctx);
        const result = ctx.body?.data;
        if (result?.uid === REQUEST && ctx.state.user) {
          const scope = strapi.plugin('disclosure-workflow').service('scope');
          const inScope = await scope.reaches(REQUEST, result.documentId, await scope.of(ctx.state.user));
          result.caseActions = inScope ? await strapi.service('api::disclosure-request.case').actionsFor(ctx.state.user.id, result.documentId) : [];
        }
      },
    };
  };
  return plugin;
};
