// The meetings' JSON API (/api/v1/meetings…): bodies, a year of meetings, one meeting with its agenda and
// action items, the open action items by organisation — refused to the roles without meetings.view and to an
// anonymous caller, scoped as the pages are (a 시·군 never sees a body it does not sit on), and every status
// each operation declares in openapi.json answered with the body it declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom } from './lib/client.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';
import { openApiChecker } from './lib/openapi.mjs';

const VIEW = 'meetings.view';
const GRANTED = { [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'] };

const tokens = new Map();
const api = (login, path) => {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'meeting-api-test'));
  return apiCall('GET', path, { token: tokens.get(login) });
};
async function json(login, path, status = 200) {
  const res = await api(login, path);
  const body = await res.json();
  assert.equal(res.status, status, `${login} GET ${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

const year = 2040 + Math.floor(Math.random() * 50);
let coordinator; // { client, csrf }
let council;
let saemangeum;
let councilMeeting;
let saemangeumMeeting;
let jeonjuId;

async function convene(body, date) {
  const res = await coordinator.client.postForm(`/meetings/bodies/${body}/meetings`, { _csrf: coordinator.csrf, date });
  assert.equal(res.status, 303, `convene ${date}: ${res.status}`);
  return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
}

before(async () => {
  const client = new Client();
  await client.login('coordinator');
  coordinator = { client, csrf: csrfFrom(await (await client.get('/')).text()) };
  const bodies = Object.fromEntries((await json('coordinator', '/api/v1/meetings/bodies')).items.map((b) => [b.name, b.id]));
  council = bodies['지방자치정책협의회'];
  saemangeum = bodies['새만금 유관기관 실무협의회'];
  assert.ok(council && saemangeum);
  councilMeeting = await convene(council, `${year}-05-14`);
  saemangeumMeeting = await convene(saemangeum, `${year}-05-07`);
  const res = await coordinator.client.postForm(`/meetings/${councilMeeting}/entries`, { _csrf: coordinator.csrf, title: '도-시·군 협력사업 점검' });
  assert.equal(res.status, 303, `entry: ${res.status}`);
  const orgs = (await json('admin', '/api/v1/organizations')).items;
  jeonjuId = orgs.find((o) => o.code === '52110' || o.name === '전주시').id;
});

test('every API route refuses the roles without meetings.view and an anonymous caller', async () => {
  const routes = ['/api/v1/meetings/bodies', `/api/v1/meetings/bodies/${council}`, '/api/v1/meetings',
    `/api/v1/meetings/${councilMeeting}`, '/api/v1/meetings/action-items']
    .map((path) => ({ method: 'GET', path, action: VIEW, api: true }));
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2);
});

test('bodies, a year of meetings and one meeting with its agenda', async () => {
  const body = await json('coordinator', `/api/v1/meetings/bodies/${council}`);
  assert.equal(body.name, '지방자치정책협의회');
  assert.ok(body.members.length >= 14 && body.cadence_label.length > 0);
  const list = await json('coordinator', `/api/v1/meetings?body=${council}&year=${year}`);
  assert.ok(list.items.some((m) => m.id === councilMeeting && m.date === `${year}-05-14`));
  assert.ok(list.items.every((m) => m.body.id === council));
  const all = (await json('coordinator', `/api/v1/meetings?year=${year}`)).items.map((m) => m.id);
  assert.ok(all.indexOf(saemangeumMeeting) >= 0 && all.indexOf(saemangeumMeeting) < all.indexOf(councilMeeting), 'by date');
  const one = await json('coordinator', `/api/v1/meetings/${councilMeeting}`);
  assert.ok(one.agenda.some((e) => e.title === '도-시·군 협력사업 점검'));
  assert.deepEqual(one.action_items, []);
});

test('a 시·군 never sees another body or its meetings through the API', async () => {
  const bodies = (await json('jeonju', '/api/v1/meetings/bodies')).items.map((b) => b.id);
  assert.ok(bodies.includes(council) && !bodies.includes(saemangeum));
  assertErrorJson(await json('jeonju', `/api/v1/meetings/bodies/${saemangeum}`, 404), 'not_found');
  assertErrorJson(await json('jeonju', `/api/v1/meetings/${saemangeumMeeting}`, 404), 'not_found');
  const all = (await json('jeonju', `/api/v1/meetings?year=${year}`)).items.map((m) => m.id);
  assert.ok(!all.includes(saemangeumMeeting));
  await json('jeonju', `/api/v1/meetings?body=${saemangeum}&year=${year}`, 422);
  const actions = await json('jeonju', `/api/v1/meetings/action-items?organization=${jeonjuId}`);
  assert.ok(actions.items.every((a) => a.owner.id === jeonjuId && a.status === 'open'));
});

test('every JSON operation answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const cases = {
    'GET /api/v1/meetings/bodies': {
      200: () => api('jeonju', '/api/v1/meetings/bodies'),
      401: () => apiCall('GET', '/api/v1/meetings/bodies'),
      403: () => api('expert', '/api/v1/meetings/bodies'),
    },
    'GET /api/v1/meetings/bodies/{id}': {
      200: () => api('jeonju', `/api/v1/meetings/bodies/${council}`),
      401: () => apiCall('GET', `/api/v1/meetings/bodies/${council}`),
      403: () => api('expert', `/api/v1/meetings/bodies/${council}`),
      404: () => api('jeonju', `/api/v1/meetings/bodies/${saemangeum}`),
    },
    'GET /api/v1/meetings': {
      200: () => api('gunsan', `/api/v1/meetings?year=${year}`),
      401: () => apiCall('GET', '/api/v1/meetings'),
      403: () => api('expert', '/api/v1/meetings'),
      422: () => api('coordinator', '/api/v1/meetings?year=1999'),
    },
    'GET /api/v1/meetings/{id}': {
      200: () => api('coordinator', `/api/v1/meetings/${councilMeeting}`),
      401: () => apiCall('GET', `/api/v1/meetings/${councilMeeting}`),
      403: () => api('expert', `/api/v1/meetings/${councilMeeting}`),
      404: () => api('jeonju', `/api/v1/meetings/${saemangeumMeeting}`),
    },
    'GET /api/v1/meetings/action-items': {
      200: () => api('coordinator', '/api/v1/meetings/action-items'),
      401: () => apiCall('GET', '/api/v1/meetings/action-items'),
      403: () => api('expert', '/api/v1/meetings/action-items'),
      422: () => api('coordinator', '/api/v1/meetings/action-items?organization=999999999'),
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
