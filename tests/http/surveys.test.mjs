// 정책소통협력지수 (surveys), stamped by scripts/new-module: every route refuses the roles its policy rows do not grant and
// an anonymous caller; a 시·군 officer creates an item through the form, finds it in the list, opens it; another
// 시·군's item answers 404 to them; the list pages by its page_size setting; the card, search and indicator see
// the items.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom, fetch, runSuffix as run } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'surveys.view';
const MANAGE = 'surveys.manage';
// The roles each action is granted, as src/modules/surveys/survey_permissions.cpp declares them.
const GRANTED = {
  [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  [MANAGE]: ['admin', 'coordinator', 'bureau', 'municipal'],
};
const PAGE_SIZE = 25; // the page_size setting's default (surveys_module.cpp)

const clients = new Map();
/** One signed-in client per demo login. */
async function signedIn(login) {
  if (!clients.has(login)) {
    const c = new Client();
    await c.login(login);
    clients.set(login, c);
  }
  return clients.get(login);
}

/** Creates an item through the form as `login`; returns its id. */
async function create(login, title) {
  const c = await signedIn(login);
  const _csrf = await c.csrf('/surveys/new');
  const res = await c.postForm('/surveys', { _csrf, title });
  assert.equal(res.status, 303, `create as ${login}: ${res.status === 303 ? '' : await res.text()}`);
  const id = res.headers.get('location').match(/^\/surveys\/(\d+)$/)?.[1];
  assert.ok(id, `redirects to the new item: ${res.headers.get('location')}`);
  return Number(id);
}

const api = (path, token) =>
  fetch(new Client().base + path, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });

let jeonjuItem;
let gunsanItem;

before(async () => {
  jeonjuItem = await create('jeonju', `전주 항목 ${run}`);
  gunsanItem = await create('gunsan', `군산 항목 ${run}`);
});

