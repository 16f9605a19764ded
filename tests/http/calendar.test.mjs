// The holiday calendar and working days (issue 3, item 5): the shipped 2026 calendar with its computed
// substitute holidays, the working-day calculator on the page and in the API (bodies checked against the
// OpenAPI document), the administrator's add / edit / delete / restore with Korean 422s that change nothing,
// a restart's seed that neither overwrites an edit nor brings a deleted date back, and every write refused to
// a non-administrator. Dates this file changes lie in 2029, 2030 and 2099, away from what it reads in 2026.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import { BASE, Client, createToken, csrfFrom, fetch, hangul, runSuffix as run } from './lib/client.mjs';
import { openApiDocument } from './lib/openapi.mjs';

let admin; // Client signed in as admin
let jeonju; // Client signed in as a 시·군 officer
let adminToken;
let jeonjuToken;
let ajv;
let doc;

function api(path, token) {
  return fetch(BASE + path, { redirect: 'manual', headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) } });
}

/** The API body, checked against the schema the OpenAPI document declares for this path and status. */
async function apiBody(path, token, status) {
  const res = await api(path, token);
  const text = await res.text();
  assert.equal(res.status, status, `${path}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  const template = path.split('?')[0];
  const schema = doc.paths[template]?.get?.responses?.[status]?.content?.['application/json']?.schema;
  assert.ok(schema, `${template} documents ${status}`);
  const rebased = JSON.parse(JSON.stringify(schema), (k, v) => (k === '$ref' && v.startsWith('#') ? `openapi${v}` : v));
  const validate = ajv.compile(rebased);
  assert.ok(validate(body), `${path} ${status}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 400)}`);
  if (status >= 400) {
    assert.match(body.error.message, hangul);
    for (const m of Object.values(body.error.fields)) assert.match(m, hangul);
  }
  return body;
}

/** The holidays table of the page as [{date, weekday, name, kind, source}]. */
function rows(html) {
  const out = [];
  const re = /<tr>\s*<td>(\d{4}-\d\d-\d\d) \((.)\)<\/td>\s*<th scope="row">([^<]*)<\/th>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g;
  for (const m of html.matchAll(re)) out.push({ date: m[1], weekday: m[2], name: m[3], kind: m[4], source: m[5] });
  return out;
}

async function page(client, path, status = 200) {
  const res = await client.get(path);
  const html = await res.text();
  assert.equal(res.status, status, `GET ${path}: ${html.slice(0, 300)}`);
  return html;
}

/** Posts a form from the holidays page with the session's CSRF token. */
async function post(client, path, fields) {
  const _csrf = await client.csrf('/admin/holidays');
  return client.postForm(path, { _csrf, ...fields });
}

/** The one-time message on the page a redirect leads to. */
async function flashAfter(client, res) {
  assert.equal(res.status, 303, await res.text());
  const html = await page(client, res.headers.get('location'));
  return html.match(/class="sotong-alert-message">([^<]*)</)?.[1] ?? '';
}

async function holidays(year, token = adminToken) {
  return (await apiBody(`/api/v1/holidays?year=${year}`, token, 200)).items;
}

/** Runs `sotong migrate` on the test database: the same seed a restart runs. */
function restartSeed() {
  execFileSync(process.env.SOTONG_BIN, ['migrate', '--database', process.env.SOTONG_DATABASE], { stdio: 'ignore' });
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
  jeonju = new Client();
  await jeonju.login('jeonju');
  adminToken = createToken('admin', 'calendar-test');
  jeonjuToken = createToken('jeonju', 'calendar-test');
  doc = await openApiDocument(adminToken);
  ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'paths', 'components', 'tags', 'externalDocs', 'webhooks', 'jsonSchemaDialect']);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  ajv.addSchema(doc, 'openapi');
});

test('the 2026 page lists the shipped holidays with weekdays, kinds and the computed substitutes', async () => {
  const html = await page(admin, '/admin/holidays?year=2026');
  assert.match(html, /<h1[^>]*>공휴일·근무일<\/h1>/);
  const list = rows(html);
  const byDate = Object.fromEntries(list.map((r) => [r.date, r]));
  assert.deepEqual(byDate['2026-02-17'], { date: '2026-02-17', weekday: '화', name: '설날', kind: '법정공휴일', source: '기본 자료' });
  assert.equal(byDate['2026-09-25'].name, '추석');
  assert.equal(byDate['2026-09-25'].weekday, '금');
  assert.equal(byDate['2026-06-03'].kind, '선거일');
  assert.equal(byDate['2026-07-17'].name, '제헌절');
  for (const [date, name] of [['2026-03-02', '대체공휴일(삼일절)'], ['2026-05-25', '대체공휴일(부처님오신날)'],
                              ['2026-08-17', '대체공휴일(광복절)'], ['2026-10-05', '대체공휴일(개천절)']]) {
    assert.equal(byDate[date]?.name, name, date);
    assert.equal(byDate[date].kind, '대체공휴일', date);
    assert.equal(byDate[date].weekday, '월', date);
  }
  assert.equal(list.length, 21);
  assert.ok(list.every((r) => r.date.startsWith('2026-')));
  // 365 days − 104 weekend days − 15 holidays on weekdays.
  assert.match(html, /공휴일 <strong>21<\/strong>일\(평일 15일\) · 근무일 <strong>246<\/strong>일/);
  assert.match(html, /href="\/admin\/holidays\/2026-10-05\/edit"/, 'the administrator can edit');
  assert.match(html, /action="\/admin\/holidays"/, 'and add');
  // The menu entry leads here.
  assert.match(await page(admin, '/'), /href="\/admin\/holidays"[^>]*>공휴일·근무일</);
});

test('the same year through the API, on both kinds of sign-in', async () => {
  const body = await apiBody('/api/v1/holidays?year=2026', jeonjuToken, 200);
  assert.equal(body.year, 2026);
  assert.equal(body.working_days, 246);
  const items = Object.fromEntries(body.items.map((i) => [i.date, i]));
  assert.deepEqual(items['2026-10-05'], {
    date: '2026-10-05', weekday: '월', name: '대체공휴일(개천절)', kind: 'substitute', kind_label: '대체공휴일', source: 'shipped',
  });
  assert.equal(items['2026-06-03'].kind, 'election');
  // 2025: 어린이날 and 부처님오신날 share 05-05, with one substitute; 01-27 was a temporary holiday.
  const y2025 = Object.fromEntries((await holidays(2025)).map((i) => [i.date, i]));
  assert.equal(y2025['2025-05-05'].name, '어린이날·부처님오신날');
  assert.equal(y2025['2025-05-06'].name, '대체공휴일(어린이날)');
  assert.equal(y2025['2025-01-27'].kind, 'temporary');
  assert.equal(y2025['2025-10-08'].name, '대체공휴일(추석)');
  // 2027 and 2028 설날 follow Korea's lunar calendar, a day after China's.
  assert.equal((await holidays(2027)).find((i) => i.name === '설날').date, '2027-02-07');
  assert.equal((await holidays(2028)).find((i) => i.name === '설날').date, '2028-01-27');
  // The browser's session may read the API too; without either, 401.
  const viaCookie = await admin.get('/api/v1/holidays?year=2026');
  assert.equal(viaCookie.status, 200);
  await apiBody('/api/v1/holidays?year=2026', undefined, 401);
  await apiBody('/api/v1/holidays?year=1999', adminToken, 422);
  const noYear = await apiBody('/api/v1/holidays', adminToken, 200);
  assert.ok(noYear.year >= 2026, 'this year by default');
});

test('the working-day API adds and counts across 추석 and the year end', async () => {
  const add = (start, days) => apiBody(`/api/v1/working-days/add?start=${start}&days=${days}`, jeonjuToken, 200);
  assert.deepEqual(await add('2026-09-23', 5), { start: '2026-09-23', days: 5, date: '2026-10-02', weekday: '금', beyond_calendar: false });
  assert.equal((await add('2026-09-23', 6)).date, '2026-10-06');
  assert.equal((await add('2026-09-25', 0)).date, '2026-09-25', 'zero days: the start itself');
  assert.equal((await add('2026-12-24', 5)).date, '2027-01-04');
  assert.equal((await add('2040-01-02', 10)).beyond_calendar, true);

  const between = (from, to) => apiBody(`/api/v1/working-days/between?from=${from}&to=${to}`, jeonjuToken, 200);
  assert.equal((await between('2026-09-23', '2026-10-09')).working_days, 8);
  assert.equal((await between('2026-10-09', '2026-09-23')).working_days, -8);
  assert.equal((await between('2025-12-31', '2026-12-31')).working_days, 246);

  const bad = await apiBody('/api/v1/working-days/add?start=2026-02-30&days=열', jeonjuToken, 422);
  assert.deepEqual(Object.keys(bad.error.fields).sort(), ['days', 'start']);
  assert.equal((await apiBody('/api/v1/working-days/add?start=2026-09-23&days=3651', jeonjuToken, 422)).error.code, 'invalid_input');
  const badRange = await apiBody('/api/v1/working-days/between?from=2026-09-23', jeonjuToken, 422);
  assert.deepEqual(Object.keys(badRange.error.fields), ['to']);
  await apiBody('/api/v1/working-days/add?start=2026-09-23&days=5', undefined, 401);
  await apiBody('/api/v1/working-days/between?from=2026-09-23&to=2026-10-09', undefined, 401);
});

test('the calculator on the page works without JavaScript, and its errors are Korean 422s', async () => {
  const added = await page(admin, '/admin/holidays?year=2026&start=2026-09-23&days=5');
  assert.match(added, /2026-09-23 \(수\)부터 근무일 5일째는 <strong>2026-10-02 \(금\)<\/strong>입니다\./);
  const counted = await page(jeonju, '/admin/holidays?year=2026&from=2026-09-23&to=2026-10-09');
  assert.match(counted, /2026-09-23 \(수\) 다음 날부터 2026-10-09 \(금\)까지 근무일은 <strong>8<\/strong>일입니다\./);
  const bad = await page(admin, '/admin/holidays?year=2026&start=2026-13-01&days=-3', 422);
  assert.match(bad, /시작일을 2026-10-02와 같이/);
  assert.match(bad, /근무일 수는 0부터 3650까지의 정수로 입력해 주십시오\./);
  assert.match(bad, /href="#field-start"/, 'the error summary links to the field');
  assert.equal(rows(bad).length, 21, 'the year is still shown');
  // Both results at once (each form carries the other's values); an empty calculator is not asked for …
  const both = await page(admin, '/admin/holidays?year=2026&start=2026-09-23&days=5&from=&to=&calc=add');
  assert.match(both, /근무일 5일째는/);
  assert.doesNotMatch(both, /aria-invalid/);
  // … unless its own button sent it.
  const empty = await page(admin, '/admin/holidays?year=2026&start=&days=&from=&to=&calc=between', 422);
  assert.match(empty, /종료일을 2026-10-02와 같이/);
  const badYear = await page(admin, '/admin/holidays?year=abc', 422);
  assert.match(badYear, /연도는 2000부터 2100까지의 숫자로 입력해 주십시오\./);
});

test('an administrator adds a holiday; it counts at once and refuses a second one on the same date', async () => {
  const name = `임시공휴일(시험 ${run})`;
  const before = await apiBody('/api/v1/working-days/add?start=2099-03-02&days=1', adminToken, 200);
  assert.equal(before.date, '2099-03-03');
  const res = await post(admin, '/admin/holidays', { date: '2099-03-03', name, kind: 'temporary' });
  assert.equal(res.headers.get('location'), '/admin/holidays?year=2099');
  assert.equal(await flashAfter(admin, res), '공휴일을 등록했습니다: 2099-03-03 (화)');
  const row = rows(await page(admin, '/admin/holidays?year=2099')).find((r) => r.date === '2099-03-03');
  assert.deepEqual([row.name, row.kind], [name, '임시공휴일']);
  assert.match(row.source, /^관리자 \(김관리, \d{4}-\d\d-\d\d\)$/);
  const item = (await holidays(2099)).find((i) => i.date === '2099-03-03');
  assert.equal(item.source, 'admin');
  assert.equal((await apiBody('/api/v1/working-days/add?start=2099-03-02&days=1', adminToken, 200)).date, '2099-03-04');
  // One added day does not make 2099's holidays known: the page still says only weekends are counted.
  assert.match(await page(admin, '/admin/holidays?year=2099'), /2099년의 공휴일 자료가 없어/);
  assert.doesNotMatch(await page(admin, '/admin/holidays?year=2026'), /공휴일 자료가 없어/);

  const dup = await post(admin, '/admin/holidays', { date: '2099-03-03', name: '두 번째', kind: 'temporary' });
  assert.equal(dup.status, 422);
  const html = await dup.text();
  assert.match(html, /2099-03-03에는 이미 공휴일이 등록되어 있습니다\./);
  assert.match(html, /value="두 번째"/, 'the form keeps what was typed');
  assert.equal((await holidays(2099)).filter((i) => i.date === '2099-03-03').length, 1);
  assert.equal((await holidays(2099)).find((i) => i.date === '2099-03-03').name, name);
});

test('bad input gets 422 with a Korean message per field and adds nothing', async () => {
  const count = (await holidays(2099)).length;
  for (const [fields, messages] of [
    [{ date: '2099-02-30', name: '없는 날', kind: 'temporary' }, ['날짜를 2026-10-02와 같이']],
    [{ date: '2099-04-01', name: '   ', kind: 'temporary' }, ['공휴일 이름을 입력해 주십시오.']],
    [{ date: '2099-04-01', name: '가'.repeat(51), kind: 'temporary' }, ['공휴일 이름은 50자 이내로 입력해 주십시오.']],
    [{ date: '99-4-1', name: '', kind: 'holiday' }, ['날짜를', '공휴일 이름을 입력해 주십시오.', '공휴일 종류를 선택해 주십시오.']],
  ]) {
    const res = await post(admin, '/admin/holidays', fields);
    assert.equal(res.status, 422, JSON.stringify(fields));
    const html = await res.text();
    for (const m of messages) assert.ok(html.includes(m), `${JSON.stringify(fields)}: ${m}`);
    assert.match(html, /aria-invalid="true"/);
  }
  assert.equal((await holidays(2099)).length, count);
});

test('an edit and a deletion survive the seed that runs at every start', async () => {
  // Rename a shipped holiday: it becomes the administrator's and the seed leaves it alone.
  const edit = await admin.get('/admin/holidays/2030-12-25/edit');
  assert.equal(edit.status, 200);
  const editHtml = await edit.text();
  assert.match(editHtml, /2030-12-25 \(수\)/);
  assert.match(editHtml, /value="기독탄신일"/);
  const saved = await admin.postForm('/admin/holidays/2030-12-25', { _csrf: csrfFrom(editHtml), name: '성탄절', kind: 'statutory' });
  assert.equal(await flashAfter(admin, saved), '공휴일을 수정했습니다: 2030-12-25 (수)');
  const emptyName = await admin.postForm('/admin/holidays/2030-12-25', { _csrf: csrfFrom(editHtml), name: '', kind: 'statutory' });
  assert.equal(emptyName.status, 422);
  assert.match(await emptyName.text(), /공휴일 이름을 입력해 주십시오\./);

  // Delete a shipped one: it becomes a working day.
  const deleted = await post(admin, '/admin/holidays/2029-10-09/delete', { confirmed: '1' });
  assert.equal(await flashAfter(admin, deleted), '공휴일을 삭제했습니다: 2029-10-09 (화)');
  assert.ok(!(await holidays(2029)).some((i) => i.date === '2029-10-09'));
  assert.equal((await apiBody('/api/v1/working-days/between?from=2029-10-08&to=2029-10-09', adminToken, 200)).working_days, 1);
  assert.match(await page(admin, '/admin/holidays?year=2029'), /삭제한 공휴일[\s\S]*2029-10-09 \(화\) 한글날/);

  restartSeed();
  assert.equal((await holidays(2030)).find((i) => i.date === '2030-12-25').name, '성탄절');
  assert.ok(!(await holidays(2029)).some((i) => i.date === '2029-10-09'), 'the seed does not bring it back');

  const restored = await post(admin, '/admin/holidays/2029-10-09/restore', {});
  assert.equal(await flashAfter(admin, restored), '공휴일을 되살렸습니다: 2029-10-09 (화)');
  assert.equal((await holidays(2029)).find((i) => i.date === '2029-10-09').name, '한글날');
  const missing = await post(admin, '/admin/holidays/2099-12-31/delete', {});
  assert.equal(await flashAfter(admin, missing), '해당 날짜의 공휴일을 찾을 수 없습니다.');
  assert.equal((await admin.get('/admin/holidays/2026-02-30/edit')).status, 404);
  assert.equal((await admin.get('/admin/holidays/2026-11-25/edit')).status, 404);
});

test('a 시·군 officer may view and calculate but every write is refused with 403 and changes nothing', async () => {
  const html = await page(jeonju, '/admin/holidays?year=2026');
  assert.equal(rows(html).length, 21);
  assert.doesNotMatch(html, /action="\/admin\/holidays"[^>]*method="post"|method="post" action="\/admin\/holidays/, 'no write forms');
  assert.doesNotMatch(html, /\/edit"/);
  assert.match(await page(jeonju, '/'), /href="\/admin\/holidays"/, 'every role finds the calendar in its menu');
  const _csrf = await jeonju.csrf('/admin/holidays');
  for (const [path, fields] of [
    ['/admin/holidays', { date: '2099-05-04', name: `권한 시험 ${run}`, kind: 'temporary' }],
    ['/admin/holidays/2026-10-05', { name: '바뀐 이름', kind: 'substitute' }],
    ['/admin/holidays/2026-10-05/delete', {}],
    ['/admin/holidays/2026-10-05/restore', {}],
  ]) {
    const res = await jeonju.postForm(path, { _csrf, ...fields });
    assert.equal(res.status, 403, `POST ${path}`);
    const body = await res.text();
    assert.match(body, /접근 권한이 없습니다/);
    assert.doesNotMatch(body, /보안 확인값/, 'refused by the policy, not by the CSRF check');
  }
  assert.equal((await jeonju.get('/admin/holidays/2026-10-05/edit')).status, 403);
  assert.ok(!(await holidays(2099)).some((i) => i.date === '2099-05-04'));
  assert.equal((await holidays(2026)).find((i) => i.date === '2026-10-05').name, '대체공휴일(개천절)');
  // Signed out: the page sends you to sign in.
  const anonymous = await new Client().get('/admin/holidays');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /^\/login\?next=/);
});
