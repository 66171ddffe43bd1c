// Admin routes for department memberships (manage-memberships): list by user or by department,
// add (or change the sub-department flag), remove; the users and units to choose from. Bad input is
// a 400 naming the field.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { MEMBERSHIP } from '../constants';
import { refuse } from '../domain/refusal';
import { respond } from './workflow';
import { idParam, validate } from './validate';

const user = Joi.number().integer().positive();
const department = Joi.string().max(64);
const LIST = Joi.object({ user, department }).xor('user', 'department');
const ADD = Joi.object({ user: user.required(), department: department.required(), includeSubDepartments: Joi.boolean() });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.plugin('disclosure-workflow').service('membership');
  const meta = (ctx: any) => ({ actor: ctx.state.user.id, ip: ctx.request.ip });
  return {
    users: (ctx) => respond(ctx, () => memberships().users()),
    departments: (ctx) => respond(ctx, () => memberships().departments()),
    find: (ctx) => respond(ctx, () => memberships().list(validate(LIST, ctx.query))),
    create: (ctx) => respond(ctx, () => memberships().add(validate(ADD, ctx.request.body), meta(ctx))),
    delete: (ctx) =>
      respond(ctx, async () => {
        const row = await strapi.db.query(MEMBERSHIP).findOne({ where: { id: idParam(ctx.params.id) } });
        if (!row) refuse('NOT_FOUND', `membership ${ctx.params.id}`);
        return memberships().remove({ user: row.userId, department: row.department }, meta(ctx));
      }),
  };
};