test('every route refuses the roles not granted its action and an anonymous caller', async () => {
  const refusedTitle = `거절되어야 할 항목 ${run}`;
  const routes = [
    { method: 'GET', path: '/surveys', action: VIEW },
    { method: 'GET', path: '/surveys/new', action: MANAGE },
    { method: 'POST', path: '/surveys', action: MANAGE, form: { title: refusedTitle } },
    { method: 'GET', path: `/surveys/${jeonjuItem}`, action: VIEW },
    { method: 'GET', path: '/api/v1/surveys', action: VIEW, api: true },
    { method: 'GET', path: `/api/v1/surveys/${jeonjuItem}`, action: VIEW, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
  // The refused form posts created nothing.
  const items = (await (await api('/api/v1/surveys', createToken('admin', 'surveys-test'))).json()).items;
  assert.ok(!items.some((i) => i.title === refusedTitle));
});

test('a 시·군 officer creates an item through the form, finds it in the list and opens it', async () => {
  const jeonju = await signedIn('jeonju');
  const title = `전주 새 항목 ${run}`;
  const id = await create('jeonju', `  ${title}  `);
  const detail = await jeonju.get(`/surveys/${id}`); // where the form's redirect leads
  assert.equal(detail.status, 200);
  const html = await detail.text();
  assert.match(html, /등록했습니다\./, 'the one-time success message');
  assert.ok(html.includes(`<td>${title}</td>`), 'stored trimmed');
  assert.ok(html.includes('<td>전주시</td>'), 'the item belongs to the officer’s 시·군');
  const list = await jeonju.get('/surveys');
  assert.equal(list.status, 200);
  assert.ok((await list.text()).includes(`<a href="/surveys/${id}">${title}</a>`), 'listed');
  const json = await api(`/api/v1/surveys/${id}`, createToken('jeonju', 'surveys-test'));
  assert.equal(json.status, 200);
  const body = await json.json();
  assert.equal(body.title, title);
  assert.equal(body.organization_name, '전주시');
});

test('a missing title is refused with 422 and a Korean message beside the field, creating nothing', async () => {
  const jeonju = await signedIn('jeonju');
  const form = await jeonju.get('/surveys/new');
  const res = await jeonju.postForm('/surveys', { _csrf: csrfFrom(await form.text()), title: '   ' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<p class="form-hint-invalid">제목을 입력해 주십시오\.<\/p>/);
  assert.match(html, /aria-invalid="true"/);
  const long = await jeonju.postForm('/surveys', { _csrf: csrfFrom(html), title: '가'.repeat(201) });
  assert.equal(long.status, 422);
  assert.match(await long.text(), /200자 이하로 입력해 주십시오/);
});

test('another 시·군’s item answers 404 to a 시·군 officer, in HTML and JSON, and is not listed', async () => {
  const jeonju = await signedIn('jeonju');
  const page = await jeonju.get(`/surveys/${gunsanItem}`);
  assert.equal(page.status, 404);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  assert.doesNotMatch(await page.text(), new RegExp(`군산 항목 ${run}`));
  const token = createToken('jeonju', 'surveys-test');
  const json = await api(`/api/v1/surveys/${gunsanItem}`, token);
  assert.equal(json.status, 404);
  assertErrorJson(await json.json(), 'not_found');
  const listed = (await (await api('/api/v1/surveys', token)).json()).items.map((i) => i.id);
  assert.ok(listed.includes(jeonjuItem) && !listed.includes(gunsanItem));
  assert.doesNotMatch(await (await jeonju.get('/surveys')).text(), new RegExp(`군산 항목 ${run}`));
  // A province-wide role sees both.
  const coordinator = await signedIn('coordinator');
  assert.equal((await coordinator.get(`/surveys/${gunsanItem}`)).status, 200);
  assert.equal((await coordinator.get(`/surveys/${jeonjuItem}`)).status, 200);
});

test('the list shows page_size items and continues on the next page by keyset', async () => {
  const ids = [];
  for (let i = 0; i <= PAGE_SIZE; i++) ids.push(await create('planning', `쪽 나눔 ${i} ${run}`));
  const planning = await signedIn('planning');
  const first = await (await planning.get('/surveys')).text();
  const rows = (html) => [...html.matchAll(/<a href="\/surveys\/(\d+)">/g)].map((m) => Number(m[1]));
  assert.deepEqual(rows(first), ids.slice(1).reverse(), 'the newest page_size items, newest first');
  const next = first.match(/href="(\/surveys\?before=\d+)"/)?.[1];
  assert.ok(next, 'a link to the next page');
  const second = await (await planning.get(next)).text();
  assert.ok(rows(second).includes(ids[0]), 'the oldest item on the next page');
  const json = await (await api('/api/v1/surveys', createToken('planning', 'surveys-test'))).json();
  assert.equal(json.items.length, PAGE_SIZE);
  assert.equal(typeof json.next_before, 'number');
});

test('every JSON operation answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const jeonju = createToken('jeonju', 'surveys-test');
  const expert = createToken('expert', 'surveys-test'); // no surveys action
  const anonymous = (path) => fetch(new Client().base + path, { headers: { accept: 'application/json' } });
  const cases = {
    'GET /api/v1/surveys': {
      200: () => api('/api/v1/surveys', jeonju),
      401: () => anonymous('/api/v1/surveys'),
      403: () => api('/api/v1/surveys', expert),
    },
    'GET /api/v1/surveys/{id}': {
      200: () => api(`/api/v1/surveys/${jeonjuItem}`, jeonju),
      401: () => anonymous(`/api/v1/surveys/${jeonjuItem}`),
      403: () => api(`/api/v1/surveys/${jeonjuItem}`, expert),
      404: () => api(`/api/v1/surveys/${gunsanItem}`, jeonju),
    },
  };
  for (const [operation, byStatus] of Object.entries(cases)) {
    assert.deepEqual(Object.keys(byStatus).map(Number), assertDocumented.declared(operation), `${operation}: a case per declared status`);
    for (const [status, call] of Object.entries(byStatus)) {
      const res = await call();
      assert.equal(res.status, Number(status), operation);
      await assertDocumented(operation, res);
    }
  }
});

test('the dashboard card, search and the indicator see the items', async () => {
  const jeonju = await signedIn('jeonju');
  const home = await (await jeonju.get('/')).text();
  assert.match(home, /<a href="\/surveys">\d+건<\/a>/, 'the card counts and links to the list');
  const token = createToken('jeonju', 'surveys-test');
  const found = await (await api(`/api/v1/search?q=${encodeURIComponent(run)}&source=surveys`, token)).json();
  const hits = found.items.filter((i) => i.source === 'surveys').map((i) => i.record_id);
  assert.ok(hits.includes(jeonjuItem), 'own item found');
  assert.ok(!hits.includes(gunsanItem), 'another 시·군’s item not found');
  const admin = createToken('admin', 'surveys-test');
  const year = new Date(Date.now() + 9 * 3600 * 1000).getUTCFullYear();
  const figures = await (await api(`/api/v1/indicators/surveys.created?year=${year}`, admin)).json();
  const orgs = (await (await api('/api/v1/organizations?kind=municipality', admin)).json()).items;
  const jeonjuCity = orgs.find((o) => o.code === '52110');
  assert.ok(figures.values.find((v) => v.organization_id === jeonjuCity.id)?.value >= 1);
});
