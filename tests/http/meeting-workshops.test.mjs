// 정책협력 워크숍 (meetings: workshops): the routes refuse the roles their policy rows do not grant and an anonymous
// caller; the secretariat shapes the programme (bad input a Korean 422 that changes nothing), a member proposes a
// case presentation and submits its opinion; an opinion becomes a suggestion once (raised at the workshop), a
// member or a bureau that is not the secretariat cannot turn it, the suggestions module's refusal leaves it as it
// was; a 시·군 off the body gets 404 from the page, the API, a presentation's attachment and every route; the
// demo's past workshops carry their programme and opinions; the API answers as openapi.json declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, runSuffix as run, signedInSessions } from './lib/client.mjs';
import { apiCall, assertRoutesRefuse } from './lib/refusals.mjs';
import { openApiChecker } from './lib/openapi.mjs';

const VIEW = 'meetings.view';
const RUN = 'meetings.run';
const PROPOSE = 'meetings.propose';
// The roles each action is granted, as src/modules/meetings/meeting_permissions.cpp declares them.
const GRANTED = {
  [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  'meetings.coordinate': ['coordinator'],
  [RUN]: ['coordinator', 'bureau'],
  [PROPOSE]: ['coordinator', 'bureau', 'municipal'],
};
const WORKSHOP = '정책협력 워크숍';
const REGIONAL = '새만금권 정책협력 워크숍'; // 전주시 is not on it

const signedIn = signedInSessions();
const get = async (login, path) => (await signedIn(login)).client.get(path);
/** Posts a form as `login`; `fields` an object or a list of [name, value] pairs (a field given twice). */
async function post(login, path, fields = {}) {
  const s = await signedIn(login);
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  return s.client.postForm(path, [['_csrf', s.csrf], ...pairs]);
}
async function postOk(login, path, fields = {}) {
  const res = await post(login, path, fields);
  assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : await res.text()}`);
  return res.headers.get('location');
}
const tokens = new Map();
const api = (login, path) => {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'meeting-workshops-test'));
  return apiCall('GET', path, { token: tokens.get(login) });
};
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const page = async (login, id) => (await get(login, `/meetings/${id}`)).text();

let org; // code → id
let bodies; // name → id
before(async () => {
  org = Object.fromEntries((await (await api('admin', '/api/v1/organizations')).json()).items.map((o) => [o.code, o.id]));
  const html = await (await get('coordinator', '/meetings')).text();
  bodies = Object.fromEntries([...html.matchAll(/<a href="\/meetings\/bodies\/(\d+)">([^<]+)<\/a>/g)].map((m) => [m[2], Number(m[1])]));
  assert.ok(bodies[WORKSHOP] && bodies[REGIONAL], 'both workshops are seeded');
});

/** A meeting of `body` on `date` as the coordinator: convened, or the one the body's cadence put there. */
async function convene(body, date) {
  const res = await post('coordinator', `/meetings/bodies/${bodies[body]}/meetings`, { date });
  if (res.status === 303) return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
  assert.equal(res.status, 409, `convening ${body} on ${date}`);
  const listed = await api('coordinator', `/api/v1/meetings?body=${bodies[body]}&year=${date.slice(0, 4)}`);
  const existing = (await listed.json()).items.find((m) => m.date === date);
  assert.ok(existing, `a meeting of ${body} on ${date}`);
  return existing.id;
}

/** The meeting's workshop part as the API gives it to `login`. */
async function workshopOf(login, id) {
  const res = await api(login, `/api/v1/meetings/${id}`);
  assert.equal(res.status, 200);
  return (await res.json()).workshop;
}

test('the workshop routes refuse the roles not granted their action and an anonymous caller', async () => {
  const routes = [
    { method: 'POST', path: '/meetings/1/sessions', action: RUN, form: { title: '세션' } },
    { method: 'POST', path: '/meetings/sessions/1', action: RUN, form: { title: '세션' } },
    { method: 'POST', path: '/meetings/sessions/1/delete', action: RUN, form: {} },
    { method: 'POST', path: '/meetings/1/presentations', action: PROPOSE, form: { title: '사례' } },
    { method: 'GET', path: '/meetings/presentations/1', action: VIEW },
    { method: 'POST', path: '/meetings/presentations/1', action: RUN, form: { title: '사례' } },
    { method: 'POST', path: '/meetings/presentations/1/status', action: RUN, form: { status: 'accepted' } },
    { method: 'POST', path: '/meetings/presentations/1/delete', action: RUN, form: {} },
    { method: 'POST', path: '/meetings/1/opinions', action: PROPOSE, form: { title: '의견' } },
    { method: 'POST', path: '/meetings/opinions/1/suggestion', action: RUN, form: {} },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
});

test('the secretariat shapes the programme, a member proposes a presentation; bad input is a 422 that changes nothing', async () => {
  const id = await convene(WORKSHOP, korea());
  const href = `/meetings/${id}`;
  await postOk('coordinator', `${href}/sessions`, { title: `세션 1 ${run}`, starts_at: '14:00', ends_at: '15:30', moderator: '정책기획관' });
  const before_ = (await workshopOf('coordinator', id)).sessions.length;
  const bad = await post('coordinator', `${href}/sessions`, { title: '', starts_at: '16:00', ends_at: '15:00' });
  assert.equal(bad.status, 422);
  const text = await bad.text();
  assert.match(text, /세션 제목을 입력해 주십시오/);
  assert.match(text, /끝나는 시각은 시작 시각보다 늦어야 합니다/);
  assert.equal((await workshopOf('coordinator', id)).sessions.length, before_, 'nothing added');
  // A member is offered no secretariat form, and its post is refused.
  const member = await page('jeonju', id);
  assert.doesNotMatch(member, /세션 등록/);
  assert.equal((await post('jeonju', `${href}/sessions`, { title: '세션', starts_at: '10:00', ends_at: '11:00' })).status, 403);
  assert.equal((await post('planning', `${href}/sessions`, { title: '세션', starts_at: '10:00', ends_at: '11:00' })).status, 403,
    'a bureau that is not the secretariat');

  // 전주시 proposes a case presentation for itself; another organisation is refused.
  assert.match(member, /사례발표 제안/);
  await postOk('jeonju', `${href}/presentations`, { title: `청년 정착 ${run}`, organization: String(org['52110']), presenter: '최전주', summary: '요지' });
  const other = await post('jeonju', `${href}/presentations`, { title: '남의 사례', organization: String(org['52130']), presenter: '누구' });
  assert.equal(other.status, 422);
  const proposed = (await workshopOf('coordinator', id)).presentations.find((p) => p.title === `청년 정착 ${run}`);
  assert.equal(proposed.status, 'proposed');
  assert.ok(!(await workshopOf('gunsan', id)).presentations.some((p) => p.id === proposed.id), 'another member does not see it');
  assert.equal((await post('jeonju', `/meetings/presentations/${proposed.id}/status`, { status: 'accepted' })).status, 403);
  await postOk('coordinator', `/meetings/presentations/${proposed.id}/status`, { status: 'accepted' });
  assert.equal((await post('coordinator', `/meetings/presentations/${proposed.id}/status`, { status: 'maybe' })).status, 422);
  assert.equal((await workshopOf('coordinator', id)).presentations.find((p) => p.id === proposed.id).status, 'accepted');
  // The print cover lists the sessions.
  assert.match(await (await get('coordinator', `${href}/agenda/print`)).text(), new RegExp(`세션 1 ${run}`));
});

test('an opinion becomes a suggestion once, only by the secretariat; the suggestions module’s refusal changes nothing', async () => {
  const id = await convene(WORKSHOP, korea());
  const href = `/meetings/${id}`;
  // 전주시 submits its own opinion (the organisation it names is ignored); the secretariat records one of two 시·군.
  await postOk('jeonju', `${href}/opinions`, [['title', `전주 의견 ${run}`], ['content', '내용'], ['domain', 'project'], ['organizations', String(org['52130'])]]);
  await postOk('coordinator', `${href}/opinions`, [['title', `공동 물류 ${run}`], ['content', '두 시·군의 의견'], ['domain', 'budget'],
    ['organizations', String(org['52130'])], ['organizations', String(org['52110'])]]);
  await postOk('coordinator', `${href}/opinions`, [['title', `도 의견 ${run}`], ['content', '도의 의견'], ['domain', 'institution'],
    ['organizations', String(org['52000'])]]);
  const bad = await post('coordinator', `${href}/opinions`, [['title', ''], ['content', ''], ['domain', 'weather']]);
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /정책영역을 골라 주십시오/);
  const opinions = (await workshopOf('coordinator', id)).opinions;
  const own = opinions.find((o) => o.title === `전주 의견 ${run}`);
  const shared = opinions.find((o) => o.title === `공동 물류 ${run}`);
  const province = opinions.find((o) => o.title === `도 의견 ${run}`);
  assert.deepEqual(own.organizations.map((o) => o.id), [org['52110']]);
  assert.equal(own.source, 'submitted');
  assert.equal(opinions.filter((o) => o.title.endsWith(run)).length, 3, 'the bad one was not added');

  assert.equal((await post('jeonju', `/meetings/opinions/${shared.id}/suggestion`)).status, 403, 'a member');
  assert.equal((await post('planning', `/meetings/opinions/${shared.id}/suggestion`)).status, 403, 'a bureau, not the secretariat');
  assert.doesNotMatch(await page('jeonju', id), /건의사항으로 만들기/);

  // No 시·군 among its organisations: the suggestions module refuses in its own words; the opinion is unchanged.
  const refused = await post('coordinator', `/meetings/opinions/${province.id}/suggestion`);
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /의견을 낸 시·군이 없어 건의사항으로 만들 수 없습니다/);
  assert.equal((await workshopOf('coordinator', id)).opinions.find((o) => o.id === province.id).suggestion, null);

  const location = await postOk('coordinator', `/meetings/opinions/${shared.id}/suggestion`);
  assert.equal(location, `${href}#opinion-${shared.id}`);
  const linked = (await workshopOf('coordinator', id)).opinions.find((o) => o.id === shared.id).suggestion;
  assert.ok(linked && linked.href === `/suggestions/${linked.id}`);
  assert.match(await page('coordinator', id), new RegExp(`<a href="/suggestions/${linked.id}">건의사항 ${linked.id}번</a>`));
  const again = await post('coordinator', `/meetings/opinions/${shared.id}/suggestion`);
  assert.equal(again.status, 409, 'turned once');
  assert.match(await again.text(), /이미 건의사항으로 만든 의견입니다/);

  // The suggestion: raised at the workshop by 군산시, concerning 전주시, received.
  const suggestion = await (await api('coordinator', `/api/v1/suggestions/${linked.id}`)).json();
  assert.equal(suggestion.channel, 'workshop');
  assert.equal(suggestion.state, 'received');
  assert.equal(suggestion.organization.id, org['52130']);
  assert.deepEqual(suggestion.concerned.map((o) => o.id), [org['52110']]);
  assert.equal(suggestion.title, `공동 물류 ${run}`);
  assert.match(suggestion.content, new RegExp(`#opinion-${shared.id}`));
});

