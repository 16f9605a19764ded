// Calendar subscriptions (일정 구독): a person makes a secret address for the holidays, shown once to their own
// session; a calendar client fetches it without a cookie and an independent iCalendar parser (ical.js) reads
// the holidays as all-day events in Asia/Seoul; an administrator's change reaches the feed at the next fetch;
// every fetch is the owner's access in the log; another person cannot revoke it; revoking asks first and the
// address then answers the same plain 404 as any guessed or garbled one, also over a raw socket.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { BASE, Client, createToken, csrfFrom, fetch, hangul } from './lib/client.mjs';
import { assertPageNeedsSignIn } from './lib/refusals.mjs';
import { readFileSync } from 'node:fs';
import { TIMEOUT, pollUntil } from './lib/poll.mjs';

const { hostname, port } = new URL(BASE);
const FEEDS = '/calendar/feeds';

let jeonju; // the owner, signed in
let gunsan; // another 시·군 officer
let admin;
let adminToken;

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function page(client, path = FEEDS, status = 200) {
  const res = await client.get(path);
  const html = await res.text();
  assert.equal(res.status, status, `GET ${path}: ${html.slice(0, 300)}`);
  return html;
}

/** The new address shown on the page (after the redirect of "구독 주소 만들기"), or undefined. */
const shownAddress = (html) => decode(html.match(/<input\b[^>]*\bid="new-feed-url"[^>]*>/)?.[0].match(/\bvalue="([^"]*)"/)?.[1] ?? '') || undefined;

/** Makes an address for `source` as `client`; returns { id, url }. */
async function makeFeed(client, source = 'holidays', subject = '') {
  const res = await client.postForm(FEEDS, { _csrf: csrfFrom(await page(client)), source, subject });
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), FEEDS);
  const html = await page(client);
  const url = shownAddress(html);
  assert.ok(url, 'the new address is shown');
  const id = Number(html.match(/<tr id="feed-(\d+)">\s*<th scope="row">[^<]*<span class="muted">\(새 주소\)/)?.[1]);
  assert.ok(id > 0, 'the new address is listed');
  issuedSecrets.push(url.split('/').pop().slice(0, -'.ics'.length));
  return { id, url };
}

/** Revokes address `id` as `client`, confirmed as the dialog would. */
async function revoke(client, id, confirmed = true) {
  const _csrf = csrfFrom(await page(client));
  return client.postForm(`${FEEDS}/${id}/revoke`, { _csrf, ...(confirmed && { confirmed: '1' }) });
}

/** The feed as a calendar client fetches it: no cookie, no session. */
const fetchFeed = (url) => fetch(url, { redirect: 'manual', headers: { 'user-agent': 'Microsoft Office/16.0 (calendar)' } });

/** The whole answer to `request` over a raw socket (Connection: close), as text. */
function raw(request) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer'));
    }, TIMEOUT);
    socket.on('data', (d) => chunks.push(d));
    socket.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.on('error', reject);
  });
}

const rawGet = (target) => raw(`GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
const statusOf = (answer) => Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);
const bodyOf = (answer) => answer.slice(answer.indexOf('\r\n\r\n') + 4);

/** A secret of the right shape that was never issued. */
const guessed = () => `stc_${randomBytes(32).toString('base64url')}`;

/** Every secret this file was shown, to look for in the server's log. */
const issuedSecrets = [];

async function history(query) {
  const res = await fetch(`${BASE}/api/v1/history?${query}`, { headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` } });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

/** The VEVENTs of an iCalendar text, as ical.js reads them. */
function events(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  return calendar.getAllSubcomponents('vevent');
}

before(async () => {
  jeonju = new Client();
  await jeonju.login('jeonju');
  gunsan = new Client();
  await gunsan.login('gunsan');
  admin = new Client();
  await admin.login('admin');
  adminToken = createToken('admin', 'calendar-feeds');
});

test('the page and its forms need a sign-in; every signed-in person has the page in the menu', async () => {
  for (const route of [
    { method: 'GET', path: FEEDS },
    { method: 'POST', path: FEEDS, form: { source: 'holidays' } },
    { method: 'POST', path: `${FEEDS}/1/revoke`, form: { confirmed: '1' } },
  ]) {
    await assertPageNeedsSignIn(route);
  }
  for (const login of ['committee', 'expert', 'auditor']) {
    const c = new Client();
    await c.login(login);
    const html = await page(c);
    assert.match(html, /<h1 class="sotong-page-title">일정 구독<\/h1>/, login);
    assert.match(await page(c, '/'), /href="\/calendar\/feeds"/, `${login}: the menu links the page`);
  }
});

test('the page explains how to add an address in Outlook and Google Calendar and offers the holidays', async () => {
  const html = await page(jeonju);
  assert.match(html, /인터넷 일정 추가/);
  assert.match(html, /URL로 추가/);
  assert.match(html, /<strong>공휴일<\/strong>/);
  assert.match(html, /<input type="hidden" name="source" value="holidays">/);
  assert.match(html, /aria-label="공휴일 구독 주소 만들기">구독 주소 만들기<\/button>/);
});

