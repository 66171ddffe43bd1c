import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { renderIndexNumber } from '../../../domain/index-number';
import { CATEGORY, DEPARTMENT } from '../../../constants';

const TABLE = 'disclosure_index_sequences';

type Ref = { id: number } | { documentId: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Next 索引号 for an item of `department` formed in `year`. Must run inside the transaction
   * that creates the item, so a failed create gives its number back.
   */
  async allocate({ department, category, year }: { department: Ref; category?: Ref | null; year: number }) {
    const dept = await strapi.db.query(DEPARTMENT).findOne({ where: department, select: ['documentId', 'code', 'regionCode'] });
    if (!dept) {
      throw new errors.ValidationError('发布机构不存在 / department not found', {
        errors: [{ path: ['department'], message: '发布机构不存在 / department not found', name: 'ValidationError' }],
      });
    }
    const template: string = strapi.config.get('disclosure.indexNumberTemplate');
    const cat = category && template.includes('{categoryCode')
      ? await strapi.db.query(CATEGORY).findOne({ where: category, select: ['code'] })
      : null;
    const seq = await this.nextValue(dept.documentId, year);
    return renderIndexNumber(template, { orgCode: dept.code, regionCode: dept.regionCode, categoryCode: cat?.code, year, seq });
  },

  /** One atomic upsert: correct under concurrency on PostgreSQL and SQLite alike. */
  async nextValue(scope: string, year: number): Promise<number> {
    const run = async (trx?: any) => {
      const query = strapi.db.connection.raw(
        `INSERT INTO ${TABLE} (scope, year, last_value) VALUES (?, ?, 1)
         ON CONFLICT (scope, year) DO UPDATE SET last_value = ${TABLE}.last_value + 1
         RETURNING last_value`,
        [scope, year],
      );
      const result = await (trx ? query.transacting(trx) : query);
      const rows = Array.isArray(result) ? result : result.rows;
      return Number(rows[0].last_value);
    };
    return strapi.db.transaction(({ trx }) => run(trx));
  },
});
