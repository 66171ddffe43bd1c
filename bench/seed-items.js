// Bulk-loads N published catalogue items for benchmarks straight into the tables (draft and
// published rows plus relation links), in batches, with progress. The Document Service path is
// exercised by the tests; 20,000 items through it would take most of the benchmark's time.
const crypto = require('crypto');

const GENRES = ['regulation', 'normativeDocument', 'notice', 'announcement', 'report', 'decision', 'opinion', 'plan', 'interpretation', 'other'];

/** `fields(n)`: overrides of item n's columns (e.g. realistic text for the search bench). */
async function seedItems(strapi, total, log = console.log, fields = () => ({})) {
  const knex = strapi.db.connection;
  const have = await strapi.db.query('api::disclosure-item.disclosure-item').count({ where: { publishedAt: { $notNull: true } } });
  if (have >= total) {
    log(`[seed] ${have} published items already present`);
    return have;
  }
  const departments = await knex('departments').select('id', 'code', 'name');
  const categories = await knex('disclosure_categories').select('id');
  const batch = 500;
  const started = Date.now();
  for (let done = have; done < total; done += batch) {
    const size = Math.min(batch, total - done);
    const now = new Date();
    const rows = [];
    const links = [];
    for (let i = 0; i < size; i++) {
      const n = done + i;
      const dept = departments[n % departments.length];
      const year = 2020 + (n % 6);
      const published = new Date(Date.UTC(year, n % 12, 1 + (n % 28), 1, 0, 0));
      const base = {
        document_id: crypto.randomBytes(12).toString('hex').slice(0, 24),
        title: `${dept.name}关于第${n}号事项的通知`,
        index_number: `${dept.code}/${year}-B${String(n).padStart(6, '0')}`,
        document_number: `测〔${year}〕${n}号`,
        formed_at: published.toISOString().slice(0, 10),
        published_date: published,
        genre: GENRES[n % GENRES.length],
        keywords: '基准测试',
        summary: '用于性能基准测试的公开事项内容概述。',
        body: '正文'.repeat(50),
        disclosure: 'proactive',
        classified: false,
        validity: 'valid',
        important: false,
        created_at: now,
        updated_at: now,
        ...fields(n),
      };
      rows.push({ ...base, published_at: null }, { ...base, published_at: now });
      links.push([dept.id, categories[n % categories.length].id], [dept.id, categories[n % categories.length].id]);
    }
    await knex.transaction(async (trx) => {
      const inserted = await trx('disclosure_items').insert(rows).returning('id');
      const ids = inserted.map((r) => (typeof r === 'object' ? r.id : r));
      await trx('disclosure_items_department_lnk').insert(ids.map((id, i) => ({ disclosure_item_id: id, department_id: links[i][0], disclosure_item_ord: 1 })));
      await trx('disclosure_items_category_lnk').insert(ids.map((id, i) => ({ disclosure_item_id: id, disclosure_category_id: links[i][1] })));
    });
    const count = done + size;
    if (count % 5000 < batch || count === total) log(`[seed] items ${count}/${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  // Fresh planner statistics, as autovacuum would give a long-running database.
  await knex.raw(strapi.db.dialect.client === 'sqlite' ? 'ANALYZE' : 'VACUUM ANALYZE');
  return total;
}

module.exports = { seedItems };
