// 건의사항 성과 지표 (suggestion figures): suggestions filed and carried through the API show on the figures page
// and in GET /api/v1/suggestions/figures exactly — for a bureau created for this run (so that its row holds
// nothing else), and as a change for the 시·군 that filed them; each role counts only what it may open (a 시·군
// officer never another 시·군's suggestions); every table downloads as CSV and XLSX; a bad year or period is a
// Korean 422; the operation answers what openapi.json declares; the list links to the page and the home card
// shows the year's key figures.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { demoTokens, hangul, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'suggestions.view';
// The roles suggestions.view is granted (src/modules/suggestions/suggestion_permissions.cpp).
const GRANTED = { [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'] };

const token = demoTokens('suggestion-figures-test');
const api = (login, path, body) => apiCall(body ? 'POST' : 'GET', path, { token: token(login), body });
const signedIn = signedInClients();

// The Korean year and quarter now: what the server counts "now" in.
const korea = new Date(Date.now() + 9 * 3600 * 1000);
const year = korea.getUTCFullYear();
const quarter = `q${Math.floor(korea.getUTCMonth() / 3) + 1}`;

let org; // code → id
let bureau; // the bureau made for this run
let before_; // figures before this file's suggestions, per login

async function figures(login, query = `year=${year}`) {
  const res = await api(login, `/api/v1/suggestions/figures?${query}`);
  const body = await res.json();
  assert.equal(res.status, 200, `${login}: ${JSON.stringify(body)}`);
  return body;
}
const row = (body, table, name) => body[table].find((g) => g.name === name);

async function file(login, title) {
  const res = await api(login, '/api/v1/suggestions', { title: `${title} ${run}`, content: '내용', domain: 'project' });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return body;
}
async function decide(login, id, action, fields = {}) {
  const res = await api(login, `/api/v1/suggestions/${id}/decisions`, { action, ...fields });
  const body = await res.json();
  assert.equal(res.status, 200, `${action} on ${id}: ${JSON.stringify(body)}`);
  return body;
}
const adopt = (id) => decide('coordinator', id, 'adopt', { lead_bureau_id: bureau.id, working_days: 10 });

before(async () => {
  const res = await api('admin', '/api/v1/organizations');
  org = Object.fromEntries((await res.json()).items.map((o) => [o.code, o.id]));
  const made = await api('admin', '/api/v1/organizations', {
    code: `F-${run}`.toUpperCase().slice(0, 20),
    name: `성과시험국 ${run}`,
    kind: 'bureau',
    parent_id: org['52000'],
    sort_order: 990,
  });
  bureau = await made.json();
  assert.equal(made.status, 201, JSON.stringify(bureau));

  before_ = { coordinator: await figures('coordinator'), jangsu: await figures('jangsu'), gochang: await figures('gochang') };

  // 장수군: A resolved, answered and rated 4; B partly resolved, answered and rated 2; E only received.
  const a = await file('jangsu', '장수 성과 해결');
  await decide('coordinator', a.id, 'start_review');
  await adopt(a.id);
  await decide('coordinator', a.id, 'start_progress');
  await decide('coordinator', a.id, 'resolve');
  await decide('coordinator', a.id, 'answer', { reason: '해결했습니다.' });
  await decide('jangsu', a.id, 'rate', { rating: 4 });
  const b = await file('jangsu', '장수 성과 부분해결');
  await decide('coordinator', b.id, 'start_review');
  await adopt(b.id);
  await decide('coordinator', b.id, 'start_progress');
  await decide('coordinator', b.id, 'resolve_partly', { reason: '일부만 반영했습니다.' });
  await decide('coordinator', b.id, 'answer', { reason: '일부 해결했습니다.' });
  await decide('jangsu', b.id, 'rate', { rating: 2 });
  await file('jangsu', '장수 성과 접수만');
  // 고창군: C adopted and its due date extended once; D refused at review and answered (no lead bureau).
  const c = await file('gochang', '고창 성과 연장');
  await decide('coordinator', c.id, 'start_review');
  const adopted = await adopt(c.id);
  const later = new Date(Date.parse(`${adopted.due_date}T00:00:00Z`) + 7 * 86400 * 1000).toISOString().slice(0, 10);
  await decide('coordinator', c.id, 'extend', { due_date: later, reason: '현장 조사 일정' });
  const d = await file('gochang', '고창 성과 수용불가');
  await decide('coordinator', d.id, 'start_review');
  await decide('coordinator', d.id, 'reject', { reason: '도 사무가 아닙니다.' });
  await decide('coordinator', d.id, 'answer', { reason: '수용할 수 없습니다.' });
});

/** The figures of a period with every count zero and nothing to average. */
const EMPTY = {
  received: 0, adopted: 0, resolved: 0, partly_resolved: 0,
  resolution_rate: { adopted: 0, resolved: 0, percent: null },
  days_to_first_answer: { n: 0, median: null }, days_to_resolution: { n: 0, median: null },
  overdue: 0, extensions: 0, satisfaction: { n: 0, sum: 0, mean: null },
};

test('the new bureau’s row holds exactly its three suggestions, in this quarter and the year', async () => {
  const body = await figures('coordinator');
  assert.equal(body.scope, 'province');
  assert.equal(body.year, year);
  const mine = row(body, 'bureaus', bureau.name);
  assert.ok(mine, 'the new bureau has a row');
  assert.equal(mine.id, bureau.id);
  const expected = {
    received: 3, adopted: 3, resolved: 1, partly_resolved: 1,
    // Of the 3 adopted, 1 reached 해결 (부분해결 is not in the rate).
    resolution_rate: { adopted: 3, resolved: 1, percent: 33.3 },
    // Submitted and answered today: 0 working days.
    days_to_first_answer: { n: 2, median: 0 }, days_to_resolution: { n: 2, median: 0 },
    overdue: 0, extensions: 1, satisfaction: { n: 2, sum: 6, mean: 3 },
  };
  assert.deepEqual(mine.figures[quarter], expected);
  assert.deepEqual(mine.figures.year, expected);
  for (const q of ['q1', 'q2', 'q3', 'q4'].filter((q) => q !== quarter)) assert.deepEqual(mine.figures[q], EMPTY, q);
  // Every table's rows add up to the total for each count.
  for (const table of ['bureaus', 'municipalities']) {
    for (const key of ['received', 'adopted', 'resolved', 'partly_resolved', 'overdue', 'extensions']) {
      const sum = body[table].reduce((n, g) => n + g.figures.year[key], 0);
      assert.equal(sum, body.total.year[key], `${table} ${key}`);
    }
  }
  // Every active 시·군 has a row for a province-wide role, zeros included.
  assert.ok(body.municipalities.length >= 14);
  assert.deepEqual(body.periods.map((p) => p.code), ['q1', 'q2', 'q3', 'q4', 'year']);
  assert.equal(body.periods[4].first, `${year}-01-01`);
  assert.equal(body.periods[4].last, `${year}-12-31`);
});

test('the 시·군 that filed them count them: 장수군 three, 고창군 two', async () => {
  const after = await figures('coordinator');
  const change = (name, key) => row(after, 'municipalities', name).figures[quarter][key] - row(before_.coordinator, 'municipalities', name).figures[quarter][key];
  assert.equal(change('장수군', 'received'), 3);
  assert.equal(change('장수군', 'adopted'), 2);
  assert.equal(change('장수군', 'resolved'), 1);
  assert.equal(change('장수군', 'partly_resolved'), 1);
  assert.equal(change('장수군', 'extensions'), 0);
  assert.equal(change('고창군', 'received'), 2);
  assert.equal(change('고창군', 'adopted'), 1);
  assert.equal(change('고창군', 'extensions'), 1);
  const none = (b) => row(b, 'bureaus', '주관 실국 없음')?.figures.year.received ?? 0;
  assert.ok(none(after) - none(before_.coordinator) >= 2, 'E and D have no lead bureau');
  // The auditor and the administrator count the same as the coordinator.
  for (const login of ['auditor', 'admin']) {
    const theirs = await figures(login);
    assert.equal(theirs.scope, 'province', login);
    assert.deepEqual(row(theirs, 'bureaus', bureau.name), row(after, 'bureaus', bureau.name), login);
  }
});

test('a 시·군 officer counts only what their 시·군 may open, never another 시·군’s suggestions', async () => {
  const jangsu = await figures('jangsu');
  assert.equal(jangsu.scope, 'visible');
  assert.ok(row(jangsu, 'municipalities', '장수군'), 'their own row');
  assert.equal(row(jangsu, 'municipalities', '고창군'), undefined, 'no row for 고창군');
  const theirBureau = row(jangsu, 'bureaus', bureau.name).figures.year;
  assert.equal(theirBureau.received, 2, 'A and B, not 고창군’s C');
  assert.equal(theirBureau.extensions, 0, 'C’s extension is 고창군’s');
  assert.deepEqual(theirBureau.satisfaction, { n: 2, sum: 6, mean: 3 });
  assert.equal(jangsu.total.year.received - before_.jangsu.total.year.received, 3);

  const gochang = await figures('gochang');
  assert.equal(row(gochang, 'municipalities', '장수군'), undefined);
  assert.equal(row(gochang, 'bureaus', bureau.name).figures.year.received, 1);
  assert.equal(row(gochang, 'bureaus', bureau.name).figures.year.extensions, 1);
  assert.equal(gochang.total.year.received - before_.gochang.total.year.received, 2);

  // The page and its downloads say the same: 고창군 is nowhere on 장수군's.
  const page = await (await signedIn('jangsu')).get(`/suggestions/figures?year=${year}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /볼 수 있는 건의만 셉니다/);
  assert.doesNotMatch(html, /고창군/);
  for (const table of ['municipalities', 'bureaus', 'quarters']) {
    const csv = await (await signedIn('jangsu')).get(`/suggestions/figures?year=${year}&table=${table}&format=csv`);
    assert.equal(csv.status, 200, table);
    assert.doesNotMatch(await csv.text(), /고창군/, table);
  }
});

test('a bureau officer counts what their bureau may open: not the new bureau’s suggestions', async () => {
  const planning = await figures('planning');
  assert.equal(planning.scope, 'visible');
  assert.equal(row(planning, 'bureaus', bureau.name), undefined);
  assert.ok(row(planning, 'bureaus', '기획조정실'), 'their own bureau, even with nothing counted');
});

test('the page shows the tables and charts, and each table downloads as CSV and XLSX', async () => {
  const coordinator = await signedIn('coordinator');
  const html = await (await coordinator.get(`/suggestions/figures?year=${year}&period=${quarter}`)).text();
  assert.match(html, /도 전체의 건의를 셉니다/);
  for (const id of ['figures-quarters', 'figures-bureaus', 'figures-municipalities']) assert.match(html, new RegExp(`<table[^>]*id="${id}"`));
  assert.equal((html.match(/class="sotong-chart"/g) ?? []).length, 3);
  assert.match(html, /src="\/static\/echarts\/echarts\.min\.js\?v=[0-9a-f]+"/, 'ECharts from this server');
  assert.ok(html.includes(`성과시험국 ${run}`));
  const cells = html.match(new RegExp(`<tr><th scope="row">성과시험국 ${run}</th>(.*?)</tr>`))?.[1] ?? '';
  assert.deepEqual([...cells.matchAll(/data-value="([^"]*)"/g)].map((m) => m[1]), ['3', '3', '1', '1', '33.3', '0', '0', '0', '1', '3.0'], 'what the charts read');
  assert.match(cells, /33\.3%<\/span> <span class="figure-detail">\(1\/3\)<\/span>/, 'the rate with what it was counted over');

  const csv = await coordinator.get(`/suggestions/figures?year=${year}&period=${quarter}&table=bureaus&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.equal(lines[0], '주관 실국,접수,의제화,해결,부분해결,의제화 중 기간 말까지 해결,해결률(%),첫 회신,첫 회신까지 중앙값(근무일),해결·부분해결,해결까지 중앙값(근무일),기한 지남,기한 연장(회),만족도 평가,만족도 평균(점)');
  assert.ok(lines.includes(`성과시험국 ${run},3,3,1,1,1,33.3,2,0,2,0,0,1,2,3.0`), lines.join('\n'));
  assert.match(lines.at(-1), /^합계,/);
  const quarters = (await (await coordinator.get(`/suggestions/figures?year=${year}&table=quarters&format=csv`)).text()).split('\r\n').filter(Boolean);
  assert.deepEqual(quarters.slice(1).map((l) => l.split(',')[0]), ['1분기', '2분기', '3분기', '4분기', '연간']);
  for (const table of ['quarters', 'bureaus', 'municipalities']) {
    const xlsx = await coordinator.get(`/suggestions/figures?year=${year}&table=${table}&format=xlsx`);
    assert.equal(xlsx.status, 200, table);
    assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK');
  }
  const log = await (await api('admin', '/api/v1/history?record_type=suggestion&kind=access')).json();
  assert.ok(log.items.some((e) => /건의사항 성과 지표/.test(JSON.stringify(e))), 'the download is in the access log');
});

test('a bad year, period or table is refused in Korean with 422', async () => {
  for (const query of ['year=20x6', 'year=1999', 'year=12026', 'year=-202']) {
    const res = await api('coordinator', `/api/v1/suggestions/figures?${query}`);
    assert.equal(res.status, 422, query);
    const body = await res.json();
    assertErrorJson(body, 'invalid_input', query);
    assert.match(body.error.fields.year, hangul, query);
  }
  const coordinator = await signedIn('coordinator');
  for (const [query, text] of [['year=abcd', /연도/], ['period=q5', /기간/], ['table=people&format=csv', /내려받을 표/], ['table=bureaus&format=pdf', /형식/]]) {
    const res = await coordinator.get(`/suggestions/figures?${query}`);
    assert.equal(res.status, 422, query);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(await res.text(), text, query);
  }
});

test('the routes refuse the roles without suggestions.view and an anonymous caller', async () => {
  const routes = [
    { method: 'GET', path: '/suggestions/figures', action: VIEW },
    { method: 'GET', path: '/suggestions/figures?table=bureaus&format=csv', action: VIEW },
    { method: 'GET', path: '/api/v1/suggestions/figures', action: VIEW, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2);
});

test('GET /api/v1/suggestions/figures answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const operation = 'GET /api/v1/suggestions/figures';
  const cases = {
    200: [() => api('coordinator', `/api/v1/suggestions/figures?year=${year}`), () => api('jangsu', '/api/v1/suggestions/figures'), () => api('planning', '/api/v1/suggestions/figures?year=2001')],
    401: [() => apiCall('GET', '/api/v1/suggestions/figures')],
    403: [() => api('expert', '/api/v1/suggestions/figures')],
    422: [() => api('coordinator', '/api/v1/suggestions/figures?year=2101')],
  };
  assert.deepEqual(Object.keys(cases).map(Number), assertDocumented.declared(operation));
  for (const [status, calls] of Object.entries(cases)) {
    for (const call of calls) {
      const res = await call();
      assert.equal(res.status, Number(status), `${status}: ${res.status === Number(status) ? '' : await res.text()}`);
      await assertDocumented(operation, res);
    }
  }
});

test('the list links to the figures, and the home card shows the year’s key figures', async () => {
  const coordinator = await signedIn('coordinator');
  assert.match(await (await coordinator.get('/suggestions')).text(), /href="\/suggestions\/figures"/);
  const body = await figures('coordinator');
  const home = await (await coordinator.get('/')).text();
  assert.match(home, /건의사항 성과 지표/);
  assert.ok(home.includes(`${year}년 접수</dt><dd>${body.total.year.received.toLocaleString('en-US')}건`), 'this year’s received count');
  assert.match(home, /href="\/suggestions\/figures"/);
  const jangsuHome = await (await signedIn('jangsu')).get('/');
  assert.match(await jangsuHome.text(), /볼 수 있는 건의만 셉니다/);
});
