import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseIndexNumber, renderIndexNumber } from '../../../domain/index-number';
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

  /**
   * An imported 索引号 (kept verbatim) advances its (department, year) sequence past its number, so
   * numbers given later never collide with it. `indexNumber` is read with the configured template
   * (parseIndexNumber); a number of another shape, or another department's code, advances nothing.
   * Returns the sequence's value afterwards, or null when the number did not parse. One atomic
   * upsert (never lowers the sequence); call it inside the transaction that writes the item.
   */
  async advancePast({ department, indexNumber }: { department: { documentId: string; code: string; regionCode?: string | null }; indexNumber: string }): Promise<number | null> {
    const template: string = strapi.config.get('disclosure.indexNumberTemplate');
    const parts = parseIndexNumber(template, indexNumber, { orgCode: department.code, regionCode: department.regionCode ?? undefined });
    if (!parts) return null;
    const query = strapi.db.connection.raw(
      `INSERT INTO ${TABLE} (scope, year, last_value) VALUES (?, ?, ?)
       ON CONFLICT (scope, year) DO UPDATE SET last_value = CASE WHEN ${TABLE}.last_value < excluded.last_value THEN excluded.last_value ELSE ${TABLE}.last_value END
       RETURNING last_value`,
      [department.documentId, parts.year, parts.seq],
    );
    return strapi.db.transaction(async ({ trx }) => {
      const result = await query.transacting(trx);
      const rows = Array.isArray(result) ? result : result.rows;
      return Number(rows[0].last_value);
    });
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
