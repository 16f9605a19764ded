// Operations endpoints: /healthz, /readyz and the Prometheus /metrics, which counts the requests just made,
// exposes the latency histogram, the 5xx counter and the time spent in the database, and answers only the
// peers of [metrics] allowed_addresses (loopback by default) or a request with its token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, Client, fetch, setCookies } from './lib/client.mjs';
import { startNodeWith } from './lib/node.mjs';

/** The samples of a Prometheus text exposition as [{name, labels, value}]. */
function parseMetrics(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/);
    assert.ok(m, `a valid sample line: ${line}`);
    const labels = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

async function metrics() {
  const res = await fetch(`${BASE}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { text, samples: parseMetrics(text) };
}

const value = (samples, name, labels = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

test('/healthz answers 200 text without touching the session machinery', async () => {
  const res = await fetch(`${BASE}/healthz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain/);
  assert.equal(await res.text(), 'ok');
  assert.equal(setCookies(res).length, 0);
});

test('/readyz answers 200 when the database is reachable', async () => {
  const res = await fetch(`${BASE}/readyz`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'ready');
});

test('/metrics counts the requests just made, by method, route pattern and status', async () => {
  const before = (await metrics()).samples;
  const labels = { method: 'GET', route: '/healthz', status: '200' };
  for (let i = 0; i < 3; i++) assert.equal((await fetch(`${BASE}/healthz`)).status, 200);
  const c = new Client();
  assert.equal((await c.get('/admin/organizations/12345')).status, 303);
  assert.equal((await c.get('/no-such-page-for-metrics')).status, 404);
  const after = (await metrics()).samples;

  assert.ok(value(after, 'sotong_http_requests_total', labels) >= value(before, 'sotong_http_requests_total', labels) + 3);
  const byPattern = { method: 'GET', route: '/admin/organizations/{id}', status: '303' };
  assert.ok(value(after, 'sotong_http_requests_total', byPattern) >= value(before, 'sotong_http_requests_total', byPattern) + 1,
    'labelled with the route pattern, not the raw path');
  assert.ok(!after.some((s) => s.labels.route?.includes('12345')), 'raw ids never become labels');
  const unmatched = { method: 'GET', route: '(unmatched)', status: '404' };
  assert.ok(value(after, 'sotong_http_requests_total', unmatched) >= value(before, 'sotong_http_requests_total', unmatched) + 1);
});

test('/metrics exposes a consistent latency histogram, the 5xx counter and database time', async () => {
  // Make sure the database has been used at least once through this node.
  await new Client().login('planning');
  const { text, samples } = await metrics();
  for (const [name, type] of [
    ['sotong_http_requests_total', 'counter'],
    ['sotong_http_request_duration_seconds', 'histogram'],
    ['sotong_http_server_errors_total', 'counter'],
    ['sotong_db_query_duration_seconds', 'histogram'],
  ]) {
    assert.match(text, new RegExp(`^# TYPE ${name} ${type}$`, 'm'), `${name} is a ${type}`);
    assert.match(text, new RegExp(`^# HELP ${name} .+$`, 'm'));
  }
  for (const name of ['sotong_http_request_duration_seconds', 'sotong_db_query_duration_seconds']) {
    const buckets = samples.filter((s) => s.name === `${name}_bucket`);
    assert.ok(buckets.length >= 5, `${name} has buckets`);
    assert.equal(buckets.at(-1).labels.le, '+Inf');
    for (let i = 1; i < buckets.length; i++) {
      assert.ok(buckets[i].value >= buckets[i - 1].value, `${name} buckets are cumulative`);
      if (i < buckets.length - 1) assert.ok(Number(buckets[i].labels.le) > Number(buckets[i - 1].labels.le));
    }
    const count = value(samples, `${name}_count`);
    assert.equal(buckets.at(-1).value, count, `${name}: +Inf bucket equals the count`);
    assert.ok(count > 0, `${name} has observations`);
    assert.ok(value(samples, `${name}_sum`) > 0, `${name} has a positive sum`);
  }
  assert.ok(Number.isFinite(value(samples, 'sotong_http_server_errors_total')));
});

