// Route policy: the admin user must hold every RBAC action in `config.actions` (as
// admin::hasPermissions checks). A refusal is a 403 with the product's bilingual message
// (details.code / zh / en), never Strapi's bare "Policy Failed". (A PolicyError: Strapi turns any other
// ForbiddenError thrown behind its authorize step into a bare "Forbidden".)
import { errors } from '@strapi/utils';
import { REFUSALS } from '../domain/refusal';

export const hasPermission = (ctx: any, config: { actions: string[] }) => {
  const ability = ctx.state?.userAbility;
  if (ability && (config?.actions ?? []).every((action) => ability.can(action))) return true;
  const [, zh, en] = REFUSALS.NO_PERMISSION;
  throw new errors.PolicyError(`${zh} / ${en}`, { code: 'NO_PERMISSION', zh, en, actions: config?.actions ?? [] });
};

export default { 'has-permission': hasPermission };