test('an address is shown once to the session that made it, and a client without a cookie reads the holidays from it', async () => {
  const { id, url } = await makeFeed(jeonju);
  assert.match(url, new RegExp(`^${BASE}/calendar/feeds/stc_[A-Za-z0-9_-]{43}\\.ics$`));

  // Another session of the same person never sees it: only its hash is kept.
  const again = new Client();
  await again.login('jeonju');
  const elsewhere = await page(again);
  assert.equal(shownAddress(elsewhere), undefined);
  assert.ok(!elsewhere.includes(url.split('/').pop()), 'the secret is on no other page');
  assert.match(elsewhere, new RegExp(`<tr id="feed-${id}">`), 'the address is listed');

  const res = await fetchFeed(url);
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 300));
  assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
  assert.equal(res.headers.get('set-cookie'), null);
  if (process.env.SOTONG_URL_2) {
    const other = await fetchFeed(url.replace(BASE, process.env.SOTONG_URL_2));
    assert.equal(other.status, 200, 'any node answers the address');
  }

  // The wire format: CRLF everywhere, no line over 75 octets.
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.doesNotMatch(text, /[^\r]\n/, 'no bare LF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);

  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), '공휴일');
  assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
  assert.equal(calendar.getFirstSubcomponent('vtimezone').getFirstPropertyValue('tzid'), 'Asia/Seoul');
  const all = events(text).map((v) => new ICAL.Event(v));
  assert.ok(all.length >= 15, `${all.length} holidays`);
  const chuseok = all.find((e) => e.uid === 'holiday-20260925@sotong.jeonbuk');
  assert.ok(chuseok, '추석 2026 is in the feed');
  assert.equal(chuseok.summary, '추석');
  assert.equal(chuseok.description, '법정공휴일');
  assert.ok(chuseok.startDate.isDate, 'an all-day event');
  assert.equal(chuseok.startDate.toString(), '2026-09-25');
  assert.equal(chuseok.endDate.toString(), '2026-09-26');
  assert.equal(chuseok.component.getFirstPropertyValue('transp'), 'TRANSPARENT');
  assert.equal(chuseok.component.getFirstPropertyValue('status'), 'CONFIRMED');
  for (const e of all) {
    assert.match(e.uid, /^holiday-\d{8}@sotong\.jeonbuk$/);
    assert.match(e.summary, hangul);
  }

  // The use is the owner's access, from the client's address, and the page says when it was last used.
  const accesses = await history(`record_type=calendar_feed&record_id=${id}&kind=access`);
  assert.ok(accesses.length >= 1);
  assert.equal(accesses[0].login_id, 'jeonju');
  assert.equal(accesses[0].action, 'view');
  assert.equal(accesses[0].remote_address, '127.0.0.1');
  const created = await history(`record_type=calendar_feed&record_id=${id}&kind=change&action=create`);
  assert.equal(created.length, 1);
  assert.equal(created[0].login_id, 'jeonju');
  assert.ok(!JSON.stringify(created).includes(url.split('/').pop().slice(0, -4)), 'the history never holds the secret');
  const listed = decode(await page(jeonju));
  const row = listed.match(new RegExp(`<tr id="feed-${id}">([\\s\\S]*?)</tr>`))[1];
  assert.doesNotMatch(row, /아직 없음/, 'last used is filled in');
});

test('the feed is built at each fetch: a holiday an administrator adds appears, and once deleted it is cancelled', async () => {
  const { url } = await makeFeed(jeonju);
  const date = '2098-03-17';
  const uid = 'holiday-20980317@sotong.jeonbuk';
  const html = await page(admin, '/admin/holidays');
  let res = await admin.postForm('/admin/holidays', { _csrf: csrfFrom(html), date, name: '구독 시험 공휴일', kind: 'temporary' });
  assert.equal(res.status, 303, await res.text());
  const added = events(await (await fetchFeed(url)).text()).map((v) => new ICAL.Event(v)).find((e) => e.uid === uid);
  assert.ok(added, 'the new holiday is in the feed');
  assert.equal(added.summary, '구독 시험 공휴일');
  assert.equal(added.component.getFirstPropertyValue('status'), 'CONFIRMED');

  res = await admin.postForm(`/admin/holidays/${date}/delete`, { _csrf: csrfFrom(html), confirmed: '1' });
  assert.equal(res.status, 303, await res.text());
  const cancelled = events(await (await fetchFeed(url)).text()).map((v) => new ICAL.Event(v)).find((e) => e.uid === uid);
  assert.ok(cancelled, 'the deleted holiday stays in the feed');
  assert.equal(cancelled.component.getFirstPropertyValue('status'), 'CANCELLED');
  assert.ok(cancelled.sequence >= added.sequence, `SEQUENCE ${cancelled.sequence} after ${added.sequence}`);
});