test('database time grows with database work', async () => {
  const before = value((await metrics()).samples, 'sotong_db_query_duration_seconds_count');
  assert.equal((await fetch(`${BASE}/readyz`)).status, 200);
  const c = new Client();
  await c.login('jeonju');
  assert.equal((await c.get('/')).status, 200);
  const after = value((await metrics()).samples, 'sotong_db_query_duration_seconds_count');
  assert.ok(after >= before + 3, `db query count grew: ${before} → ${after}`);
});

/** GET /metrics on `url` over a raw socket, with extra header lines written as they are (a client library would
 * tidy or refuse some); the server closes the connection after its answer. */
function rawMetrics(url, headers = []) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(['GET /metrics HTTP/1.1', `Host: ${hostname}`, 'Connection: close', ...headers, '', ''].join('\r\n'));
    });
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

test('/metrics is refused (403) to a peer outside [metrics] allowed_addresses, whatever it forwards; the token opens it', async () => {
  // The suite runs on loopback, so this node allows only an address no test connects from.
  const token = 'metrics-scrape-token-0123456789';
  const node = await startNodeWith(`[metrics]\nallowed_addresses = ["192.0.2.10", "2001:db8::/32"]\ntoken = "${token}"\n`);
  try {
    const refused = await rawMetrics(node.url);
    assert.equal(refused.status, 403);
    assert.match(refused.body, /\/metrics를 볼 수 없습니다/);
    assert.doesNotMatch(refused.body, /sotong_http_requests_total/);
    for (const forged of [['X-Forwarded-For: 192.0.2.10'], ['X-Real-IP: 192.0.2.10'], ['Forwarded: for=192.0.2.10']]) {
      assert.equal((await rawMetrics(node.url, forged)).status, 403, forged[0]);
    }
    for (const wrong of [`Authorization: Bearer ${token.slice(0, -1)}`, `Authorization: ${token}`, 'Authorization: Bearer ']) {
      assert.equal((await rawMetrics(node.url, [wrong])).status, 403, wrong);
    }
    const allowed = await rawMetrics(node.url, [`Authorization: Bearer ${token}`]);
    assert.equal(allowed.status, 200);
    assert.match(allowed.body, /^# TYPE sotong_http_requests_total counter$/m);
  } finally {
    await node.stop();
  }
});

test('/metrics on the default settings: a loopback scraper reads it, a request forwarded by a proxy on loopback does not', async () => {
  assert.equal((await rawMetrics(BASE)).status, 200);
  // nginx on the same host connects from 127.0.0.1 for every client; its X-Forwarded-For gives it away.
  for (const forwarded of ['X-Forwarded-For: 203.0.113.5', 'Forwarded: for=203.0.113.5']) {
    const res = await rawMetrics(BASE, [forwarded]);
    assert.equal(res.status, 403, forwarded);
    assert.match(res.body, /\/metrics를 볼 수 없습니다/);
  }
});

test('the server refuses to start with a [metrics] entry that is not an address or a short token', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sotong-metrics-'));
  try {
    for (const [config, expected] of [
      ['[metrics]\nallowed_addresses = ["monitoring.internal"]\n', /allowed_addresses.*IP 주소가 아닌 값.*monitoring\.internal/],
      ['[metrics]\nallowed_addresses = "127.0.0.1"\n', /allowed_addresses.*목록/],
      ['[metrics]\ntoken = "short"\n', /token.*16자 이상/],
    ]) {
      writeFileSync(join(dir, 'c.toml'), config);
      const args = ['serve', '--config', join(dir, 'c.toml'), '--database', `sqlite:${join(dir, 'x.db')}`, '--listen', '127.0.0.1:0'];
      const run = spawnSync(process.env.SOTONG_BIN, args, { encoding: 'utf8', timeout: 20000 });
      assert.notEqual(run.status, 0, config);
      assert.match(run.stderr, expected);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
