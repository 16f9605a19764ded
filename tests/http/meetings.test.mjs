// 회의 (meetings): every route refuses the roles its policy rows do not grant and an anonymous caller; a 시·군
// sees only the bodies it sits on and never another body's meetings or a draft of minutes, by any route; a year
// of a visiting body's meetings is generated once with each host explained and re-planned around a pinned one;
// and the loop: a suggestion due for review is put on an agenda, the agenda is published (members are told),
// the decision is handed to the suggestion (a refusal there writes nothing on either side) and appears on its
// timeline, and the action item handed out comes back on the body's next meeting as 추진상황 점검.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, runSuffix as run, signedInSessions } from './lib/client.mjs';
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

const signedIn = signedInSessions();
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

const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);

let org; // code → id
let bodies; // name → id

async function bodyIds(login) {
  const html = await (await get(login, '/meetings')).text();
  return Object.fromEntries([...html.matchAll(/<a href="\/meetings\/bodies\/(\d+)">([^<]+)<\/a>/g)].map((m) => [m[2], Number(m[1])]));
}

/** Convenes a meeting of a body on `date` as the coordinator; returns its id. */
// The body's meetings as the API lists them (the demo data holds this year's, from each body's cadence).
async function meetingsOf(body, year) {
  const res = await api('coordinator', `/api/v1/meetings?body=${bodies[body]}&year=${year}`);
  assert.equal(res.status, 200);
  return (await res.json()).items;
}
// A meeting of the body on that date: convened, or the one the body's cadence already put there.
async function convene(body, date) {
  const res = await post('coordinator', `/meetings/bodies/${bodies[body]}/meetings`, { date });
  if (res.status === 303) return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
  assert.equal(res.status, 409, `convening ${body} on ${date}`);
  const existing = (await meetingsOf(body, date.slice(0, 4))).find((m) => m.date === date);
  assert.ok(existing, `${body} on ${date}`);
  return existing.id;
}
// A day before today on which the body has no meeting yet (its cadence's days are taken by the demo data).
async function freeDayBefore(body) {
  for (let back = 1; back < 40; back += 1) {
    const day = korea(-back);
    if (!(await meetingsOf(body, day.slice(0, 4))).some((m) => m.date === day)) return day;
  }
  throw new Error(`no free day for ${body}`);
}
// The body's first meeting after `date` (convened a week later when its cadence has none).
async function nextAfter(body, date) {
  const years = [Number(date.slice(0, 4)), Number(date.slice(0, 4)) + 1];
  for (const year of years) {
    const later = (await meetingsOf(body, year)).filter((m) => m.date > date && m.state !== 'cancelled');
    if (later.length) return later.sort((a, b) => a.date.localeCompare(b.date))[0].id;
  }
  return convene(body, korea(7));
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
  assert.doesNotMatch(council, /한 해 일정 만들기|회의 주기 변경|위원 기관 추가/, 'a member is offered no secretariat action');
  // The coordinator adds a member; a second time is refused and changes nothing.
  const road = bodies['새만금 방조제도로 임시개통운영 협의회'];
  assert.match(await (await get('coordinator', `/meetings/bodies/${road}`)).text(), /위원 기관 추가/);
  await postOk('coordinator', `/meetings/bodies/${road}/members`, { organization: String(org['A-JIRI']) });
  assert.match(await (await get('coordinator', `/meetings/bodies/${road}`)).text(), /<th scope="row">전북연구원<\/th><td>위원<\/td>/);
  assert.equal((await post('coordinator', `/meetings/bodies/${road}/members`, { organization: String(org['A-JIRI']) })).status, 409);
  // The bodies are kept between pages until one changes: a 시·군 added as a member finds it listed at once.
  const roadName = '새만금 방조제도로 임시개통운영 협의회';
  assert.ok(!(await bodyIds('iksan'))[roadName], '익산시 does not sit on it yet');
  await postOk('coordinator', `/meetings/bodies/${road}/members`, { organization: String(org['52140']) });
  assert.equal((await bodyIds('iksan'))[roadName], road, 'listed for 익산시 once it is a member');
});

