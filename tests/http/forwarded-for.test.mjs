// The client address in the access log (접속기록) cannot be chosen by the client: X-Forwarded-For is believed
// only from a configured proxy address, and then only its right-most hop (what the proxy itself appended).
// Each case signs in with a wrong password through a raw socket carrying a forged header, then reads the
// failed sign-in's access entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { BASE, Client, runSuffix, createToken, fetch } from './lib/client.mjs';
import { pollUntil } from './lib/poll.mjs';
import { startNodeWith } from './lib/node.mjs';

const BIN = process.env.SOTONG_BIN;
const dir = mkdtempSync(join(tmpdir(), 'sotong-xff-'));
let proxied; // a node that trusts 127.0.0.1 as its proxy
let adminToken;

function configFile(text) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.toml`);
  writeFileSync(file, text);
  return file;
}

async function startProxiedNode(config) {
  const node = await startNodeWith(config);
  return { ...node, port: Number(new URL(node.url).port) };
}

/** A failed sign-in sent byte for byte (with the login form's CSRF pair), with the given extra header lines. */
async function failedSignIn(port, login, headerLines) {
  const browser = new Client(`http://127.0.0.1:${port}`);
  const csrf = await browser.csrf('/login');
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = `login_id=${encodeURIComponent(login)}&password=wrong-${runSuffix}&_csrf=${encodeURIComponent(csrf)}`;
  const request =
    `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: ${cookie}\r\n` +
    headerLines.map((h) => `${h}\r\n`).join('') +
    `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (d) => (answer += d.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function recordedAddress(login) {
  return pollUntil(
    async () => {
      const res = await fetch(`${BASE}/api/v1/history?kind=access&subject=${encodeURIComponent(login)}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` },
      });
      assert.equal(res.status, 200);
      const items = (await res.json()).items;
      return items.length ? items[0].remote_address : undefined;
    },
    { message: `the sign-in of ${login} is in the access log` },
  );
}

before(async () => {
  adminToken = createToken('admin', 'forwarded-for-test');
  proxied = await startProxiedNode('[security]\ntrusted_proxies = ["127.0.0.1"]\n');
});

after(async () => {
  await proxied?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const port = () => Number(new URL(BASE).port);

test('without trusted proxies a forged X-Forwarded-For is ignored: the peer is recorded', async () => {
  const login = `xff-a-${runSuffix}`;
  const answer = await failedSignIn(port(), login, ['X-Forwarded-For: 6.6.6.6']);
  assert.match(answer, /^HTTP\/1\.1 (200|401|422)/, 'the sign-in form answered');
  assert.equal(await recordedAddress(login), '127.0.0.1');
});

test('from a trusted proxy the right-most hop is recorded, not what the client put on the left', async () => {
  const login = `xff-b-${runSuffix}`;
  await failedSignIn(proxied.port, login, ['X-Forwarded-For: 6.6.6.6, 198.51.100.9']);
  assert.equal(await recordedAddress(login), '198.51.100.9');
});

test('a client sending its own header line before the proxy\'s still cannot choose', async () => {
  const login = `xff-c-${runSuffix}`;
  await failedSignIn(proxied.port, login, ['X-Forwarded-For: 6.6.6.6', 'X-Forwarded-For: 198.51.100.10']);
  assert.equal(await recordedAddress(login), '198.51.100.10');
});

test('garbage in the right-most hop keeps the proxy\'s own address', async () => {
  const login = `xff-d-${runSuffix}`;
  await failedSignIn(proxied.port, login, ['X-Forwarded-For: 6.6.6.6, evil.example']);
  assert.equal(await recordedAddress(login), '127.0.0.1');
});

for (const [config, expected] of [
  ['[security]\ntrust_proxy = true\n', /trust_proxy.*trusted_proxies/],
  ['[security]\ntrusted_proxies = ["nginx.local"]\n', /trusted_proxies.*IP 주소가 아닌/],
  ['[security]\ntrusted_proxies = "127.0.0.1"\n', /trusted_proxies는 주소의 목록/],
]) {
  test(`the server refuses to start with ${config.trim().replace(/\n/g, ' ')}`, () => {
    const run = spawnSync(
      BIN,
      ['serve', '--config', configFile(config), '--database', `sqlite:${join(dir, 'refused.db')}`, '--listen', '127.0.0.1:0'],
      { encoding: 'utf8', timeout: 20000 },
    );
    assert.notEqual(run.status, 0, 'it stops');
    assert.match(run.stderr + run.stdout, expected);
  });
}
