// `sotong demo-data` puts accounts with a published password (an administrator among them) into the database, so
// it refuses a database that already holds real accounts unless told --force, with a Korean message and a
// non-zero exit; a fresh database, and `make run` again over its own demo database, load as before. Each case
// runs on a fresh database of the suite's engine (the suite's own database already holds the demo data).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSuffix as run } from './lib/client.mjs';
import { dropFreshDatabases, freshDatabase } from './lib/databases.mjs';

const JEONBUK_CSV = new URL('../../src/platform/organizations/data/jeonbuk.csv', import.meta.url).pathname;
let dir;

/** Runs `sotong ARGS… --database DB`; returns { status, stdout, stderr }. */
function sotong(db, ...args) {
  const r = spawnSync(process.env.SOTONG_BIN, [...args, '--database', db], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The login ids `sotong user list` prints. */
const logins = (db) => sotong(db, 'user', 'list').stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sotong-demo-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
  dropFreshDatabases();
});

test('demo data loads into a fresh database, and again over its own demo database (make run twice)', () => {
  const db = freshDatabase(dir, 'demo_fresh');
  assert.equal(sotong(db, 'migrate').status, 0);
  for (const round of [1, 2]) {
    const loaded = sotong(db, 'demo-data');
    assert.equal(loaded.status, 0, `round ${round}: ${loaded.stderr}`);
    assert.match(loaded.stdout, /시연 자료를 넣었습니다/);
  }
  assert.ok(logins(db).includes('admin'));
  // An account added in the demo's own screens does not make it a real installation.
  const added = sotong(db, 'user', 'create', '--login', `dev-${run}`, '--name', '개발자', '--organization', '52000', '--role', 'expert');
  assert.equal(added.status, 0, added.stderr);
  assert.equal(sotong(db, 'demo-data').status, 0, 'make run again after adding an account');
});

test('demo data refuses a database that holds real accounts: Korean message, non-zero exit, nothing loaded; --force loads', () => {
  const db = freshDatabase(dir, 'demo_real');
  assert.equal(sotong(db, 'migrate').status, 0);
  assert.equal(sotong(db, 'import', 'organizations', JEONBUK_CSV).status, 0);
  // A real installation's first administrator, named as the operations guide names it.
  const created = sotong(db, 'user', 'create', '--login', 'admin', '--name', '김운영', '--organization', '52000', '--role', 'admin');
  assert.equal(created.status, 0, created.stderr);

  const refused = sotong(db, 'demo-data');
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /시연 계정이 아닌 계정이 1개 있습니다 \(admin\)/);
  assert.match(refused.stderr, /--force/);
  assert.doesNotMatch(refused.stdout, /시연 자료를 넣었습니다/);
  assert.deepEqual(logins(db), ['admin'], 'no demo account was added');

  const forced = sotong(db, 'demo-data', '--force');
  assert.equal(forced.status, 0, forced.stderr);
  assert.ok(logins(db).includes('coordinator'), 'the demo accounts are there once forced');
});
