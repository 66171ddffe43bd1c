import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { idParam } from './validate';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const chains = () => strapi.plugin('disclosure-workflow').service('chains');
  const meta = (ctx: any) => ({ actor: ctx.state.user.id, ip: ctx.request.ip });
  return {
    find: (ctx) => respond(ctx, () => chains().list()),
    create: (ctx) => respond(ctx, () => chains().create(ctx.request.body ?? {}, meta(ctx))),
    update: (ctx) => respond(ctx, () => chains().update(idParam(ctx.params.id), ctx.request.body ?? {}, meta(ctx))),
    delete: (ctx) => respond(ctx, () => chains().remove(idParam(ctx.params.id), meta(ctx))),
  };
};
