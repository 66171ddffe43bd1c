import { Readable } from 'stream';
import { stringify } from 'csv-stringify';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localDate } from '../../../domain/local-date';
import { parseCatalogueQuery, type CatalogueQuery } from '../../../domain/catalogue-query';
import { CSV_COLUMNS, openDataRow, toCsvRecord } from '../../../domain/catalogue-export';

const catalogue = (strapi: Core.Strapi) => strapi.service('api::disclosure-item.catalogue');

function parse(strapi: Core.Strapi, raw: Record<string, unknown>): CatalogueQuery {
  const { value, problems } = parseCatalogueQuery(raw, strapi.config.get('disclosure.catalogue'));
  if (problems) {
    throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
      errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
    });
  }
  return value!;
}

async function* inSiteTime(batches: AsyncGenerator<any[]>, timeZone: string) {
  for await (const rows of batches) yield rows.map((row) => openDataRow(row, timeZone));
}

async function* jsonArray(batches: AsyncGenerator<any[]>) {
  let first = true;
  yield '[';
  for await (const rows of batches) {
    for (const row of rows) {
      yield (first ? '' : ',\n') + JSON.stringify(row);
      first = false;
    }
  }
  yield ']\n';
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx) {
    ctx.body = await catalogue(strapi).list(parse(strapi, ctx.query));
  },

  async lookup(ctx) {
    const { indexNumber } = parse(strapi, ctx.query);
    if (!indexNumber) {
      throw new errors.ValidationError('缺少索引号 / indexNumber is required', {
        errors: [{ path: ['indexNumber'], message: '缺少索引号 / indexNumber is required', name: 'ValidationError' }],
      });
    }
    const item = await catalogue(strapi).lookup(indexNumber);
    if (!item) return ctx.notFound('未找到该索引号的公开信息 / no public item with this index number');
    ctx.body = { data: item };
  },

  async export(ctx) {
    const { page: _page, pageSize: _size, ...filters } = parse(strapi, ctx.query);
    const format = ctx.path.endsWith('.csv') ? 'csv' : 'json';
    const timeZone = strapi.config.get<string>('disclosure.timeZone');
    const batches = inSiteTime(catalogue(strapi).iterate(filters, { max: strapi.config.get('disclosure.catalogue.exportMaxRows') }), timeZone);
    const stamp = localDate(new Date(), timeZone);
    ctx.set('Content-Disposition', `attachment; filename="catalogue-${stamp}.${format}"`);
    if (format === 'json') {
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = Readable.from(jsonArray(batches));
      return;
    }
    ctx.type = 'text/csv; charset=utf-8';
    // BOM first, so spreadsheet programs read the Chinese text as UTF-8.
    const csv = stringify({ bom: true, header: true, columns: CSV_COLUMNS.map(([header]) => header) });
    ctx.body = csv;
    (async () => {
      for await (const rows of batches) for (const row of rows) if (!csv.write(toCsvRecord(row))) await new Promise((r) => csv.once('drain', r));
      csv.end();
    })().catch((error) => csv.destroy(error));
  },
});
