// `sotong backup` / `sotong restore` on the test database while the server keeps serving: the snapshot is one
// consistent moment (every table's rows fall between the counts just before and just after it, the append-only
// history is a prefix of the live one and its hash chain verifies), a quiet round trip restores every table's
// row count and the records exactly, and every failure says in Korean what is wrong. The restore goes into a
// FRESH database (SQLite: a new file; PostgreSQL: a second database in the same cluster); nothing new is served.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BASE, createToken, fetch, runSuffix as run } from './lib/client.mjs';
import { dropFreshDatabases, freshDatabase as makeFreshDatabase } from './lib/databases.mjs';
import { pollUntil } from './lib/poll.mjs';

const ENGINE = process.env.SOTONG_ENGINE;
const DATABASE = process.env.SOTONG_DATABASE;
const BIN = process.env.SOTONG_BIN;
const exec = promisify(execFile);

let dir;
let token;
let provinceId;
let municipalityId;

/** Runs `sotong ARGS…` and returns {code, stdout, stderr} (never throws on a non-zero exit). */
async function sotong(...args) {
  try {
    const { stdout, stderr } = await exec(BIN, args, { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Rows of `sql` as arrays of strings (NULL as null), read with the engine's own client, not with Sotong. */
function rows(url, sql) {
  if (url.startsWith('sqlite:')) {
    const script = 'import json, sqlite3, sys\n' +
      'c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)\n' +
      'print(json.dumps([[None if v is None else str(v) for v in r] for r in c.execute(sys.argv[2])]))';
    return JSON.parse(execFileSync('python3', ['-c', script, url.slice('sqlite:'.length), sql], { encoding: 'utf8' }));
  }
  const out = execFileSync('psql', ['-X', '-q', '-A', '-t', '-F', '\x1f', '-R', '\x1e', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql],
    { encoding: 'utf8' });
  return out.replace(/\n$/, '').split('\x1e').filter((l) => l !== '').map((l) => l.split('\x1f'));
}

/** Every table's row count, {table: n}, read in one statement (one moment). */
function counts(url) {
  const tables = url.startsWith('sqlite:')
    ? rows(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
    : rows(url, 'SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename');
  if (tables.length === 0) return {};
  const sql = tables.map(([t]) => `SELECT '${t}', COUNT(*) FROM "${t}"`).join(' UNION ALL ');
  return Object.fromEntries(rows(url, sql).map(([t, n]) => [t, Number(n)]));
}

/** A new empty database to restore into. */
const freshDatabase = (name) => makeFreshDatabase(dir, name);

async function api(method, path, body) {
  const res = await fetch(BASE + path, {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, json: res.status < 300 ? await res.json() : await res.text() };
}

let serial = 0;
async function createOrganization(label) {
  serial += 1;
  const res = await api('POST', '/api/v1/organizations', {
    code: `B-${run}-${serial}`.toUpperCase().slice(0, 20), name: `백업 시험 ${label} ${run}`, kind: 'agency', parent_id: provinceId, sort_order: serial,
  });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json;
}

/** The records a round trip must keep, read with SQL: organisations (with their former names) and accounts. */
function records(url, codes, logins) {
  const inList = (xs) => xs.map((x) => `'${x}'`).join(',');
  return {
    organizations: rows(url, `SELECT o.id, o.code, o.name, o.kind, o.parent_id, o.sort_order, o.active, o.created_at, o.updated_at
      FROM organizations o WHERE o.code IN (${inList(codes)}) ORDER BY o.id`),
    names: rows(url, `SELECT n.organization_id, n.name, n.reason FROM organization_names n JOIN organizations o ON o.id = n.organization_id
      WHERE o.code IN (${inList(codes)}) ORDER BY n.organization_id, n.name`),
    accounts: rows(url, `SELECT a.id, a.login_id, a.display_name, a.email, a.position, a.organization_id, a.password_hash, a.active
      FROM accounts a WHERE a.login_id IN (${inList(logins)}) ORDER BY a.id`),
    roles: rows(url, `SELECT r.account_id, r.role FROM account_roles r JOIN accounts a ON a.id = r.account_id
      WHERE a.login_id IN (${inList(logins)}) ORDER BY r.account_id, r.role`),
  };
}

before(async () => {
  assert.ok(ENGINE && DATABASE && BIN, 'run through scripts/test-http.sh');
  dir = mkdtempSync(join(tmpdir(), 'sotong-backup-'));
  token = createToken('admin', 'backup-test');
  const orgs = (await api('GET', '/api/v1/organizations')).json.items;
  provinceId = orgs.find((o) => o.code === '52000').id;
  municipalityId = orgs.find((o) => o.code === '52110').id;
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
  dropFreshDatabases();
});

test('a quiet round trip restores every table and the records exactly', async () => {
  const a = await createOrganization('가');
  const b = await createOrganization('나');
  const renamed = await api('PATCH', `/api/v1/organizations/${b.id}`, { name: `백업 개명 ${run}`, rename_reason: '백업 시험 개명' });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.json));
  const account = await api('POST', '/api/v1/accounts', {
    login_id: `bk-${run}`, display_name: '백업시험', email: `bk-${run}@test.example`, position: '주무관',
    organization_id: municipalityId, roles: ['municipal', 'budget'], active: true,
  });
  assert.equal(account.status, 201, JSON.stringify(account.json));
  const codes = [a.code, b.code, '52110'];
  const logins = [`bk-${run}`, 'admin', 'jeonju'];

  const file = join(dir, 'quiet.backup');
  const countsBefore = counts(DATABASE);
  const made = await sotong('backup', file, '--database', DATABASE);
  const countsAfter = counts(DATABASE);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /^백업을 만들었습니다: /);
  assert.ok(readFileSync(file).length > 0);
  assert.equal(statSync(file).mode & 0o777, 0o600, 'a backup holds personal data: readable by its owner only');

  const target = freshDatabase('quiet');
  const restored = await sotong('restore', file, '--database', target);
  assert.equal(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, /^복원했습니다: /);
  if (ENGINE === 'sqlite') {
    const path = target.slice('sqlite:'.length);
    assert.equal(statSync(path).mode & 0o777, 0o600, 'the restored database holds personal data: owner only');
  }

  const back = counts(target);
  assert.deepEqual(Object.keys(back), Object.keys(countsBefore), 'the same tables');
  for (const [t, n] of Object.entries(back)) {
    if (countsBefore[t] === countsAfter[t]) assert.equal(n, countsBefore[t], `rows of ${t}`);
    else assert.ok(n >= countsBefore[t] && n <= countsAfter[t], `rows of ${t} (written meanwhile by the server)`);
  }
  assert.ok(back.organizations > 0 && back.accounts > 0 && back.schema_migrations > 0);
  const live = records(DATABASE, codes, logins);
  const copy = records(target, codes, logins);
  assert.equal(copy.organizations.length, 3);
  assert.equal(copy.accounts.length, 3);
  assert.deepEqual(copy, live, 'organisations, former names, accounts (with password hashes) and roles');
  assert.ok(copy.names.some((n) => n[2] === '백업 시험 개명'), 'the rename and its reason');
  assert.deepEqual(copy.roles.filter((r) => r[0] === String(account.json.id)).map((r) => r[1]).sort(), ['budget', 'municipal']);
});

test('a database file the program creates (migrate, serve) is readable by its owner only, with its WAL', { skip: ENGINE !== 'sqlite' }, async () => {
  const path = join(dir, 'new.db');
  const made = await sotong('migrate', '--database', `sqlite:${path}`);
  assert.equal(made.code, 0, made.stderr);
  assert.equal(statSync(path).mode & 0o777, 0o600, 'the database file');
  // The suite's own database was made by `migrate` too, and has served every test since.
  const live = DATABASE.slice('sqlite:'.length);
  for (const file of [live, `${live}-wal`, `${live}-shm`]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
});

test('a backup taken while the API is busy writing is one consistent moment', async () => {
  await createOrganization('전');
  let writing = true;
  const requests = []; // {start, end, status}
  let loadError;
  const load = (async () => {
    while (writing) {
      const start = performance.now();
      const res = await api('POST', '/api/v1/organizations', {
        code: `L-${run}-${requests.length}`.toUpperCase().slice(0, 20), name: `부하 ${requests.length} ${run}`,
        kind: 'agency', parent_id: provinceId, sort_order: 0,
      });
      const read = await fetch(`${BASE}/readyz`);
      requests.push({ start, end: performance.now(), status: res.status, ready: read.status });
    }
  })().catch((e) => {
    loadError = e;
  });
  const file = join(dir, 'busy.backup');
  let countsBefore, countsAfter, historyBefore, started, ended, made;
  try {
    await pollUntil(() => requests.length >= 3 || loadError, { message: 'the load to be running' });
    countsBefore = counts(DATABASE);
    historyBefore = rows(DATABASE, 'SELECT MAX(id) FROM history_entries')[0][0];
    started = performance.now();
    made = await sotong('backup', file, '--database', DATABASE);
    ended = performance.now();
    countsAfter = counts(DATABASE);
  } finally {
    writing = false; // a failure above must not leave the load running (it would keep the test alive)
    await load;
  }
  assert.ifError(loadError);
  assert.equal(made.code, 0, made.stderr);

  const during = requests.filter((r) => r.start < ended && r.end > started);
  assert.ok(during.length > 0, 'requests were in flight during the backup');
  for (const r of requests) {
    assert.equal(r.status, 201, 'every write succeeded, during the backup too');
    assert.equal(r.ready, 200);
  }

  const target = freshDatabase('busy');
  const restored = await sotong('restore', file, '--database', target);
  assert.equal(restored.code, 0, restored.stderr);
  const back = counts(target);
  for (const [t, n] of Object.entries(back)) {
    assert.ok(n >= countsBefore[t] && n <= countsAfter[t], `rows of ${t}: ${n} within [${countsBefore[t]}, ${countsAfter[t]}]`);
  }
  // The history is append-only and hash-chained: the copy is a prefix of the live chain, and it verifies.
  const copyHistory = rows(target, 'SELECT id, hash FROM history_entries ORDER BY id');
  const liveHistory = rows(DATABASE, `SELECT id, hash FROM history_entries WHERE id <= ${copyHistory.at(-1)[0]} ORDER BY id`);
  assert.deepEqual(copyHistory, liveHistory);
  assert.ok(Number(copyHistory.at(-1)[0]) >= Number(historyBefore), 'everything recorded before the backup started');
  const verified = await sotong('history', '--database', target, 'verify');
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /정상/);
  // Every organisation the load made is whole: the copy holds a gap-free prefix of them.
  const loaded = rows(target, `SELECT code FROM organizations WHERE code LIKE 'L-${run.toUpperCase()}-%'`).map(([c]) => Number(c.split('-').at(-1)));
  loaded.sort((x, y) => x - y);
  assert.deepEqual(loaded, loaded.map((_, i) => i));
});

test('failures say in Korean what is wrong and change nothing', async () => {
  const target = freshDatabase('errors');
  const missing = await sotong('restore', join(dir, 'no-such.backup'), '--database', target);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /백업 파일이 없습니다/);

  writeFileSync(join(dir, 'notes.txt'), '회의록 초안입니다.');
  const garbage = await sotong('restore', join(dir, 'notes.txt'), '--database', target);
  assert.equal(garbage.code, 2);
  assert.match(garbage.stderr, /소통 백업 파일이 아닙니다/);

  const noFolder = await sotong('backup', join(dir, 'no', 'such', 'x.backup'), '--database', DATABASE);
  assert.equal(noFolder.code, 2);
  assert.match(noFolder.stderr, /폴더가 없습니다/);

  const file = join(dir, 'ok.backup');
  assert.equal((await sotong('backup', file, '--database', DATABASE)).code, 0);
  if (ENGINE === 'sqlite') {
    // The running server holds the database open: restoring over it is refused.
    const busy = await sotong('restore', file, '--database', DATABASE);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /서버를 멈춘 뒤 복원하십시오/);
    assert.equal((await fetch(`${BASE}/readyz`)).status, 200, 'the server is untouched');
    const pgUrl = 'postgresql://postgres@127.0.0.1:1/none';
    const wrong = await sotong('restore', file, '--database', pgUrl);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /SQLite 백업 파일입니다/);
  } else {
    const wrong = await sotong('restore', file, '--database', `sqlite:${join(dir, 'x.db')}`);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /PostgreSQL\(pg_dump\) 백업 파일입니다/);
    const unreachable = await sotong('backup', join(dir, 'down.backup'), '--database', 'postgresql://postgres@127.0.0.1:1/none');
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /pg_dump가 실패했습니다/);
  }
  if (ENGINE === 'sqlite') assert.ok(!existsSync(target.slice('sqlite:'.length)), 'no database file was made');
  else assert.deepEqual(Object.keys(counts(target)), [], 'the target database is still empty');
});
