// Fresh, empty databases beside the test database, for what must start from nothing (a restore, demo data on a
// new installation): SQLite a new file in `dir`, PostgreSQL a new database in the test cluster. The suite's own
// database is never touched.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runSuffix as run } from './client.mjs';

const made = [];

/** The PostgreSQL URL of database `name` in the test cluster. */
export function pgDatabase(name) {
  const url = new URL(process.env.SOTONG_DATABASE);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty database of the suite's engine; SQLite files go into `dir`. */
export function freshDatabase(dir, name) {
  if (process.env.SOTONG_ENGINE === 'sqlite') return `sqlite:${join(dir, `${name}.db`)}`;
  const db = `sotong_${name}_${run}`.replace(/[^a-z0-9_]/g, '_');
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', pgDatabase('postgres'), '-c', `CREATE DATABASE ${db}`]);
  made.push(db);
  return pgDatabase(db);
}

/** Drops the PostgreSQL databases freshDatabase made (SQLite files go with their folder). */
export function dropFreshDatabases() {
  for (const db of made.splice(0)) {
    execFileSync('psql', ['-X', '-q', '-d', pgDatabase('postgres'), '-c', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`]);
  }
}
