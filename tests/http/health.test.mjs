// Smoke test: the server is up, and an unknown address gets a Korean HTML 404 page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, Client, hangul } from './lib/client.mjs';

test('/healthz answers 200', async () => {
  const res = await new Client().get('/healthz');
  assert.equal(res.status, 200);
});

test('the second node answers /healthz too', { skip: !process.env.SOTONG_URL_2 }, async () => {
  const res = await new Client(process.env.SOTONG_URL_2).get('/healthz');
  assert.equal(res.status, 200);
});

test('an unknown path answers 404 with a Korean HTML page', async () => {
  const res = await new Client(BASE).get('/no-such-page-here');
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
  const body = await res.text();
  assert.match(body, hangul, `no Korean text in: ${body.slice(0, 200)}`);
});
