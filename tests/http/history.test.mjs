// The change history and access log (변경이력 / 접속기록): a change to an organisation is recorded with its
// before → after, opening an account records who viewed whose data, sign-ins are recorded, the log is
// searched and paged by keyset and exported as CSV (itself recorded as a download) by the administrator and
// the auditor only (each reading of the log itself recorded), the operator console's unlock and token work are
// recorded as the console's, and `sotong history verify` finds a row edited by hand in the database.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { Client, createToken, csrfFrom, fetch, hangul, runSuffix as run } from './lib/client.mjs';

let admin; // a signed-in administrator (browser session)
let adminToken;
let auditorToken;
let provinceId;
let orgId; // an organisation made by this run
let targetAccount; // { id, login_id, display_name }

function api(path, token) {
  return fetch(new Client().base + path, {
    redirect: 'manual',
    headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
  });
}

async function history(query, token = adminToken) {
  const res = await api(`/api/v1/history?${query}`, token);
  assert.equal(res.status, 200, `GET /api/v1/history?${query}`);
  return res.json();
}

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The rows of the history table as {id, cells} (cells as text). */
function rows(html) {
  const out = [];
  for (const m of html.matchAll(/<tr>\s*<th scope="row"><a href="\/admin\/history\/(\d+)"[^>]*>\d+<\/a><\/th>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1].replace(/<[^>]*>/g, '').trim()));
    out.push({ id: Number(m[1]), cells });
  }
  return out;
}

/** RFC 4180 rows of a CSV text. */
function parseCsv(text) {
  const out = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); out.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return out;
}

/** Runs `sotong ARGS…`; returns { status, stdout, stderr }. */
function sotong(args) {
  const r = spawnSync(process.env.SOTONG_BIN, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs one SQL statement on the test database with the engine's own command-line client. */
function rawSql(statement) {
  const url = process.env.SOTONG_DATABASE;
  if (process.env.SOTONG_ENGINE === 'postgres') {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', statement], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    execFileSync('sqlite3', ['-cmd', '.timeout 10000', url.replace(/^sqlite:(\/\/)?/, ''), statement], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
  adminToken = createToken('admin', 'history-test');
  auditorToken = createToken('auditor', 'history-test');
  provinceId = (await (await api('/api/v1/organizations?kind=province', adminToken)).json()).items.find((o) => o.code === '52000').id;
  const created = await fetch(new Client().base + '/api/v1/organizations', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ code: `H-${run}`.toUpperCase().slice(0, 20), name: `이력 시험 ${run}`, kind: 'agency', parent_id: provinceId, sort_order: 3 }),
  });
  assert.equal(created.status, 201);
  orgId = (await created.json()).id;
  const accounts = (await (await api('/api/v1/accounts', adminToken)).json()).items;
  const jeonju = accounts.find((a) => a.login_id === 'jeonju');
  targetAccount = { id: jeonju.id, login_id: jeonju.login_id, display_name: jeonju.display_name };
});

