// Settings of the disclosure catalogue. Read with strapi.config.get('disclosure.<key>').
export default ({ env }) => ({
  // 索引号 template; tokens: {orgCode} {regionCode} {categoryCode} {year} {seq:N}.
  indexNumberTemplate: env('INDEX_NUMBER_TEMPLATE', '{orgCode}/{year}-{seq:5}'),
  timeZone: env('SITE_TIME_ZONE', 'Asia/Shanghai'),
  catalogue: {
    defaultPageSize: 20,
    maxPageSize: 100,
    // Open-data exports stream in batches; this bounds one download.
    exportMaxRows: env.int('CATALOGUE_EXPORT_MAX_ROWS', 50000),
  },
  // Demo county data is loaded into an empty database, except in tests.
  demoData: env.bool('DEMO_DATA', env('NODE_ENV') !== 'test'),
});
