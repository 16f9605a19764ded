// A tiny HTTP client for behaviour tests: one cookie jar per Client, so each instance is one user.
// Dependency-free (Node 20's fetch). Redirects are never followed, so tests can assert them.
// Every response handed out here has its body read already (see `buffered`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

export const BASE = process.env.SOTONG_URL;
if (!BASE) throw new Error('SOTONG_URL is not set: run the tests through scripts/test-http.sh');

export const DEMO_PASSWORD = 'sotong-demo-2026';

/** Any Hangul syllable: Korean text is present. */
export const hangul = /[\uac00-\ud7a3]/;

/** A suffix unique to this run (lower case base 36), for login ids, codes and names a test creates. Each test
 * file runs in its own process, so each file gets its own. */
export const runSuffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** The response with its body already read: an unread body would hold its connection open (and the test
 * process alive) until the server's idle timeout. */
export async function buffered(res) {
  const body = [204, 304].includes(res.status) ? null : await res.arrayBuffer();
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** The global fetch, answering buffered responses. */
export const fetch = async (...args) => buffered(await globalThis.fetch(...args));

/** A new API token for the account `login`, made with `sotong token create` on the test database. */
export function createToken(login, name = 'http-test') {
  return execFileSync(
    process.env.SOTONG_BIN,
    ['token', '--database', process.env.SOTONG_DATABASE, 'create', '--login', login, '--name', name],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  ).trim();
}

/** The API token of each demo login, created once per test file under `name` (the tokens a file made are
 * told apart on /admin/tokens by it): `const token = demoTokens('suggestions-test'); token('jeonju')`. */
export function demoTokens(name) {
  const tokens = new Map();
  return (login) => {
    if (!tokens.has(login)) tokens.set(login, createToken(login, name));
    return tokens.get(login);
  };
}

const decodeEntities = (s) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The CSRF token of the first form in `html` (attribute order free), or of a `csrf-token` meta tag. */
export function csrfFrom(html) {
  for (const [tag] of html.matchAll(/<input\b[^>]*>/gi)) {
    if (/\bname\s*=\s*["']_csrf["']/i.test(tag)) {
      const value = tag.match(/\bvalue\s*=\s*"([^"]*)"|\bvalue\s*=\s*'([^']*)'/i);
      if (value) return decodeEntities(value[1] ?? value[2]);
    }
  }
  const meta = html.match(/<meta\b[^>]*\bname\s*=\s*["']csrf-token["'][^>]*\bcontent\s*=\s*"([^"]*)"/i);
  if (meta) return decodeEntities(meta[1]);
  throw new Error('no _csrf field in the page');
}

/** Every Set-Cookie line of a response. Node 18's fetch (Debian 12's nodejs) has no getSetCookie() and joins
 * the lines with ", "; Sotong's cookies carry Max-Age rather than an Expires date, so a comma followed by
 * `name=` starts the next cookie. */
export function setCookies(res) {
  if (typeof res.headers.getSetCookie === 'function') return res.headers.getSetCookie();
  const joined = res.headers.get('set-cookie');
  return joined ? joined.split(/,\s*(?=[A-Za-z0-9_.-]+=)/) : [];
}

export class Client {
  constructor(base = BASE) {
    this.base = base.replace(/\/$/, '');
    this.cookies = new Map();
  }

  /** Any request: the jar's cookies go out, Set-Cookie comes back into the jar. The response is buffered. */
  async request(path, { headers = {}, ...init } = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.base + path, {
      redirect: 'manual',
      ...init,
      headers: { ...(cookie && { cookie }), ...headers },
    });
    this.#store(setCookies(res));
    return res;
  }

  get(path, headers = {}) {
    return this.request(path, { headers });
  }

  /** Posts a form like a browser does; `fields` is an object or an array of [name, value] pairs. */
  postForm(path, fields, headers = {}) {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.base, ...headers },
    });
  }

  /** After a POST that redirects (post/redirect/get), GETs the page it leads to, as a browser would; any other
   * response is answered as is. */
  async follow(res) {
    const location = res.headers.get('location');
    return res.status >= 300 && res.status < 400 && location ? this.get(location) : res;
  }

  /** GETs `path` and returns its CSRF token. */
  async csrf(path) {
    const res = await this.get(path);
    assert.equal(res.status, 200, `GET ${path}`);
    return csrfFrom(await res.text());
  }

  /** Signs in through the login form; fails the test unless the server answers 303. */
  async login(loginId, password = DEMO_PASSWORD) {
    const _csrf = await this.csrf('/login');
    const res = await this.postForm('/login', { login_id: loginId, password, _csrf });
    assert.equal(res.status, 303, `login as ${loginId}: ${res.status} ${res.status === 303 ? '' : await res.text()}`);
    return res;
  }

  /** A JSON API call authenticated by a bearer token (no cookies involved). */
  apiGet(path, token) {
    return fetch(this.base + path, {
      redirect: 'manual',
      headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    });
  }

  #store(setCookies) {
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ''] = a.split('=').map((s) => s.trim());
        if (/^max-age$/i.test(k)) return Number(v) <= 0;
        if (/^expires$/i.test(k)) return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** One signed-in Client per demo login for the whole test file, signed in on first use (a sign-in costs a
 * password hash): `const signedIn = signedInClients(); const c = await signedIn('jeonju');`. */
export function signedInClients() {
  const clients = new Map();
  return (login) => {
    if (!clients.has(login)) {
      clients.set(login, (async () => {
        const c = new Client();
        await c.login(login);
        return c;
      })());
    }
    return clients.get(login);
  };
}

/** As signedInClients, with each session's CSRF token (read once from the home page): `{ client, csrf }`. */
export function signedInSessions() {
  const signedIn = signedInClients();
  const sessions = new Map();
  return (login) => {
    if (!sessions.has(login)) {
      sessions.set(login, (async () => {
        const client = await signedIn(login);
        return { client, csrf: csrfFrom(await (await client.get('/')).text()) };
      })());
    }
    return sessions.get(login);
  };
}
