// Signing in and out: the login form's CSRF field, refusals, the session cookie, rotation, logout, local-only
// `next`, the lockout after 5 failures, the forced change of an initial password (pages and the API alike) and
// the security headers; over TLS the cookies are `__Host-` and Secure.
// Accounts that get locked or change their password are created here, never the shared demo accounts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, DEMO_PASSWORD, createToken, csrfFrom, hangul, runSuffix as run, setCookies } from './lib/client.mjs';
import { startNodeWith } from './lib/node.mjs';

const WRONG_CREDENTIALS = '아이디 또는 비밀번호가 올바르지 않습니다.';
const PASSWORD_RULE = '비밀번호는 영문 대문자·소문자·숫자·특수문자 중 2종류 이상으로 10자 이상';

/** The value a response sets for `name`, or undefined; the whole Set-Cookie line in `.line`. */
function setCookie(res, name) {
  const line = setCookies(res).find((l) => l.startsWith(`${name}=`));
  if (!line) return undefined;
  return { value: line.slice(name.length + 1).split(';')[0], line };
}

/** A client that carries only the given session cookie (as a browser that kept it would). */
function withSession(token) {
  const c = new Client();
  c.cookies.set('sotong_session', token);
  return c;
}

/** Posts the login form (after fetching it for its CSRF token) and returns the raw response. */
async function postLogin(client, fields) {
  const _csrf = await client.csrf('/login');
  return client.postForm('/login', { _csrf, ...fields });
}

let admin;
let municipalityId;

/** Creates an account through the admin form; returns its id and the initial password shown once. */
async function createAccount(loginId) {
  const _csrf = await admin.csrf('/admin/accounts/new');
  const res = await admin.follow(await admin.postForm('/admin/accounts', [
    ['_csrf', _csrf],
    ['login_id', loginId],
    ['display_name', '시험 사용자'],
    ['email', `${loginId}@test.example`],
    ['position', '주무관'],
    ['organization_id', String(municipalityId)],
    ['roles', 'municipal'],
  ]));
  const html = await res.text();
  assert.equal(res.status, 200, `create ${loginId}: ${html.slice(0, 300)}`);
  const password = html.match(/id="initial-password"[^>]*>([^<]+)</)?.[1];
  const id = html.match(/href="\/admin\/accounts\/(\d+)"/)?.[1];
  assert.ok(password && id, 'the issued page shows the initial password and links the account');
  return { id: Number(id), password };
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
  const res = await admin.get('/api/v1/organizations?kind=municipality');
  assert.equal(res.status, 200);
  municipalityId = (await res.json()).items.find((o) => o.code === '52110').id;
});

test('the login form has a hidden CSRF field and sets the pre-login CSRF cookie', async () => {
  const c = new Client();
  const res = await c.get('/login');
  assert.equal(res.status, 200);
  const cookie = setCookie(res, 'sotong_login_csrf');
  assert.ok(cookie, 'sotong_login_csrf cookie is set');
  assert.match(cookie.line, /HttpOnly/i);
  const html = await res.text();
  assert.match(html, /<input[^>]*type="hidden"[^>]*name="_csrf"/);
  assert.equal(csrfFrom(html), cookie.value, 'the form token is the one of the cookie');
  assert.match(html, /name="login_id"/);
  assert.match(html, /name="password"/);
  assert.match(html, /<input[^>]*name="next"/);
});

test('login without a CSRF token is refused with 403 and opens no session', async () => {
  // No cookie and no field at all.
  const bare = new Client();
  let res = await bare.postForm('/login', { login_id: 'admin', password: DEMO_PASSWORD });
  assert.equal(res.status, 403);
  assert.match(await res.text(), hangul);
  assert.equal(setCookie(res, 'sotong_session'), undefined);
  assert.equal(bare.cookies.has('sotong_session'), false);

  // The pre-login cookie, but the form field left out.
  const noField = new Client();
  await noField.csrf('/login');
  res = await noField.postForm('/login', { login_id: 'admin', password: DEMO_PASSWORD });
  assert.equal(res.status, 403);
  assert.equal(setCookie(res, 'sotong_session'), undefined);
  assert.equal(noField.cookies.has('sotong_session'), false);
});

