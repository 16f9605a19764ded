// 건의사항 (suggestions): filing and reading. Every route refuses the roles its policy rows do not grant and an
// anonymous caller; a 시·군 officer keeps a draft and submits it; every bad field is refused in Korean and
// changes nothing; a 시·군 officer never reaches another 시·군's suggestion by page, API, search, export or
// attachment, while the 시·군 it also concerns does; the list filters, sorts and pages by keyset, and downloads
// exactly the filtered rows; every JSON operation answers what openapi.json declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { csrfFrom, demoTokens, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'suggestions.view';
const FILE = 'suggestions.file';
// The roles each action is granted, as src/modules/suggestions/suggestion_permissions.cpp declares them.
const GRANTED = {
  [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  [FILE]: ['coordinator', 'municipal'],
};
const PAGE_SIZE = 25; // the page_size setting's default (suggestions_module.cpp)

const signedIn = signedInClients();
const token = demoTokens('suggestions-test');
const api = (login, path, body, method = body ? 'POST' : 'GET') => apiCall(method, path, { token: token(login), body });

let org; // code → id
let jeonjuItem; // submitted by 전주시, concerning 완주군
let gunsanItem;

/** Files through the API as `login`; returns the created suggestion. */
async function file(login, fields) {
  const res = await api(login, '/api/v1/suggestions', { domain: 'budget', content: '내용', ...fields });
  const body = await res.json();
  assert.equal(res.status, 201, `file as ${login}: ${JSON.stringify(body)}`);
  return body;
}

/** Files through the form as `login`; returns the response (303 to the new page, or the form again). */
async function fileByForm(login, fields) {
  const c = await signedIn(login);
  const _csrf = await c.csrf('/suggestions/new');
  return c.postForm('/suggestions', [['_csrf', _csrf], ...Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))]);
}

before(async () => {
  const res = await api('admin', '/api/v1/organizations');
  org = Object.fromEntries((await res.json()).items.map((o) => [o.code, o.id]));
  jeonjuItem = (await file('jeonju', { title: `전주 한옥마을 주차 ${run}`, concerned_ids: [org['52710']] })).id;
  gunsanItem = (await file('gunsan', { title: `군산 새만금 도로 ${run}` })).id;
});

