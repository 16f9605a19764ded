// Checks that routes refuse whom they must: every demo login whose role the policy does not grant the route's
// action (403: the Korean refusal page, or the error JSON; 404 for a hidden route) and an anonymous caller
// (303 to /login for pages, 401 JSON for the API). A module's behaviour test hands over its route table and
// the roles its policy rows grant, so that a route added to the table without a refusal test is one line, not
// a forgotten file.
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom, fetch, hangul } from './client.mjs';

/** Every demo login with its one role (the accounts module's demo data). */
export const DEMO_ROLES = {
  admin: 'admin',
  coordinator: 'coordinator',
  planning: 'bureau',
  economy: 'bureau',
  jeonju: 'municipal',
  gunsan: 'municipal',
  auditor: 'auditor',
  budget: 'budget',
  researcher: 'researcher',
  committee: 'committee',
  hr: 'hr',
  expert: 'expert',
  trainer: 'trainer',
};

/** The demo logins whose role is not among `roles`. */
export const loginsWithout = (roles) => Object.keys(DEMO_ROLES).filter((login) => !roles.includes(DEMO_ROLES[login]));

/** The error JSON {"error": {"code", "message", "fields"}} with this code and a Korean message. */
export function assertErrorJson(body, code, what = '') {
  assert.equal(typeof body?.error, 'object', `${what}: ${JSON.stringify(body)}`);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'fields', 'message'], what);
  assert.equal(body.error.code, code, what);
  assert.match(body.error.message, hangul, `${what}: Korean message`);
  assert.equal(typeof body.error.fields, 'object', what);
}

/** A JSON call, with a bearer token when given. A body (an object) is sent as JSON. */
export function apiCall(method, path, { token, body } = {}) {
  return fetch(new Client().base + path, {
    method,
    redirect: 'manual',
    headers: {
      accept: 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const describe = (route) => `${route.method} ${route.path}`;

/** A page route sent by a signed-in `client`; writes carry `csrf`, the client's own valid token. */
function sendPage(client, route, csrf) {
  if (route.method === 'GET') return client.get(route.path);
  return client.postForm(route.path, { _csrf: csrf, ...(route.form ?? {}) });
}

/** 403 with the Korean refusal page, refused by the policy (a write's CSRF token was valid). */
export async function assertPageForbidden(client, route, csrf, who) {
  const res = await sendPage(client, route, csrf);
  const html = await res.text();
  assert.equal(res.status, 403, `${who} ${describe(route)}`);
  assert.match(res.headers.get('content-type'), /^text\/html/, `${who} ${describe(route)}`);
  assert.match(html, /접근 권한이 없습니다/, `${who} ${describe(route)}: Korean refusal`);
  assert.doesNotMatch(html, /보안 확인값/, `${who} ${describe(route)}: refused by the policy, not the CSRF check`);
}

/** 403 with the error JSON for a token whose role lacks the action. */
export async function assertApiForbidden(token, route, who) {
  const res = await apiCall(route.method, route.path, { token, body: route.body });
  assert.equal(res.status, 403, `${who} ${describe(route)}`);
  assert.match(res.headers.get('content-type'), /^application\/json/, `${who} ${describe(route)}`);
  assertErrorJson(await res.json(), 'forbidden', `${who} ${describe(route)}`);
}

/** 404 with the Korean not-found page: a hidden route's refusal, which must not tell that its records exist. */
export async function assertPageHidden(client, route, csrf, who) {
  const res = await sendPage(client, route, csrf);
  const html = await res.text();
  assert.equal(res.status, 404, `${who} ${describe(route)}`);
  assert.match(res.headers.get('content-type'), /^text\/html/, `${who} ${describe(route)}`);
  assert.match(html, /찾을 수 없습니다/, `${who} ${describe(route)}: Korean not-found page`);
  assert.doesNotMatch(html, /접근 권한이 없습니다|보안 확인값/, `${who} ${describe(route)}: neither a refusal nor a CSRF failure`);
  return html;
}

/** 404 with the error JSON for a token whose role lacks a hidden route's action. */
export async function assertApiHidden(token, route, who) {
  const res = await apiCall(route.method, route.path, { token, body: route.body });
  assert.equal(res.status, 404, `${who} ${describe(route)}`);
  assert.match(res.headers.get('content-type'), /^application\/json/, `${who} ${describe(route)}`);
  const body = await res.json();
  assertErrorJson(body, 'not_found', `${who} ${describe(route)}`);
  return body;
}

/** An anonymous page request goes to the login page (a GET remembers where it was going). */
export async function assertPageNeedsSignIn(route) {
  const res = await sendPage(new Client(), route, '');
  assert.equal(res.status, 303, `anonymous ${describe(route)}`);
  const location = res.headers.get('location');
  if (route.method === 'GET') assert.equal(location, `/login?next=${encodeURIComponent(route.path)}`);
  else assert.match(location, /^\/login/, `anonymous ${describe(route)}`);
}

/** An anonymous API request answers 401 with the error JSON. */
export async function assertApiNeedsSignIn(route) {
  const res = await apiCall(route.method, route.path, { body: route.body });
  assert.equal(res.status, 401, `anonymous ${describe(route)}`);
  assertErrorJson(await res.json(), 'unauthenticated', `anonymous ${describe(route)}`);
}

/**
 * Every route refused to every demo login whose role `granted[route.action]` lacks, and to an anonymous caller.
 * routes: [{ method, path, action, api?: true, form?: {…} for a page write, body?: {…} for an API write,
 *            everyone?: true for a route every signed-in role may use (only the anonymous caller is refused),
 *            hidden?: true for a route whose RouteSpec is hidden: the wrong roles get 404, not 403 }].
 * granted: { action: [role codes] }, copied from the module's policy rows. Returns the number of refusals checked.
 */
export async function assertRoutesRefuse(routes, granted) {
  const sessions = new Map(); // login → { client, csrf, token }, made once
  const session = async (login) => {
    if (!sessions.has(login)) {
      const client = new Client();
      await client.login(login);
      sessions.set(login, { client, csrf: csrfFrom(await (await client.get('/')).text()), token: createToken(login, 'refusals') });
    }
    return sessions.get(login);
  };
  let checked = 0;
  for (const route of routes) {
    const roles = granted[route.action];
    assert.ok(Array.isArray(roles), `${describe(route)}: no granted roles given for ${route.action}`);
    const refused = loginsWithout(roles);
    assert.equal(refused.length === 0, Boolean(route.everyone),
      `${describe(route)}: ${route.action} ${refused.length === 0 ? 'is granted to every role: mark the route everyone' : 'is not granted to every role'}`);
    for (const login of refused) {
      const s = await session(login);
      if (route.hidden && route.api) await assertApiHidden(s.token, route, login);
      else if (route.hidden) await assertPageHidden(s.client, route, s.csrf, login);
      else if (route.api) await assertApiForbidden(s.token, route, login);
      else await assertPageForbidden(s.client, route, s.csrf, login);
      checked++;
    }
    if (route.api) await assertApiNeedsSignIn(route);
    else await assertPageNeedsSignIn(route);
    checked++;
  }
  return checked;
}