test('the coordinator changes a body’s cadence with four selects; a wrong choice is refused and changes nothing', async () => {
  const id = bodies['정책협력 워크숍'];
  const page = async () => (await get('coordinator', `/meetings/bodies/${id}`)).text();
  const before_ = await page();
  assert.match(before_, /<select id="field-period" name="period"/);
  await postOk('coordinator', `/meetings/bodies/${id}/cadence`, { period: 'quarterly', month_of_period: '2', week: 'last', day: 'fri' });
  assert.match(await page(), /<th scope="row">회의 주기<\/th><td>매 분기 둘째 달 마지막 금요일<\/td>/);
  const refused = await post('coordinator', `/meetings/bodies/${id}/cadence`, { period: 'quarterly', month_of_period: '5', week: 'last', day: 'fri' });
  assert.equal(refused.status, 422);
  assert.match(await page(), /매 분기 둘째 달 마지막 금요일/, 'unchanged');
  assert.equal((await post('jeonju', `/meetings/bodies/${id}/cadence`, { period: 'monthly', week: '1', day: 'mon' })).status, 403);
});

test('a visiting body’s year is generated once, each host explained, and a pinned host re-plans the rest', async () => {
  const id = bodies['시·군 현장 순회 정책협의회'];
  const hostForms = (html) => [...html.matchAll(/action="\/meetings\/(\d+)\/host"/g)].map((m) => Number(m[1]));
  // The demo data may hold this year's meetings already: 2027's are counted as those added.
  const beforeHtml = await (await get('coordinator', `/meetings/bodies/${id}`)).text();
  const before = hostForms(beforeHtml);
  const gunsanHosts = (html) => (html.match(/<td>군산시( \(지정\))?<br>/g) ?? []).length;
  const first = await postOk('coordinator', `/meetings/bodies/${id}/schedule`, { year: '2027' });
  assert.match(await (await (await signedIn('coordinator')).client.get(first)).text(), /회의 12건을 만들었습니다/);
  await postOk('coordinator', `/meetings/bodies/${id}/schedule`, { year: '2027' });
  const page = await (await get('coordinator', `/meetings/bodies/${id}`)).text();
  assert.match(page, /회의 0건을 만들었습니다/, 'regenerating adds nothing');
  const meetings = hostForms(page).filter((m) => !before.includes(m));
  assert.equal(meetings.length, 12);
  await postOk('coordinator', `/meetings/${meetings[5]}/host`, { host: String(org['52130']), back: `/meetings/bodies/${id}` });
  const after = await (await get('coordinator', `/meetings/bodies/${id}`)).text();
  assert.match(after, /군산시 \(지정\)/);
  assert.equal(gunsanHosts(after) - gunsanHosts(beforeHtml), 1, '군산시 hosts once in 2027’s round');
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
    { method: 'GET', path: '/meetings/1', action: VIEW },
    { method: 'GET', path: '/meetings/1/minutes', action: VIEW },
    { method: 'POST', path: '/meetings/1/entries', action: PROPOSE, form: { title: '거절될 안건' } },
    { method: 'POST', path: '/meetings/1/review-entries', action: RUN, form: { source: 'suggestions', item: '1' } },
    { method: 'POST', path: '/meetings/1/publish', action: RUN },
    { method: 'POST', path: '/meetings/1/confirm', action: RUN },
    { method: 'GET', path: '/meetings/entries/1', action: VIEW },
    { method: 'POST', path: '/meetings/entries/1/status', action: RUN, form: { status: 'accepted' } },
    { method: 'POST', path: '/meetings/entries/1/move', action: RUN, form: { direction: 'up' } },
    { method: 'POST', path: '/meetings/entries/1/minutes', action: RUN, form: { decision: '결정' } },
    { method: 'POST', path: '/meetings/entries/1/actions', action: RUN, form: { title: '조치', owner: '1', due: '2030-01-02' } },
    { method: 'POST', path: '/meetings/actions/1/done', action: PROPOSE },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
});

