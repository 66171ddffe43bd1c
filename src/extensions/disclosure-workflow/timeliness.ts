// §26 timeliness summed per department for one year (GET /disclosure-workflow/timeliness?year=),
// for the disclosure office, the supervisor and the super admin; a scoped office sees the units its
// memberships cover (集约化), like the other office pages.
import Joi from 'joi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ITEM } from '../../constants';
import { localDate } from '../../domain/local-date';
import { summariseTimeliness } from '../../domain/timeliness';

/** Who may read the summary. */
export const TIMELINESS_ROLES = ['gov-office', 'gov-supervisor', 'strapi-super-admin'];
const OFFICE_ONLY = { zh: '只有信息公开工作机构、监察或超级管理员可以查看公开时效统计', en: 'only the disclosure office, the supervisor or a super admin may read the timeliness summary' };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const timeZone = () => strapi.config.get<string>('disclosure.timeZone', 'Asia/Shanghai');
  const scope = () => strapi.plugin('disclosure-workflow').service('scope');

  return {
    async summary(ctx: any) {
      const codes: string[] = (ctx.state.user?.roles ?? []).map((r: any) => r.code);
      if (!codes.some((code) => TIMELINESS_ROLES.includes(code))) {
        throw new errors.PolicyError(`${OFFICE_ONLY.zh} / ${OFFICE_ONLY.en}`, { code: 'OFFICE_ONLY', ...OFFICE_ONLY });
      }
      const thisYear = Number(localDate(new Date(), timeZone()).slice(0, 4));
      const { value, error } = Joi.object({ year: Joi.number().integer().min(1990).max(2100).default(thisYear) }).validate(ctx.query ?? {}, { stripUnknown: true });
      if (error) throw new errors.ValidationError(error.message, { errors: error.details.map((d) => ({ path: d.path.map(String), message: d.message })) });
      const year: number = value.year;
      const within = scope().where(ITEM, await scope().of(ctx.state.user));
      // A day either side of the year in UTC, then the year in the site's time zone (summariseTimeliness).
      // The published version counts; a document no longer published counts by its draft.
      const query = (published: boolean) =>
        strapi.db.query(ITEM).findMany({
          where: {
            $and: [
              { publishedAt: published ? { $notNull: true } : null, disclosure: 'proactive', timelinessDays: { $notNull: true } },
              { publishedDate: { $gte: new Date(Date.UTC(year - 1, 11, 31)), $lt: new Date(Date.UTC(year + 1, 0, 2)) } },
              ...(within ? [within] : []),
            ],
          },
          select: ['documentId', 'publishedDate', 'timelinessDays', 'timelinessMet'],
          populate: { department: { select: ['documentId', 'name'] } },
        });
      const live = await query(true);
      const seen = new Set(live.map((r: any) => r.documentId));
      const rows = [...live, ...(await query(false)).filter((r: any) => !seen.has(r.documentId))];
      ctx.body = { data: summariseTimeliness(rows, year, timeZone()) };
    },
  };
};
