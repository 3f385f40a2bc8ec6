'use strict';
// The schema inspection knex users trigger (hasTable, hasColumn, columnInfo), for introspection_capture.py.
//
//   NODE_PATH=<dir with knex and pg> node knex_introspect.js HOST PORT USER PASSWORD
const [host, port, user, password] = process.argv.slice(2);
const knex = require('knex')({client: 'pg', connection: {host, port: Number(port), user, password, database: 'postgres'}});
(async () => {
  await knex.schema.hasTable('intro_parent');
  await knex.schema.hasTable('no_such_table');
  await knex.schema.hasColumn('intro_parent', 'name');
  await knex('intro_parent').columnInfo();
  await knex('intro_child').columnInfo('parent_id');
  await knex.destroy();
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
