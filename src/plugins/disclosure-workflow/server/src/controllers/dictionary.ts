// Admin routes of the 错敏词 dictionary (manage-dictionary): CSV export, and CSV import that adds and
// updates terms in one go (a bad file is a 400 naming each line and column, nothing written).
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { respond } from './workflow';
import { validate } from './validate';

const IMPORT = Joi.object({ csv: Joi.string().min(1).max(5_000_000).required() });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const dictionary = () => strapi.plugin('disclosure-workflow').service('dictionary');
  return {
    import: (ctx: any) =>
      respond(ctx, () => dictionary().import(validate<{ csv: string }>(IMPORT, ctx.request.body).csv, { actor: ctx.state.user.id, ip: ctx.request.ip })),
    async exportCsv(ctx: any) {
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', 'attachment; filename="sensitive-terms.csv"');
      ctx.body = await dictionary().exportCsv();
    },
  };
};
