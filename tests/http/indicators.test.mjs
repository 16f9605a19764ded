// Indicators: the yearly figures per organisation modules register, read through /api/v1/indicators.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, createToken, fetch } from './lib/client.mjs';

let admin;
let jeonju;
const get = async (path, token) => {
  const res = await fetch(BASE + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: await res.json() };
};

before(() => {
  admin = createToken('admin', 'indicators-test');
  jeonju = createToken('jeonju', 'indicators-test');
});

test('the administrator lists the registered indicators with unit, period and method', async () => {
  const res = await get('/api/v1/indicators', admin);
  assert.equal(res.status, 200);
  const accounts = res.json.items.find((i) => i.code === 'accounts.active_accounts');
  assert.ok(accounts, 'the accounts module registers its indicator through its manifest');
  assert.equal(accounts.unit, '명');
  assert.equal(accounts.period, 'calendar_year');
  assert.match(accounts.method, /소속 기관별/);
});

test("an indicator's figures are one per organisation and count what its method says", async () => {
  const year = new Date().getFullYear();
  const res = await get(`/api/v1/indicators/accounts.active_accounts?year=${year}`, admin);
  assert.equal(res.status, 200);
  assert.equal(res.json.year, year);
  const ids = res.json.values.map((v) => v.organization_id);
  assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a - b), 'one figure per organisation, in id order');
  const orgs = (await get('/api/v1/organizations?kind=municipality', admin)).json.items;
  const jeonjuCity = orgs.find((o) => o.code === '52110');
  const figure = res.json.values.find((v) => v.organization_id === jeonjuCity.id);
  assert.ok(figure && figure.value >= 1, '전주시 has at least its demo account');
  const before2000 = await get('/api/v1/indicators/accounts.active_accounts?year=2001', admin);
  assert.deepEqual(before2000.json.values, [], 'no account existed at the end of 2001');
});

test('a person who may not read an indicator neither lists nor reads it; bad years are refused', async () => {
  const listed = await get('/api/v1/indicators', jeonju);
  assert.equal(listed.status, 200);
  assert.ok(!listed.json.items.some((i) => i.code === 'accounts.active_accounts'));
  const refused = await get('/api/v1/indicators/accounts.active_accounts', jeonju);
  assert.equal(refused.status, 404);
  assert.equal(refused.json.error.code, 'not_found');
  assert.equal((await get('/api/v1/indicators/nothing.here', admin)).status, 404);
  for (const year of ['1999', '20x6', '']) {
    const bad = await get(`/api/v1/indicators/accounts.active_accounts?year=${year}`, admin);
    if (year === '') assert.equal(bad.status, 200, 'no year is this year');
    else assert.equal(bad.status, 422, year);
  }
  assert.equal((await get('/api/v1/indicators')).status, 401);
});
