// 회의 (meetings): every route refuses the roles its policy rows do not grant and an anonymous caller; a 시·군
// sees only the bodies it sits on; a year of a visiting body's meetings is generated once with each host
// explained and re-planned around a pinned one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom } from './lib/client.mjs';
import { apiCall, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'meetings.view';
const COORDINATE = 'meetings.coordinate';
const RUN = 'meetings.run';
const PROPOSE = 'meetings.propose';
// The roles each action is granted, as src/modules/meetings/meeting_permissions.cpp declares them.
const GRANTED = {
  [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  [COORDINATE]: ['coordinator'],
  [RUN]: ['coordinator', 'bureau'],
  [PROPOSE]: ['coordinator', 'bureau', 'municipal'],
};

const clients = new Map();
async function signedIn(login) {
  if (!clients.has(login)) {
    const c = new Client();
    await c.login(login);
    clients.set(login, { client: c, csrf: csrfFrom(await (await c.get('/')).text()) });
  }
  return clients.get(login);
}
async function get(login, path) {
  return (await signedIn(login)).client.get(path);
}
/** Posts a form as `login` with its CSRF token. */
async function post(login, path, fields = {}) {
  const s = await signedIn(login);
  return s.client.postForm(path, { _csrf: s.csrf, ...fields });
}
async function postOk(login, path, fields = {}) {
  const res = await post(login, path, fields);
  assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : await res.text()}`);
  return res.headers.get('location');
}

const tokens = new Map();
const api = (login, path, body) => {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'meetings-test'));
  return apiCall(body ? 'POST' : 'GET', path, { token: tokens.get(login), body });
};

let org; // code → id
let bodies; // name → id

async function bodyIds(login) {
  const html = await (await get(login, '/meetings')).text();
  return Object.fromEntries([...html.matchAll(/<a href="\/meetings\/bodies\/(\d+)">([^<]+)<\/a>/g)].map((m) => [m[2], Number(m[1])]));
}

before(async () => {
  org = Object.fromEntries((await (await api('admin', '/api/v1/organizations')).json()).items.map((o) => [o.code, o.id]));
  bodies = await bodyIds('coordinator');
});

test('the seeded bodies, and a 시·군 sees only those it sits on', async () => {
  for (const name of ['지방자치정책협의회', '부시장·부군수 회의', '도-시·군 기획실장회의', '시·군 현장 순회 정책협의회',
    '기획조정실 시·군 정례회의', '새만금 유관기관 실무협의회', '새만금 방조제도로 임시개통운영 협의회', '정책협력 워크숍'])
    assert.ok(bodies[name], `${name} is seeded`);
  const jeonju = await bodyIds('jeonju');
  assert.ok(jeonju['지방자치정책협의회'] && !jeonju['새만금 유관기관 실무협의회'], '전주시 is no 새만금 member');
  assert.ok((await bodyIds('gunsan'))['새만금 유관기관 실무협의회'], '군산시 is');
  assert.equal((await get('jeonju', `/meetings/bodies/${bodies['새만금 유관기관 실무협의회']}`)).status, 404);
  const council = await (await get('jeonju', `/meetings/bodies/${bodies['지방자치정책협의회']}`)).text();
  assert.match(council, /매 분기 둘째 목요일/);
  assert.doesNotMatch(council, /한 해 일정 만들기|회의 주기 변경/, 'a member is offered no secretariat action');
});

test('a visiting body’s year is generated once, each host explained, and a pinned host re-plans the rest', async () => {
  const id = bodies['시·군 현장 순회 정책협의회'];
  const first = await postOk('coordinator', `/meetings/bodies/${id}/schedule`, { year: '2027' });
  assert.match(await (await (await signedIn('coordinator')).client.get(first)).text(), /회의 12건을 만들었습니다/);
  await postOk('coordinator', `/meetings/bodies/${id}/schedule`, { year: '2027' });
  const page = await (await get('coordinator', `/meetings/bodies/${id}`)).text();
  assert.match(page, /회의 0건을 만들었습니다/, 'regenerating adds nothing');
  const meetings = [...page.matchAll(/action="\/meetings\/(\d+)\/host"/g)].map((m) => Number(m[1]));
  assert.equal(meetings.length, 12);
  await postOk('coordinator', `/meetings/${meetings[5]}/host`, { host: String(org['52130']), back: `/meetings/bodies/${id}` });
  const after = await (await get('coordinator', `/meetings/bodies/${id}`)).text();
  assert.match(after, /군산시 \(지정\)/);
  assert.equal((after.match(/<td>군산시( \(지정\))?<br>/g) ?? []).length, 1, '군산시 hosts once in the round');
  const refused = await post('coordinator', `/meetings/${meetings[5]}/host`, { host: String(org['A-KRC']) });
  assert.equal(refused.status, 422, 'not a member 시·군');
  assert.equal((await post('coordinator', `/meetings/bodies/${id}/schedule`, { year: '1999' })).status, 422);
});

test('every route refuses the roles not granted its action and an anonymous caller', async () => {
  const b = bodies['부시장·부군수 회의'];
  const routes = [
    { method: 'GET', path: '/meetings', action: VIEW },
    { method: 'GET', path: `/meetings/bodies/${b}`, action: VIEW },
    { method: 'POST', path: `/meetings/bodies/${b}/schedule`, action: RUN, form: { year: '2030' } },
    { method: 'POST', path: `/meetings/bodies/${b}/meetings`, action: RUN, form: { date: '2030-01-02' } },
    { method: 'POST', path: `/meetings/bodies/${b}/cadence`, action: COORDINATE, form: { cadence: 'monthly/1/mon' } },
    { method: 'POST', path: `/meetings/bodies/${b}/members`, action: COORDINATE, form: { organization: '1' } },
    { method: 'POST', path: `/meetings/bodies/${b}/blocked-dates`, action: COORDINATE, form: { organization: '1', date: '2030-01-02', reason: '행사' } },
    { method: 'POST', path: '/meetings/1/host', action: RUN, form: { host: '1' } },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
});
