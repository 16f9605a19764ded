// Work before authentication and connection limits, attacked over raw sockets: a large body is refused on its
// header alone when the sender may not send it (nothing of it is read), connections are capped in all and
// per address with a clear 503, the accept loop does not spin when descriptors run out, and a request header
// has its own short deadline while a slow body may take its time.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect } from 'node:net';
import { BASE, Client } from './lib/client.mjs';
import { pollUntil, sleep } from './lib/poll.mjs';

const BIN = process.env.SOTONG_BIN;
const dir = mkdtempSync(join(tmpdir(), 'sotong-conn-'));
const children = [];

after(async () => {
  for (const child of children) {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
  rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** A node of its own on the suite's database, with `config` and optionally under `prlimit` options. */
async function startNode(config, prlimit = []) {
  const file = join(dir, `c${children.length}.toml`);
  writeFileSync(file, config);
  const port = await freePort();
  const args = ['serve', '--config', file, '--database', process.env.SOTONG_DATABASE, '--listen', `127.0.0.1:${port}`];
  const child = prlimit.length ? spawn('prlimit', [...prlimit, BIN, ...args], { stdio: 'ignore' }) : spawn(BIN, args, { stdio: 'ignore' });
  children.push(child);
  await pollUntil(() => globalThis.fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), {
    message: `node on ${port} is up`,
  });
  return { port, pid: child.pid };
}

/** Opens a raw connection (from `localAddress`), collects what the server sends, and notes when it closes. */
function open(port, localAddress = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(conn));
    const conn = { socket, received: '', closed: false };
    socket.on('data', (d) => (conn.received += d.toString('utf8')));
    socket.on('close', () => (conn.closed = true));
    socket.on('error', () => (conn.closed = true));
    socket.once('error', reject);
  });
}

const answered = (conn) => pollUntil(() => conn.received.includes('\r\n\r\n') && conn.received, { message: 'an answer' });
const statusOf = (text) => Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1]);

test('an anonymous 5 MiB upload is answered on its header: no byte of the body is read', async () => {
  const conn = await open(Number(new URL(BASE).port));
  conn.socket.write(
    'POST /attachments HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n' +
      `Content-Length: ${5 * 1024 * 1024}\r\n\r\n`,
  );
  const answer = await answered(conn);
  assert.equal(statusOf(answer), 303, answer.slice(0, 200));
  assert.match(answer, /\r\nLocation: \/login\r\n/i);
  assert.match(answer, /\r\nConnection: close\r\n/i, 'the unread body ends the connection');
  await pollUntil(() => conn.closed, { message: 'the connection to close' });
});

test('a signed-in person without the role is refused (403) before a large body is read', async () => {
  const jeonju = new Client();
  await jeonju.login('jeonju');
  const cookie = [...jeonju.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const conn = await open(Number(new URL(BASE).port));
  conn.socket.write(
    `POST /admin/organizations HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n` +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500000\r\n\r\n',
  );
  const answer = await answered(conn);
  assert.equal(statusOf(answer), 403, answer.slice(0, 200));
});

test('an anonymous API upload of unknown length (chunked) is refused with 401 JSON before the body', async () => {
  const conn = await open(Number(new URL(BASE).port));
  conn.socket.write('POST /api/v1/organizations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
  const answer = await answered(conn);
  assert.equal(statusOf(answer), 401, answer.slice(0, 200));
});

test('connections are capped per address and in all, with a Korean 503', async () => {
  const { port } = await startNode('[server]\nmax_connections = 6\nmax_connections_per_address = 3\n');
  const held = [];
  for (let i = 0; i < 3; i++) held.push(await open(port, '127.0.0.1'));
  const fourth = await open(port, '127.0.0.1');
  const refused = await answered(fourth);
  assert.equal(statusOf(refused), 503);
  assert.match(refused, /접속이 너무 많습니다/);
  await pollUntil(() => fourth.closed, { message: 'the refused connection to close' });

  // Another address is not held back by the first one's connections…
  const other = await open(port, '127.0.0.2');
  other.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(statusOf(await answered(other)), 200);
  held.push(other);
  // …until the total is reached.
  held.push(await open(port, '127.0.0.3'), await open(port, '127.0.0.4'));
  const seventh = await open(port, '127.0.0.5');
  assert.equal(statusOf(await answered(seventh)), 503);

  // Closing connections frees their places.
  for (const c of held) c.socket.destroy();
  await pollUntil(
    async () => {
      const again = await open(port, '127.0.0.1');
      again.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      const text = await answered(again);
      again.socket.destroy();
      return statusOf(text) === 200;
    },
    { message: 'a connection to be served again' },
  );
});

/** CPU seconds the process has used (user + system). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test('out of descriptors, the accept loop waits instead of spinning, and serves again afterwards', async () => {
  const { port, pid } = await startNode('', ['--nofile=64:64']);
  const flood = [];
  for (let i = 0; i < 90; i++) flood.push(await open(port).catch(() => null));
  await sleep(300); // let the server run into the limit
  const before = cpuSeconds(pid);
  await sleep(1500);
  const used = cpuSeconds(pid) - before;
  assert.ok(used < 0.5, `the server used ${used} s of CPU in 1.5 s while out of descriptors`);
  for (const c of flood) c?.socket.destroy();
  await pollUntil(() => globalThis.fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false), {
    message: 'the server to answer again',
  });
});

test('a request header has its own short deadline; a slow body may take longer than it', async () => {
  const { port } = await startNode('[server]\nheader_timeout_seconds = 1\nbody_idle_timeout_seconds = 5\n');
  const started = Date.now();
  const slowHeader = await open(port);
  slowHeader.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // never finishes its header
  await pollUntil(() => slowHeader.closed, { message: 'the server to drop a header that never ends' });
  assert.ok(Date.now() - started < 10_000, 'dropped after the 1 s header deadline, not a long one');

  const body = 'login_id=nobody&password=slow-body-password';
  const slowBody = await open(port);
  slowBody.socket.write(
    `POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  for (let i = 0; i < body.length; i += 12) {
    await sleep(500); // 2 s in all: longer than the header deadline, each pause shorter than the body's
    slowBody.socket.write(body.slice(i, i + 12));
  }
  const answer = await answered(slowBody);
  assert.ok(statusOf(answer) >= 400 && statusOf(answer) < 500, `the body was read and judged: ${answer.slice(0, 80)}`);
});

test('the old read_timeout_seconds key is refused at start with a Korean message', async () => {
  const file = join(dir, 'old.toml');
  writeFileSync(file, '[server]\nread_timeout_seconds = 30\n');
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(BIN, ['serve', '--config', file, '--database', `sqlite:${join(dir, 'x.db')}`, '--listen', '127.0.0.1:0'], {
    encoding: 'utf8',
    timeout: 20000,
  });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr + run.stdout, /header_timeout_seconds/);
});
