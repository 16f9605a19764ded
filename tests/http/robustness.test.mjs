// Malformed and oversized HTTP through raw sockets (node:net): the server answers with a Korean page and the
// right status, closes only that connection and keeps serving; keep-alive works; broken form input changes
// nothing; unknown paths and methods get 404 and 405.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { BASE, Client, csrfFrom, fetch, hangul, runSuffix } from './lib/client.mjs';
import { TIMEOUT } from './lib/poll.mjs';

const { hostname, port } = new URL(BASE);
const run = runSuffix.toUpperCase();

/** Parses the first HTTP response in `buf`; null while it is incomplete. */
function parseResponse(buf) {
  const text = buf.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < end + 4 + length) return null;
  return {
    status: Number(statusLine.split(' ')[1]),
    statusLine,
    headers,
    body: buf.subarray(end + 4, end + 4 + length).toString('utf8'),
    rest: buf.subarray(end + 4 + length),
  };
}

/**
 * Opens a socket, sends each of `writes` in turn (waiting for one response after each when `stepwise`), and
 * resolves with every response read and whether the server closed the connection. Every exchange ends with the
 * server closing or the last stepwise answer; `timeout` is only the deadline for a server that does neither.
 */
function exchange(writes, { stepwise = false, timeout = TIMEOUT } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let buf = Buffer.alloc(0);
    const responses = [];
    let next = 0;
    let closed = false;
    const send = () => {
      if (next < writes.length) socket.write(writes[next++]);
    };
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses, closed });
    };
    const timer = setTimeout(finish, timeout);
    socket.on('connect', () => {
      if (stepwise) send();
      else while (next < writes.length) send();
    });
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (let r = parseResponse(buf); r; r = parseResponse(buf)) {
        responses.push(r);
        buf = r.rest;
        if (stepwise) {
          if (next < writes.length) send();
          else finish();
        }
      }
    });
    socket.on('error', (e) => {
      // A reset after the server answered and closed is fine; before any answer it is a failure.
      if (responses.length === 0 && !['ECONNRESET', 'EPIPE'].includes(e.code)) reject(e);
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
  });
}

async function assertStillServing() {
  const res = await fetch(`${BASE}/healthz`);
  assert.equal(res.status, 200, 'the server still answers after the bad request');
}

let admin;
let provinceId;

before(async () => {
  admin = new Client();
  await admin.login('admin');
  provinceId = (await (await admin.get('/api/v1/organizations?kind=province')).json()).items[0].id;
});

test('a malformed request line gets 400 with a Korean page, and the server keeps serving', async () => {
  for (const bad of ['GARBAGE\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', 'GET / HTTP/1.1\r\nBad Header Without Colon\r\n\r\n', '\x00\x01\x02 / HTTP/1.1\r\n\r\n']) {
    const { responses, closed } = await exchange([bad]);
    assert.equal(responses.length, 1, `one answer to ${JSON.stringify(bad)}`);
    assert.equal(responses[0].status, 400, JSON.stringify(bad));
    assert.match(responses[0].headers['content-type'], /^text\/html/);
    assert.match(responses[0].body, hangul);
    assert.match(responses[0].body, /잘못된 요청입니다/);
    assert.ok(closed, 'the connection is closed after a malformed request');
    await assertStillServing();
  }
});

test('a body over 1 MiB to /login gets 413 (declared length, read body and chunked)', async () => {
  const size = 1024 * 1024 + 1;
  const head = (extra) => `POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n${extra}\r\n`;

  // Refused on the declared length alone, before any of the body is read.
  let { responses } = await exchange([head(`Content-Length: ${size}\r\n`)]);
  assert.equal(responses[0]?.status, 413);
  assert.match(responses[0].body, /요청이 너무 큽니다/);
  await assertStillServing();

  // The same with the body actually sent.
  ({ responses } = await exchange([head(`Content-Length: ${size}\r\n`) + 'a'.repeat(size)]));
  assert.equal(responses[0]?.status, 413);
  await assertStillServing();

  // Chunked, so the size is known only while reading.
  const chunk = 'b'.repeat(256 * 1024);
  const chunked = `${head('Transfer-Encoding: chunked\r\n')}${`40000\r\n${chunk}\r\n`.repeat(5)}0\r\n\r\n`;
  ({ responses } = await exchange([chunked]));
  assert.equal(responses[0]?.status, 413);
  assert.match(responses[0].body, hangul);
  await assertStillServing();

  // Just under the limit is read and handled (403 here: the form has no CSRF token).
  ({ responses } = await exchange([`${head(`Content-Length: ${1024 * 1024}\r\nConnection: close\r\n`)}${'c'.repeat(1024 * 1024)}`]));
  assert.equal(responses[0]?.status, 403);
});