test('renaming an organisation through the form records a change entry with before → after', async () => {
  const form = await admin.get(`/admin/organizations/${orgId}/edit`);
  const html = await form.text();
  const res = await admin.postForm(`/admin/organizations/${orgId}`, {
    _csrf: csrfFrom(html),
    code: `H-${run}`.toUpperCase().slice(0, 20),
    name: `이력 시험 개명 ${run}`,
    rename_reason: '직제 개편',
    kind: 'agency',
    parent_id: String(provinceId),
    sort_order: '3',
  });
  assert.equal(res.status, 303);

  const body = await history(`record_type=organization&record_id=${orgId}`);
  assert.deepEqual(body.items.map((e) => e.action), ['update', 'create']);
  const [update, create] = body.items;
  assert.equal(update.kind, 'change');
  assert.equal(update.action_label, '수정');
  assert.equal(update.login_id, 'admin');
  assert.equal(update.actor_name, '김관리');
  assert.match(update.remote_address, /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  assert.equal(update.before.name, `이력 시험 ${run}`);
  assert.equal(update.after.name, `이력 시험 개명 ${run}`);
  assert.equal(update.after.rename_reason, '직제 개편');
  const name = update.changes.find((c) => c.field === 'name');
  assert.deepEqual([name.label, name.before, name.after], ['기관명', `이력 시험 ${run}`, `이력 시험 개명 ${run}`]);
  assert.ok(!update.changes.some((c) => c.field === 'code'), 'unchanged fields are not listed');
  assert.equal(create.before, null);
  assert.equal(create.after.sort_order, 3);
  assert.match(update.hash, /^[0-9a-f]{64}$/);
  assert.equal(update.prev_hash.length, 64);

  // The page shows the same entry, readably, in Korean time.
  const page = await admin.get(`/admin/history?record_type=organization&record_id=${orgId}`);
  assert.equal(page.status, 200);
  const listed = rows(await page.text());
  assert.deepEqual(listed.map((r) => r.id), [update.id, create.id]);
  const [time, who, , kind, action, record, summary] = listed[0].cells;
  assert.match(time, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  const utc = new Date(update.occurred_at).getTime();
  assert.equal(time, new Date(utc + 9 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' '), 'Asia/Seoul');
  assert.equal(who, '김관리 (admin)');
  assert.deepEqual([kind, action, record], ['변경', '수정', `기관 이력 시험 개명 ${run}`]);
  assert.equal(summary, '기관명, 명칭 변경 사유 변경', 'what changed; the values are on the detail page');

  const detail = await admin.get(`/admin/history/${update.id}`);
  assert.equal(detail.status, 200);
  const detailHtml = decode(await detail.text());
  assert.match(detailHtml, /<h2 class="section-title">바뀐 항목<\/h2>/);
  assert.ok(detailHtml.includes(`<td>이력 시험 ${run}</td><td>이력 시험 개명 ${run}</td>`));
  assert.ok(detailHtml.includes(update.hash));
});

test('deactivating and reactivating an organisation are recorded as such', async () => {
  for (const action of ['deactivate', 'activate']) {
    const detail = await admin.get(`/admin/organizations/${orgId}`);
    const res = await admin.postForm(`/admin/organizations/${orgId}/${action}`, { _csrf: csrfFrom(await detail.text()), confirmed: '1' });
    assert.equal(res.status, 303);
  }
  const body = await history(`record_type=organization&record_id=${orgId}&kind=change`);
  assert.deepEqual(body.items.slice(0, 2).map((e) => [e.action, e.before.active, e.after.active]), [
    ['activate', false, true],
    ['deactivate', true, false],
  ]);
});

test("opening an account's page records an access entry naming whose data was viewed", async () => {
  const res = await admin.get(`/admin/accounts/${targetAccount.id}`);
  assert.equal(res.status, 200);
  const body = await history(`kind=access&action=view&record_type=account&record_id=${targetAccount.id}&login=admin`);
  const entry = body.items[0];
  assert.ok(entry, 'an access entry');
  assert.equal(entry.action_label, '조회');
  assert.equal(entry.subject, `${targetAccount.display_name} (${targetAccount.login_id})`);
  assert.ok(Date.now() - new Date(entry.occurred_at).getTime() < 120_000, 'just now');

  // The list of accounts (names, e-mail addresses) is recorded too, with its filter and count.
  assert.equal((await admin.get('/admin/accounts?role=municipal')).status, 200);
  const list = (await history('kind=access&action=view&record_type=account&login=admin')).items.find(
    (e) => e.record_id === null && e.after?.filter === 'role=municipal',
  );
  assert.equal(list.subject, '계정 목록');
  assert.equal(list.after.filter, 'role=municipal');
  assert.ok(list.after.count >= 2);
  // And searching by whose data finds it.
  const bySubject = await history(`subject=${encodeURIComponent(targetAccount.login_id)}&action=view`);
  assert.ok(bySubject.items.some((e) => e.id === entry.id));
});

test('sign-ins, failed sign-ins and sign-outs are in the access log', async () => {
  // An account of this run's own: a demo account may sign in from another test file running at the same time.
  const loginId = `h-sign-${run}`;
  const created = await fetch(new Client().base + '/api/v1/accounts', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ login_id: loginId, display_name: '접속 기록 시험', organization_id: provinceId, roles: ['expert'] }),
  });
  assert.equal(created.status, 201);
  const { initial_password: password } = await created.json();

  const c = new Client();
  const _csrf = await c.csrf('/login');
  const nobody = `nobody-${run}`;
  const failed = await c.postForm('/login', { login_id: nobody, password: 'wrong-password-1', _csrf });
  assert.equal(failed.status, 401);
  await c.login(loginId, password);
  const out = await c.postForm('/logout', { _csrf: await c.csrf('/password') }); // a new account's first page
  assert.equal(out.status, 303);

  const failures = await history(`login=${nobody}`);
  assert.equal(failures.items.length, 1);
  assert.deepEqual([failures.items[0].action, failures.items[0].action_label, failures.items[0].account_id], ['login_failed', '로그인 실패', null]);
  const own = (await history(`login=${loginId}&kind=access`)).items.map((e) => e.action);
  assert.deepEqual(own, ['logout', 'login']);
});

