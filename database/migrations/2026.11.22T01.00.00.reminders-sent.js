'use strict';

// One row per reminder sent (a unique key per recipient, subject and day), so that every instance
// may run the daily job and each reminder still goes out once.
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('disclosure_reminders_sent')) return;
    await knex.schema.createTable('disclosure_reminders_sent', (table) => {
      table.string('key', 200).primary();
      table.bigInteger('at').notNullable();
    });
  },
};
