// The only routes that reach requests from outside: applicants have no account. No core REST
// routes exist for this type, and it is left out of the GraphQL schema (see src/index.ts).
export default {
  routes: [
    { method: 'POST', path: '/disclosure-requests/apply', handler: 'intake.apply', config: { auth: false } },
    { method: 'GET', path: '/disclosure-requests/status/:queryCode', handler: 'intake.status', config: { auth: false } },
  ],
};