test('the log pages by keyset, 50 entries at a time, newest first', async () => {
  for (let i = 0; i < 55; i++) assert.equal((await api(`/api/v1/accounts/${targetAccount.id}`, adminToken)).status, 200);
  const first = await history('kind=access&action=view&login=admin');
  assert.equal(first.items.length, 50);
  assert.equal(typeof first.next_before, 'number');
  assert.equal(first.next_before, first.items.at(-1).id);
  const ids = first.items.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  const second = await history(`kind=access&action=view&login=admin&before=${first.next_before}`);
  assert.ok(second.items.length >= 5);
  assert.ok(second.items.every((e) => e.id < first.next_before));

  // The page's "next" link leads to the same entries the API gives for its position (other test files may
  // add entries meanwhile, so the position is read from the link).
  const page = await (await admin.get('/admin/history?kind=access&action=view&login=admin')).text();
  const shown = rows(page);
  assert.equal(shown.length, 50);
  const next = decode(page.match(/<a class="krds-btn secondary" href="([^"]+)">다음 50건<\/a>/)?.[1] ?? '');
  const position = Number(next.match(/[?&]before=(\d+)/)?.[1]);
  assert.equal(position, shown.at(-1).id);
  assert.match(next, /^\/admin\/history\?login=admin&kind=access&action=view&before=\d+$/);
  const nextRows = rows(await (await admin.get(next)).text());
  const api2 = await history(`kind=access&action=view&login=admin&before=${position}`);
  assert.deepEqual(nextRows.map((r) => r.id), api2.items.map((e) => e.id));
});

test('impossible search conditions are Korean field errors (page 422, API 422)', async () => {
  const page = await admin.get('/admin/history?from=2026-13-01&kind=other');
  assert.equal(page.status, 422);
  const html = await page.text();
  assert.match(html, /시작일은 2026-01-31 형식의 날짜로 입력해 주십시오/);
  assert.match(html, /aria-invalid="true"/);
  // An htmx search gets the fragment with the errors as a 200 (htmx does not swap a 4xx in).
  const fragment = await admin.get('/admin/history?from=2026-03-01&to=2026-02-01', { 'hx-request': 'true' });
  assert.equal(fragment.status, 200);
  const fragmentHtml = await fragment.text();
  assert.match(fragmentHtml, /종료일은 시작일과 같거나 뒤여야 합니다/);
  assert.doesNotMatch(fragmentHtml, /<html/, 'the bare fragment');
  const res = await api('/api/v1/history?from=2026-02-01&to=2026-01-01&record_id=x', adminToken);
  assert.equal(res.status, 422);
  const body = await res.json();
  assert.deepEqual(Object.keys(body.error.fields).sort(), ['record_id', 'to']);
  for (const m of Object.values(body.error.fields)) assert.match(m, hangul);
});

