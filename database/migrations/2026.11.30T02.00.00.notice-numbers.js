'use strict';

// Per-(notice kind, year) counters for the 文号 of issued notices (受理回执, 补正告知书 …).
// Allocation is one atomic upsert on this table, so concurrent issues on several instances never
// share a number.
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('disclosure_notice_numbers')) return;
    await knex.schema.createTable('disclosure_notice_numbers', (table) => {
      table.string('kind', 32).notNullable();
      table.integer('year').notNullable();
      table.integer('last_value').notNullable();
      table.primary(['kind', 'year']);
    });
  },
};
