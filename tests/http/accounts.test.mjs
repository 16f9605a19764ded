// The administrator's account pages: creating an account shows its initial password once, roles can be
// edited (and take effect), a password reset forces a change and ends the old sessions, the list filters,
// and duplicate or invalid login ids are refused. Every account made here has a login id unique to this run.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfFrom, runSuffix as run } from './lib/client.mjs';

let admin;
let orgs; // code → id

async function postLogin(client, loginId, password) {
  const _csrf = await client.csrf('/login');
  return client.postForm('/login', { _csrf, login_id: loginId, password });
}

/** Posts the new-account form; `roles` is a list. */
async function postNew({ roles = ['municipal'], ...fields }) {
  const _csrf = await admin.csrf('/admin/accounts/new');
  const values = { display_name: '시험 사용자', position: '주무관', email: '', organization_id: String(orgs['52110']), ...fields };
  return admin.postForm('/admin/accounts', [['_csrf', _csrf], ...Object.entries(values), ...roles.map((r) => ['roles', r])]).then((res) =>
    // A created account's page comes after a redirect (post/redirect/get); a refusal answers at once.
    res.status === 303 ? admin.follow(res) : res,
  );
}

function issued(html) {
  return {
    id: Number(html.match(/href="\/admin\/accounts\/(\d+)"/)?.[1]),
    password: html.match(/id="initial-password"[^>]*>([^<]+)</)?.[1],
  };
}

async function create(fields) {
  const res = await postNew(fields);
  const html = await res.text();
  assert.equal(res.status, 200, `create ${fields.login_id}: ${html.slice(0, 200)}`);
  const out = issued(html);
  assert.ok(out.id && out.password, 'the page links the account and shows its initial password');
  return out;
}

/** Posts the edit form of account `id`, keeping the current values unless overridden. */
async function edit(id, { roles, ...fields }) {
  const form = await admin.get(`/admin/accounts/${id}/edit`);
  assert.equal(form.status, 200);
  const html = await form.text();
  const value = (name) => html.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1] ?? '';
  const selected = (name) => html.match(new RegExp(`name="${name}"[\\s\\S]*?<option value="([^"]*)" selected`))?.[1] ?? '';
  const checked = [...html.matchAll(/name="roles" id="role-[a-z]+" value="([a-z]+)" checked/g)].map((m) => m[1]);
  const current = {
    login_id: value('login_id'),
    display_name: value('display_name'),
    position: value('position'),
    email: value('email'),
    organization_id: selected('organization_id'),
    active: selected('active'),
  };
  return admin.postForm(`/admin/accounts/${id}`, [
    ['_csrf', csrfFrom(html)],
    ...Object.entries({ ...current, ...fields }),
    ...(roles ?? checked).map((r) => ['roles', r]),
  ]);
}

async function apiAccount(id) {
  const res = await admin.get(`/api/v1/accounts/${id}`);
  assert.equal(res.status, 200);
  return res.json();
}

/** Rows of the account list as {login_id, id, name, organization, roles, status}. */
function listRows(html) {
  const re = /<tr>\s*<td>([^<]*)<\/td>\s*<th scope="row"><a href="\/admin\/accounts\/(\d+)">([^<]*)<\/a><\/th>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>(.*?)<\/td>/gs;
  return [...html.matchAll(re)].map((m) => ({
    login_id: m[1], id: Number(m[2]), name: m[3], organization: m[4], roles: m[5], status: m[6],
  }));
}