test('a period in Korean days: today finds the entries of this run, a past day none', async () => {
  const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  const now = await history(`from=${today}&to=${today}&record_type=organization&record_id=${orgId}`);
  assert.ok(now.items.length >= 2);
  const past = await history(`from=2020-01-01&to=2020-12-31&record_type=organization&record_id=${orgId}`);
  assert.equal(past.items.length, 0);
});

test('the auditor exports the filtered log as CSV, and the download is itself recorded', async () => {
  const auditor = new Client();
  await auditor.login('auditor');
  // The page links its downloads as every list does: its own URL with the search and format=….
  const page = await (await auditor.get(`/admin/history?record_type=organization&record_id=${orgId}`)).text();
  for (const format of ['csv', 'xlsx']) {
    assert.ok(page.includes(`href="/admin/history?record_type=organization&amp;record_id=${orgId}&amp;format=${format}"`), format);
  }
  const unknown = await auditor.get('/admin/history?format=pdf');
  assert.equal(unknown.status, 422);
  assert.match(await unknown.text(), /csv 또는 xlsx/);
  const res = await auditor.get(`/admin/history?record_type=organization&record_id=${orgId}&format=csv`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  const disposition = res.headers.get('content-disposition');
  const names = disposition.match(/^attachment; filename="(history-\d{4}-\d\d-\d\d\.csv)"; filename\*=UTF-8''(\S+)$/);
  assert.ok(names, disposition);
  assert.match(decodeURIComponent(names[2]), /^변경·접속 기록 \d{4}-\d\d-\d\d\.csv$/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const table = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(table[0].slice(0, 4), ['번호', '일시(한국 시간)', '구분', '작업']);
  const actions = table.slice(1).map((r) => r[3]);
  assert.deepEqual(actions, ['다시 사용', '비활성화', '수정', '등록']);
  assert.ok(table.slice(1).every((r) => r[8] === String(orgId)));
  const renamed = table.find((r) => r[3] === '수정');
  assert.match(renamed[11], new RegExp(`기관명: 이력 시험 ${run} → 이력 시험 개명 ${run}`));
  assert.equal(JSON.parse(renamed[13]).name, `이력 시험 개명 ${run}`);

  const downloads = await history('login=auditor&action=download&record_type=history', auditorToken);
  const entry = downloads.items[0];
  assert.equal(entry.action_label, '다운로드');
  assert.equal(entry.record_type, 'history');
  assert.equal(entry.subject, '변경·접속 기록 4건');
  assert.equal(entry.after.filter, `record_type=organization&record_id=${orgId}`);
  assert.equal(entry.after.count, 4);
  assert.equal(entry.after.format, 'csv');

  // The same as an Excel workbook.
  const xlsx = await auditor.get(`/admin/history?record_type=organization&record_id=${orgId}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');
  const xlsxEntry = (await history('login=auditor&action=download&record_type=history', auditorToken)).items[0];
  assert.equal(xlsxEntry.after.format, 'xlsx');
  assert.ok(xlsxEntry.id > entry.id);
});

test('reading the log is itself an access entry (조회): the list page, one entry and the API, each by its reader', async () => {
  const auditor = new Client();
  await auditor.login('auditor');
  const [update] = (await history(`record_type=organization&record_id=${orgId}&action=update`)).items;
  assert.equal((await auditor.get(`/admin/history?record_type=organization&record_id=${orgId}`)).status, 200);
  assert.equal((await auditor.get(`/admin/history/${update.id}`)).status, 200);
  assert.equal((await api(`/api/v1/history?record_type=organization&record_id=${orgId}&kind=change`, auditorToken)).status, 200);

  const views = (await history('login=auditor&kind=access&action=view&record_type=history')).items;
  const ofThisRun = (e) => e.after?.filter?.includes('record_type=organization') && e.after.filter.includes(`record_id=${orgId}`);
  const page = views.find((e) => ofThisRun(e) && !e.after.filter.includes('kind=change'));
  const byApi = views.find((e) => ofThisRun(e) && e.after.filter.includes('kind=change'));
  const entry = views.find((e) => e.record_id === update.id);
  for (const [what, e] of Object.entries({ page, byApi, entry })) {
    assert.ok(e, `the ${what} reading is recorded`);
    assert.deepEqual([e.kind, e.action_label, e.login_id, e.record_type], ['access', '조회', 'auditor', 'history'], what);
  }
  assert.match(page.subject, /^변경·접속 기록 \d+건$/);
  assert.ok(page.after.count >= 4, 'with the count it showed');
  assert.equal(entry.subject, `변경·접속 기록 #${update.id}`);
});

test("the operator console's user unlock, token create and token revoke are in the history as the console's", async () => {
  const db = process.env.SOTONG_DATABASE;
  const loginId = `h-cli-${run}`;
  const created = await fetch(new Client().base + '/api/v1/accounts', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ login_id: loginId, display_name: '콘솔 기록 시험', organization_id: provinceId, roles: ['expert'] }),
  });
  assert.equal(created.status, 201);
  const accountId = (await created.json()).id;

  const unlocked = sotong(['user', 'unlock', '--login', loginId, '--database', db]);
  assert.equal(unlocked.status, 0, unlocked.stderr);
  const name = `cli-token-${run}`;
  const issued = sotong(['token', 'create', '--login', loginId, '--name', name, '--database', db]);
  assert.equal(issued.status, 0, issued.stderr);
  const token = issued.stdout.trim();
  assert.equal((await api('/api/v1/me', token)).status, 200);
  const listed = sotong(['token', 'list', '--database', db]).stdout.split('\n').map((l) => l.split('\t')).find((c) => c[2] === name);
  const tokenId = Number(listed[0]);
  const revoked = sotong(['token', 'revoke', '--id', String(tokenId), '--database', db]);
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.equal((await api('/api/v1/me', token)).status, 401, 'the revoked token no longer works');

  const [unlock] = (await history(`record_type=account&record_id=${accountId}&action=unlock`)).items;
  assert.ok(unlock, 'the unlock is recorded');
  assert.deepEqual([unlock.kind, unlock.action_label, unlock.actor_name, unlock.remote_address, unlock.account_id],
    ['change', '잠금 해제', '운영 콘솔', 'console', null]);
  assert.deepEqual(unlock.after, { failed_logins: 0, locked: false });

  const entries = (await history(`record_type=api_token&record_id=${tokenId}`)).items;
  assert.deepEqual(entries.map((e) => e.action), ['revoke', 'create']);
  const [revoke, create] = entries;
  assert.equal(create.actor_name, '운영 콘솔');
  assert.equal(create.before, null);
  assert.deepEqual(create.after, { login_id: loginId, name, expires_at: null, revoked: false });
  assert.deepEqual([revoke.action_label, revoke.before.revoked, revoke.after.revoked], ['폐기', false, true]);
  assert.ok(!JSON.stringify(entries).includes(token.slice(4)), 'the token itself is never in the history');
  assert.equal(sotong(['history', 'verify', '--database', db]).status, 0);
});

