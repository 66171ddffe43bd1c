// Strapi decides "has anyone registered?" by counting admin users. The demo county's staff are admin
// users too, so on a fresh demo database Strapi would hide the registration page, refuse
// `POST /admin/register-admin` and greet the console with "Welcome back!". Here the installation
// counts as registered once a super admin exists: the first registration always creates one, and
// demo staff never hold that role.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const SUPER_ADMIN = 'strapi-super-admin';

export const hasRegisteredAdmin = async (strapi: Core.Strapi) =>
  (await strapi.db.query('admin::user').count({ where: { roles: { code: SUPER_ADMIN } } })) > 0;

/** `GET /admin/init`, `POST /admin/register-admin` and the start-up message follow the super-admin rule. */
export async function registrationFollowsSuperAdmins(strapi: Core.Strapi) {
  const users: any = strapi.service('admin::user');
  const exists = users.exists;
  users.exists = (attributes: Record<string, unknown> = {}) =>
    Object.keys(attributes).length ? exists(attributes) : hasRegisteredAdmin(strapi);

  users.createFirstAdmin = async (attributes: Record<string, any>) => {
    const created = await strapi.db.transaction(async ({ trx }) => {
      // Lock the role row, as Strapi does, so two registrations racing on two instances give one admin.
      const role = await strapi.db.queryBuilder('admin::role').select(['id']).where({ code: SUPER_ADMIN }).first().transacting(trx).forUpdate().execute<{ id: number }>();
      if (!role) throw new errors.ApplicationError("Cannot register the first admin because the super admin role doesn't exist.");
      if (await hasRegisteredAdmin(strapi)) throw new errors.ApplicationError('You cannot register a new super admin');
      const password = await strapi.service('admin::auth').hashPassword(attributes.password);
      const data = { username: null, ...attributes, password, registrationToken: null, isActive: true, roles: [role.id] };
      return strapi.db.query('admin::user').create({ data, populate: ['roles'] });
    });
    // What Strapi's own createFirstAdmin announces, once the row is committed.
    strapi.service('admin::metrics').sendDidInviteUser();
    strapi.eventHub.emit('user.create', { user: users.sanitizeUser(created) });
    return created;
  };

  const registered = await hasRegisteredAdmin(strapi);
  const logger: any = strapi.startupLogger;
  const logStartupMessage = logger.logStartupMessage.bind(logger);
  logger.logStartupMessage = () => logStartupMessage({ isInitialized: registered });
  if (!registered) {
    const url = strapi.config.get('admin.absoluteUrl') ?? `http://localhost:${strapi.config.get('server.port')}/admin`;
    strapi.log.info(`[disclosure] no administrator has registered yet: open ${url} to create the first one`);
  }
}
