import { graphqlLimits } from '../src/graphql/limits';
import { EXEMPTION_REASONS } from '../src/domain/disclosure-rules';
import { EXEMPTION_REASON_LABELS } from '../src/domain/code-labels';
import { REQUEST_ACTIONS } from '../src/api/disclosure-request/permissions';
import { REQUEST_EVENT_LABELS } from '../src/domain/request-event-labels';
import { ADMIN_ROLES } from '../src/bootstrap/admin-roles';
import { ITEM, REQUEST, REVIEW_CASE } from '../src/constants';
import { itemMetadata } from '../src/domain/item-metadata';

const emailSettings = (env) => ({
  defaultFrom: env('EMAIL_FROM', 'noreply@disclosure.example.gov.cn'),
  defaultReplyTo: env('EMAIL_REPLY_TO', 'noreply@disclosure.example.gov.cn'),
});

export default ({ env }) => ({
  // The approval chain, 保密审查, publish gate, schedules and audit trail (src/plugins/disclosure-workflow,
  // its README lists every setting). What it governs and what the attributes mean is declared here.
  'disclosure-workflow': {
    enabled: true,
    resolve: './src/plugins/disclosure-workflow',
    config: {
      contentTypes: {
        'api::disclosure-item.disclosure-item': {
          title: 'title',
          department: 'department',
          classified: 'classified',
          withheld: { attribute: 'disclosure', value: 'withheld', reasonAttribute: 'exemptionReason' },
          inspect: { text: ['title', 'summary', 'keywords'], body: ['body'], attachments: ['attachments'], metadata: itemMetadata },
          // 废止/失效 on repealAt, as repealAs says, through the scheduler; no new round.
          expiry: { at: 'repealAt', attribute: 'validity', valueFrom: 'repealAs', changedAt: 'validityChangedAt' },
          // A policy and its 解读 reviewed and published together (submit/schedule `withCompanions`).
          companions: 'interpretations',
        },
        'api::handling-procedure.handling-procedure': {
          title: 'name',
          department: 'department',
          // `contact` is the office's published contact: not checked for phone numbers.
          inspect: { text: ['name', 'fees', 'feeBasis', 'channels'], body: ['legalBasis', 'conditions'], attachments: ['applicationForm'] },
        },
        // 公开指南 (条例§12): the office's contacts (address, phone, fax, e-mail, website) are published on
        // purpose and not checked for personal data; the three texts are.
        'api::disclosure-guide.disclosure-guide': {
          title: 'title',
          department: 'department',
          inspect: { text: ['title', 'officeName'], body: ['catalogueArrangement', 'howToObtain', 'howToApply'] },
        },
        'api::request-reply.request-reply': { title: 'title', department: 'department' },
        'api::annual-report.annual-report': { title: 'title', department: 'department' },
      },
      departments: {
        uid: 'api::department.department',
        name: 'name',
        keys: ['documentId', 'code'],
        parent: 'parent',
        // 集约化: users of these roles see and change only their departments' documents (issue 12).
        scopedRoles: Object.keys(ADMIN_ROLES),
        owned: { [REQUEST]: 'department', [REVIEW_CASE]: 'department' },
      },
      inspection: {
        siteHosts: [new URL(env('PUBLIC_URL', 'http://localhost:1337')).hostname],
        notifyRoles: ['gov-office'],
        // Links in a body to these paths name a document that must be public.
        linkPatterns: [
          { uid: ITEM, pattern: '/api/disclosure-items/(?<documentId>[a-z0-9]{10,})' },
          { uid: ITEM, pattern: `/admin/content-manager/collection-types/${ITEM}/(?<documentId>[a-z0-9]{10,})` },
        ],
      },
      exemptionReasons: EXEMPTION_REASONS.map((code) => ({ code, ...EXEMPTION_REASON_LABELS[code] })),
      eventLabels: REQUEST_EVENT_LABELS,
      defaultGrants: {
        'gov-author': ['submit', REQUEST_ACTIONS.handle],
        'gov-section-head': ['review'],
        'gov-leader': ['review'],
        'gov-principal': ['review'],
        'gov-secrecy-reviewer': ['sign-off'],
        'gov-office': ['submit', 'review', 'manage-chains', 'read-audit', 'manage-memberships', 'manage-dictionary', REQUEST_ACTIONS.read, REQUEST_ACTIONS.handle, REQUEST_ACTIONS.manage],
        'gov-publisher': ['publish', 'read-audit'],
        'gov-supervisor': ['read-audit', REQUEST_ACTIONS.read],
      },
      // Set by the system at (and after) publication, never by the authors: not part of what was signed.
      hashExcludedFields: ['publishedDate', 'timelinessDays', 'timelinessMet'],
      unpublishRoles: ['gov-publisher', 'gov-office', 'gov-principal', 'strapi-super-admin'],
      noReviewerRoles: ['gov-office'],
      // Attachments: the types allowed, each checked by its content, not its name. HTML, SVG, XML and
      // JavaScript are never allowed. UPLOAD_ALLOWED_TYPES=pdf,ofd,docx narrows the list.
      uploads: {
        allowedTypes: env.array('UPLOAD_ALLOWED_TYPES', [
          'pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'dps', 'csv', 'txt', 'zip',
          'png', 'jpg', 'gif', 'webp', 'bmp', 'tif',
        ]),
      },
    },
  },
  // SMTP_HOST set: mail goes out through that server (nodemailer). Unset: nothing is sent, each message
  // is kept in the 发件箱 / Outbox (api::mail-outbox.mail-outbox, admin Content Manager) instead.
  email: {
    config: env('SMTP_HOST')
      ? {
          provider: 'nodemailer',
          providerOptions: {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 25),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: !env.bool('SMTP_SECURE', false),
            ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
          },
          settings: emailSettings(env),
        }
      : { provider: 'strapi-provider-email-outbox', providerOptions: {}, settings: emailSettings(env) },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      landingPage: env('NODE_ENV') === 'development',
      // Bounded queries only: portals cannot ask for arbitrarily deep or large result sets.
      depthLimit: 7,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      // Aliases, cost, tokens and fragment cycles: a 400 before execution (src/graphql/limits.ts).
      // CORS is left to the global strapi::cors policy (config/middlewares.ts): the plugin's own
      // default would answer `*` next to the global middleware's credentials header.
      apolloServer: {
        introspection: true,
        cors: false,
        ...graphqlLimits({
          maxAliases: env.int('GRAPHQL_MAX_ALIASES', 20),
          maxCost: env.int('GRAPHQL_MAX_COST', 1000),
          maxTokens: env.int('GRAPHQL_MAX_TOKENS', 2000),
          maxDirectives: 50,
        }),
      },
    },
  },
});