test('every route refuses the roles not granted its action and an anonymous caller', async () => {
  const refusedTitle = `거절되어야 할 건의 ${run}`;
  const routes = [
    { method: 'GET', path: '/suggestions', action: VIEW },
    { method: 'GET', path: '/suggestions/similar?title=parking', action: VIEW },
    { method: 'GET', path: '/suggestions/reviews', action: VIEW },
    { method: 'GET', path: '/suggestions/new', action: FILE },
    { method: 'POST', path: '/suggestions', action: FILE, form: { title: refusedTitle, content: '내용', domain: 'budget' } },
    { method: 'GET', path: `/suggestions/${jeonjuItem}`, action: VIEW },
    { method: 'GET', path: `/suggestions/${jeonjuItem}/edit`, action: FILE },
    { method: 'POST', path: `/suggestions/${jeonjuItem}`, action: FILE, form: { title: refusedTitle } },
    { method: 'POST', path: `/suggestions/${jeonjuItem}/submit`, action: FILE },
    { method: 'POST', path: `/suggestions/${jeonjuItem}/decisions`, action: VIEW, form: { action: 'start_review' } },
    { method: 'GET', path: '/api/v1/suggestions', action: VIEW, api: true },
    { method: 'POST', path: '/api/v1/suggestions', action: FILE, api: true, body: { title: refusedTitle, domain: 'budget' } },
    { method: 'GET', path: `/api/v1/suggestions/${jeonjuItem}`, action: VIEW, api: true },
    { method: 'POST', path: `/api/v1/suggestions/${jeonjuItem}/decisions`, action: VIEW, api: true, body: { action: 'start_review' } },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
  // The refused posts filed and decided nothing.
  const items = (await (await api('coordinator', `/api/v1/suggestions?q=${encodeURIComponent(refusedTitle)}`)).json()).items;
  assert.equal(items.length, 0);
  const after = await (await api('coordinator', `/api/v1/suggestions/${jeonjuItem}`)).json();
  assert.equal(after.state, 'received');
});

test('a 시·군 officer keeps a draft only their organisation sees, then submits it and the coordinators are told', async () => {
  const title = `전주 임시 저장 ${run}`;
  const res = await fileByForm('jeonju', { title: `  ${title}  `, content: '', domain: 'project', submit: '0' });
  assert.equal(res.status, 303, res.status === 303 ? '' : await res.text());
  const id = Number(res.headers.get('location').match(/^\/suggestions\/(\d+)$/)[1]);
  const jeonju = await signedIn('jeonju');
  const page = await (await jeonju.get(`/suggestions/${id}`)).text();
  assert.match(page, /임시 저장했습니다/);
  assert.match(page, /작성중/);
  assert.match(page, new RegExp(`href="/suggestions/${id}/edit"`), 'the draft may be edited');
  // Nobody else sees a draft: not the coordinator, not the administrator, not the list, not search.
  for (const login of ['coordinator', 'admin', 'gunsan']) assert.equal((await api(login, `/api/v1/suggestions/${id}`)).status, 404, login);
  const coordinatorList = (await (await api('coordinator', `/api/v1/suggestions?q=${encodeURIComponent(title)}`)).json()).items;
  assert.equal(coordinatorList.length, 0);
  // Submitting without content is refused (the draft needed none) and changes nothing.
  const refused = await jeonju.postForm(`/suggestions/${id}/submit`, { _csrf: csrfFrom(page) });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /내용을 입력해 주십시오/);
  assert.equal((await (await api('jeonju', `/api/v1/suggestions/${id}`)).json()).state, 'draft');
  // Edited with content and submitted from the form.
  const edit = await (await jeonju.get(`/suggestions/${id}/edit`)).text();
  const submitted = await jeonju.postForm(`/suggestions/${id}`, { _csrf: csrfFrom(edit), title, content: '보완한 내용', domain: 'project', submit: '1' });
  assert.equal(submitted.status, 303);
  const json = await (await api('coordinator', `/api/v1/suggestions/${id}`)).json();
  assert.equal(json.state, 'received');
  assert.equal(json.title, title, 'stored trimmed');
  assert.equal(json.content, '보완한 내용');
  assert.deepEqual(json.timeline.map((e) => e.kind), ['submit']);
  const inbox = await (await signedIn('coordinator')).get('/notifications');
  assert.match(await inbox.text(), new RegExp(`전주시: ${title}`), 'the coordinator is told');
  // A submitted suggestion is no longer edited.
  assert.equal((await jeonju.postForm(`/suggestions/${id}`, { _csrf: csrfFrom(edit), title: '바뀐 제목', content: 'x', domain: 'project' })).status, 409);
});

test('every bad field is refused with 422 and a Korean message beside it, filing nothing', async () => {
  const title = `잘못된 건의 ${run}`;
  const cases = [
    [{ title: '   ' }, /제목을 입력해 주십시오/],
    [{ title: '가'.repeat(201) }, /제목은 200자 이하로 입력해 주십시오/],
    [{ content: '  ' }, /내용을 입력해 주십시오/],
    [{ content: '가'.repeat(4001) }, /내용은 4000자 이하로 입력해 주십시오/],
    [{ domain: 'weather' }, /정책영역을 골라 주십시오/],
    [{ concerned: [String(org['52000-B01'])] }, /관련 시·군은 목록에 있는 시·군 가운데에서 골라 주십시오/],
    [{ addressed_bureau: String(org['52130']) }, /건의할 실국은 목록에 있는 실국 가운데에서 골라 주십시오/],
    [{ desired_date: '2026-02-30' }, /희망 회신일은 2026-10-08처럼 날짜로 적어 주십시오/],
    [{ desired_date: '2000-01-01' }, /희망 회신일은 오늘이나 그 뒤의 날짜로 적어 주십시오/],
    [{ channel: 'policy_council' }, /회의에서 나온 건의는 시·군정책협력담당이 등록합니다/],
    [{ on_behalf_of: String(org['52130']) }, /회의에서 나온 건의는 시·군정책협력담당이 등록합니다/],
  ];
  for (const [fields, message] of cases) {
    const res = await fileByForm('jeonju', { title, content: '내용', domain: 'budget', submit: '1', ...fields });
    assert.equal(res.status, 422, JSON.stringify(fields));
    const html = await res.text();
    assert.match(html, message, JSON.stringify(fields));
    assert.match(html, /class="form-hint-invalid"/, 'beside the field');
  }
  const coordinatorMissing = await api('coordinator', '/api/v1/suggestions', { title, content: '내용', domain: 'budget', channel: 'policy_council' });
  assert.equal(coordinatorMissing.status, 422);
  assert.ok((await coordinatorMissing.json()).error.fields.on_behalf_of, 'the coordinator must name the 시·군');
  const wrongType = await api('jeonju', '/api/v1/suggestions', { title, domain: 'budget', concerned_ids: ['12'] });
  assert.equal(wrongType.status, 422);
  assertErrorJson(await wrongType.json(), 'invalid_input');
  const items = (await (await api('jeonju', `/api/v1/suggestions?q=${encodeURIComponent(title)}`)).json()).items;
  assert.equal(items.length, 0, 'nothing filed');
});

