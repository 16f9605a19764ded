// Role boundaries, table-driven over every demo account: everyone reaches the dashboard; only `admin` reaches
// the admin area; every admin form POST is refused to the others even with a valid CSRF token of their own
// session; the API's admin routes refuse a non-admin token (403) and a missing one (401). The records the
// refused writes aim at are made here, and are checked unchanged afterwards.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom, fetch, hangul, runSuffix as run } from './lib/client.mjs';

// Every demo account with its role (SPEC.md "Who uses it"); municipal has two, in different 시·군.
const DEMO = [
  ['admin', 'admin'],
  ['coordinator', 'coordinator'],
  ['planning', 'bureau'],
  ['jeonju', 'municipal'],
  ['gunsan', 'municipal'],
  ['auditor', 'auditor'],
  ['budget', 'budget'],
  ['researcher', 'researcher'],
  ['committee', 'committee'],
  ['hr', 'hr'],
  ['expert', 'expert'],
  ['trainer', 'trainer'],
];

function api(path, { token, method = 'GET', body, cookie } = {}) {
  return fetch(new Client().base + path, {
    method,
    redirect: 'manual',
    headers: {
      accept: 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(cookie && { cookie }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let adminToken;
let target; // { org, account, provinceId, orgBefore, accountBefore }

/** The admin-area pages, with the ids of this run's records filled in. */
const adminGets = () => [
  '/admin/',
  '/admin/roles',
  '/admin/organizations',
  '/admin/organizations?kind=municipality&status=active&q=%EC%8B%9C',
  '/admin/organizations/new',
  `/admin/organizations/${target.org}`,
  `/admin/organizations/${target.org}/edit`,
  '/admin/accounts',
  '/admin/accounts?role=admin',
  '/admin/accounts/new',
  `/admin/accounts/${target.account}`,
  `/admin/accounts/${target.account}/edit`,
];

/** The admin-area writes, each with a body that would change something were it let through. */
const adminPosts = () => [
  ['/admin/organizations', { code: `R-X-${run}`, name: `권한 시험 ${run}`, kind: 'agency', parent_id: String(target.provinceId), sort_order: '0' }],
  [`/admin/organizations/${target.org}`, { code: `R-ORG-${run}`, name: `바뀐 이름 ${run}`, rename_reason: '권한 시험', kind: 'agency', parent_id: String(target.provinceId), sort_order: '1' }],
  [`/admin/organizations/${target.org}/deactivate`, {}],
  [`/admin/organizations/${target.org}/activate`, {}],
  ['/admin/accounts', { login_id: `r-x-${run}`, display_name: '권한 시험', organization_id: String(target.provinceId), roles: 'admin' }],
  [`/admin/accounts/${target.account}`, { display_name: '바뀐 이름', organization_id: String(target.provinceId), roles: 'admin', active: '1' }],
  [`/admin/accounts/${target.account}/reset-password`, {}],
  [`/admin/accounts/${target.account}/unlock`, {}],
];

/** The API routes only an administrator may use. */
const adminApi = () => [
  ['POST', '/api/v1/organizations', { code: `R-API-${run}`, name: `API 권한 시험 ${run}`, kind: 'agency', parent_id: target.provinceId }],
  ['PATCH', `/api/v1/organizations/${target.org}`, { name: `API 바뀐 이름 ${run}`, rename_reason: '권한 시험' }],
  ['POST', '/api/v1/accounts', { login_id: `r-api-${run}`, display_name: '권한 시험', organization_id: target.provinceId, roles: ['admin'] }],
  ['GET', '/api/v1/accounts', undefined],
  ['GET', `/api/v1/accounts/${target.account}`, undefined],
];

function assertErrorJson(body, code) {
  assert.equal(typeof body.error, 'object', JSON.stringify(body));
  assert.equal(body.error.code, code);
  assert.match(body.error.message, hangul);
  assert.equal(typeof body.error.fields, 'object');
}

before(async () => {
  adminToken = createToken('admin', 'roles-test');
  const province = (await (await api('/api/v1/organizations?kind=province', { token: adminToken })).json()).items.find(
    (o) => o.code === '52000',
  );
  const org = await api('/api/v1/organizations', {
    token: adminToken,
    method: 'POST',
    body: { code: `R-ORG-${run}`, name: `권한 대상 ${run}`, kind: 'agency', parent_id: province.id, sort_order: 0 },
  });
  assert.equal(org.status, 201);
  const orgId = (await org.json()).id;
  const account = await api('/api/v1/accounts', {
    token: adminToken,
    method: 'POST',
    body: { login_id: `r-target-${run}`, display_name: '권한 대상', organization_id: province.id, roles: ['expert'] },
  });
  assert.equal(account.status, 201);
  const accountId = (await account.json()).id;
  target = { org: orgId, account: accountId, provinceId: province.id };
  target.orgBefore = await (await api(`/api/v1/organizations/${orgId}`, { token: adminToken })).json();
  target.accountBefore = await (await api(`/api/v1/accounts/${accountId}`, { token: adminToken })).json();
});

/** The target records are exactly as they were, and nothing the refused writes tried to create exists. */
async function assertUntouched() {
  assert.deepEqual(await (await api(`/api/v1/organizations/${target.org}`, { token: adminToken })).json(), target.orgBefore);
  const account = await (await api(`/api/v1/accounts/${target.account}`, { token: adminToken })).json();
  assert.deepEqual(account, target.accountBefore);
  const orgs = (await (await api('/api/v1/organizations', { token: adminToken })).json()).items;
  assert.ok(!orgs.some((o) => o.code === `R-X-${run}` || o.code === `R-API-${run}`));
  const accounts = (await (await api('/api/v1/accounts', { token: adminToken })).json()).items;
  assert.ok(!accounts.some((a) => a.login_id === `r-x-${run}` || a.login_id === `r-api-${run}`));
}

for (const [login, role] of DEMO) {
  const isAdmin = role === 'admin';

  test(`${login} (${role}): the dashboard opens and the admin area ${isAdmin ? 'opens' : 'answers 403 in Korean'}`, async () => {
    const c = new Client();
    await c.login(login);
    const home = await c.get('/');
    assert.equal(home.status, 200);
    const homeHtml = await home.text();
    assert.match(homeHtml, /<main id="contents"/);
    // The admin menu is the admin's alone; the auditor also reads the history (/admin/history).
    assert.equal(/href="\/admin\/(?!history"|holidays")/.test(homeHtml), isAdmin, 'the admin menu is shown to the admin only');

    for (const path of adminGets()) {
      const res = await c.get(path);
      const html = await res.text();
      if (isAdmin) {
        assert.equal(res.status, 200, `${login} GET ${path}`);
      } else {
        assert.equal(res.status, 403, `${login} GET ${path}`);
        assert.match(res.headers.get('content-type'), /^text\/html/);
        assert.match(html, /접근 권한이 없습니다/, `${login} GET ${path}: Korean refusal`);
        assert.match(html, /오류 코드 <strong>403<\/strong>/);
      }
    }
  });

  if (!isAdmin) {
    test(`${login} (${role}): every admin POST is refused with 403 despite a valid CSRF token`, async () => {
      const c = new Client();
      await c.login(login);
      const _csrf = await c.csrf('/');
      for (const [path, fields] of adminPosts()) {
        const res = await c.postForm(path, { _csrf, ...fields });
        assert.equal(res.status, 403, `${login} POST ${path}`);
        const html = await res.text();
        assert.match(html, /접근 권한이 없습니다/, `${login} POST ${path}`);
        assert.doesNotMatch(html, /보안 확인값/, 'refused by the policy, not by the CSRF check');
      }
      await assertUntouched();
    });
  }

  test(`${login} (${role}): API tokens ${isAdmin ? 'reach every route' : 'are refused the admin routes with 403 JSON'}`, async () => {
    const token = createToken(login, 'roles-test');
    const me = await api('/api/v1/me', { token });
    assert.equal(me.status, 200);
    const body = await me.json();
    assert.equal(body.login_id, login);
    assert.deepEqual(body.roles, [role]);
    assert.equal((await api('/api/v1/organizations', { token })).status, 200);
    assert.equal((await api(`/api/v1/organizations/${target.org}`, { token })).status, 200);
    if (isAdmin) {
      assert.equal((await api('/api/v1/accounts', { token })).status, 200);
      assert.equal((await api(`/api/v1/accounts/${target.account}`, { token })).status, 200);
      return; // the admin's writes are covered by api.test.mjs
    }
    for (const [method, path, payload] of adminApi()) {
      const res = await api(path, { token, method, body: payload });
      assert.equal(res.status, 403, `${login} ${method} ${path}`);
      assert.match(res.headers.get('content-type'), /^application\/json/);
      assertErrorJson(await res.json(), 'forbidden');
    }
    await assertUntouched();
  });
}

test('without a token every API route answers 401 JSON, and the session cookie cannot write', async () => {
  const routes = [
    ['GET', '/api/v1/me', undefined],
    ['GET', '/api/v1/organizations', undefined],
    ['GET', `/api/v1/organizations/${target.org}`, undefined],
    ...adminApi(),
  ];
  for (const [method, path, payload] of routes) {
    const res = await api(path, { method, body: payload });
    assert.equal(res.status, 401, `${method} ${path}`);
    assertErrorJson(await res.json(), 'unauthenticated');
  }
  for (const [method, path, payload] of routes) {
    const res = await api(path, { method, body: payload, token: 'stg_not-a-real-token' });
    assert.equal(res.status, 401, `bad token: ${method} ${path}`);
    assertErrorJson(await res.json(), 'unauthenticated');
  }

  // A browser session may read the API but never write through it, even the admin's with its CSRF token.
  const admin = new Client();
  await admin.login('admin');
  const cookie = `sotong_session=${admin.cookies.get('sotong_session')}`;
  assert.equal((await api('/api/v1/accounts', { cookie })).status, 200);
  for (const [method, path, payload] of adminApi().filter(([m]) => m !== 'GET')) {
    const res = await fetch(admin.base + path, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': await admin.csrf('/'), accept: 'application/json' },
      body: JSON.stringify(payload),
    });
    assert.equal(res.status, 401, `session write: ${method} ${path}`);
    assertErrorJson(await res.json(), 'unauthenticated');
  }
  await assertUntouched();
});

test('anonymous visitors are sent to the login page from every admin page, and their POSTs change nothing', async () => {
  const c = new Client();
  for (const path of adminGets()) {
    const res = await c.get(path);
    assert.equal(res.status, 303, path);
    assert.equal(res.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
  }
  for (const [path, fields] of adminPosts()) {
    const res = await c.postForm(path, fields);
    assert.equal(res.status, 303, `POST ${path}`);
    assert.match(res.headers.get('location'), /^\/login/);
  }
  await assertUntouched();
});
