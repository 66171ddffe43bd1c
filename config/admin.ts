export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  serveAdminPanel: env.bool('SERVE_ADMIN', true),
  // Strapi's own login limit (admin::rateLimit: 5 requests per e-mail and IP in 5 minutes, in this
  // process's memory, successes counted too) is replaced by the database-backed one in
  // config/disclosure.ts → adminLogin. ADMIN_RATE_LIMIT_MEMORY=true adds it back on top.
  rateLimit: { enabled: env.bool('ADMIN_RATE_LIMIT_MEMORY', false) },
});