test('the coordinator records a suggestion raised at a meeting for a 시·군: received at once, with its channel', async () => {
  const created = await file('coordinator', { title: `협의회 제기 건의 ${run}`, channel: 'vice_mayors', on_behalf_of: org['52130'] });
  assert.equal(created.state, 'received');
  assert.equal(created.channel, 'vice_mayors');
  assert.equal(created.organization.id, org['52130']);
  assert.equal((await api('gunsan', `/api/v1/suggestions/${created.id}`)).status, 200, '군산시 sees what was raised for it');
  assert.equal((await api('jeonju', `/api/v1/suggestions/${created.id}`)).status, 404);
  const html = await (await (await signedIn('gunsan')).get(`/suggestions/${created.id}`)).text();
  assert.match(html, /부시장·부군수 회의에서 제기/);
});

test('another 시·군’s suggestion answers 404 on every route, while the 시·군 it concerns sees it', async () => {
  const gunsan = await signedIn('gunsan');
  const page = await gunsan.get(`/suggestions/${jeonjuItem}`);
  assert.equal(page.status, 404);
  assert.doesNotMatch(await page.text(), new RegExp(`전주 한옥마을 주차 ${run}`));
  const json = await api('gunsan', `/api/v1/suggestions/${jeonjuItem}`);
  assert.equal(json.status, 404);
  assertErrorJson(await json.json(), 'not_found');
  const decided = await api('gunsan', `/api/v1/suggestions/${jeonjuItem}/decisions`, { action: 'note', reason: '엿보기' });
  assert.equal(decided.status, 404);
  const listed = (await (await api('gunsan', '/api/v1/suggestions')).json()).items.map((i) => i.id);
  assert.ok(listed.includes(gunsanItem) && !listed.includes(jeonjuItem));
  const search = await (await api('gunsan', `/api/v1/search?q=${encodeURIComponent(run)}&source=suggestions`)).json();
  assert.ok(!search.items.some((i) => i.record_id === jeonjuItem), 'not found by search');
  const csv = await (await gunsan.get('/suggestions?format=csv')).text();
  assert.ok(!csv.includes(`전주 한옥마을 주차 ${run}`) && csv.includes(`군산 새만금 도로 ${run}`), 'not in the download');
  const similar = await (await gunsan.get(`/suggestions/similar?title=${encodeURIComponent(`전주 한옥마을 주차 ${run}`)}`)).text();
  assert.doesNotMatch(similar, /전주 한옥마을/, 'not offered as a similar suggestion');
  // 완주군 is concerned: it sees the suggestion (but never the internal notes: see suggestion-handling.test.mjs).
  assert.equal((await api('wanju', `/api/v1/suggestions/${jeonjuItem}`)).status, 200);
  // The province-wide roles see both.
  for (const login of ['coordinator', 'auditor', 'admin']) {
    assert.equal((await api(login, `/api/v1/suggestions/${gunsanItem}`)).status, 200, login);
    assert.equal((await api(login, `/api/v1/suggestions/${jeonjuItem}`)).status, 200, login);
  }
});

test('an attachment of a suggestion is reached only by those who may see the suggestion', async () => {
  const jeonju = await signedIn('jeonju');
  const form = new FormData();
  form.append('_csrf', await jeonju.csrf(`/suggestions/${jeonjuItem}`));
  form.append('owner_type', 'suggestion');
  form.append('owner_id', String(jeonjuItem));
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n주차장 현황\n')]), `주차장 현황 ${run}.pdf`);
  const up = await jeonju.request('/attachments', { method: 'POST', body: form, headers: { origin: jeonju.base } });
  assert.equal(up.status, 303);
  const html = await (await jeonju.get(`/suggestions/${jeonjuItem}`)).text();
  const id = html.match(/href="\/attachments\/(\d+)" download/)?.[1];
  assert.ok(id, 'listed on the page');
  assert.equal((await jeonju.get(`/attachments/${id}`)).status, 200);
  assert.equal((await (await signedIn('coordinator')).get(`/attachments/${id}`)).status, 200);
  assert.equal((await (await signedIn('wanju')).get(`/attachments/${id}`)).status, 200, 'the concerned 시·군');
  assert.equal((await (await signedIn('gunsan')).get(`/attachments/${id}`)).status, 404, 'another 시·군');
  const gunsan = await signedIn('gunsan');
  const sneak = new FormData();
  sneak.append('_csrf', await gunsan.csrf('/suggestions'));
  sneak.append('owner_type', 'suggestion');
  sneak.append('owner_id', String(jeonjuItem));
  sneak.append('files', new Blob([Buffer.from('x')]), 'sneak.txt');
  const refused = await gunsan.request('/attachments', { method: 'POST', body: sneak, headers: { origin: gunsan.base } });
  assert.ok([303, 404].includes(refused.status), `refused: ${refused.status}`);
  const after = await (await jeonju.get(`/suggestions/${jeonjuItem}`)).text();
  assert.doesNotMatch(after, /sneak\.txt/, 'nothing attached by another 시·군');
});