test('login with a wrong CSRF token is refused with 403 and opens no session', async () => {
  const c = new Client();
  const token = await c.csrf('/login');
  const res = await c.postForm('/login', {
    _csrf: `${token.slice(0, -2)}xx`,
    login_id: 'admin',
    password: DEMO_PASSWORD,
  });
  assert.equal(res.status, 403);
  const html = await res.text();
  assert.match(html, /보안 확인값이 맞지 않습니다/);
  assert.equal(setCookie(res, 'sotong_session'), undefined);

  // A token from another browser's login form does not do either.
  const other = new Client();
  const otherToken = await other.csrf('/login');
  const res2 = await c.postForm('/login', { _csrf: otherToken, login_id: 'admin', password: DEMO_PASSWORD });
  assert.equal(res2.status, 403);
  assert.equal(c.cookies.has('sotong_session'), false);
});

test('a wrong password and an unknown login id get the same Korean message with 401', async () => {
  const loginId = `t-wrong-${run}`;
  await createAccount(loginId);
  const c = new Client();
  const wrong = await postLogin(c, { login_id: loginId, password: 'Not-the-password-1' });
  const wrongHtml = await wrong.text();
  const unknown = await postLogin(c, { login_id: `nobody-${run}`, password: 'Not-the-password-1' });
  const unknownHtml = await unknown.text();

  assert.equal(wrong.status, 401);
  assert.equal(unknown.status, 401);
  assert.ok(wrongHtml.includes(WRONG_CREDENTIALS), 'the wrong-password page shows the Korean message');
  assert.ok(unknownHtml.includes(WRONG_CREDENTIALS), 'the unknown-id page shows the Korean message');
  // Nothing tells the two apart: same page apart from the echoed login id.
  const strip = (html, id) => html.replaceAll(id, 'ID').replace(/value="[A-Za-z0-9_-]{20,}"/g, 'value="TOKEN"');
  assert.equal(strip(wrongHtml, loginId), strip(unknownHtml, `nobody-${run}`));
  assert.equal(c.cookies.has('sotong_session'), false);
});

