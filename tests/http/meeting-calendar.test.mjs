// 회의 일정 (the meetings' calendar): month, week and list views of the meetings a person may see, on the
// platform's wall calendar with its holidays; every unreadable or out-of-reach filter a Korean 422; a 시·군
// never sees a meeting of a body it does not sit on; and the figures (성과 지표) counted over the same scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { hangul, signedInSessions } from './lib/client.mjs';
import { assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'meetings.view';
const GRANTED = { [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'] };

const signedIn = signedInSessions();
const get = async (login, path) => (await signedIn(login)).client.get(path);
async function page(login, path, status = 200) {
  const res = await get(login, path);
  const html = await res.text();
  assert.equal(res.status, status, `${login} GET ${path}: ${res.status}`);
  return html;
}
async function convene(body, date) {
  const s = await signedIn('coordinator');
  const res = await s.client.postForm(`/meetings/bodies/${body}/meetings`, { _csrf: s.csrf, date });
  assert.equal(res.status, 303, `convene ${date}: ${res.status}`);
  return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
}

// A month of its own, far ahead, so that runs against the same database never meet.
const year = 2040 + Math.floor(Math.random() * 50);
const month = `${year}-0${3 + Math.floor(Math.random() * 6)}`;
let bodies; // name → id
let council; // 지방자치정책협의회: every 시·군 sits on it
let saemangeum; // 새만금 유관기관 실무협의회: 전주시 does not
let councilMeeting;
let saemangeumMeeting;

before(async () => {
  const html = await page('coordinator', '/meetings');
  bodies = Object.fromEntries([...html.matchAll(/<a href="\/meetings\/bodies\/(\d+)">([^<]+)<\/a>/g)].map((m) => [m[2], Number(m[1])]));
  council = bodies['지방자치정책협의회'];
  saemangeum = bodies['새만금 유관기관 실무협의회'];
  saemangeumMeeting = await convene(saemangeum, `${month}-09`);
  councilMeeting = await convene(council, `${month}-20`);
});

test('the calendar refuses the roles without meetings.view and an anonymous caller', async () => {
  const checked = await assertRoutesRefuse([
    { method: 'GET', path: '/meetings/calendar', action: VIEW },
    { method: 'GET', path: '/meetings/figures', action: VIEW },
  ], GRANTED);
  assert.ok(checked >= 4);
});

test('the month view places each meeting on its day, linked, with previous and next months', async () => {
  const html = await page('coordinator', `/meetings/calendar?month=${month}`);
  assert.match(html, /sotong-month-table/);
  assert.ok(html.includes(`href="/meetings/${councilMeeting}"`) && html.includes(`href="/meetings/${saemangeumMeeting}"`));
  const m = Number(month.slice(5));
  assert.ok(html.includes(`${year}년 ${m}월`), 'the month is named');
  assert.ok(html.includes(`view=month&amp;month=${year}-0${m - 1}`) && html.includes(`view=month&amp;month=${year}-0${m + 1}`),
    'previous and next months are linked');
  assert.match(html, /<label for="filter-body">회의체<\/label>/);
  assert.match(html, /<label for="filter-organization">기관<\/label>/);
});

test('the grid names the holidays of the month', async () => {
  const html = await page('coordinator', '/meetings/calendar?month=2026-10');
  assert.ok(html.includes('한글날') && html.includes('is-holiday'));
});

test('the week view shows Sunday to Saturday of the date, the list view a table in date order', async () => {
  const week = await page('coordinator', `/meetings/calendar?view=week&date=${month}-20`);
  assert.ok(week.includes(`href="/meetings/${councilMeeting}"`));
  assert.ok(!week.includes(`href="/meetings/${saemangeumMeeting}"`), 'the 9th is another week');
  assert.ok(week.includes('이전 주') && week.includes('다음 주'));
  const list = await page('coordinator', `/meetings/calendar?view=list&month=${month}`);
  assert.match(list, /<caption>[^<]*회의 목록/);
  assert.match(list, /<th scope="col">날짜<\/th>/);
  const first = list.indexOf(`href="/meetings/${saemangeumMeeting}"`);
  const second = list.indexOf(`href="/meetings/${councilMeeting}"`);
  assert.ok(first > 0 && second > first, 'in date order');
});

test('the body and organisation filters keep only their meetings', async () => {
  const one = await page('coordinator', `/meetings/calendar?view=list&month=${month}&body=${council}`);
  assert.ok(one.includes(`/meetings/${councilMeeting}"`) && !one.includes(`/meetings/${saemangeumMeeting}"`));
  const orgs = Object.fromEntries([...one.matchAll(/<option value="(\d+)"(?: selected)?>([^<]+)<\/option>/g)].map((m) => [m[2], m[1]]));
  assert.ok(orgs['군산시'] && orgs['전주시']);
  const jeonju = await page('coordinator', `/meetings/calendar?view=list&month=${month}&organization=${orgs['전주시']}`);
  assert.ok(jeonju.includes(`/meetings/${councilMeeting}"`) && !jeonju.includes(`/meetings/${saemangeumMeeting}"`),
    '전주시 sits on the council, not on 새만금');
});

test('a 시·군 never sees the meeting of a body it does not sit on, and may not ask for that body', async () => {
  for (const view of ['month', 'list']) {
    const html = await page('jeonju', `/meetings/calendar?view=${view}&month=${month}`);
    assert.ok(html.includes(`/meetings/${councilMeeting}"`), `${view}: its own council`);
    assert.ok(!html.includes(`/meetings/${saemangeumMeeting}"`), `${view}: not 새만금`);
    assert.ok(!html.includes('새만금 유관기관 실무협의회'), `${view}: the body is not even offered`);
  }
  const week = await page('jeonju', `/meetings/calendar?view=week&date=${month}-09`);
  assert.ok(!week.includes(`/meetings/${saemangeumMeeting}"`));
  const refused = await page('jeonju', `/meetings/calendar?body=${saemangeum}&month=${month}`, 422);
  assert.ok(hangul.test(refused) && refused.includes('회의체를 목록에서 골라 주십시오.'));
  assert.ok(!refused.includes(`/meetings/${saemangeumMeeting}"`));
});

test('every unreadable or unknown filter is a Korean 422', async () => {
  for (const query of ['view=year', 'month=2026-13', 'month=abc', 'view=week&date=2026-02-30', 'body=x', 'body=999999999',
    'organization=-3', 'organization=999999999']) {
    const html = await page('coordinator', `/meetings/calendar?${query}`, 422);
    assert.ok(hangul.test(html), query);
  }
});

test('the figures: a table per measure with its chart and downloads, counted over what the person sees', async () => {
  const html = await page('coordinator', `/meetings/figures?year=${year}`);
  for (const caption of ['회의체별 회의 개최', '기관별 회의 참여', '조치사항 이행', '회의에서 다룬 건의사항'])
    assert.ok(html.includes(`<caption>${year}년 ${caption}`), caption);
  assert.match(html, /class="sotong-chart"[^>]*data-chart-table="figures-bodies"/);
  const row = html.match(/<th scope="row">새만금 유관기관 실무협의회<\/th><td data-value="(\d+)">/);
  assert.ok(row && Number(row[1]) >= 1, 'the convened 새만금 meeting is planned that year');
  // The figures are kept between visits until a meeting changes: one convened since is counted at once.
  await convene(saemangeum, `${month}-27`);
  const recounted = (await page('coordinator', `/meetings/figures?year=${year}`))
    .match(/<th scope="row">새만금 유관기관 실무협의회<\/th><td data-value="(\d+)">/);
  assert.equal(Number(recounted[1]), Number(row[1]) + 1, 'the kept figures were counted again after the write');
  const csv = await get('coordinator', `/meetings/figures?year=${year}&table=bodies&format=csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.ok((await csv.text()).includes('새만금 유관기관 실무협의회'));
  const xlsx = await get('coordinator', `/meetings/figures?year=${year}&table=actions&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  await page('coordinator', `/meetings/figures?year=${year}&table=nothing&format=csv`, 422);
  await page('coordinator', '/meetings/figures?year=20x6', 422);
  await page('coordinator', '/meetings/figures?year=1999', 422);
  const jeonju = await page('jeonju', `/meetings/figures?year=${year}`);
  assert.ok(jeonju.includes('지방자치정책협의회') && !jeonju.includes('새만금 유관기관 실무협의회'), 'a 시·군 counts only its bodies');
  const jeonjuCsv = await (await get('jeonju', `/meetings/figures?year=${year}&table=bodies&format=csv`)).text();
  assert.ok(!jeonjuCsv.includes('새만금'));
});

test('the home page carries the figures card', async () => {
  const html = await page('coordinator', '/');
  assert.ok(html.includes('회의 성과 지표') && html.includes('href="/meetings/figures"'));
});
