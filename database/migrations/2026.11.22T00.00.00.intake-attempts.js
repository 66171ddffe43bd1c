'use strict';

// Submissions per client (a keyed hash of the address, not the address) for the public intake's
// rate limit, shared by every instance.
module.exports = {
  async up(knex) {
    if (await knex.schema.hasTable('disclosure_intake_attempts')) return;
    await knex.schema.createTable('disclosure_intake_attempts', (table) => {
      table.increments('id');
      table.string('client', 64).notNullable();
      table.bigInteger('at').notNullable();
      table.index(['client', 'at']);
    });
  },
};