test('only the administrator and the auditor may read the log: others get 403, strangers the login page', async () => {
  const detailId = (await history('')).items[0].id;
  const paths = ['/admin/history', `/admin/history/${detailId}`, '/admin/history?format=csv', '/admin/history?format=xlsx',
    '/admin/history?kind=change'];
  for (const login of ['admin', 'auditor']) {
    const c = new Client();
    await c.login(login);
    for (const path of paths) assert.equal((await c.get(path)).status, 200, `${login} GET ${path}`);
    const home = await (await c.get('/')).text();
    assert.match(home, /href="\/admin\/history"/, `${login} sees the menu entry`);
  }
  for (const login of ['coordinator', 'jeonju', 'planning', 'budget', 'hr', 'expert']) {
    const c = new Client();
    await c.login(login);
    for (const path of paths) {
      const res = await c.get(path);
      assert.equal(res.status, 403, `${login} GET ${path}`);
      assert.match(await res.text(), /접근 권한이 없습니다/);
    }
    assert.doesNotMatch(await (await c.get('/')).text(), /href="\/admin\/history"/, `${login} has no menu entry`);
    const token = createToken(login, 'history-test');
    const res = await api('/api/v1/history', token);
    assert.equal(res.status, 403, `${login} GET /api/v1/history`);
    assert.equal((await res.json()).error.code, 'forbidden');
  }
  assert.equal((await api('/api/v1/history')).status, 401);
  const anonymous = await new Client().get('/admin/history');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /^\/login\?next=/);
  assert.equal((await api('/api/v1/history', auditorToken)).status, 200);
});