test('a 시·군 off the body gets 404 from the page, the API, an attachment and every route', async () => {
  const id = await convene(REGIONAL, korea());
  const href = `/meetings/${id}`;
  await postOk('coordinator', `${href}/presentations`, { title: `방조제 활용 ${run}`, organization: String(org['52130']), presenter: '정군산' });
  const presentation = (await workshopOf('coordinator', id)).presentations.find((p) => p.title === `방조제 활용 ${run}`);
  await postOk('coordinator', `${href}/opinions`, [['title', `새만금 의견 ${run}`], ['content', '내용'], ['domain', 'project'], ['organizations', String(org['52130'])]]);
  const opinion = (await workshopOf('coordinator', id)).opinions.find((o) => o.title === `새만금 의견 ${run}`);
  // A file on the presentation, uploaded as the secretariat.
  const s = await signedIn('coordinator');
  const form = new FormData();
  form.append('_csrf', s.csrf);
  form.append('owner_type', 'meeting_presentation');
  form.append('owner_id', String(presentation.id));
  form.append('files', new Blob([Buffer.from(`%PDF-1.7\n발표 ${run}\n%%EOF`)]), `발표자료 ${run}.pdf`);
  const uploaded = await s.client.request('/attachments', { method: 'POST', body: form, headers: { origin: s.client.base } });
  assert.equal(uploaded.status, 303);
  assert.equal(uploaded.headers.get('location'), `/meetings/presentations/${presentation.id}`);
  const file = (await workshopOf('coordinator', id)).presentations.find((p) => p.id === presentation.id).attachments[0];
  assert.equal(file.file_name, `발표자료 ${run}.pdf`);
  assert.equal((await get('gunsan', file.href)).status, 404, 'the programme is the secretariat’s draft until published');
  await postOk('coordinator', `${href}/publish`);
  assert.equal((await get('gunsan', file.href)).status, 200, '군산시 sits on it');
  // 군산시 reads the file but, not having proposed the presentation, neither adds one nor removes it: the
  // page offers neither, and the attachments routes refuse both.
  const member = await signedIn('gunsan');
  const sneak = new FormData();
  sneak.append('_csrf', member.csrf);
  sneak.append('owner_type', 'meeting_presentation');
  sneak.append('owner_id', String(presentation.id));
  sneak.append('files', new Blob([Buffer.from('x')]), `끼워넣기 ${run}.txt`);
  assert.equal((await member.client.request('/attachments', { method: 'POST', body: sneak, headers: { origin: member.client.base } })).status, 403);
  assert.equal((await post('gunsan', `/attachments/${file.id}/delete`, { confirmed: '1' })).status, 403);
  const files = (await workshopOf('coordinator', id)).presentations.find((p) => p.id === presentation.id).attachments;
  assert.deepEqual(files.map((f) => f.file_name), [`발표자료 ${run}.pdf`], 'nothing added, nothing removed');
  assert.doesNotMatch(await (await get('gunsan', `/meetings/presentations/${presentation.id}`)).text(), /파일 올리기|action="\/attachments\/\d+\/delete"/);

  for (const path of [href, `/api/v1/meetings/${id}`, file.href, `/meetings/presentations/${presentation.id}`])
    assert.equal((path.startsWith('/api') ? await api('jeonju', path) : await get('jeonju', path)).status, 404, path);
  assert.equal((await post('jeonju', `${href}/presentations`, { title: '제안', organization: String(org['52110']), presenter: '최전주' })).status, 404);
  assert.equal((await post('jeonju', `${href}/opinions`, { title: '의견', content: '내용', domain: 'project' })).status, 404);
  assert.equal((await post('jeonju', `/attachments/${file.id}/delete`)).status, 404);
  // A bureau sees every body but is not this one's secretariat.
  assert.equal((await post('planning', `/meetings/opinions/${opinion.id}/suggestion`)).status, 403);
});

