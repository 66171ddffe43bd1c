import { graphqlLimits } from '../src/graphql/limits';

const emailSettings = (env) => ({
  defaultFrom: env('EMAIL_FROM', 'noreply@disclosure.example.gov.cn'),
  defaultReplyTo: env('EMAIL_REPLY_TO', 'noreply@disclosure.example.gov.cn'),
});

export default ({ env }) => ({
  'disclosure-workflow': {
    enabled: true,
    resolve: './src/plugins/disclosure-workflow',
    config: {
      // WORKFLOW_ENABLED=false turns the chain and its publish gate off (benchmark baseline only).
      enabled: env.bool('WORKFLOW_ENABLED', true),
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