test('a 시·군 officer is refused another body’s meeting and its draft minutes over every route', async () => {
  const meeting = await convene('새만금 유관기관 실무협의회', await freeDayBefore('새만금 유관기관 실무협의회'));
  const entryLocation = await postOk('coordinator', `/meetings/${meeting}/entries`, { title: `새만금 안건 ${run}`, back: `/meetings/${meeting}` });
  assert.equal(entryLocation, `/meetings/${meeting}`);
  await postOk('coordinator', `/meetings/${meeting}/publish`, { back: `/meetings/${meeting}` });
  const entry = Number((await (await get('coordinator', `/meetings/${meeting}`)).text()).match(/\/meetings\/entries\/(\d+)\/minutes/)[1]);
  await postOk('coordinator', `/meetings/entries/${entry}/minutes`, { discussion: '논의', decision: `초안 결정 ${run}`, back: `/meetings/${meeting}` });
  await postOk('coordinator', `/meetings/entries/${entry}/actions`, { title: '도로 표지 정비', owner: String(org['52130']), due: korea(30), back: `/meetings/${meeting}` });
  const action = Number((await (await get('coordinator', `/meetings/${meeting}`)).text()).match(/\/meetings\/actions\/(\d+)\/done/)[1]);
  for (const path of [`/meetings/${meeting}`, `/meetings/${meeting}/minutes`])
    assert.equal((await get('jeonju', path)).status, 404, `jeonju GET ${path}`);
  for (const [path, fields] of [[`/meetings/${meeting}/entries`, { title: '전주 안건' }], [`/meetings/actions/${action}/done`, {}]])
    assert.equal((await post('jeonju', path, fields)).status, 404, `jeonju POST ${path}`);
  // A member sees the published agenda, but not the draft minutes.
  assert.equal((await get('gunsan', `/meetings/${meeting}`)).status, 200);
  assert.doesNotMatch(await (await get('gunsan', `/meetings/${meeting}`)).text(), new RegExp(`초안 결정 ${run}`));
  assert.equal((await get('gunsan', `/meetings/${meeting}/minutes`)).status, 404);
  await postOk('gunsan', `/meetings/actions/${action}/done`, { back: `/meetings/${meeting}` });
  await postOk('coordinator', `/meetings/${meeting}/confirm`, { back: `/meetings/${meeting}` });
  assert.match(await (await get('gunsan', `/meetings/${meeting}/minutes`)).text(), new RegExp(`초안 결정 ${run}`), 'confirmed: published to members');
  assert.equal((await get('jeonju', `/meetings/${meeting}/minutes`)).status, 404, 'still not another body’s member');
});