test('the list filters by state, 시·군, domain and title, sorts by due date and pages by keyset', async () => {
  const tag = `쪽나눔${run}`;
  const ids = [];
  for (let i = 0; i <= PAGE_SIZE; i++) ids.push((await file('iksan', { title: `${tag} ${i}`, domain: i % 2 ? 'personnel' : 'budget' })).id);
  const q = encodeURIComponent(tag);
  const first = await (await api('coordinator', `/api/v1/suggestions?q=${q}`)).json();
  assert.deepEqual(first.items.map((i) => i.id), ids.slice(1).reverse(), 'the newest page_size, newest first');
  assert.equal(typeof first.next, 'string');
  const second = await (await api('coordinator', `/api/v1/suggestions?q=${q}&after=${first.next}`)).json();
  assert.deepEqual(second.items.map((i) => i.id), [ids[0]]);
  assert.equal(second.next, null);
  const personnel = await (await api('coordinator', `/api/v1/suggestions?q=${q}&domain=personnel`)).json();
  assert.equal(personnel.items.length, 13, 'the odd-numbered ones');
  assert.ok(personnel.items.every((i) => i.domain === 'personnel'));
  const byMunicipality = await (await api('coordinator', `/api/v1/suggestions?q=${q}&municipality=${org['52130']}`)).json();
  assert.equal(byMunicipality.items.length, 0, '익산시’s suggestions are not 군산시’s');
  const byState = await (await api('coordinator', `/api/v1/suggestions?q=${q}&state=adopted`)).json();
  assert.equal(byState.items.length, 0);
  // Sorted by due date, keyset paging carries the date and the id.
  const due1 = await (await api('coordinator', `/api/v1/suggestions?q=${q}&sort=due`)).json();
  assert.match(due1.next, /^9999-12-31\.\d+$/);
  const due2 = await (await api('coordinator', `/api/v1/suggestions?q=${q}&sort=due&after=${due1.next}`)).json();
  assert.equal(due1.items.length + due2.items.length, PAGE_SIZE + 1);
  assert.equal(new Set([...due1.items, ...due2.items].map((i) => i.id)).size, PAGE_SIZE + 1, 'no row twice');
  // The title filter is text, not a pattern: '%' and '_' match only themselves.
  const literal = `퍼센트${run}`;
  const percent = await file('iksan', { title: `${literal} 100%_달성` });
  for (const text of [`${literal} 100%_`, `${literal} 100%_달성`]) {
    const found = await (await api('coordinator', `/api/v1/suggestions?q=${encodeURIComponent(text)}`)).json();
    assert.deepEqual(found.items.map((i) => i.id), [percent.id], `only the title holding "${text}"`);
  }
  for (const pattern of [`${literal}%`, `${literal} 1_0`, `${literal} _`]) {
    const found = await (await api('coordinator', `/api/v1/suggestions?q=${encodeURIComponent(pattern)}`)).json();
    assert.equal(found.items.length, 0, `"${pattern}" is no wildcard`);
  }
  // The page shows the same, and its next link keeps the filter.
  const html = await (await (await signedIn('coordinator')).get(`/suggestions?q=${q}`)).text();
  const next = html.match(/href="([^"]*)" rel="next"/)?.[1];
  assert.ok(next?.includes(`q=${q}`) && /after=\d+$/.test(next), `the next link keeps the filter: ${next}`);
  // A bad filter is a Korean 422, not an empty list.
  for (const bad of ['state=lost', 'lead=x', 'domain=weather', 'view=everything', 'sort=random', 'after=abc', 'sort=due&after=123']) {
    const res = await api('coordinator', `/api/v1/suggestions?${bad}`);
    assert.equal(res.status, 422, bad);
    assertErrorJson(await res.json(), 'invalid_input', bad);
  }
});

