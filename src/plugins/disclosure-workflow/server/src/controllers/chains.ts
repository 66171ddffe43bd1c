import type { Core } from '@strapi/strapi';
import { respond } from './workflow';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const chains = () => strapi.plugin('disclosure-workflow').service('chains');
  const meta = (ctx: any) => ({ actor: ctx.state.user.id, ip: ctx.request.ip });
  return {
    find: (ctx) => respond(ctx, () => chains().list()),
    create: (ctx) => respond(ctx, () => chains().create(ctx.request.body ?? {}, meta(ctx))),
    update: (ctx) => respond(ctx, () => chains().update(Number(ctx.params.id), ctx.request.body ?? {}, meta(ctx))),
    delete: (ctx) => respond(ctx, () => chains().remove(Number(ctx.params.id), meta(ctx))),
  };
};