test('a suggestion due for review goes onto the agenda, its decision reaches its timeline, and the action item rolls over', async () => {
  // A suggestion adopted for the 부시장·부군수 회의, due for review today.
  const filed = await api('jeonju', '/api/v1/suggestions', { domain: 'project', content: '내용', title: `회의 안건 건의 ${run}` });
  const s = await filed.json();
  assert.equal(filed.status, 201, JSON.stringify(s));
  for (const body of [{ action: 'start_review' },
    { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10, review_level: 'vice_mayors', next_review: korea() }]) {
    const res = await api('coordinator', `/api/v1/suggestions/${s.id}/decisions`, body);
    assert.equal(res.status, 200, JSON.stringify(await res.json()));
  }
  const meeting = await convene('부시장·부군수 회의', korea());
  const next = await nextAfter('부시장·부군수 회의', korea());
  const href = `/meetings/${meeting}`;
  const draft = await (await get('coordinator', href)).text();
  assert.match(draft, new RegExp(`<a href="/suggestions/${s.id}">회의 안건 건의 ${run}</a>`), 'proposed from suggestions');
  await postOk('coordinator', `${href}/review-entries`, { source: 'suggestions', item: String(s.id), back: href });
  assert.equal((await post('coordinator', `${href}/review-entries`, { source: 'suggestions', item: String(s.id) })).status, 409, 'not twice');
  // 전주시 proposes; the secretariat accepts it and moves it first.
  await postOk('jeonju', `${href}/entries`, { title: `전주 제안 ${run}`, duration: '15', back: href });
  assert.match(await (await get('jeonju', href)).text(), new RegExp(`전주 제안 ${run}`), 'its own proposal');
  const proposed = Number((await (await get('coordinator', href)).text()).match(new RegExp(`전주 제안 ${run}</th>[\\s\\S]*?/meetings/entries/(\\d+)/status`))[1]);
  await postOk('coordinator', `/meetings/entries/${proposed}/status`, { status: 'accepted', back: href });
  await postOk('coordinator', `/meetings/entries/${proposed}/move`, { direction: 'up', back: href });
  const ordered = await (await get('coordinator', href)).text();
  assert.ok(ordered.indexOf(`전주 제안 ${run}`) < ordered.indexOf(`회의 안건 건의 ${run}`), 'moved first');
  await postOk('coordinator', `${href}/publish`, { back: href });
  assert.match(await (await get('gunsan', '/notifications')).text(), /회의 안건이 공개되었습니다/, 'members are told');
  assert.equal((await post('coordinator', `${href}/publish`, { back: href })).status, 409, 'published once');
  assert.equal((await post('jeonju', `${href}/entries`, { title: '늦은 안건' })).status, 409, 'closed once published');

  const page = await (await get('coordinator', href)).text();
  const reviewEntry = Number(page.match(new RegExp(`id="minutes-(\\d+)">2\\. 회의 안건 건의 ${run}`))[1]);
  // The suggestion's own rules refuse a step that does not fit its state: nothing is written on either side.
  const refused = await post('coordinator', `/meetings/entries/${reviewEntry}/minutes`, { decision: `해결로 결정 ${run}`, action: 'resolve', back: href });
  assert.ok([409, 422].includes(refused.status), `refused: ${refused.status}`);
  const refusedPage = await refused.text();
  assert.match(refusedPage, new RegExp(`id="minutes-${reviewEntry}">[\\s\\S]*?<div class="sotong-alert sotong-alert-danger" role="alert"><p class="sotong-alert-message">[^<]*[가-힣][^<]*</p>`),
    'the suggestion’s refusal, in Korean, beside the entry');
  const untouched = await (await api('coordinator', `/api/v1/suggestions/${s.id}`)).json();
  assert.ok(!untouched.timeline.some((e) => e.kind === 'review'), 'nothing on the suggestion');
  assert.doesNotMatch(await (await get('coordinator', href)).text(), new RegExp(`<td>해결로 결정 ${run}</td>`), 'nothing on the entry');
  // The decision the suggestion accepts appears on its timeline.
  await postOk('coordinator', `/meetings/entries/${reviewEntry}/minutes`, { discussion: '추진 방안 논의', decision: `추진하기로 함 ${run}`, action: 'start_progress', back: href });
  const decided = await (await api('coordinator', `/api/v1/suggestions/${s.id}`)).json();
  const review = decided.timeline.find((e) => e.kind === 'review');
  assert.ok(review, JSON.stringify(decided.timeline));
  assert.match(review.detail, /부시장·부군수 회의/);
  assert.match(review.body, new RegExp(`추진하기로 함 ${run}`));
  assert.equal(decided.state, 'in_progress');
  // An action item stays open and comes back on the next meeting as 추진상황 점검.
  await postOk('coordinator', `/meetings/entries/${reviewEntry}/actions`, { title: `부지 협의 ${run}`, owner: String(org['52110']), due: korea(30), back: href });
  assert.match(await (await get('coordinator', `/meetings/${next}`)).text(), new RegExp(`추진상황 점검: 부지 협의 ${run}`));
  await postOk('coordinator', `${href}/confirm`, { back: href });
  assert.equal((await post('coordinator', `/meetings/entries/${reviewEntry}/minutes`, { decision: '다시' })).status, 409, 'read-only once confirmed');
  assert.match(await (await get('jeonju', `${href}/minutes`)).text(), new RegExp(`추진하기로 함 ${run}`));
});