test('another person cannot revoke the address; its owner is asked first, and then it answers a plain 404', async () => {
  const { id, url } = await makeFeed(jeonju);
  for (const confirmed of [false, true]) {
    const res = await revoke(gunsan, id, confirmed);
    assert.equal(res.status, 404, `gunsan, confirmed=${confirmed}`);
  }
  const adminRevoke = await revoke(admin, id);
  assert.equal(adminRevoke.status, 404, 'not even an administrator revokes another person’s address');
  assert.equal((await fetchFeed(url)).status, 200, 'the address still answers');

  // Without the dialog's confirmation the owner gets the question on a page of its own; nothing changes.
  const listed = await page(jeonju);
  assert.match(listed, new RegExp(`action="/calendar/feeds/${id}/revoke" class="inline-form" data-confirm-title="구독 주소를 폐기할까요\\?" data-confirm-button="폐기"`));
  const asked = await revoke(jeonju, id, false);
  const question = await asked.text();
  assert.equal(asked.status, 200);
  assert.match(question, /구독 주소를 폐기할까요\?/);
  assert.match(question, /<input type="hidden" name="confirmed" value="1">/);
  assert.equal((await fetchFeed(url)).status, 200, 'asked, not revoked');

  const done = await revoke(jeonju, id);
  assert.equal(done.status, 303);
  const after = decode(await (await jeonju.follow(done)).text());
  assert.match(after, /‘공휴일’의 구독 주소를 폐기했습니다\./);
  assert.doesNotMatch(after, new RegExp(`<tr id="feed-${id}">`));
  assert.equal((await revoke(jeonju, id)).status, 404, 'revoked once only');

  const gone = await fetchFeed(url);
  const goneBody = await gone.text();
  assert.equal(gone.status, 404);
  assert.doesNotMatch(gone.headers.get('content-type'), /calendar/);
  const never = await fetchFeed(`${BASE}${FEEDS}/${guessed()}.ics`);
  assert.equal(never.status, 404);
  assert.equal(await never.text(), goneBody, 'a revoked address answers exactly as one never issued');
  const unknownPath = await fetchFeed(`${BASE}/no-such-page`);
  assert.equal(await unknownPath.text(), goneBody, 'and exactly as any unknown path');

  const revoked = await history(`record_type=calendar_feed&record_id=${id}&kind=change&action=revoke`);
  assert.equal(revoked.length, 1);
  assert.equal(revoked[0].login_id, 'jeonju');
});

test('guessed and garbled secrets over a raw socket are the same plain 404', async () => {
  const { url } = await makeFeed(jeonju);
  const path = new URL(url).pathname;
  const secret = path.slice(`${FEEDS}/`.length, -'.ics'.length);
  const reference = await rawGet(`${FEEDS}/${guessed()}.ics`);
  assert.equal(statusOf(reference), 404, reference.slice(0, 200));
  const targets = [
    `${FEEDS}/${guessed()}.ics`,
    `${FEEDS}/${secret.slice(0, -1)}.ics`, // one character short
    `${FEEDS}/${secret}A.ics`, // one too many
    `${FEEDS}/${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}.ics`, // one character wrong
    `${FEEDS}/${secret}.ICS`,
    `${FEEDS}/${secret}`,
    `${FEEDS}/${secret}.ics.ics`,
    `${FEEDS}/${secret.toUpperCase()}.ics`,
    `${FEEDS}/stc_${'A'.repeat(43)}.ics`,
    `${FEEDS}/stc_%00${secret.slice(5)}.ics`,
    `${FEEDS}/${encodeURIComponent('../')}${secret}.ics`,
    `${FEEDS}/${'A'.repeat(4000)}.ics`,
    `${FEEDS}/'%20OR%201=1--.ics`,
    `${FEEDS}/.ics`,
  ];
  for (const target of targets) {
    const answer = await rawGet(target);
    assert.equal(statusOf(answer), 404, `${target.slice(0, 80)}: ${answer.slice(0, 120)}`);
    assert.doesNotMatch(answer, /text\/calendar/i, target.slice(0, 80));
    if (!target.includes('%00')) assert.equal(bodyOf(answer), bodyOf(reference), `${target.slice(0, 80)}: the same page`);
  }
  // The real secret over the same raw socket is a calendar.
  const real = await rawGet(path);
  assert.equal(statusOf(real), 200);
  assert.match(real, /\r\nContent-Type: text\/calendar; charset=utf-8\r\n/i);
  assert.match(bodyOf(real), /^BEGIN:VCALENDAR\r\n/);
});

test('the request log names the feed route, never a secret', async () => {
  const { url } = await makeFeed(jeonju);
  assert.equal((await fetchFeed(url)).status, 200);
  const log = await pollUntil(() => {
    const text = readFileSync(process.env.SOTONG_LOG, 'utf8');
    return text.includes('"path":"/calendar/feeds/{file}","route":"/calendar/feeds/{file}","status":200') && text;
  }, { message: 'the fetch in the request log' });
  assert.ok(issuedSecrets.length >= 5);
  for (const secret of issuedSecrets) assert.ok(!log.includes(secret), `the log holds the secret ${secret.slice(0, 8)}…: ${log.split('\n').filter((l) => l.includes(secret)).join(' | ').slice(0, 900)}`);
});
