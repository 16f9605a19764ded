// Meetings as calendar subscriptions (일정 구독): a member 시·군 subscribes to a body it sits on and an
// independent iCalendar parser (ical.js) reads that body's meetings in Asia/Seoul, each UID naming the
// meeting; a cancelled meeting stays in the feed as CANCELLED with a higher SEQUENCE; "내 회의" holds only the
// bodies the person sits on; a 시·군 that does not sit on a body can neither subscribe to it nor guess its way in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { Client, createToken, csrfFrom, fetch, runSuffix as run } from './lib/client.mjs';
import { apiCall } from './lib/refusals.mjs';

const FEEDS = '/calendar/feeds';
const BODY = '새만금 유관기관 실무협의회'; // 김제시 sits on it, 완주군 does not
// (accounts of their own: the calendar-feeds test makes addresses for 전주시 and 군산시 at the same time)

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let member; // 김제시
let outsider; // 완주군
let coordinator;
let body; // the body's id
const coordinatorToken = createToken('coordinator', 'meeting-feeds-test');

async function page(client, path = FEEDS) {
  const res = await client.get(path);
  assert.equal(res.status, 200, path);
  return res.text();
}
/** Makes an address for `source`/`subject` as `client` and returns it (shown once on the page). */
async function makeFeed(client, source, subject = '') {
  const res = await client.postForm(FEEDS, { _csrf: csrfFrom(await page(client)), source, subject });
  assert.equal(res.status, 303, await res.text());
  const html = await page(client);
  const url = decode(html.match(/<input\b[^>]*\bid="new-feed-url"[^>]*>/)?.[0].match(/\bvalue="([^"]*)"/)?.[1] ?? '');
  assert.ok(url.endsWith('.ics'), 'the new address is shown');
  return url;
}
/** The events of the feed at `url`, read by ical.js as a calendar client would (no cookie). */
async function events(url) {
  const res = await fetch(url, { redirect: 'manual' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: v.getFirstPropertyValue('uid'),
    summary: v.getFirstPropertyValue('summary'),
    status: v.getFirstPropertyValue('status'),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    start: v.getFirstProperty('dtstart'),
  }));
}

before(async () => {
  member = new Client();
  await member.login('gimje');
  outsider = new Client();
  await outsider.login('wanju');
  coordinator = new Client();
  await coordinator.login('coordinator');
  const html = await page(coordinator, '/meetings');
  body = Number(html.match(new RegExp(`<a href="/meetings/bodies/(\\d+)">${BODY}</a>`))[1]);
});

test('a member subscribes to its body; the meetings arrive in Asia/Seoul, each UID naming the meeting', async () => {
  assert.match(await page(member), new RegExp(`회의체 일정 · ${BODY}`), 'offered to a member');
  const url = await makeFeed(member, 'meetings.body', String(body));
  const listed = (await (await apiCall('GET', `/api/v1/meetings?body=${body}&year=${new Date().getUTCFullYear()}`,
    { token: coordinatorToken })).json()).items;
  const got = await events(url);
  assert.ok(got.length > 0, 'the demo year of meetings');
  for (const e of got) {
    assert.match(e.uid, /^meeting-\d+@sotong\.jeonbuk$/);
    assert.equal(e.start.getParameter('tzid'), 'Asia/Seoul');
  }
  for (const m of listed.filter((x) => x.state !== 'cancelled'))
    assert.ok(got.some((e) => e.uid === `meeting-${m.id}@sotong.jeonbuk` && e.summary === m.title), `meeting ${m.id}`);
});

test('a cancelled meeting stays in the feed as CANCELLED with a higher SEQUENCE', async () => {
  const url = await makeFeed(member, 'meetings.body', String(body));
  // A meeting of its own, years ahead, so that no other test's meeting is cancelled under it.
  const html = await page(coordinator, `/meetings/bodies/${body}`);
  let id;
  for (let tries = 0; !id && tries < 20; tries += 1) {
    const day = 1 + Math.floor(Math.random() * 28);
    const date = `2044-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const res = await coordinator.postForm(`/meetings/bodies/${body}/meetings`, { _csrf: csrfFrom(html), date });
    if (res.status === 303) id = Number(res.headers.get('location').match(/\/meetings\/(\d+)$/)[1]);
    else assert.equal(res.status, 409, `convening on ${date}`);
  }
  assert.ok(id, 'a meeting convened in 2044');
  const uid = `meeting-${id}@sotong.jeonbuk`;
  const before_ = (await events(url)).find((e) => e.uid === uid);
  assert.ok(before_, 'the planned meeting is in the feed');
  const meetingPage = await page(coordinator, `/meetings/${id}`);
  const res = await coordinator.postForm(`/meetings/${id}/cancel`, { _csrf: csrfFrom(meetingPage), cancel_reason: `일정 조정 ${run}` });
  assert.equal(res.status, 303, await res.text());
  const after = (await events(url)).find((e) => e.uid === uid);
  assert.ok(after, 'still in the feed');
  assert.equal(after.status, 'CANCELLED');
  assert.ok(after.sequence > before_.sequence, `${after.sequence} > ${before_.sequence}`);
});

test('“내 회의” holds only the bodies the person sits on; another 시·군 cannot subscribe to a body it is not on', async () => {
  const mine = await events(await makeFeed(outsider, 'meetings.person'));
  const theirs = (await (await apiCall('GET', `/api/v1/meetings?body=${body}&year=${new Date().getUTCFullYear()}`,
    { token: coordinatorToken })).json()).items;
  for (const m of theirs)
    assert.ok(!mine.some((e) => e.uid === `meeting-${m.id}@sotong.jeonbuk`), `완주군 never gets ${BODY}'s meeting ${m.id}`);
  assert.doesNotMatch(await page(outsider), new RegExp(`회의체 일정 · ${BODY}`), 'not offered');
  const refused = await outsider.postForm(FEEDS, { _csrf: csrfFrom(await page(outsider)), source: 'meetings.body', subject: String(body) });
  assert.equal(refused.status, 404, 'a body it does not sit on is not found');
});