test('an agenda entry’s files: its proposer and the secretariat add and remove them, members read them, nobody else', async () => {
  const body = bodies['새만금 유관기관 실무협의회'];
  const date = `${2040 + Math.floor(Math.random() * 50)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
  const meeting = Number((await postOk('coordinator', `/meetings/bodies/${body}/meetings`, { date })).match(/\/meetings\/(\d+)$/)[1]);
  const href = `/meetings/${meeting}`;
  await postOk('gunsan', `${href}/entries`, { title: `군산 제안 ${run}`, duration: '10', back: href });
  await postOk('coordinator', `${href}/entries`, { title: `간사 안건 ${run}`, duration: '10', back: href });
  const draft = await (await get('coordinator', href)).text();
  const entryOf = (html, title) => Number(html.match(new RegExp(`${title}</th>[\\s\\S]*?/meetings/entries/(\\d+)/`))[1]);
  const gunsanEntry = entryOf(draft, `군산 제안 ${run}`);
  const ownEntry = entryOf(draft, `간사 안건 ${run}`);
  const upload = async (login, entry, name) => {
    const s = await signedIn(login);
    const form = new FormData();
    form.append('_csrf', s.csrf);
    form.append('owner_type', 'meeting_entry');
    form.append('owner_id', String(entry));
    form.append('files', new Blob([Buffer.from(`%PDF-1.7\n${name}\n%%EOF`)]), `${name}.pdf`);
    return s.client.request('/attachments', { method: 'POST', body: form, headers: { origin: s.client.base } });
  };
  // 군산시 attaches to its own proposal; the secretariat's draft entry is not there for it before publication.
  const sent = await upload('gunsan', gunsanEntry, `군산 자료 ${run}`);
  assert.equal(sent.status, 303);
  assert.equal(sent.headers.get('location'), `/meetings/entries/${gunsanEntry}`);
  const back = await get('gunsan', `/meetings/entries/${gunsanEntry}`);
  assert.equal(back.status, 303);
  assert.equal(back.headers.get('location'), `${href}#entry-${gunsanEntry}`);
  assert.equal((await upload('gunsan', ownEntry, '끼워넣기')).status, 404, 'a draft entry it cannot see');
  assert.equal((await upload('coordinator', ownEntry, `간사 자료 ${run}`)).status, 303);
  await postOk('coordinator', `/meetings/entries/${gunsanEntry}/status`, { status: 'accepted', back: href });
  await postOk('coordinator', `${href}/publish`, { back: href });

  // Published: 부안군 reads both files but changes neither; 전주시, on no 새만금 body, finds nothing.
  const page = await (await get('buan', href)).text();
  const fileIds = [...page.matchAll(/href="\/attachments\/(\d+)" download>([^<]+)</g)].map((m) => [m[2], Number(m[1])]);
  const files = Object.fromEntries(fileIds);
  assert.ok(files[`군산 자료 ${run}.pdf`] && files[`간사 자료 ${run}.pdf`], JSON.stringify(fileIds));
  assert.doesNotMatch(page, /안건 자료 올리기/, 'no form for a member that did not propose');
  assert.equal((await get('buan', `/attachments/${files[`군산 자료 ${run}.pdf`]}`)).status, 200);
  assert.equal((await upload('buan', gunsanEntry, '끼워넣기')).status, 403);
  assert.equal((await post('buan', `/attachments/${files[`간사 자료 ${run}.pdf`]}/delete`, { confirmed: '1' })).status, 403);
  assert.equal((await post('gunsan', `/attachments/${files[`간사 자료 ${run}.pdf`]}/delete`, { confirmed: '1' })).status, 403, 'not its entry');
  for (const path of [`/attachments/${files[`군산 자료 ${run}.pdf`]}`, `/meetings/entries/${gunsanEntry}`])
    assert.equal((await get('jeonju', path)).status, 404, path);
  assert.equal((await upload('jeonju', gunsanEntry, '끼워넣기')).status, 404);
  // The proposer removes its own file; the secretariat's stays.
  await postOk('gunsan', `/attachments/${files[`군산 자료 ${run}.pdf`]}/delete`, { confirmed: '1' });
  const after = await (await get('coordinator', href)).text();
  assert.doesNotMatch(after, new RegExp(`군산 자료 ${run}`));
  assert.match(after, new RegExp(`간사 자료 ${run}`));
});