test('the demo’s past workshops carry two sessions, three or four presentations and six opinions, two turned', async (t) => {
  const year = korea().slice(0, 4);
  const listed = await (await api('coordinator', `/api/v1/meetings?body=${bodies[WORKSHOP]}&year=${year}`)).json();
  const past = listed.items.filter((m) => m.state === 'minutes_confirmed');
  if (past.length === 0) return t.skip('no workshop of this year has been held yet');
  const assertDocumented = await openApiChecker();
  const detail = await assertDocumented('GET /api/v1/meetings/{id}', await api('coordinator', `/api/v1/meetings/${past[0].id}`));
  const w = detail.workshop;
  assert.equal(w.sessions.length, 2);
  assert.ok(w.presentations.length >= 3 && w.presentations.length <= 4);
  assert.equal(w.opinions.length, 6);
  const turned = w.opinions.filter((o) => o.suggestion);
  assert.equal(turned.length, 2);
  const suggestion = await (await api('coordinator', turned[0].suggestion.href.replace('/suggestions', '/api/v1/suggestions'))).json();
  assert.equal(suggestion.channel, 'workshop');
  // A member reads the same programme and opinions once the workshop is public.
  const member = await assertDocumented('GET /api/v1/meetings/{id}', await api('jeonju', `/api/v1/meetings/${past[0].id}`));
  assert.equal(member.workshop.opinions.length, 6);
  assert.match(await page('jeonju', past[0].id), /수렴의견/);
  // Another body's meeting carries no workshop part.
  const other = await (await api('coordinator', `/api/v1/meetings?body=${bodies['부시장·부군수 회의']}&year=${year}`)).json();
  assert.equal((await (await api('coordinator', `/api/v1/meetings/${other.items[0].id}`)).json()).workshop, undefined);
});