test('a header over 16 KiB gets 431', async () => {
  const { responses } = await exchange([`GET / HTTP/1.1\r\nHost: x\r\nCookie: a=${'x'.repeat(17 * 1024)}\r\n\r\n`]);
  assert.equal(responses[0]?.status, 431);
  assert.match(responses[0].body, hangul);
  await assertStillServing();
  // A header just under the limit is fine.
  const ok = await exchange([`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ${'y'.repeat(15 * 1024)}\r\nConnection: close\r\n\r\n`]);
  assert.equal(ok.responses[0]?.status, 200);
});

test('keep-alive: two requests on one socket are both answered', async () => {
  const get = (path, close) => `GET ${path} HTTP/1.1\r\nHost: x\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
  let { responses } = await exchange([get('/healthz'), get('/login', true)], { stepwise: true });
  assert.deepEqual(responses.map((r) => r.status), [200, 200]);
  assert.match(responses[1].body, /로그인/);

  // Pipelined in one write, too.
  ({ responses } = await exchange([get('/healthz') + get('/readyz') + get('/healthz', true)]));
  assert.deepEqual(responses.map((r) => r.status), [200, 200, 200]);
});

test('broken UTF-8 in a login form gets a Korean 401/422 page and opens no session', async () => {
  const c = new Client();
  const _csrf = await c.csrf('/login');
  const res = await c.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `_csrf=${encodeURIComponent(_csrf)}&login_id=%ED%95&password=%FF%FEsecret`,
  });
  assert.ok([401, 422].includes(res.status), `status ${res.status}`);
  assert.match(await res.text(), /아이디 또는 비밀번호가 올바르지 않습니다|입력 내용을 확인해 주십시오|올바르지 않/);
  assert.equal(c.cookies.has('sotong_session'), false);

  // A malformed percent escape is refused as a whole.
  const bad = await c.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `_csrf=${encodeURIComponent(_csrf)}&login_id=admin%G1&password=%`,
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /요청의 형식이 올바르지 않습니다/);
  assert.equal(c.cookies.has('sotong_session'), false);
  await assertStillServing();
});

test('a login from a browser with raw bytes or a long Korean User-Agent works', async () => {
  for (const agent of [
    Buffer.from([0x4d, 0x6f, 0x7a, 0xff, 0xfe, 0xed, 0x95, 0x20, 0x31]),
    Buffer.from(`A${'한'.repeat(150)}`, 'utf8'), // cut at 300 bytes, this splits a character
  ]) {
    const c = new Client();
    const _csrf = await c.csrf('/login');
    const body = `_csrf=${encodeURIComponent(_csrf)}&login_id=planning&password=sotong-demo-2026`;
    const request = Buffer.concat([
      Buffer.from(`POST /login HTTP/1.1\r\nHost: x\r\nCookie: sotong_login_csrf=${c.cookies.get('sotong_login_csrf')}\r\nUser-Agent: `),
      agent,
      Buffer.from(`\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`),
    ]);
    const { responses } = await exchange([request]);
    assert.equal(responses[0]?.status, 303, responses[0]?.body.slice(0, 300));
    assert.equal(responses[0].headers.location, '/');
  }
});

test('broken UTF-8 in an admin form gets 422 in Korean and creates nothing', async () => {
  const _csrf = await admin.csrf('/admin/organizations/new');
  const code = `U-${run}`;
  const res = await admin.request('/admin/organizations', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `_csrf=${encodeURIComponent(_csrf)}&code=${code}&name=%ED%95%EC&kind=agency&parent_id=${provinceId}&sort_order=0`,
  });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /기관명을 입력해 주십시오|올바르지 않/);
  const all = (await (await admin.get('/api/v1/organizations')).json()).items;
  assert.ok(!all.some((o) => o.code === code));
});

test('broken UTF-8 in query strings, cookies and tokens is harmless', async () => {
  for (const path of ['/admin/organizations?q=%ED%95', '/admin/accounts?q=%FF%FE&role=%ED', '/admin/organizations?kind=%C0%AF&status=%80']) {
    const res = await admin.get(path);
    assert.equal(res.status, 200, path);
    assert.match(await res.text(), /<main id="contents"/);
  }
  const api = await admin.get('/api/v1/organizations?kind=%ED%95');
  assert.equal(api.status, 422);
  assert.match((await api.json()).error.message, hangul);

  const { responses } = await exchange([
    Buffer.concat([
      Buffer.from('GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer stg_'),
      Buffer.from([0xed, 0x95, 0xff, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]),
      Buffer.from('\r\nCookie: sotong_session='),
      Buffer.from([0xed, 0x95, 0xff]),
      Buffer.from('\r\nConnection: close\r\n\r\n'),
    ]),
  ]);
  assert.equal(responses[0]?.status, 401);
  const page = await exchange([
    Buffer.concat([Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nCookie: sotong_session='), Buffer.from([0xed, 0x95, 0xff]), Buffer.from('\r\nConnection: close\r\n\r\n')]),
  ]);
  assert.equal(page.responses[0]?.status, 303);
  await assertStillServing();
});

test('JSON posted to an HTML form route is refused (403 without a token, 422 with one), never a crash', async () => {
  const anonymous = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login_id: 'admin', password: 'sotong-demo-2026' }),
  });
  assert.equal(anonymous.status, 403);
  assert.match(await anonymous.text(), hangul);

  const _csrf = await admin.csrf('/admin/organizations/new');
  const code = `J-${run}`;
  // The JSON body is not read as a form: without the header there is no CSRF token (403); with it, the form
  // is empty (422).
  for (const [headers, status] of [[{}, 403], [{ 'x-csrf-token': _csrf }, 422]]) {
    const res = await admin.request('/admin/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ _csrf, code, name: 'JSON 기관', kind: 'agency', parent_id: provinceId }),
    });
    assert.equal(res.status, status);
    assert.match(await res.text(), hangul);
  }
  const all = (await (await admin.get('/api/v1/organizations')).json()).items;
  assert.ok(!all.some((o) => o.code === code));
  await assertStillServing();
});

test('an unknown path gets 404 and a wrong method 405, both as Korean pages', async () => {
  const missing = await fetch(`${BASE}/no/such/page-${run}`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /페이지를 찾을 수 없습니다/);

  for (const [method, path] of [['DELETE', '/login'], ['PUT', '/healthz'], ['POST', '/'], ['PATCH', '/admin/organizations']]) {
    const res = await fetch(BASE + path, { method, redirect: 'manual' });
    assert.equal(res.status, 405, `${method} ${path}`);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(await res.text(), /허용되지 않는 요청 방식입니다/);
  }
  // HEAD is answered like GET, without a body.
  const head = await fetch(`${BASE}/healthz`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('odd but valid requests are answered: encoded paths, HTTP/1.0 without Host, bad query escapes', async () => {
  for (const req of [
    'GET /%68ealthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    'GET /healthz HTTP/1.0\r\n\r\n',
    'GET /healthz?%ZZ=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  ]) {
    const { responses } = await exchange([req]);
    assert.equal(responses[0]?.status, 200, JSON.stringify(req));
  }
  const { responses } = await exchange(['GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
  assert.equal(responses[0]?.status, 404);
  await assertStillServing();
});

test('a client that stops mid-request does not disturb the others', async () => {
  const sockets = [];
  for (let i = 0; i < 5; i++) {
    const s = net.connect(Number(port), hostname);
    s.on('error', () => {});
    s.write('POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nlogin_id=');
    sockets.push(s);
  }
  // Held up behind them, the answer would wait for their 30 s read timeout; a busy machine still answers in 10.
  const started = Date.now();
  await assertStillServing();
  assert.ok(Date.now() - started < 10_000, `answered while they wait (${Date.now() - started} ms)`);
  for (const s of sockets) s.destroy();
  await assertStillServing();
});

test('an invented method gets 501 and never becomes a label of the metrics', async () => {
  const invented = `M${run.replace(/[^A-Z0-9]/g, '')}`;
  for (const method of ['FOO', 'BREW', 'PROPFIND', invented]) {
    const { responses, closed } = await exchange([`${method} / HTTP/1.1\r\nHost: x\r\n\r\n`]);
    assert.equal(responses[0]?.status, 501, method);
    assert.match(responses[0].body, /지원하지 않는 요청 방식입니다/);
    assert.ok(closed, 'the connection is closed after an unserved method');
  }
  const metrics = await (await fetch(`${BASE}/metrics`)).text();
  assert.ok(!metrics.includes(invented), 'no label for an invented method');
  assert.ok(!/method="(FOO|BREW|PROPFIND)"/.test(metrics));
  await assertStillServing();
});

test('a Transfer-Encoding whose last coding is not chunked is refused with 400 (no request smuggling)', async () => {
  for (const coding of ['gzip', 'chunked, gzip', 'chunked , identity', 'identity']) {
    const body = 'login_id=a&password=b';
    const { responses, closed } = await exchange([
      `POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Transfer-Encoding: ${coding}\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ]);
    assert.equal(responses[0]?.status, 400, coding);
    assert.ok(closed, coding);
  }
  await assertStillServing();
});
