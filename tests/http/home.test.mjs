// The home page: "지난 로그인" is the sign-in before this one; what waits for the person comes first and links
// to the list that holds exactly it (an administrator's locked accounts); the dashboard's figures agree with
// the lists they open.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, createToken, fetch, runSuffix } from './lib/client.mjs';

let adminToken;
before(() => {
  adminToken = createToken('admin', 'home-test');
});

async function newAccount(loginId) {
  const res = await fetch(`${BASE}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ login_id: loginId, display_name: '홈 시험', organization_id: 1, roles: ['expert'] }),
  });
  assert.equal(res.status, 201);
  return res.json();
}

async function signInAndChange(loginId, password) {
  const c = new Client();
  await c.login(loginId, password);
  const _csrf = await c.csrf('/password');
  const next = `Home-${runSuffix}-Qz7!`;
  assert.equal((await c.postForm('/password', { _csrf, current: password, next, confirm: next })).status, 303);
  return next;
}

const previous = (html) => html.match(/<dt>지난 로그인<\/dt><dd>([^<]*)<\/dd>/)?.[1];

test('the home shows the previous sign-in, not the current one', async () => {
  const login = `t-home-${runSuffix}`;
  const { initial_password } = await newAccount(login);
  const password = await signInAndChange(login, initial_password);
  // Between the first and the second sign-in the minute may or may not change: what matters is that the
  // page shows a time (the first sign-in) rather than "the first time", and never a time after the second.
  const second = new Client();
  await second.login(login, password);
  const html = await (await second.get('/')).text();
  assert.match(previous(html), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'the first sign-in is shown');
  const fresh = new Client();
  const other = `t-home2-${runSuffix}`;
  const created = await newAccount(other);
  await fresh.login(other, created.initial_password);
  const _csrf = await fresh.csrf('/password');
  const next = `Home2-${runSuffix}-Qz7!`;
  await fresh.postForm('/password', { _csrf, current: created.initial_password, next, confirm: next });
  assert.equal(previous(await (await fresh.get('/')).text()), '이번이 처음입니다');
});

test('an administrator\'s home lists locked accounts first, linking to exactly those', async () => {
  const login = `t-locked-${runSuffix}`;
  await newAccount(login);
  const guesser = new Client();
  const _csrf = await guesser.csrf('/login');
  for (let i = 0; i < 5; i++) await guesser.postForm('/login', { _csrf, login_id: login, password: `Wrong-${i}-home` });

  const admin = new Client();
  await admin.login('admin');
  const home = await (await admin.get('/')).text();
  const task = home.match(/<a href="([^"]+)"><span class="task-label">잠금 해제를 기다리는 계정<\/span> <strong class="task-count">(\d+)개<\/strong>/);
  assert.ok(task, 'the task is on the home page');
  const href = task[1].replaceAll('&amp;', '&');
  assert.equal(href, '/admin/accounts?status=active&state=locked');
  const list = await (await admin.get(href)).text();
  assert.match(list, new RegExp(`모두 <strong>${task[2]}</strong>`), 'the list holds as many as the task says');
  assert.match(list, new RegExp(login));
  // The card's figure is the same number and opens the same list.
  const escaped = task[1].replace(/[?&]/g, (c) => `\\${c}`);
  assert.match(home, new RegExp(`<dt>잠긴 계정</dt><dd><a href="${escaped}">${task[2]}개</a></dd>`));
});

test('a 시·군 officer\'s home says what he can do, and nothing waits when nothing does', async () => {
  const jeonju = new Client();
  await jeonju.login('jeonju');
  const html = await (await jeonju.get('/')).text();
  assert.match(html, /<h2 class="section-title" id="home-can">여기서 할 수 있는 일<\/h2>/);
  for (const href of ['/organizations', '/people', '/search', '/admin/holidays'])
    assert.match(html, new RegExp(`<li><a href="${href}">[^<]+</a><p>[^<]+</p></li>`), href);
  assert.doesNotMatch(html, /href="\/admin\/accounts/);
});
