// Opening a notification from the inbox: its title links through /notifications/{id}/open, which marks it read
// and then follows its link on this site; a link off the site is never followed (the inbox answers instead), a
// notification without a link is only marked read, and another person's notification answers 404 and stays
// unread.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, createToken, fetch, runSuffix as run } from './lib/client.mjs';

let owner; // a signed-in person of this run, who owns the notifications below
let other; // someone else, signed in
const ids = {}; // notification ids by name: local, offsite, schemeless, none

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Runs one SQL statement on the test database with the engine's own command-line client. */
function rawSql(statement) {
  const url = process.env.SOTONG_DATABASE;
  if (process.env.SOTONG_ENGINE === 'postgres') {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', statement], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    execFileSync('sqlite3', ['-cmd', '.timeout 10000', url.replace(/^sqlite:(\/\/)?/, ''), statement], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
}

/** The owner's inbox: each notification's id, title link (or null) and whether it is unread. */
async function inbox(client = owner) {
  const res = await client.get('/notifications');
  assert.equal(res.status, 200);
  const html = decode(await res.text());
  const items = new Map();
  for (const m of html.matchAll(/<li class="sotong-notification( is-unread)?" data-notification-id="(\d+)">([\s\S]*?)<\/li>/g)) {
    const link = m[3].match(/<h2 class="sotong-notification-title">[\s\S]*?<a href="([^"]*)">/);
    items.set(Number(m[2]), { unread: Boolean(m[1]), href: link ? link[1] : null });
  }
  return items;
}

before(async () => {
  const token = createToken('admin', 'notification-open-test');
  const api = (path, body) => fetch(new Client().base + path, {
    method: body ? 'POST' : 'GET',
    headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    ...(body && { body: JSON.stringify(body) }),
  });
  const orgs = (await (await api('/api/v1/organizations?kind=province')).json()).items;
  const login = `n-open-${run}`;
  const made = await api('/api/v1/accounts', { login_id: login, display_name: '알림 열기', organization_id: orgs[0].id, roles: ['expert'] });
  assert.equal(made.status, 201);
  const { id: accountId, initial_password: initial } = await made.json();
  owner = new Client();
  await owner.login(login, initial);
  const chosen = `Open-${run}-7!`;
  const changed = await owner.postForm('/password', { _csrf: await owner.csrf('/password'), current: initial, next: chosen, confirm: chosen });
  assert.equal(changed.status, 303);
  other = new Client();
  await other.login('jeonju');

  // Notifications as a module's notify() would leave them, one per kind of link.
  const links = { local: '/organizations?kind=municipality', offsite: 'https://evil.example/steal', schemeless: '//evil.example/x', none: '' };
  const now = Math.floor(Date.now() / 1000);
  for (const [name, url] of Object.entries(links)) {
    rawSql(`INSERT INTO notifications (account_id, title, body, url, created_at) VALUES (${accountId}, '열기 시험 ${name} ${run}', '', '${url}', ${now})`);
  }
  const html = decode(await (await owner.get('/notifications')).text());
  const items = [...html.matchAll(/data-notification-id="(\d+)">([\s\S]*?)<\/li>/g)];
  for (const name of Object.keys(links)) {
    const item = items.find((m) => m[2].includes(`열기 시험 ${name} ${run}`));
    assert.ok(item, `${name} is in the inbox`);
    ids[name] = Number(item[1]);
  }
});

test('the title of a notification with a link on this site opens it through /open, which marks it read', async () => {
  const before = await inbox();
  assert.deepEqual(before.get(ids.local), { unread: true, href: `/notifications/${ids.local}/open` });
  const res = await owner.get(`/notifications/${ids.local}/open`);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/organizations?kind=municipality');
  const after = await inbox();
  assert.equal(after.get(ids.local).unread, false, 'opened is read');
  assert.equal(after.get(ids.offsite).unread, true, 'the others stay unread');
  // Opening it again still leads there.
  assert.equal((await owner.get(`/notifications/${ids.local}/open`)).headers.get('location'), '/organizations?kind=municipality');
});

test('a link off this site is never shown nor followed: opening answers with the inbox and marks it read', async () => {
  const shown = await inbox();
  for (const name of ['offsite', 'schemeless', 'none']) assert.equal(shown.get(ids[name]).href, null, `${name}: no title link`);
  for (const name of ['offsite', 'schemeless', 'none']) {
    const res = await owner.get(`/notifications/${ids[name]}/open`);
    assert.equal(res.status, 303, name);
    assert.equal(res.headers.get('location'), '/notifications', `${name} leads back to the inbox`);
    const page = await owner.get('/notifications');
    assert.match(decode(await page.text()), /이 알림에는 열 화면이 없습니다/);
  }
  const after = await inbox();
  for (const name of ['offsite', 'schemeless', 'none']) assert.equal(after.get(ids[name]).unread, false, `${name} is read`);
});

test("another person's notification answers 404 and stays as it was; a wrong id is 404 and strangers sign in", async () => {
  rawSql(`UPDATE notifications SET read_at = NULL WHERE id = ${ids.local}`);
  const res = await other.get(`/notifications/${ids.local}/open`);
  assert.equal(res.status, 404);
  assert.equal(res.headers.get('location'), null, 'no redirect to its link');
  assert.match(decode(await res.text()), /알림을 찾을 수 없습니다/);
  assert.equal((await inbox()).get(ids.local).unread, true, 'still unread for its owner');
  for (const path of ['/notifications/999999999/open', '/notifications/abc/open', '/notifications/0/open']) {
    assert.equal((await owner.get(path)).status, 404, path);
  }
  const anonymous = await new Client().get(`/notifications/${ids.local}/open`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /^\/login\?next=/);
  assert.equal((await inbox()).get(ids.local).unread, true, 'nobody opened it');
});