test('the download carries exactly the filtered rows and is recorded in the access log', async () => {
  const coordinator = await signedIn('coordinator');
  const tag = encodeURIComponent(`쪽나눔${run}`);
  const csv = await coordinator.get(`/suggestions?q=${tag}&domain=personnel&format=csv`);
  assert.equal(csv.status, 200);
  const text = await csv.text();
  const lines = text.trim().split(/\r?\n/);
  assert.match(lines[0], /번호,제목,상태,건의 기관,정책영역/);
  assert.equal(lines.length - 1, 13, 'the personnel rows only, all of them (not one page)');
  assert.ok(lines.slice(1).every((l) => l.includes(',인사,')));
  const xlsx = await coordinator.get(`/suggestions?q=${tag}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const log = await (await api('admin', '/api/v1/history?record_type=suggestion&kind=access')).json();
  assert.ok(log.items.some((e) => /건의사항 목록/.test(JSON.stringify(e))), 'the download is in the access log');
});

test('every JSON operation answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const cases = {
    'GET /api/v1/suggestions': {
      200: () => api('jeonju', '/api/v1/suggestions'),
      401: () => apiCall('GET', '/api/v1/suggestions'),
      403: () => api('expert', '/api/v1/suggestions'),
      422: () => api('jeonju', '/api/v1/suggestions?state=lost'),
    },
    'POST /api/v1/suggestions': {
      201: () => api('jeonju', '/api/v1/suggestions', { title: `명세 확인 ${run}`, content: '내용', domain: 'information', concerned_ids: [org['52710']], desired_date: '2099-01-05' }),
      401: () => apiCall('POST', '/api/v1/suggestions', { body: { title: 'x', domain: 'budget' } }),
      403: () => api('expert', '/api/v1/suggestions', { title: 'x', domain: 'budget' }),
      422: () => api('jeonju', '/api/v1/suggestions', { title: '', domain: 'budget' }),
    },
    'GET /api/v1/suggestions/{id}': {
      200: () => api('jeonju', `/api/v1/suggestions/${jeonjuItem}`),
      401: () => apiCall('GET', `/api/v1/suggestions/${jeonjuItem}`),
      403: () => api('expert', `/api/v1/suggestions/${jeonjuItem}`),
      404: () => api('gunsan', `/api/v1/suggestions/${jeonjuItem}`),
    },
    'POST /api/v1/suggestions/{id}/decisions': {
      200: () => api('coordinator', `/api/v1/suggestions/${gunsanItem}/decisions`, { action: 'note', reason: '명세 확인용 메모' }),
      401: () => apiCall('POST', `/api/v1/suggestions/${gunsanItem}/decisions`, { body: { action: 'note' } }),
      403: () => api('gunsan', `/api/v1/suggestions/${gunsanItem}/decisions`, { action: 'start_review' }),
      404: () => api('jeonju', `/api/v1/suggestions/${gunsanItem}/decisions`, { action: 'start_review' }),
      409: () => api('coordinator', `/api/v1/suggestions/${gunsanItem}/decisions`, { action: 'close' }),
      422: () => api('coordinator', `/api/v1/suggestions/${gunsanItem}/decisions`, { action: 'fly' }),
    },
  };
  for (const [operation, byStatus] of Object.entries(cases)) {
    assert.deepEqual(Object.keys(byStatus).map(Number), assertDocumented.declared(operation), `${operation}: a case per declared status`);
    for (const [status, call] of Object.entries(byStatus)) {
      const res = await call();
      assert.equal(res.status, Number(status), `${operation} ${status}: ${res.status === Number(status) ? '' : await res.text()}`);
      await assertDocumented(operation, res);
    }
  }
});

test('the home page shows each role its waiting suggestions, and the indicator counts submissions', async () => {
  const home = await (await (await signedIn('coordinator')).get('/')).text();
  assert.match(home, /접수를 기다리는 건의/);
  assert.match(home, /href="\/suggestions\?state=received"/);
  const year = new Date(Date.now() + 9 * 3600 * 1000).getUTCFullYear();
  const figures = await (await api('admin', `/api/v1/indicators/suggestions.submitted?year=${year}`)).json();
  assert.ok(figures.values.find((v) => v.organization_id === org['52110'])?.value >= 1);
});
