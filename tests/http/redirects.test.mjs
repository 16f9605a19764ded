// Response splitting and open redirects after sign-in: the login form's `next` is followed only when it is a
// path on this site, and no header value can carry CR/LF. The sign-in is posted over a raw socket and the
// response read byte for byte, since an HTTP client library would refuse or tidy a split header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { BASE, Client, DEMO_PASSWORD } from './lib/client.mjs';
import { TIMEOUT } from './lib/poll.mjs';

const { hostname, port } = new URL(BASE);

/** The raw header block of the server's answer to `request` (everything before the blank line). */
function rawHead(request) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(request));
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer'));
    }, TIMEOUT);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end >= 0) {
        clearTimeout(timer);
        socket.destroy();
        resolve(buf.subarray(0, end).toString('latin1'));
      }
    });
    socket.on('error', reject);
  });
}

/** Signs in as `login` with the given `next`, over a raw socket; returns the response's header lines. */
async function signInWithNext(login, next) {
  const client = new Client();
  const csrf = await client.csrf('/login'); // also sets the pre-login CSRF cookie
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = new URLSearchParams({ _csrf: csrf, login_id: login, password: DEMO_PASSWORD, next }).toString();
  const head = await rawHead(
    `POST /login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  return head.split('\r\n');
}

const header = (lines, name) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));

test('a next holding CR/LF cannot add a Set-Cookie to the real sign-in response', async () => {
  for (const next of ['/\r\nSet-Cookie: sotong_session=attacker', '/x\nSet-Cookie: sotong_session=attacker', '/x\r\n\r\n<h1>']) {
    const lines = await signInWithNext('coordinator', next);
    assert.match(lines[0], /^HTTP\/1\.1 303/);
    assert.deepEqual(header(lines, 'location'), ['Location: /'], JSON.stringify(next));
    const cookies = header(lines, 'set-cookie');
    assert.ok(cookies.every((c) => !c.includes('attacker')), cookies.join(' | '));
    assert.equal(cookies.filter((c) => c.startsWith('Set-Cookie: sotong_session=')).length, 1, 'only the real session');
  }
});

test('a next that a browser would read as another site sends the person home instead', async () => {
  for (const next of ['/\t/evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', 'https://evil.example/',
                      '/ /evil.example', 'javascript:alert(1)']) {
    // (DEL and the other control characters never get this far: the form is refused with 422, see
    // control-characters.test.mjs; is_local_path refuses them too, src/http/response_test.cpp.)
    const lines = await signInWithNext('coordinator', next);
    assert.deepEqual(header(lines, 'location'), ['Location: /'], JSON.stringify(next));
  }
});

test('a local next is followed as it was given', async () => {
  const lines = await signInWithNext('coordinator', '/search?q=%EC%A0%84%EC%A3%BC');
  assert.deepEqual(header(lines, 'location'), ['Location: /search?q=%EC%A0%84%EC%A3%BC']);
});
