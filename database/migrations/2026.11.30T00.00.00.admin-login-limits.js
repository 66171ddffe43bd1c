'use strict';

// Admin sign-in failures and account locks (src/middlewares/admin-login-limit.ts), shared by every
// instance: one row per attempt not known to have succeeded, keyed by account (lower-cased e-mail)
// or by client IP, and one row per account that has ever been locked.
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('admin_login_attempts'))) {
      await knex.schema.createTable('admin_login_attempts', (table) => {
        table.increments('id');
        table.string('kind', 8).notNullable(); // 'account' | 'ip'
        table.string('key', 255).notNullable();
        table.bigInteger('at').notNullable();
        table.index(['kind', 'key', 'at']);
        table.index(['at']);
      });
    }
    if (!(await knex.schema.hasTable('admin_login_locks'))) {
      await knex.schema.createTable('admin_login_locks', (table) => {
        table.increments('id');
        table.string('account', 255).notNullable().unique();
        table.bigInteger('locked_at').notNullable().defaultTo(0);
        table.bigInteger('locked_until').notNullable().defaultTo(0);
        table.integer('failures').notNullable().defaultTo(0);
        table.string('ip', 64);
        table.integer('lock_count').notNullable().defaultTo(0);
      });
    }
  },
};