test('many writers at once, on every node, never fork the chain', async () => {
  const nodes = [process.env.SOTONG_URL, process.env.SOTONG_URL_2].filter(Boolean);
  const before = (await history('login=admin&action=view')).items[0]?.id ?? 0;
  const calls = [];
  for (let i = 0; i < 60; i++) {
    const base = nodes[i % nodes.length];
    calls.push(fetch(`${base}/api/v1/accounts/${targetAccount.id}`, { headers: { authorization: `Bearer ${adminToken}` } }));
  }
  for (const res of await Promise.all(calls)) assert.equal(res.status, 200);
  const mine = (await history('login=admin&action=view')).items.filter((e) => e.id > before);
  assert.ok(mine.length >= 50, `${mine.length} new entries`);
  const prevs = new Set(mine.map((e) => e.prev_hash));
  assert.equal(prevs.size, mine.length, 'no two entries follow the same one');
  const v = sotong(['history', 'verify', '--database', process.env.SOTONG_DATABASE]);
  assert.equal(v.status, 0, v.stdout);
});

test('`sotong history verify` says OK, then names the row edited by hand, and OK again once it is put back', async () => {
  const db = process.env.SOTONG_DATABASE;
  const before = sotong(['history', '--database', db, 'verify']);
  assert.equal(before.status, 0, before.stdout + before.stderr);
  assert.match(before.stdout, /검증 결과: 정상 \((\d+)건\)/);
  assert.ok(Number(before.stdout.match(/정상 \((\d+)건\)/)[1]) > 10);
  // The parent's options may also follow the action.
  const after = sotong(['history', 'verify', '--database', db]);
  assert.equal(after.status, 0, after.stdout + after.stderr);

  const entry = (await history(`record_type=organization&record_id=${orgId}&action=update`)).items[0];
  rawSql(`UPDATE history_entries SET remote_address = '10.6.6.6' WHERE id = ${entry.id}`);
  try {
    const broken = sotong(['history', 'verify', '--database', db]);
    assert.notEqual(broken.status, 0, 'verify fails');
    assert.match(broken.stdout, new RegExp(`검증 실패: 기록 ${entry.id} \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, 한국 시간\\)`));
    assert.match(broken.stdout, /해시가 맞지 않습니다/);
  } finally {
    rawSql(`UPDATE history_entries SET remote_address = '${entry.remote_address}' WHERE id = ${entry.id}`);
  }
  const restored = sotong(['history', 'verify', '--database', db]);
  assert.equal(restored.status, 0, restored.stdout);
});

test('`sotong history prune` refuses a retention under one year and records a prune that keeps the chain whole', async () => {
  const db = process.env.SOTONG_DATABASE;
  const refused = sotong(['history', 'prune', '--days', '30', '--database', db]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /1년 이상 보관해야 합니다/);
  const pruned = sotong(['history', '--database', db, 'prune']);
  assert.equal(pruned.status, 0, pruned.stderr);
  assert.match(pruned.stdout, /730일이 지난 기록 0건을 지웠습니다/);
  const mark = (await history('record_type=history&action=prune')).items[0];
  assert.equal(mark.action_label, '보존기간 지난 기록 삭제');
  assert.equal(mark.actor_name, '운영 콘솔');
  assert.equal(mark.after.retention_days, 730);
  assert.equal(sotong(['history', 'verify', '--database', db]).status, 0);
});
