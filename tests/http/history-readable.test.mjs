// The change and access log reads as Korean for an auditor: record types, fields, actions and values by the
// labels the manifests give (유관기관, 시·군 담당자, 사용/비활성), other records by their names (상위 기관,
// 소속 기관, an attachment's owner), the record as "기관 <name>" linking to its page while it exists and the
// viewer may open it, a record-type filter offering every registered type, a short summary in the list with
// the whole before and after on the detail page, and the same labels and names in the CSV and XLSX files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, createToken, csrfFrom, fetch, runSuffix as run } from './lib/client.mjs';

let admin; // a signed-in administrator (browser session)
let auditor; // a signed-in auditor
let adminToken;
let province; // { id, name }
let org; // { id, name (after the rename), oldName }
let retired; // an organisation made and deactivated by this run: { id, name }
let account; // { id, login_id, display_name }
let kept; // an attachment of `org` that stays: { id, name, created (its upload's entry) }
let removed; // an attachment of `org` deleted again: { id, name, created }

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function api(path, { method = 'GET', body } = {}) {
  const res = await fetch(new Client().base + path, {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${adminToken}`,
      ...(body && { 'content-type': 'application/json' }),
    },
    ...(body && { body: JSON.stringify(body) }),
  });
  return res;
}

async function history(query) {
  const res = await api(`/api/v1/history?${query}`);
  assert.equal(res.status, 200, `GET /api/v1/history?${query}`);
  return (await res.json()).items;
}

/** The rows of the history table: {id, cells (text), html (each cell's markup)}. */
function rows(html) {
  const out = [];
  for (const m of html.matchAll(/<tr>\s*<th scope="row"><a href="\/admin\/history\/(\d+)"[^>]*>\d+<\/a><\/th>([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)];
    out.push({
      id: Number(m[1]),
      cells: cells.map((c) => decode(c[1].replace(/<[^>]*>/g, '').trim())),
      html: cells.map((c) => decode(c[0])),
    });
  }
  return out;
}

/** The list page for a query, as rows keyed by entry id. */
async function listed(client, query) {
  const res = await client.get(`/admin/history?${query}`);
  assert.equal(res.status, 200);
  return new Map(rows(await res.text()).map((r) => [r.id, r]));
}

const RECORD = 5; // the 대상 cell: 일시, 사용자, 접속 주소, 구분, 작업, 대상, 내용
const SUMMARY = 6;

/** The detail page of an entry as decoded HTML. */
async function detail(client, id) {
  const res = await client.get(`/admin/history/${id}`);
  assert.equal(res.status, 200);
  return decode(await res.text());
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
  return out;
}

async function upload(name) {
  const form = new FormData();
  form.append('_csrf', await admin.csrf(`/admin/organizations/${org.id}`));
  form.append('owner_type', 'organization');
  form.append('owner_id', String(org.id));
  form.append('files', new Blob([Buffer.from(`%PDF-1.7\n${name}\n%%EOF`)]), name);
  const res = await admin.request('/attachments', { method: 'POST', body: form, headers: { origin: admin.base } });
  assert.equal(res.status, 303, await res.text());
  const mine = (await history('record_type=attachment&action=create&login=admin')).find((e) => e.after.file_name === name);
  assert.ok(mine, `${name} is recorded`);
  return { id: mine.record_id, name, created: mine.id };
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
  auditor = new Client();
  await auditor.login('auditor');
  adminToken = createToken('admin', 'history-readable-test');
  const provinces = (await (await api('/api/v1/organizations?kind=province')).json()).items;
  const p = provinces.find((o) => o.code === '52000');
  province = { id: p.id, name: p.name };

  const code = `HR-${run}`.toUpperCase().slice(0, 20);
  const oldName = `읽기 시험 ${run}`;
  const created = await api('/api/v1/organizations', {
    method: 'POST',
    body: { code, name: oldName, kind: 'agency', parent_id: province.id, sort_order: 3 },
  });
  assert.equal(created.status, 201);
  org = { id: (await created.json()).id, name: `읽기 시험 개명 ${run}`, oldName };
  const form = await (await admin.get(`/admin/organizations/${org.id}/edit`)).text();
  const renamed = await admin.postForm(`/admin/organizations/${org.id}`, {
    _csrf: csrfFrom(form), code, name: org.name, rename_reason: '직제 개편', kind: 'agency',
    parent_id: String(province.id), sort_order: '4',
  });
  assert.equal(renamed.status, 303);

  const retiredRes = await api('/api/v1/organizations', {
    method: 'POST',
    body: { code: `HX-${run}`.toUpperCase().slice(0, 20), name: `폐지 시험 ${run}`, kind: 'agency', parent_id: province.id, sort_order: 9 },
  });
  assert.equal(retiredRes.status, 201);
  retired = { id: (await retiredRes.json()).id, name: `폐지 시험 ${run}` };
  const page = await (await admin.get(`/admin/organizations/${retired.id}`)).text();
  assert.equal((await admin.postForm(`/admin/organizations/${retired.id}/deactivate`, { _csrf: csrfFrom(page), confirmed: '1' })).status, 303);

  const login = `hr-${run}`;
  const made = await api('/api/v1/accounts', {
    method: 'POST',
    body: { login_id: login, display_name: '읽기시험', organization_id: org.id, roles: ['municipal'] },
  });
  assert.equal(made.status, 201);
  account = { id: (await made.json()).id, login_id: login, display_name: '읽기시험' };

  kept = await upload(`남는 파일 ${run}.pdf`);
  removed = await upload(`지운 파일 ${run}.pdf`);
  const del = await admin.postForm(`/attachments/${removed.id}/delete`, { _csrf: await admin.csrf(`/admin/organizations/${org.id}`), confirmed: '1' });
  assert.equal(del.status, 303);
});

test('the list names the record and says what changed in a few Korean words, the dates on one line', async () => {
  const [update, create] = await history(`record_type=organization&record_id=${org.id}&kind=change`);
  assert.deepEqual([update.action, create.action], ['update', 'create']);
  const shown = await listed(admin, `record_type=organization&record_id=${org.id}&kind=change`);
  const row = shown.get(update.id);
  assert.equal(row.cells[RECORD], `기관 ${org.name}`);
  assert.doesNotMatch(row.cells[RECORD], /#\d/);
  assert.equal(row.cells[SUMMARY], '기관명, 정렬 순서, 명칭 변경 사유 변경', 'the labels, not the contents');
  assert.equal(shown.get(create.id).cells[SUMMARY], '새 기록 (항목 6개)');
  assert.match(row.html[0], /^<td class="nowrap">\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/td>$/);
  // The API says the same.
  assert.equal(update.record_type_label, '기관');
  assert.equal(update.record_label, `기관 ${org.name}`);
});

test('the detail holds every change with Korean labels and readable values, no codes', async () => {
  const [update, create] = await history(`record_type=organization&record_id=${org.id}&kind=change`);
  const changed = await detail(admin, update.id);
  assert.ok(changed.includes(`<th scope="row">기관명</th><td>${org.oldName}</td><td>${org.name}</td>`));
  assert.ok(changed.includes('<th scope="row">정렬 순서</th><td>3</td><td>4</td>'));
  assert.ok(changed.includes('<dt>작업</dt><dd>수정</dd>'));
  assert.doesNotMatch(changed, /\((update|name|sort_order|rename_reason)\)/, 'no codes beside the labels');

  const made = await detail(admin, create.id);
  assert.match(made, /<h2 class="section-title">등록한 내용<\/h2>/);
  assert.ok(made.includes('<th scope="row">유형</th><td>유관기관</td>'), 'kind agency as 유관기관');
  assert.ok(made.includes(`<th scope="row">상위 기관</th><td>${province.name}</td>`), 'parent_id as its name');
  assert.ok(made.includes('<th scope="row">상태</th><td>사용</td>'));

  // An account: its roles and organisation by name.
  const [accountCreate] = await history(`record_type=account&record_id=${account.id}&action=create`);
  const person = await detail(admin, accountCreate.id);
  assert.ok(person.includes('<th scope="row">역할</th><td>시·군 담당자</td>'));
  assert.ok(person.includes(`<th scope="row">소속 기관</th><td>${org.name}</td>`));
  assert.ok(person.includes(`<a href="/people/${account.id}">계정 ${account.display_name} (${account.login_id})</a>`));

  // An attachment: its owner's type and name, not owner_type and a number.
  const file = await detail(admin, kept.created);
  assert.ok(file.includes('<th scope="row">첨부한 기록의 유형</th><td>기관</td>'));
  assert.ok(file.includes(`<th scope="row">첨부한 기록</th><td>${org.name}</td>`));
  assert.doesNotMatch(file.slice(0, file.indexOf('무결성 정보')), /owner_type|owner_id/, 'codes only in the raw data');
});

test('a record links to its page while it exists and the viewer may open it', async () => {
  // An active organisation: its directory page, for the administrator and the auditor alike.
  const [update] = await history(`record_type=organization&record_id=${org.id}&action=update`);
  for (const client of [admin, auditor]) {
    const row = (await listed(client, `record_type=organization&record_id=${org.id}`)).get(update.id);
    assert.equal(row.html[RECORD], `<td><a href="/organizations/${org.id}">기관 ${org.name}</a></td>`);
    assert.ok((await detail(client, update.id)).includes(`<dt>대상</dt><dd><a href="/organizations/${org.id}">기관 ${org.name}</a></dd>`));
    assert.equal((await client.get(`/organizations/${org.id}`)).status, 200, 'the link opens');
  }

  // An inactive organisation's page is its managers': the administrator has the link, the auditor not.
  const [deactivation] = await history(`record_type=organization&record_id=${retired.id}&action=deactivate`);
  const forAdmin = (await listed(admin, `record_type=organization&record_id=${retired.id}`)).get(deactivation.id);
  assert.match(forAdmin.html[RECORD], new RegExp(`<a href="/organizations/${retired.id}">`));
  const forAuditor = (await listed(auditor, `record_type=organization&record_id=${retired.id}`)).get(deactivation.id);
  assert.equal(forAuditor.html[RECORD], `<td>기관 ${retired.name}</td>`);
  assert.equal((await auditor.get(`/organizations/${retired.id}`)).status, 404, 'the auditor could not open it');

  // A file kept: a download link for those who may open its owner (organisation managers), not the auditor.
  const keptRows = await listed(admin, `record_type=attachment&record_id=${kept.id}`);
  assert.equal(keptRows.size, 1, 'its upload');
  for (const r of keptRows.values()) assert.equal(r.html[RECORD], `<td><a href="/attachments/${kept.id}">첨부파일 ${kept.name}</a></td>`);
  const keptForAuditor = await listed(auditor, `record_type=attachment&record_id=${kept.id}`);
  for (const r of keptForAuditor.values()) assert.equal(r.html[RECORD], `<td>첨부파일 ${kept.name}</td>`);

  // A file deleted: named by what the history kept, marked as gone, and no link for anyone.
  const gone = await listed(admin, `record_type=attachment&record_id=${removed.id}`);
  assert.equal(gone.size, 2, 'its upload and its deletion');
  for (const r of gone.values()) assert.equal(r.html[RECORD], `<td>첨부파일 ${removed.name} (지금은 없음)</td>`);
  const [deletion] = await history(`record_type=attachment&record_id=${removed.id}&action=delete`);
  const page = await detail(admin, deletion.id);
  assert.ok(page.includes(`<dt>대상</dt><dd>첨부파일 ${removed.name} (지금은 없음)</dd>`));
  assert.doesNotMatch(page, new RegExp(`href="/attachments/${removed.id}"`));
  assert.ok(page.includes('<th scope="row">삭제됨</th><td></td><td>예</td>'), 'a field the record gained');
});

test('the record-type filter offers every registered record type by its Korean label', async () => {
  const html = decode(await (await admin.get('/admin/history')).text());
  const select = html.match(/<select id="field-record_type"[^>]*>([\s\S]*?)<\/select>/)[1];
  const options = [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);
  const expected = [['organization', '기관'], ['account', '계정'], ['api_token', 'API 토큰'], ['attachment', '첨부파일'],
    ['holiday', '공휴일'], ['history', '변경·접속 기록']];
  for (const pair of expected) assert.ok(options.some(([c, l]) => c === pair[0] && l === pair[1]), `${pair} offered: ${options}`);
  assert.deepEqual(options[0], ['', '전체']);
  // And choosing one finds its entries.
  const holidays = await admin.get('/admin/history?record_type=holiday');
  assert.equal(holidays.status, 200);
});

test('the CSV and XLSX files show the same labels, names and readable values', async () => {
  const res = await auditor.get(`/admin/history?record_type=organization&record_id=${org.id}&kind=change&format=csv`);
  assert.equal(res.status, 200);
  const table = parseCsv(Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8'));
  const header = table[0];
  const col = (name) => header.indexOf(name);
  for (const name of ['작업', '대상 유형', '대상 번호', '대상', '변경 내용']) assert.ok(col(name) >= 0, name);
  const [update, create] = table.slice(1);
  assert.deepEqual([update[col('작업')], update[col('대상 유형')], update[col('대상')]], ['수정', '기관', org.name]);
  assert.equal(update[col('변경 내용')], `기관명: ${org.oldName} → ${org.name}, 정렬 순서: 3 → 4, 명칭 변경 사유: 직제 개편`);
  assert.match(create[col('변경 내용')], new RegExp(`유형: 유관기관, 상위 기관: ${province.name}, 정렬 순서: 3, 상태: 사용`));

  const xlsx = await auditor.get(`/admin/history?record_type=organization&record_id=${org.id}&kind=change&format=xlsx`);
  assert.equal(xlsx.status, 200);
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  const strings = execFileSync('python3', ['-c',
    'import sys, zipfile, io; sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read("xl/sharedStrings.xml").decode())'],
  { input: bytes, encoding: 'utf8' });
  for (const s of ['대상', '수정', '등록', '기관', org.name, `기관명: ${org.oldName} → ${org.name}, 정렬 순서: 3 → 4, 명칭 변경 사유: 직제 개편`]) {
    assert.ok(strings.includes(`<t>${s}</t>`), s);
  }
});