test('a successful login sets an HttpOnly, SameSite=Lax, Path=/ session cookie and drops the login cookie', async () => {
  const c = new Client();
  const res = await postLogin(c, { login_id: 'planning', password: DEMO_PASSWORD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/');
  const session = setCookie(res, 'sotong_session');
  assert.ok(session, 'sotong_session is set');
  assert.ok(session.value.length >= 32, 'the session id is long and random');
  assert.match(session.line, /;\s*HttpOnly/i);
  assert.match(session.line, /;\s*SameSite=Lax/i);
  assert.match(session.line, /;\s*Path=\/(;|$)/);
  const dropped = setCookie(res, 'sotong_login_csrf');
  assert.ok(dropped && /Max-Age=0/i.test(dropped.line), 'the pre-login CSRF cookie is removed');

  const home = await c.get('/');
  assert.equal(home.status, 200);
  assert.match(await home.text(), /박기획/);
});

test('every login gets a new session id, and a planted session id is never adopted', async () => {
  const first = new Client();
  const a = setCookie(await first.login('planning'), 'sotong_session').value;
  const second = new Client();
  const b = setCookie(await second.login('planning'), 'sotong_session').value;
  assert.notEqual(a, b);

  // Session fixation: an attacker's cookie value in the victim's browser is cleared, and login issues another.
  const planted = 'attacker-chosen-session-id-0123456789abcdef';
  const victim = withSession(planted);
  const form = await victim.get('/login');
  assert.equal(form.status, 200);
  assert.equal(victim.cookies.has('sotong_session'), false, 'the unknown session cookie is cleared');
  const res = await victim.postForm('/login', {
    _csrf: csrfFrom(await form.text()),
    login_id: 'planning',
    password: DEMO_PASSWORD,
  });
  assert.equal(res.status, 303);
  const issued = setCookie(res, 'sotong_session').value;
  assert.notEqual(issued, planted);
  assert.notEqual(issued, a);
  assert.notEqual(issued, b);
});

test('logout needs the CSRF token and then ends the session for good', async () => {
  const c = new Client();
  await c.login('planning');
  const token = c.cookies.get('sotong_session');

  // Without the token the session survives.
  let res = await c.postForm('/logout', {});
  assert.equal(res.status, 403);
  assert.equal((await c.get('/')).status, 200);

  res = await c.postForm('/logout', { _csrf: await c.csrf('/') });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location'), /^\/login/);
  assert.match(setCookie(res, 'sotong_session').line, /Max-Age=0/i);

  // A browser (or a thief) that kept the old cookie is not let in.
  const old = await withSession(token).get('/');
  assert.equal(old.status, 303);
  assert.match(old.headers.get('location'), /^\/login\?/);
  const api = await withSession(token).get('/api/v1/me');
  assert.equal(api.status, 401);
});

test('an anonymous visit to / is sent to /login?next=%2F', async () => {
  const res = await new Client().get('/');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/login?next=%2F');
});

test('the login page keeps `next`, and login follows it for a local path', async () => {
  const anonymous = await new Client().get('/admin/roles?x=1');
  assert.equal(anonymous.headers.get('location'), `/login?next=${encodeURIComponent('/admin/roles?x=1')}`);

  const c = new Client();
  const form = await c.get('/login?next=%2Fadmin%2Froles');
  const html = await form.text();
  assert.match(html, /name="next" value="\/admin\/roles"/);
  const res = await c.postForm('/login', { _csrf: csrfFrom(html), login_id: 'admin', password: DEMO_PASSWORD, next: '/admin/roles' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/roles');
});

test('`next` pointing off-site is ignored: login goes to /', async () => {
  for (const next of ['//evil.example', '//evil.example/path', 'https://evil.example/', '/\\evil.example', 'http:/x', 'javascript:alert(1)']) {
    const c = new Client();
    const res = await postLogin(c, { login_id: 'planning', password: DEMO_PASSWORD, next });
    assert.equal(res.status, 303, next);
    assert.equal(res.headers.get('location'), '/', `next=${next}`);
  }
});

test('5 wrong passwords lock the account (even for the right password, answered as a wrong one) until an admin unlocks it', async () => {
  const loginId = `t-lock-${run}`;
  const { id, password } = await createAccount(loginId);
  const c = new Client();
  const _csrf = await c.csrf('/login');
  for (let i = 1; i <= 4; i++) {
    const res = await c.postForm('/login', { _csrf, login_id: loginId, password: `Wrong-password-${i}` });
    assert.equal(res.status, 401, `failure ${i}`);
  }
  const fifth = await c.postForm('/login', { _csrf, login_id: loginId, password: 'Wrong-password-5' });
  assert.equal(fifth.status, 401, 'the 5th failure locks, answered as any wrong password');
  assert.ok((await fifth.text()).includes(WRONG_CREDENTIALS));

  const right = await c.postForm('/login', { _csrf, login_id: loginId, password });
  assert.equal(right.status, 401, 'the right password does not open a locked account');
  const rightHtml = await right.text();
  assert.ok(rightHtml.includes(WRONG_CREDENTIALS), 'and nothing says the account is locked');
  assert.doesNotMatch(rightHtml, /잠겼습니다/);
  assert.equal(c.cookies.has('sotong_session'), false);

  // The admin sees the lock and lifts it.
  const detail = await admin.get(`/admin/accounts/${id}`);
  const detailHtml = await detail.text();
  assert.match(detailHtml, /잠김/);
  assert.match(detailHtml, new RegExp(`action="/admin/accounts/${id}/unlock"`));
  const unlock = await admin.postForm(`/admin/accounts/${id}/unlock`, { _csrf: csrfFrom(detailHtml) });
  assert.equal(unlock.status, 303);
  assert.equal(unlock.headers.get('location'), `/admin/accounts/${id}`);

  const after = await c.postForm('/login', { _csrf, login_id: loginId, password });
  assert.equal(after.status, 303, 'login works again after the unlock');
});

test('a new account must change its initial password before any page opens', async () => {
  const loginId = `t-first-${run}`;
  const { password } = await createAccount(loginId);
  const c = new Client();
  const res = await postLogin(c, { login_id: loginId, password });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/password');

  for (const path of ['/', '/admin/', '/admin/accounts', '/admin/organizations/new', '/?tab=1']) {
    const page = await c.get(path);
    assert.equal(page.status, 303, path);
    assert.equal(page.headers.get('location'), '/password', path);
  }
  const form = await c.get('/password');
  assert.equal(form.status, 200);
  const formHtml = await form.text();
  assert.match(formHtml, /처음 받은 비밀번호는 바로 변경해야 합니다/);
  const _csrf = csrfFrom(formHtml);

  // A weak password gets the Korean rule, and nothing changes.
  const weak = await c.postForm('/password', { _csrf, current: password, next: 'abcdefgh', confirm: 'abcdefgh' });
  assert.equal(weak.status, 422);
  assert.ok((await weak.text()).includes(PASSWORD_RULE), 'the password rule is shown in Korean');
  assert.equal((await c.get('/')).headers.get('location'), '/password');

  // Confirmation that does not match, and a wrong current password, are refused too.
  const newPassword = `Sotong-${run}-9!`;
  const mismatch = await c.postForm('/password', { _csrf, current: password, next: newPassword, confirm: `${newPassword}x` });
  assert.equal(mismatch.status, 422);
  assert.match(await mismatch.text(), /새 비밀번호 확인이 일치하지 않습니다/);
  const badCurrent = await c.postForm('/password', { _csrf, current: 'Not-current-123', next: newPassword, confirm: newPassword });
  assert.equal(badCurrent.status, 422);
  assert.match(await badCurrent.text(), /현재 비밀번호가 맞지 않습니다/);

  const good = await c.postForm('/password', { _csrf, current: password, next: newPassword, confirm: newPassword });
  assert.equal(good.status, 303);
  assert.equal(good.headers.get('location'), '/');
  assert.equal((await c.get('/')).status, 200);

  // The new password signs in straight to the dashboard; the initial one no longer works.
  const again = await postLogin(new Client(), { login_id: loginId, password: newPassword });
  assert.equal(again.status, 303);
  assert.equal(again.headers.get('location'), '/');
  const old = await postLogin(new Client(), { login_id: loginId, password });
  assert.equal(old.status, 401);
});

test('the password form refuses common passwords that pass the length and kinds rules (422, Korean reason)', async () => {
  const loginId = `t-common-${run}`;
  const { password } = await createAccount(loginId);
  const c = new Client();
  await postLogin(c, { login_id: loginId, password });
  const _csrf = await c.csrf('/password');
  // Keyboard walks, a Hangul word typed in Latin mode (한글 → gksrmf), the demo's published password; any case.
  for (const common of ['qwer1234!', '1Q2W3E4R!', 'P@ssw0rd!', 'gksrmf1234!', 'sotong-demo-2026']) {
    const res = await c.postForm('/password', { _csrf, current: password, next: common, confirm: common });
    assert.equal(res.status, 422, common);
    assert.match(await res.text(), /많이 쓰여 쉽게 짐작할 수 있는 비밀번호입니다/, common);
  }
  assert.equal((await c.get('/')).headers.get('location'), '/password', 'the initial password still has to go');
  const chosen = `Sotong-${run}-Common-4!`;
  assert.equal((await c.postForm('/password', { _csrf, current: password, next: chosen, confirm: chosen })).status, 303);
});

test('a pending password change closes the API to the session too (403 JSON); an API token is unaffected', async () => {
  const loginId = `t-api-first-${run}`;
  const { password } = await createAccount(loginId);
  const c = new Client();
  assert.equal((await postLogin(c, { login_id: loginId, password })).headers.get('location'), '/password');
  // The initial password (shown to the administrator) must not read people's data through the API either.
  for (const path of ['/api/v1/me', '/api/v1/people', '/api/v1/organizations', `/api/v1/search?q=${encodeURIComponent('전주')}`]) {
    const res = await c.get(path, { accept: 'application/json' });
    assert.equal(res.status, 403, path);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/, path);
    const body = await res.json();
    assert.equal(body.error.code, 'password_change_required', path);
    assert.match(body.error.message, /비밀번호를 바꾼 뒤에/, path);
  }
  // A token is issued by the operator for another system, not with the initial password: it keeps working.
  const token = createToken(loginId, 'auth-test');
  const byToken = await c.apiGet('/api/v1/me', token);
  assert.equal(byToken.status, 200);
  assert.equal((await byToken.json()).login_id, loginId);
  // Once the password is changed, the session reads the API again.
  const newPassword = `Sotong-${run}-7!`;
  const _csrf = await c.csrf('/password');
  assert.equal((await c.postForm('/password', { _csrf, current: password, next: newPassword, confirm: newPassword })).status, 303);
  const me = await c.get('/api/v1/me', { accept: 'application/json' });
  assert.equal(me.status, 200);
  assert.equal((await me.json()).login_id, loginId);
});

test('over TLS (secure_cookies) every cookie is __Host- and Secure with Path=/; a cookie without the prefix is ignored', async () => {
  // Plain HTTP keeps the plain names: browsers refuse Secure cookies there.
  const plain = setCookies(await new Client().get('/login'));
  assert.ok(plain.some((l) => l.startsWith('sotong_login_csrf=') && !/;\s*Secure/i.test(l)), plain.join(' | '));

  const node = await startNodeWith('[security]\nsecure_cookies = true\n');
  try {
    const c = new Client(node.url);
    const form = await c.get('/login');
    assert.equal(form.status, 200);
    const lines = [...setCookies(form)];
    const res = await c.postForm('/login', { _csrf: csrfFrom(await form.text()), login_id: 'planning', password: DEMO_PASSWORD });
    assert.equal(res.status, 303);
    lines.push(...setCookies(res));
    const out = await c.postForm('/logout', { _csrf: await c.csrf('/password') });
    assert.equal(out.status, 303);
    lines.push(...setCookies(out));
    const names = new Set(lines.map((l) => l.slice(0, l.indexOf('='))));
    assert.deepEqual([...names].sort(), ['__Host-sotong_flash', '__Host-sotong_login_csrf', '__Host-sotong_session']);
    for (const line of lines) {
      assert.match(line, /;\s*Secure(;|$)/i, line);
      assert.match(line, /;\s*Path=\/(;|$)/, line);
      assert.doesNotMatch(line, /;\s*Domain=/i, line);
      assert.match(line, /;\s*HttpOnly/i, line);
    }

    // A session id planted under the plain name (by a sibling subdomain or a plain-HTTP page) is not read.
    const signedIn = new Client(node.url);
    const session = setCookies(await signedIn.login('planning')).find((l) => l.startsWith('__Host-sotong_session='));
    const token = session.slice('__Host-sotong_session='.length).split(';')[0];
    assert.equal((await signedIn.get('/')).status, 200, 'the prefixed cookie signs in');
    const planted = new Client(node.url);
    planted.cookies.set('sotong_session', token);
    const refused = await planted.get('/');
    assert.equal(refused.status, 303);
    assert.match(refused.headers.get('location'), /^\/login/);
  } finally {
    await node.stop();
  }
});

test('pages carry the security headers (CSP, X-Frame-Options, nosniff)', async () => {
  const c = new Client();
  await c.login('jeonju');
  const responses = {
    'login page': await new Client().get('/login'),
    dashboard: await c.get('/'),
    'refused page (403)': await c.get('/admin/'),
    'unknown page (404)': await c.get(`/no-such-page-${run}`),
    'failed login (401)': await postLogin(new Client(), { login_id: `nobody-${run}`, password: 'x' }),
  };
  for (const [name, res] of Object.entries(responses)) {
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, `${name}: CSP`);
    assert.match(csp, /frame-ancestors 'none'/, `${name}: CSP frame-ancestors`);
    assert.equal(res.headers.get('x-frame-options'), 'DENY', `${name}: X-Frame-Options`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${name}: nosniff`);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${name}: HTML`);
    assert.match(await res.text(), hangul, `${name}: Korean page`);
  }
});

test('POST /session/extend keeps a session alive for its owner only', async () => {
  const c = new Client();
  await c.login('planning');
  const _csrf = await c.csrf('/');
  const ok = await c.request('/session/extend', { method: 'POST', headers: { 'x-csrf-token': _csrf } });
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { extended: true });
  const noToken = await c.request('/session/extend', { method: 'POST' });
  assert.equal(noToken.status, 403);
  const anonymous = await new Client(BASE).request('/session/extend', { method: 'POST' });
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /^\/login/);
});
