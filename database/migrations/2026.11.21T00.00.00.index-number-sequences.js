'use strict';

// Per-(department, year) counters for 索引号. Allocation is one atomic upsert on this table,
// so concurrent creates on several instances never share a number.
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('disclosure_index_sequences')) return;
    await knex.schema.createTable('disclosure_index_sequences', (table) => {
      table.string('scope', 64).notNullable();
      table.integer('year').notNullable();
      table.integer('last_value').notNullable();
      table.primary(['scope', 'year']);
    });
  },
};
