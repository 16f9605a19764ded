// Two `sotong serve` nodes on one PostgreSQL database behave as one system: a session opened on one node is
// valid on the other, a write on one is read on the other, and a logout on either ends the session on both.
// Runs only where scripts/test-http.sh started the second node (postgres).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, createToken, csrfFrom, fetch, runSuffix } from './lib/client.mjs';

const SECOND = process.env.SOTONG_URL_2;
const skip = SECOND ? false : 'needs SOTONG_URL_2 (a second node: scripts/test-http.sh postgres)';
const run = runSuffix.toUpperCase();

/** A client for `base` carrying the same cookies as `from` (the same browser behind a load balancer). */
function sameBrowser(from, base) {
  const c = new Client(base);
  c.cookies = from.cookies;
  return c;
}

test('a session opened on node 1 opens pages on node 2, and its CSRF token is valid there', { skip }, async () => {
  const one = new Client(BASE);
  await one.login('coordinator');
  const two = sameBrowser(one, SECOND);
  for (const c of [one, two]) {
    const res = await c.get('/');
    assert.equal(res.status, 200, c.base);
    assert.match(await res.text(), /이협력/);
  }
  const me = await two.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal((await me.json()).login_id, 'coordinator');
  // A form read on node 1 is accepted by node 2.
  const _csrf = await one.csrf('/');
  const extend = await two.request('/session/extend', { method: 'POST', headers: { 'x-csrf-token': _csrf } });
  assert.equal(extend.status, 200);
});

test('an organisation created on node 1 through the API is read on node 2', { skip }, async () => {
  const token = createToken('admin', 'cluster-test');
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const province = (await (await fetch(`${BASE}/api/v1/organizations?kind=province`, { headers })).json()).items[0];
  const body = { code: `C-${run}`, name: `클러스터 시험 ${run}`, kind: 'agency', parent_id: province.id, sort_order: 3 };
  const created = await fetch(`${BASE}/api/v1/organizations`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();

  const read = await fetch(`${SECOND}/api/v1/organizations/${id}`, { headers });
  assert.equal(read.status, 200);
  const org = await read.json();
  assert.equal(org.code, body.code);
  assert.equal(org.name, body.name);
  const listed = (await (await fetch(`${SECOND}/api/v1/organizations`, { headers })).json()).items;
  assert.ok(listed.some((o) => o.id === id));

  // A rename on node 2 is seen on node 1, with its history.
  const patched = await fetch(`${SECOND}/api/v1/organizations/${id}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${body.name} 2`, rename_reason: '노드 2에서 변경' }),
  });
  assert.equal(patched.status, 200);
  const back = await (await fetch(`${BASE}/api/v1/organizations/${id}`, { headers })).json();
  assert.equal(back.name, `${body.name} 2`);
  assert.deepEqual(back.former_names.map((n) => n.name), [body.name]);

  // The same code is refused on either node.
  const twice = await fetch(`${SECOND}/api/v1/organizations`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(twice.status, 409);
});

test('logging out on node 2 ends the session on node 1', { skip }, async () => {
  const one = new Client(BASE);
  await one.login('coordinator');
  const token = one.cookies.get('sotong_session');
  const two = sameBrowser(one, SECOND);
  const page = await two.get('/');
  assert.equal(page.status, 200);
  const out = await two.postForm('/logout', { _csrf: csrfFrom(await page.text()) });
  assert.equal(out.status, 303);

  const kept = new Client(BASE);
  kept.cookies.set('sotong_session', token);
  const res = await kept.get('/');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /^\/login/);
  assert.equal((await kept.get('/api/v1/me')).status, 401);
});

test('an account locked by failures on node 1 is locked on node 2 as well', { skip }, async () => {
  const token = createToken('admin', 'cluster-test');
  const province = (await (await fetch(`${BASE}/api/v1/organizations?kind=province`, { headers: { authorization: `Bearer ${token}` } })).json()).items[0];
  const loginId = `c-lock-${run.toLowerCase()}`;
  const created = await fetch(`${BASE}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ login_id: loginId, display_name: '잠금 시험', organization_id: province.id, roles: ['expert'] }),
  });
  assert.equal(created.status, 201);
  const { initial_password: password } = await created.json();

  // Failures alternate between the nodes; they add up to one count.
  const nodes = [new Client(BASE), new Client(SECOND)];
  const tokens = [await nodes[0].csrf('/login'), await nodes[1].csrf('/login')];
  for (let i = 0; i < 5; i++) {
    const n = i % 2;
    const res = await nodes[n].postForm('/login', { _csrf: tokens[n], login_id: loginId, password: `Wrong-${i}-password` });
    assert.equal(res.status, 401, `failure ${i + 1} on node ${n + 1}`);
  }
  for (const n of [0, 1]) {
    const res = await nodes[n].postForm('/login', { _csrf: tokens[n], login_id: loginId, password });
    assert.equal(res.status, 401, `the right password on node ${n + 1} meets the lock`);
  }
});
