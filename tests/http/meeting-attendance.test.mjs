// 회의 참석 (meetings: attendance): the routes refuse the roles their policy rows do not grant and an anonymous
// caller; the agenda's publication invites the member organisations; an officer answers 참석/불참/대리참석 for
// its own organisation only (another 시·군 or another body's member is refused, an incomplete answer changes
// nothing); the secretariat records attendance after the meeting; a planned meeting is cancelled with its reason
// and the members are told.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, runSuffix as run, signedInSessions } from './lib/client.mjs';
import { apiCall, assertRoutesRefuse } from './lib/refusals.mjs';

const RUN = 'meetings.run';
const PROPOSE = 'meetings.propose';
// The roles each action is granted, as src/modules/meetings/meeting_permissions.cpp declares them.
const GRANTED = {
  'meetings.view': ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  'meetings.coordinate': ['coordinator'],
  [RUN]: ['coordinator', 'bureau'],
  [PROPOSE]: ['coordinator', 'bureau', 'municipal'],
};
const BODY = '새만금 방조제도로 임시개통운영 협의회';

const signedIn = signedInSessions();
const get = async (login, path) => (await signedIn(login)).client.get(path);
async function post(login, path, fields = {}) {
  const s = await signedIn(login);
  return s.client.postForm(path, { _csrf: s.csrf, ...fields });
}
async function postOk(login, path, fields = {}) {
  const res = await post(login, path, fields);
  assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : await res.text()}`);
  return res.headers.get('location');
}
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);

let org; // code → id
let body; // the body's id
before(async () => {
  const token = createToken('admin', 'meeting-attendance-test');
  org = Object.fromEntries((await (await apiCall('GET', '/api/v1/organizations', { token })).json()).items.map((o) => [o.code, o.id]));
  const html = await (await get('coordinator', '/meetings')).text();
  body = Number(html.match(new RegExp(`<a href="/meetings/bodies/(\\d+)">${BODY}</a>`))[1]);
});

let coordinatorToken_;
const coordinatorToken = () => (coordinatorToken_ ??= createToken('coordinator', 'meeting-attendance-test'));
/** Convenes a meeting of the body on `date` as the coordinator; returns its id. */
async function convene(date) {
  const res = await post('coordinator', `/meetings/bodies/${body}/meetings`, { date });
  if (res.status === 303) return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
  // The body's cadence put a meeting there already (the demo data holds this year's): that one, still planned.
  assert.equal(res.status, 409, `convening on ${date}`);
  const listed = await apiCall('GET', `/api/v1/meetings?body=${body}&year=${date.slice(0, 4)}`, { token: coordinatorToken() });
  const existing = (await listed.json()).items.find((m) => m.date === date);
  assert.ok(existing && existing.state === 'planned', `a planned meeting on ${date}`);
  return existing.id;
}
const page = async (login, id) => (await get(login, `/meetings/${id}`)).text();
// An organisation's attendance in this year's figures (기관별 회의 참여): meetings recorded, attended, the rate.
async function attendanceOf(name) {
  const html = await (await get('coordinator', `/meetings/figures?year=${korea().slice(0, 4)}`)).text();
  const row = html.match(new RegExp(`<th scope="row">${name}</th>((?:<td data-value="[^"]*">[^<]*</td>)+)</tr>`));
  assert.ok(row, `${name} in the figures`);
  const cells = [...row[1].matchAll(/<td data-value="[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
  return { recorded: Number(cells[2]), attended: Number(cells[3]), rate: cells[4] };
}

test('the attendance routes refuse the roles not granted their action and an anonymous caller', async () => {
  const routes = [
    { method: 'POST', path: '/meetings/1/rsvp', action: PROPOSE, form: { response: 'attend' } },
    { method: 'POST', path: '/meetings/1/attendance', action: RUN, form: {} },
    { method: 'POST', path: '/meetings/1/cancel', action: RUN, form: { cancel_reason: '사유' } },
    { method: 'GET', path: '/meetings/1/agenda/print', action: 'meetings.view' },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
});

test('invitations on publication, answers by each organisation’s own officer, attendance by the secretariat', async () => {
  const id = await convene(korea());
  const href = `/meetings/${id}`;
  assert.equal((await post('gunsan', `${href}/rsvp`, { response: 'attend' })).status, 409, 'no invitation before publication');
  assert.doesNotMatch(await page('coordinator', id), /초대한 기관의 참석 회신/);
  await postOk('coordinator', `${href}/publish`, { back: href });
  const published = await page('coordinator', id);
  for (const name of ['군산시', '김제시', '부안군', '한국농어촌공사 전북지역본부'])
    assert.match(published, new RegExp(`<th scope="row">${name}</th><td>미회신</td>`), `${name} invited`);

  // 군산시 answers for itself, with radio groups under a legend; not for another member.
  const gunsanPage = await page('gunsan', id);
  assert.match(gunsanPage, /<legend class="form-tit">군산시 참석 여부/);
  assert.doesNotMatch(gunsanPage, /출석 기록|회의 취소/, 'a member is offered no secretariat action');
  const refused = await post('gunsan', `${href}/rsvp`, { response: 'substitute', substitute_name: '', substitute_position: '' });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /대리참석자의 이름을/);
  assert.match(await page('gunsan', id), /<th scope="row">군산시<\/th><td>미회신<\/td>/, 'nothing written');
  assert.equal((await post('gunsan', `${href}/rsvp`, { response: 'maybe' })).status, 422);
  assert.equal((await post('gunsan', `${href}/rsvp`, { organization: String(org['A-KRC']), response: 'absent' })).status, 403, 'another member');
  assert.equal((await post('gunsan', `${href}/rsvp`, { organization: String(org['52210']), response: 'absent' })).status, 403, 'another 시·군');
  assert.equal((await post('jeonju', `${href}/rsvp`, { response: 'attend' })).status, 404, 'not a member of the body');
  await postOk('gunsan', `${href}/rsvp`, { organization: String(org['52130']), response: 'substitute', substitute_name: `김대리 ${run}`, substitute_position: '교통행정과장' });
  assert.match(await page('gunsan', id), new RegExp(`<th scope="row">군산시</th><td>대리참석</td><td>김대리 ${run} 교통행정과장</td>`));
  await postOk('gunsan', `${href}/rsvp`, { response: 'absent' });
  assert.match(await page('coordinator', id), /<th scope="row">군산시<\/th><td>불참<\/td><td><\/td>/, 'changed, the substitute dropped');

  // The secretariat records attendance, organisation by organisation; an incomplete form changes nothing.
  const secretariat = await page('coordinator', id);
  const orgs = [...new Set([...secretariat.matchAll(/name="attended_(\d+)"/g)].map((m) => m[1]))];
  assert.ok(orgs.length >= 5, `${orgs.length} organisations`);
  assert.match(secretariat, /<legend class="form-tit">군산시 출석 여부<\/legend>/);
  const partial = await post('coordinator', `${href}/attendance`, { [`attended_${orgs[0]}`]: 'yes' });
  assert.equal(partial.status, 422);
  assert.doesNotMatch(await page('coordinator', id), /<td>출석<\/td>/, 'nothing written');
  const fields = Object.fromEntries(orgs.map((o) => [`attended_${o}`, o === String(org['52130']) ? 'no' : 'yes']));
  const before = { gunsan: await attendanceOf('군산시'), gimje: await attendanceOf('김제시') };
  await postOk('coordinator', `${href}/attendance`, fields);
  // The figures count it at once: 군산시 recorded absent, 김제시 present; the rate is attended / recorded.
  const after = { gunsan: await attendanceOf('군산시'), gimje: await attendanceOf('김제시') };
  assert.deepEqual([after.gunsan.recorded, after.gunsan.attended], [before.gunsan.recorded + 1, before.gunsan.attended]);
  assert.deepEqual([after.gimje.recorded, after.gimje.attended], [before.gimje.recorded + 1, before.gimje.attended + 1]);
  assert.equal(after.gimje.rate, `${(100 * after.gimje.attended / after.gimje.recorded).toFixed(1)}%`);
  const recorded = await page('gunsan', id);
  assert.match(recorded, /<th scope="row">군산시<\/th><td>불참<\/td><td><\/td><td>불출석<\/td>/);
  assert.match(recorded, /<th scope="row">김제시<\/th><td>미회신<\/td><td><\/td><td>출석<\/td>/);
  assert.equal((await post('planning', `${href}/attendance`, fields)).status, 403, 'a bureau that is not the secretariat');
  // The one-page 회의자료 cover: the body, the overview, the accepted entries in order.
  const cover = await (await get('gunsan', `${href}/agenda/print`)).text();
  assert.match(cover, /<h2 id="meeting-cover-title" class="meeting-cover-title">회의자료<\/h2>/);
  assert.match(cover, new RegExp(BODY));
  assert.equal((await get('jeonju', `${href}/agenda/print`)).status, 404, 'not a member of the body');
  // The meeting's page links the cover; the cover's agenda downloads as CSV and XLSX, for members only.
  assert.match(await page('gunsan', id), new RegExp(`href="${href}/agenda/print">회의자료`));
  const entries = [...cover.matchAll(/<tr><td>(\d+)<\/td><th scope="row">([^<]+)<\/th>/g)].map((m) => m[2]);
  const csv = await get('gunsan', `${href}/agenda/print?format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const text = await csv.text();
  assert.match(text.split('\n')[0], /순서,안건,발표 기관,소요 시간\(분\),구분,회의 날짜/);
  for (const title of entries) assert.ok(text.includes(title), `${title} in the file`);
  const xlsx = await get('gunsan', `${href}/agenda/print?format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  assert.equal((await get('jeonju', `${href}/agenda/print?format=csv`)).status, 404, 'no file for another body’s member');
  assert.equal((await get('gunsan', `${href}/agenda/print?format=pdf`)).status, 422);
});

test('a planned meeting is cancelled with its reason, once, and the members are told', async () => {
  const id = await convene(korea(23));
  const href = `/meetings/${id}`;
  assert.match(await page('coordinator', id), /회의 취소/);
  assert.equal((await post('gunsan', `${href}/cancel`, { cancel_reason: '사유' })).status, 403);
  assert.equal((await post('coordinator', `${href}/cancel`, { cancel_reason: ' ' })).status, 422);
  assert.match(await page('gunsan', id), /예정/, 'still planned');
  await postOk('coordinator', `${href}/cancel`, { cancel_reason: `태풍 북상 ${run}` });
  assert.match(await page('coordinator', id), /<td>취소<\/td>/);
  assert.equal((await get('gunsan', href)).status, 404, 'a cancelled meeting is the secretariat’s');
  assert.match(await (await get('gunsan', '/notifications')).text(), new RegExp(`회의가 취소되었습니다[\\s\\S]*태풍 북상 ${run}|태풍 북상 ${run}[\\s\\S]*회의가 취소되었습니다`));
  assert.equal((await post('coordinator', `${href}/cancel`, { cancel_reason: '다시' })).status, 409, 'once');
});
