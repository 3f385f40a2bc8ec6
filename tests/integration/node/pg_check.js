'use strict';
// Real-driver checks with node-postgres (`pg` from <repo>/deps/node, installed by
// scripts/setup.sh), run by tests/integration/test_node_pg.py against Duckgres and against the
// reference PostgreSQL 15.
//
//   TZ=UTC node pg_check.js HOST PORT USER PASSWORD SCENARIO [SCENARIO...]
//
// Prints one JSON line per scenario: {"scenario": name, "result": ...} or, when the scenario
// threw, {"scenario": name, "error": {...}}. The Python side compares the results of both servers.
// Exit code 1 when any scenario threw.

const path = require('path');

function loadPg() {
  const candidates = [];
  if (process.env.DUCKGRES_NODE_MODULES) candidates.push(process.env.DUCKGRES_NODE_MODULES);
  candidates.push(path.resolve(__dirname, '..', '..', '..', 'deps', 'node', 'node_modules'));
  for (const dir of candidates) {
    try {
      return require(path.join(dir, 'pg'));
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  return require('pg'); // NODE_PATH
}

const pg = loadPg();
const [host, portText, user, password, ...scenarios] = process.argv.slice(2);
const config = {
  host,
  port: Number(portText),
  user,
  password,
  database: 'postgres',
  ssl: false,
  connectionTimeoutMillis: 10000,
  query_timeout: 60000,
  application_name: 'duckgres-node-check',
};

async function withClient(fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// JSON-friendly view of a result: field names and type OIDs, rows with JS types made explicit.
function describeValue(v) {
  if (v === null || v === undefined) return v === null ? null : '<undefined>';
  if (v instanceof Date) return { Date: isNaN(v.getTime()) ? 'Invalid' : v.toISOString() };
  if (Buffer.isBuffer(v)) return { Buffer: v.toString('hex') };
  if (Array.isArray(v)) return v.map(describeValue);
  if (typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = describeValue(v[k]);
    return { object: out };
  }
  return { [typeof v]: v };
}

function describeResult(res) {
  return {
    command: res.command,
    rowCount: res.rowCount,
    fields: res.fields.map((f) => [f.name, f.dataTypeID]),
    rows: res.rows.map((row) =>
      Array.isArray(row) ? row.map(describeValue) : Object.fromEntries(Object.entries(row).map(([k, v]) => [k, describeValue(v)]))),
  };
}

async function errorCode(promise) {
  try {
    await promise;
    return 'ok';
  } catch (e) {
    return e.code || `no code: ${e.message}`;
  }
}

const SCENARIOS = {
  // $1, $2 parameters of several types, sent as text with unspecified types (node-postgres
  // never declares parameter types), and results parsed into JS values.
  async params() {
    return withClient(async (c) => {
      const out = [];
      // Each query's outcome is recorded, an error included, so one failure does not hide the others.
      const q = async (text, values) => {
        try {
          out.push({ text, result: describeResult(await c.query(text, values)) });
        } catch (e) {
          out.push({ text, values, error: e.code ? `sqlstate ${e.code}` : `client error: ${e.message}` });
        }
      };
      await q('SELECT $1::int AS i, $2::bigint AS b, $3::numeric(10,2) AS n, $4::text AS t, $5::boolean AS bo',
        [42, '9000000000', '12345.67', 'héllo \'wörld\'', true]);
      await q('SELECT $1::date AS d, $2::timestamp AS ts, $3::timestamptz AS tstz, $4::float8 AS f, $5::int AS nul',
        ['2024-02-29', '2024-01-02 03:04:05.123456', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), 1.5, null]);
      await q('SELECT $1::int + $2::int AS sum, $1::int * $2::int AS product, $3::text || $4::text AS joined',
        [6, 7, 'ab', 'cd']);
      await q('SELECT $1::bytea AS raw, $2::int[] AS arr, $3::text[] AS texts', [Buffer.from([0, 1, 2, 255]), [1, 2, 3], ['a', 'b c', null]]);
      await q('SELECT $1::json AS doc', [{ a: 1, b: [true, null, 'x'] }]);
      // Untyped parameters: PostgreSQL resolves a parameter used only in the select list as text.
      await q('SELECT $1 AS untyped, $2::int AS typed', ['x', 5]);
      await q('SELECT $1 AS untyped', ['only']);
      await q("SELECT coalesce($1, 'default') AS c, $2::int AS n", [null, 3]);
      await c.query('DROP TABLE IF EXISTS node_params');
      await c.query('CREATE TABLE node_params (id integer, name text, amount numeric(10,2), happened timestamp, ok boolean)');
      for (let i = 1; i <= 5; i++) {
        await c.query('INSERT INTO node_params (id, name, amount, happened, ok) VALUES ($1, $2, $3, $4, $5)',
          [i, `row ${i}`, (i * 10.25).toFixed(2), `2024-05-0${i} 12:00:00`, i % 2 === 0]);
      }
      await q('SELECT id, name, amount, happened, ok FROM node_params WHERE id > $1 AND name <> $2 ORDER BY id', [1, 'row 3']);
      // node-postgres declares no parameter types: `amount + $1` is typed from the value.
      await q('UPDATE node_params SET amount = amount + $1 WHERE ok = $2', ['1.50', true]);
      await q('SELECT id, amount FROM node_params WHERE amount BETWEEN $1 AND $2 ORDER BY id', [10, 45]);
      await q({ text: 'SELECT id, name FROM node_params WHERE id <= $1 ORDER BY id', values: [2], rowMode: 'array' });
      await q('DELETE FROM node_params WHERE id = ANY($1::int[])', [[1, 2]]);
      await c.query('DROP TABLE node_params');
      return out;
    });
  },

  // Named prepared queries: node-postgres sends Parse once per connection and name, then only
  // Bind/Execute for each reuse.
  async prepared() {
    return withClient(async (c) => {
      await c.query('DROP TABLE IF EXISTS node_prep');
      await c.query('CREATE TABLE node_prep (id integer PRIMARY KEY, label text, score double precision)');
      const counts = [];
      for (let i = 1; i <= 20; i++) {
        const r = await c.query({
          name: 'node-insert', text: 'INSERT INTO node_prep (id, label, score) VALUES ($1, $2, $3)', values: [i, `label-${i}`, i / 4],
        });
        counts.push(r.rowCount);
      }
      const lookups = [];
      for (const id of [3, 7, 20, 21, 3]) {
        const r = await c.query({ name: 'node-lookup', text: 'SELECT id, label, score FROM node_prep WHERE id = $1', values: [id] });
        lookups.push(describeResult(r));
      }
      const ranges = [];
      for (const [lo, hi] of [[1, 5], [10, 12], [19, 40]]) {
        const r = await c.query({
          name: 'node-range', text: 'SELECT count(*) AS n, min(label) AS first, max(score) AS top FROM node_prep WHERE id BETWEEN $1 AND $2', values: [lo, hi],
        });
        ranges.push(describeResult(r));
      }
      // Interleaving the named statements, and an error on one of them does not lose the others.
      const dup = await errorCode(c.query({ name: 'node-insert', text: 'INSERT INTO node_prep (id, label, score) VALUES ($1, $2, $3)', values: [1, 'dup', 0] }));
      const after = await c.query({ name: 'node-lookup', text: 'SELECT id, label, score FROM node_prep WHERE id = $1', values: [1] });
      await c.query('DROP TABLE node_prep');
      return { counts, lookups, ranges, dup, after: describeResult(after) };
    });
  },

  // A Pool of 8 connections serving 200 concurrent queries, reads and writes.
  async pool() {
    const pool = new pg.Pool({ ...config, max: 8, idleTimeoutMillis: 1000 });
    try {
      await pool.query('DROP TABLE IF EXISTS node_pool');
      await pool.query('CREATE TABLE node_pool (id integer PRIMARY KEY, tag text, doubled integer)');
      let maxTotal = 0;
      const jobs = [];
      for (let i = 0; i < 200; i++) {
        jobs.push((async () => {
          const r = i % 2 === 0
            ? await pool.query('SELECT $1::int * 2 AS doubled, $2::text AS tag', [i, `t${i}`])
            : await pool.query('INSERT INTO node_pool (id, tag, doubled) VALUES ($1, $2, $1::int * 2) RETURNING doubled, tag', [i, `t${i}`]);
          maxTotal = Math.max(maxTotal, pool.totalCount);
          const row = r.rows[0];
          return row && row.doubled === i * 2 && row.tag === `t${i}`;
        })());
      }
      const results = await Promise.all(jobs);
      const wrong = results.map((ok, i) => (ok ? null : i)).filter((x) => x !== null);
      const summary = await pool.query('SELECT count(*) AS n, sum(doubled)::bigint AS total, min(id) AS lo, max(id) AS hi FROM node_pool');
      // Transactions on pooled clients, concurrently.
      const txJobs = [];
      for (let k = 0; k < 16; k++) {
        txJobs.push((async () => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('UPDATE node_pool SET tag = $1 WHERE id = $2', [`tx${k}`, 2 * k + 1]);
            await client.query(k % 4 === 0 ? 'ROLLBACK' : 'COMMIT');
          } finally {
            client.release();
          }
        })());
      }
      await Promise.all(txJobs);
      const tags = await pool.query("SELECT count(*) AS n FROM node_pool WHERE tag LIKE 'tx%'");
      await pool.query('DROP TABLE node_pool');
      return {
        wrong, poolAtMost8: maxTotal <= 8, usedSeveral: maxTotal > 1,
        summary: describeResult(summary), committedTags: describeResult(tags),
      };
    } finally {
      await pool.end();
    }
  },

  // BEGIN / COMMIT / ROLLBACK, visibility from a second connection, an aborted transaction.
  async transactions() {
    return withClient((a) => withClient(async (b) => {
      const count = async (c) => Number((await c.query('SELECT count(*) AS n FROM node_tx')).rows[0].n);
      const steps = [];
      await a.query('DROP TABLE IF EXISTS node_tx');
      await a.query('CREATE TABLE node_tx (id integer PRIMARY KEY, v text)');
      steps.push(['begin', (await a.query('BEGIN')).command]);
      await a.query('INSERT INTO node_tx VALUES ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
      steps.push(['inside: a, b', await count(a), await count(b)]);
      steps.push(['commit', (await a.query('COMMIT')).command]);
      steps.push(['after commit: a, b', await count(a), await count(b)]);
      await a.query('BEGIN');
      await a.query('INSERT INTO node_tx VALUES ($1, $2), ($3, $4)', [3, 'three', 5, 'five']);
      await a.query('DELETE FROM node_tx WHERE id = $1', [1]);
      steps.push(['before rollback: a, b', await count(a), await count(b)]);
      steps.push(['rollback', (await a.query('ROLLBACK')).command]);
      steps.push(['after rollback: a, b', await count(a), await count(b)]);
      await a.query('BEGIN');
      await a.query('INSERT INTO node_tx VALUES ($1, $2)', [4, 'four']);
      steps.push(['error in tx', await errorCode(a.query('INSERT INTO node_tx VALUES ($1, $2)', [2, 'dup']))]);
      steps.push(['next in tx', await errorCode(a.query('SELECT 1'))]);
      steps.push(['next in tx (params)', await errorCode(a.query('SELECT $1::int', [1]))]);
      steps.push(['commit of aborted tx', (await a.query('COMMIT')).command]);
      steps.push(['after aborted tx: a, b', await count(a), await count(b)]);
      await a.query('BEGIN');
      await a.query('SELECT * FROM node_no_such_table').catch(() => {});
      steps.push(['rollback after error', (await a.query('ROLLBACK')).command]);
      steps.push(['usable after rollback', (await a.query('SELECT $1::text AS v', ['yes'])).rows[0].v]);
      const rows = await b.query('SELECT id, v FROM node_tx ORDER BY id');
      await a.query('DROP TABLE node_tx');
      return { steps, rows: describeResult(rows) };
    }));
  },

  // err.code (SQLSTATE) of failing queries, with and without parameters.
  async errors() {
    return withClient(async (c) => {
      await c.query('DROP TABLE IF EXISTS node_err');
      await c.query('CREATE TABLE node_err (id integer PRIMARY KEY, v text NOT NULL)');
      await c.query("INSERT INTO node_err VALUES (1, 'a')");
      const codes = {
        undefinedTable: await errorCode(c.query('SELECT * FROM node_no_such_table')),
        undefinedTableParams: await errorCode(c.query('SELECT * FROM node_no_such_table WHERE x = $1', [1])),
        undefinedColumn: await errorCode(c.query('SELECT no_such_column FROM node_err')),
        uniqueViolation: await errorCode(c.query('INSERT INTO node_err VALUES ($1, $2)', [1, 'b'])),
        notNullViolation: await errorCode(c.query('INSERT INTO node_err VALUES ($1, $2)', [2, null])),
        divisionByZero: await errorCode(c.query('SELECT 1 / 0')),
        divisionByZeroParams: await errorCode(c.query('SELECT 10 / $1::int', [0])),
        syntaxError: await errorCode(c.query('SELEC 1')),
        invalidInteger: await errorCode(c.query('SELECT $1::int', ['abc'])),
        namedStatementError: await errorCode(c.query({ name: 'node-err', text: 'SELECT 100 / $1::int AS q', values: [0] })),
      };
      const afterNamed = await c.query({ name: 'node-err', text: 'SELECT 100 / $1::int AS q', values: [4] });
      const err = await c.query('SELECT * FROM node_no_such_table').catch((e) => e);
      const fields = { severity: err.severity, code: err.code, hasMessage: typeof err.message === 'string' && err.message.length > 0 };
      await c.query('DROP TABLE node_err');
      return { codes, afterNamed: describeResult(afterNamed), fields };
    });
  },

  // Queries without values go through the simple query protocol: several statements in one string.
  async simple() {
    return withClient(async (c) => {
      const results = await c.query("SELECT 1 AS one; SELECT 'two' AS two, 2.5::float8 AS f; CREATE TABLE node_simple (x int); DROP TABLE node_simple");
      return results.map(describeResult);
    });
  },
};

async function main() {
  let failed = false;
  for (const name of scenarios) {
    const fn = SCENARIOS[name];
    let line;
    try {
      if (!fn) throw new Error(`unknown scenario ${name}`);
      line = { scenario: name, result: await fn() };
    } catch (e) {
      failed = true;
      line = { scenario: name, error: { message: String(e && e.message), code: e && e.code, stack: String(e && e.stack) } };
    }
    process.stdout.write(JSON.stringify(line) + '\n');
  }
  // Tables the scenarios create, dropped even when a scenario failed half-way.
  try {
    await withClient(async (c) => {
      for (const t of ['node_params', 'node_prep', 'node_pool', 'node_tx', 'node_err', 'node_simple']) {
        await c.query(`DROP TABLE IF EXISTS ${t}`);
      }
    });
  } catch (e) {
    process.stderr.write(`cleanup failed: ${e && e.message}\n`);
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack) + '\n');
  process.exit(2);
});