async function listed(query) {
  const res = await admin.get(`/admin/accounts?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200);
  return listRows(await res.text());
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
  const items = (await (await admin.get('/api/v1/organizations')).json()).items;
  orgs = Object.fromEntries(items.map((o) => [o.code, o.id]));
});

test('the admin creates an account through the form and sees its initial password exactly once', async () => {
  const loginId = `t-new-${run}`;
  const res = await postNew({ login_id: loginId, display_name: '홍길동', email: `${loginId}@korea.example`, roles: ['municipal'] });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /계정을 등록했습니다/);
  assert.match(html, /초기 비밀번호는 발급한 뒤 10분 동안 이 화면에서만 보입니다/);
  const { id, password } = issued(html);
  assert.match(password, /^[A-Za-z]{8}-[2-9]{4}$/, 'a readable generated password');

  for (const path of [`/admin/accounts/${id}`, `/admin/accounts/${id}/edit`, `/admin/accounts?q=${loginId}`]) {
    const page = await (await admin.get(path)).text();
    assert.ok(!page.includes(password), `${path} does not show the password again`);
  }
  const api = await apiAccount(id);
  assert.equal(api.login_id, loginId);
  assert.equal(api.display_name, '홍길동');
  assert.deepEqual(api.roles, ['municipal']);
  assert.equal(api.organization.id, orgs['52110']);
  assert.equal(api.must_change_password, true);
  assert.ok(!JSON.stringify(api).includes(password));

  const detail = await (await admin.get(`/admin/accounts/${id}`)).text();
  assert.match(detail, /초기 비밀번호 변경 전/);

  // The initial password works, but only to reach the change form.
  const c = new Client();
  const login = await postLogin(c, loginId, password);
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), '/password');
});

test('the admin edits roles, and the change applies to the signed-in person at once', async () => {
  const loginId = `t-roles-${run}`;
  const { id, password } = await create({ login_id: loginId, roles: ['municipal'] });
  const user = new Client();
  await postLogin(user, loginId, password);
  const newPassword = `Roles-${run}-7!`;
  const changed = await user.postForm('/password', { _csrf: await user.csrf('/password'), current: password, next: newPassword, confirm: newPassword });
  assert.equal(changed.status, 303);
  assert.equal((await user.get('/admin/')).status, 403);

  const res = await edit(id, { roles: ['municipal', 'admin'], position: '팀장' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/admin/accounts/${id}`);
  const detail = await (await admin.get(`/admin/accounts/${id}`)).text();
  assert.match(detail, /계정 정보를 수정했습니다/);
  assert.match(detail, /시스템 관리자/);
  assert.match(detail, /시·군 담당자/);
  assert.match(detail, /<td>팀장<\/td>/);
  assert.deepEqual((await apiAccount(id)).roles.sort(), ['admin', 'municipal']);
  assert.equal((await user.get('/admin/')).status, 200, 'the new role works in the open session');

  // Someone cannot take their own administrator role away.
  const self = await user.get(`/admin/accounts/${id}/edit`);
  const selfHtml = await self.text();
  const refused = await user.postForm(`/admin/accounts/${id}`, [
    ['_csrf', csrfFrom(selfHtml)], ['display_name', '시험 사용자'], ['organization_id', String(orgs['52110'])],
    ['active', '1'], ['roles', 'municipal'],
  ]);
  assert.ok([303, 409, 422].includes(refused.status), `status ${refused.status}`);
  assert.deepEqual((await apiAccount(id)).roles.sort(), ['admin', 'municipal']);

  const back = await edit(id, { roles: ['expert'] });
  assert.equal(back.status, 303);
  assert.deepEqual((await apiAccount(id)).roles, ['expert']);
  assert.equal((await user.get('/admin/')).status, 403, 'the removed role stops working at once');

  // The login id is fixed once issued, whatever the form sends.
  const renamed = await edit(id, { login_id: `t-other-${run}` });
  assert.equal(renamed.status, 303);
  assert.equal((await apiAccount(id)).login_id, loginId);
});

