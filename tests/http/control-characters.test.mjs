// NUL and other control characters are refused in every text input, on both engines alike: PostgreSQL would cut
// `admin%00x` at the NUL and sign in as `admin` while the log said `adminx`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, fetch, BASE, DEMO_PASSWORD } from './lib/client.mjs';

let adminToken;
before(() => {
  adminToken = createToken('admin', 'control-characters-test');
});

test('a login id with NUL or ESC does not sign anyone in', async () => {
  for (const loginId of ['admin\u0000x', 'admin\u0000', 'ad\u001bmin']) {
    const client = new Client();
    const _csrf = await client.csrf('/login');
    const res = await client.postForm('/login', { _csrf, login_id: loginId, password: DEMO_PASSWORD });
    assert.equal(res.status, 422, JSON.stringify(loginId));
    assert.match(await res.text(), /제어 문자/);
    assert.ok(!client.cookies.get('sotong_session'), 'no session');
  }
});

test('a form field, a query and a JSON string with NUL get 422 naming the field and change nothing', async () => {
  const admin = new Client();
  await admin.login('admin');
  const _csrf = await admin.csrf('/admin/organizations/new');
  const form = await admin.postForm('/admin/organizations', { _csrf, code: 'NUL-1', name: '널\u0000기관', kind: 'agency' });
  assert.equal(form.status, 422);
  const query = await admin.get('/admin/organizations?q=%00');
  assert.equal(query.status, 422);
  const json = await fetch(`${BASE}/api/v1/organizations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: 'NUL-2', name: '널\u0000기관', kind: 'agency' }),
  });
  assert.equal(json.status, 422);
  assert.ok((await json.json()).error.fields.name);
  const list = await fetch(`${BASE}/api/v1/organizations`, { headers: { authorization: `Bearer ${adminToken}` } });
  assert.ok(!(await list.json()).items.some((o) => o.code.startsWith('NUL-')), 'nothing was created');
  // Line breaks and tabs are ordinary text and pass.
  const ok = await admin.get('/admin/organizations?q=%09');
  assert.equal(ok.status, 200);
});
