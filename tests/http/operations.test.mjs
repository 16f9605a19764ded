// Operations endpoints: /healthz, /readyz and the Prometheus /metrics, which counts the requests just made,
// exposes the latency histogram, the 5xx counter and the time spent in the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, fetch, setCookies } from './lib/client.mjs';

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
