// node bench/duckdb/linkage_join.mjs REFUNDS.csv DEATHS.csv [RUNS]: the refund-after-death case of
// bench/linkage-bench in DuckDB, a columnar analytical database, as the baseline its run is measured against
// on the same machine in the same run. Prints
//   duckdb_sigungu,CODE,COUNT,TOTAL    per 시·군, refunds paid after the person's death
//   duckdb_seconds,LOAD,FIRST,BEST     loading both files; the join's first run and the best of RUNS (3)
//
// DuckDB is given its best footing: two threads (the machine's cores), the resident numbers hashed to 64-bit
// integers while loading (as the engine's import hashes them), and the query written as a semi join, which
// its planner runs as one hash join (the same rule as a correlated EXISTS, which it runs 10 times slower).
import { DuckDBInstance } from '@duckdb/node-api';

const [refunds, deaths, runsArg] = process.argv.slice(2);
if (!refunds || !deaths) {
  console.error('usage: node linkage_join.mjs REFUNDS.csv DEATHS.csv [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
// A path goes into SQL as a string literal: quotes doubled.
const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const seconds = (since) => (performance.now() - since) / 1000;

const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();

const loadStart = performance.now();
await db.run(`CREATE TABLE refunds AS
  SELECT refund_id, hash(person_id) AS person, sigungu_code, paid_date, amount
  FROM read_csv(${literal(refunds)}, header = true, columns = {
    'refund_id': 'VARCHAR', 'person_id': 'VARCHAR', 'sigungu_code': 'VARCHAR', 'paid_date': 'DATE',
    'amount': 'BIGINT'})`);
await db.run(`CREATE TABLE deaths AS
  SELECT hash(person_id) AS person, death_date
  FROM read_csv(${literal(deaths)}, header = true, columns = {'person_id': 'VARCHAR', 'death_date': 'DATE'})`);
const load = seconds(loadStart);

const query = `SELECT r.sigungu_code, count(*) AS refunds, sum(r.amount) AS total
  FROM refunds r SEMI JOIN deaths d ON r.person = d.person AND r.paid_date > d.death_date
  GROUP BY r.sigungu_code ORDER BY r.sigungu_code`;
const times = [];
let rows = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  rows = (await db.runAndReadAll(query)).getRows();
  times.push(seconds(start));
}
for (const [code, count, total] of rows) console.log(`duckdb_sigungu,${code},${count},${total}`);
console.log(`duckdb_seconds,${load.toFixed(3)},${times[0].toFixed(3)},${Math.min(...times).toFixed(3)}`);