test('an edit with no role or a bad e-mail gets 422 with Korean messages and changes nothing', async () => {
  const { id } = await create({ login_id: `t-edit-${run}`, roles: ['hr'] });
  const res = await edit(id, { roles: [], email: 'not-an-email', display_name: '' });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /역할을 하나 이상 선택해 주십시오\./);
  assert.match(html, /전자우편 주소 형식이 올바르지 않습니다/);
  assert.match(html, /이름을 입력해 주십시오\./);
  const api = await apiAccount(id);
  assert.deepEqual(api.roles, ['hr']);
  assert.equal(api.display_name, '시험 사용자');
});

test('a password reset shows a new initial password once, ends the sessions and forces a change', async () => {
  const loginId = `t-reset-${run}`;
  const { id, password } = await create({ login_id: loginId });
  const user = new Client();
  await postLogin(user, loginId, password);
  const chosen = `Reset-${run}-3!`;
  assert.equal((await user.postForm('/password', { _csrf: await user.csrf('/password'), current: password, next: chosen, confirm: chosen })).status, 303);
  assert.equal((await user.get('/')).status, 200);
  assert.equal((await apiAccount(id)).must_change_password, false);

  const detail = await (await admin.get(`/admin/accounts/${id}`)).text();
  assert.match(detail, new RegExp(`action="/admin/accounts/${id}/reset-password"`));
  const asked = await admin.postForm(`/admin/accounts/${id}/reset-password`, { _csrf: csrfFrom(detail) });
  assert.equal(asked.status, 200, 'without a confirmation the server asks first');
  assert.match(await asked.text(), /비밀번호를 초기화할까요\?/);
  assert.equal((await apiAccount(id)).must_change_password, false, 'and changes nothing');
  const done = await admin.postForm(`/admin/accounts/${id}/reset-password`, { _csrf: csrfFrom(detail), confirmed: '1' });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/admin/accounts/${id}/issued`);
  const res = await admin.follow(done);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /비밀번호를 초기화했습니다/);
  const fresh = issued(html).password;
  assert.ok(fresh && fresh !== password && fresh !== chosen);
  assert.equal((await apiAccount(id)).must_change_password, true);

  const old = await user.get('/');
  assert.equal(old.status, 303, 'the open session ended');
  assert.match(old.headers.get('location'), /^\/login/);
  assert.equal((await postLogin(new Client(), loginId, chosen)).status, 401, 'the old password is gone');
  const again = await postLogin(new Client(), loginId, fresh);
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), '/password', 'the reset password must be changed');
});

test('the account list filters by organisation, role, status and text', async () => {
  const a = await create({ login_id: `t-flt${run}-a`, display_name: `필터갑 ${run}`, organization_id: String(orgs['52130']), roles: ['municipal'] });
  const b = await create({ login_id: `t-flt${run}-b`, display_name: `필터을 ${run}`, organization_id: String(orgs['52140']), roles: ['expert'] });
  const c = await create({ login_id: `t-flt${run}-c`, display_name: `필터병 ${run}`, organization_id: String(orgs['52130']), roles: ['expert'] });
  assert.equal((await edit(c.id, { active: '0' })).status, 303);

  const key = `t-flt${run}`;
  const ids = (rows) => rows.map((r) => r.id).sort((x, y) => x - y);
  assert.deepEqual(ids(await listed({ q: key })), ids([a, b, c]));
  assert.deepEqual(ids(await listed({ q: key, organization_id: orgs['52130'] })), ids([a, c]));
  assert.deepEqual(ids(await listed({ q: key, role: 'expert' })), ids([b, c]));
  assert.deepEqual(ids(await listed({ q: key, status: 'active' })), ids([a, b]));
  assert.deepEqual(ids(await listed({ q: key, status: 'inactive' })), ids([c]));
  assert.deepEqual(ids(await listed({ q: key, organization_id: orgs['52130'], role: 'expert', status: 'inactive' })), ids([c]));
  assert.deepEqual(ids(await listed({ q: `필터을 ${run}` })), ids([b]), 'text matches the name too');

  const rows = await listed({ q: `t-flt${run}-a` });
  assert.equal(rows[0].organization, '군산시');
  assert.equal(rows[0].roles, '시·군 담당자');
  assert.match(rows[0].status, /사용/);
  const html = await (await admin.get(`/admin/accounts?q=nobody-${run}`)).text();
  assert.match(html, /조건에 맞는 계정이 없습니다\./);

  // Demo accounts are found by organisation and role like any other.
  const jeonju = await listed({ organization_id: orgs['52110'], role: 'municipal', q: 'jeonju' });
  assert.deepEqual(jeonju.map((r) => r.login_id), ['jeonju']);

  // The same filters on the API.
  const api = await (await admin.get(`/api/v1/accounts?organization_id=${orgs['52130']}&role=expert`)).json();
  assert.ok(api.items.some((x) => x.id === c.id));
  assert.ok(api.items.every((x) => x.organization.id === orgs['52130'] && x.roles.includes('expert')));
});

test('a deactivated account cannot sign in, and its open sessions end', async () => {
  const loginId = `t-off-${run}`;
  const { id, password } = await create({ login_id: loginId });
  const user = new Client();
  await postLogin(user, loginId, password);
  assert.equal((await user.get('/password')).status, 200);
  assert.equal((await edit(id, { active: '0' })).status, 303);
  assert.equal((await user.get('/password')).status, 303);
  assert.equal((await postLogin(new Client(), loginId, password)).status, 401);
  assert.equal((await apiAccount(id)).active, false);
});

test('a login id already in use is refused with a Korean message', async () => {
  for (const loginId of ['jeonju', `t-new-${run}`, `t-dup-${run}`]) {
    if (loginId === `t-dup-${run}`) await create({ login_id: loginId });
    const res = await postNew({ login_id: loginId, display_name: `중복 ${run}` });
    assert.ok([409, 422].includes(res.status), `${loginId}: status ${res.status}`);
    const html = await res.text();
    assert.match(html, /이미 사용 중인 아이디입니다\./, loginId);
    assert.doesNotMatch(html, /id="initial-password"/);
  }
  const all = (await (await admin.get('/api/v1/accounts')).json()).items;
  assert.equal(all.filter((a) => a.login_id === 'jeonju').length, 1);
  assert.ok(!all.some((a) => a.display_name === `중복 ${run}`));
});

test('invalid new-account input gets 422 with Korean messages and creates nothing', async () => {
  const res = await postNew({ login_id: 'AB', display_name: '', email: 'x@', organization_id: '', roles: [] });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /아이디는 영문 소문자, 숫자, 점\(\.\), 밑줄\(_\), 하이픈\(-\)으로 4~30자여야 합니다\./);
  assert.match(html, /이름을 입력해 주십시오\./);
  assert.match(html, /전자우편 주소 형식이 올바르지 않습니다/);
  assert.match(html, /소속 기관을 선택해 주십시오\./);
  assert.match(html, /역할을 하나 이상 선택해 주십시오\./);
  assert.match(html, /id="form-errors"/);

  const badRole = await postNew({ login_id: `t-badrole-${run}`, roles: ['emperor'] });
  assert.equal(badRole.status, 422);
  assert.match(await badRole.text(), /알 수 없는 역할입니다: emperor/);

  const all = (await (await admin.get('/api/v1/accounts')).json()).items;
  assert.ok(!all.some((a) => a.login_id === `t-badrole-${run}`));
});

test('unknown account ids answer 404 in Korean', async () => {
  for (const path of ['/admin/accounts/99999999', '/admin/accounts/abc/edit']) {
    const res = await admin.get(path);
    assert.equal(res.status, 404, path);
    assert.match(await res.text(), /계정을 찾을 수 없습니다/);
  }
  const _csrf = await admin.csrf('/admin/accounts');
  for (const action of ['reset-password', 'unlock']) {
    const res = await admin.postForm(`/admin/accounts/99999999/${action}`, { _csrf });
    assert.equal(res.status, 404, action);
  }
});
