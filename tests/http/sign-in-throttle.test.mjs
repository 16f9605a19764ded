// Sign-in throttling: guesses sent in parallel are counted one by one (the lock holds at exactly five), a
// locked account is answered exactly as a wrong password, one address may fail only so often, and a spray
// from many addresses stops the addresses that failed while the people typing their password right get in.
// Each test speaks through its own node that trusts 127.0.0.1 as its proxy, so X-Forwarded-For stands for a
// distinct client address per test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, Client, DEMO_PASSWORD, runSuffix, createToken, fetch } from './lib/client.mjs';
import { startNodeWith } from './lib/node.mjs';

const BIN = process.env.SOTONG_BIN;
const dir = mkdtempSync(join(tmpdir(), 'sotong-throttle-'));
const nodes = [];
let adminToken;
let octet = 0;
/** A client address of its own for each use, unique to this run. */
const address = () => `198.18.${Math.floor(Math.random() * 200)}.${(octet = (octet + 1) % 250) + 1}`;

/** A node of its own that trusts 127.0.0.1 as its proxy, with `config` added; answers its base URL. */
async function startNode(config, database = process.env.SOTONG_DATABASE) {
  const node = await startNodeWith(`[security]\ntrusted_proxies = ["127.0.0.1"]\n${config}`, { database });
  nodes.push(node);
  return node.url;
}

/** Signs in through `base` as the client at `from`; answers the buffered response. */
async function signIn(base, from, login, password) {
  const c = new Client(base);
  const headers = { 'x-forwarded-for': from };
  const form = await c.get('/login', headers);
  const _csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  return c.postForm('/login', { _csrf, login_id: login, password }, headers);
}

async function newAccount(loginId) {
  const res = await fetch(`${BASE}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ login_id: loginId, display_name: '잠금 시험', organization_id: 1, roles: ['expert'] }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

async function signInEntries(login) {
  const res = await fetch(`${BASE}/api/v1/history?kind=access&subject=${encodeURIComponent(login)}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

let proxied;
before(async () => {
  adminToken = createToken('admin', 'sign-in-throttle-test');
  proxied = await startNode('');
});

after(async () => {
  for (const node of nodes) await node.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('twenty guesses sent at once are counted one by one: four failures, then the lock', async () => {
  const login = `t-parallel-${runSuffix}`;
  const { initial_password: password } = await newAccount(login);
  const from = address();
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => signIn(proxied, from, login, `Wrong-guess-${i}-x`)),
  );
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [401]);
  const entries = await signInEntries(login);
  const actions = entries.map((e) => e.action);
  assert.equal(actions.filter((a) => a === 'login_failed').length, 4, actions.join(','));
  assert.equal(actions.filter((a) => a === 'login_locked').length, 16, actions.join(','));
  const right = await signIn(proxied, from, login, password);
  assert.equal(right.status, 401, 'the right password meets the lock');
});

test('a locked account is answered exactly as a wrong password or an unknown login id', async () => {
  const login = `t-same-${runSuffix}`;
  const { initial_password: password } = await newAccount(login);
  const from = address();
  for (let i = 0; i < 5; i++) await signIn(proxied, from, login, `Wrong-guess-${i}-y`);
  const locked = await signIn(proxied, from, login, password);
  const unknown = await signIn(proxied, from, `nobody-${runSuffix}-x`, password);
  const wrong = await signIn(proxied, from, 'researcher', `Wrong-guess-${runSuffix}`);
  const page = async (res, id) => (await res.text()).replaceAll(id, 'ID').replace(/name="_csrf" value="[^"]+"/g, '');
  assert.equal(locked.status, 401);
  assert.equal(unknown.status, locked.status);
  assert.equal(wrong.status, locked.status);
  const lockedPage = await page(locked, login);
  assert.equal(lockedPage, await page(unknown, `nobody-${runSuffix}-x`));
  assert.equal(lockedPage, await page(wrong, 'researcher'));
});

test('the person whose account locked is told by a notification', async () => {
  const login = `t-told-${runSuffix}`;
  const { initial_password: password } = await newAccount(login);
  const from = address();
  for (let i = 0; i < 5; i++) await signIn(proxied, from, login, `Wrong-guess-${i}-z`);
  // The operator lifts the lock; the person signs in, sets a password and reads the inbox.
  execFileSync(BIN, ['user', '--database', process.env.SOTONG_DATABASE, 'unlock', '--login', login], { stdio: 'ignore' });
  const person = new Client();
  await person.login(login, password);
  const _csrf = await person.csrf('/password');
  const next = `Throttle-${runSuffix}-Kx9!`;
  const changed = await person.postForm('/password', { _csrf, current: password, next, confirm: next });
  assert.equal(changed.status, 303, 'the initial password is changed');
  const inbox = await (await person.get('/notifications')).text();
  assert.match(inbox, /계정이 잠겼습니다/);
});

test('one address may fail only so often; another address is not held back', async () => {
  const base = await startNode('sign_in_failures_per_address = 3\n');
  const from = address();
  for (let i = 0; i < 3; i++) {
    const res = await signIn(base, from, `nobody-${runSuffix}-${i}`, 'Wrong-guess-1-a');
    assert.equal(res.status, 401, `failure ${i + 1}`);
  }
  const held = await signIn(base, from, 'researcher', DEMO_PASSWORD);
  assert.equal(held.status, 429, 'even the right password waits');
  assert.match(await held.text(), /로그인 실패가 너무 많아/);
  const other = await signIn(base, address(), 'researcher', DEMO_PASSWORD);
  assert.equal(other.status, 303, 'a different address signs in');
});

test('a spray from many addresses stops those that failed, not the people who type their password right', async () => {
  // Its own database: the limit over all addresses must not count the rest of the suite's failures.
  const database = `sqlite:${join(dir, 'spray.db')}`;
  execFileSync(BIN, ['migrate', '--database', database], { stdio: 'ignore' });
  execFileSync(BIN, ['demo-data', '--database', database], { stdio: 'ignore' });
  const base = await startNode('sign_in_failures_total = 3\n', database);
  const sprayers = [address(), address(), address()];
  for (const from of sprayers) assert.equal((await signIn(base, from, 'jeonju', 'Wrong-guess-1-b')).status, 401);
  const held = await signIn(base, sprayers[0], 'gunsan', DEMO_PASSWORD);
  assert.equal(held.status, 429, 'an address that failed waits');
  const clean = await signIn(base, address(), 'gunsan', DEMO_PASSWORD);
  assert.equal(clean.status, 303, 'an address with no failure still signs in');
});
