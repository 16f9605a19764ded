// The people directory (직원 찾기, GET /people and /api/v1/people): a 시·군 officer sees the people of his
// 시·군 and its departments and nobody else — another 시·군's account does not exist for him on the page, in
// the API, in the search, in the export or in an htmx fragment (404, never 403) — province-wide roles see
// everyone, anonymous people are sent to sign in, and every look at someone's data is in the access log.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, csrfFrom, fetch, runSuffix as run } from './lib/client.mjs';

let jeonju; // Client signed in as the 전주시 officer
let coordinator; // Client signed in as the province's coordinator
let tokens; // login → bearer token
let people; // login → account (from the admin API)

function api(path, token) {
  return fetch(new Client().base + path, {
    redirect: 'manual',
    headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
  });
}

async function json(path, token) {
  const res = await api(path, token);
  assert.equal(res.status, 200, `${path}: ${res.status}`);
  return res.json();
}

/** The latest access-log entries matching `query`, as the administrator reads them. */
async function accessLog(query) {
  return (await json(`/api/v1/history?kind=access&${query}`, tokens.admin)).items;
}

const names = (html) => [...html.matchAll(/<a href="\/people\/(\d+)">([^<]+)<\/a>/g)].map((m) => m[2]);

before(async () => {
  tokens = Object.fromEntries(['admin', 'jeonju', 'gunsan', 'coordinator'].map((l) => [l, createToken(l, 'people-test')]));
  const all = (await json('/api/v1/accounts', tokens.admin)).items;
  people = Object.fromEntries(all.map((a) => [a.login_id, a]));
  jeonju = new Client();
  await jeonju.login('jeonju');
  coordinator = new Client();
  await coordinator.login('coordinator');
});

test('a 시·군 officer lists and opens the colleagues of his 시·군 and its departments', async () => {
  const res = await jeonju.get('/people');
  assert.equal(res.status, 200);
  const html = await res.text();
  const listed = names(html);
  assert.ok(listed.includes('최전주'), 'himself');
  assert.ok(listed.includes('송다온'), 'a colleague of 전주시 정책기획과');
  assert.ok(!listed.includes('정군산'), 'not the 군산시 officer');
  assert.ok(!listed.includes('이협력'), 'not the province');
  assert.ok(html.includes('href="/people"'), 'the menu leads to 직원 찾기');

  const api = await json('/api/v1/people', tokens.jeonju);
  assert.ok(api.items.length >= 2);
  assert.ok(api.items.every((p) => p.organization.name.startsWith('전주시')), 'only 전주시 and its departments');
  assert.deepEqual(Object.keys(api.items[0]).sort(), ['display_name', 'email', 'id', 'organization', 'position']);

  // The filter finds by name and by organisation.
  const byName = names(await (await jeonju.get(`/people?q=${encodeURIComponent('송다온')}`)).text());
  assert.deepEqual(byName, ['송다온']);
  const byOrganization = await json(`/api/v1/people?q=${encodeURIComponent('정책기획과')}`, tokens.jeonju);
  assert.deepEqual(byOrganization.items.map((p) => p.display_name), ['송다온']);

  const colleague = people['jj.policy'];
  const detail = await jeonju.get(`/people/${colleague.id}`);
  assert.equal(detail.status, 200);
  const page = await detail.text();
  for (const shown of ['송다온', '주무관', '전주시 정책기획과', 'jj.policy@sotong.example']) assert.ok(page.includes(shown), shown);
  for (const hidden of ['>아이디<', '>역할<', '잠김', '최근 로그인']) assert.ok(!page.includes(hidden), `no ${hidden}`);
  const one = await json(`/api/v1/people/${colleague.id}`, tokens.jeonju);
  assert.deepEqual(one, {
    id: colleague.id,
    display_name: '송다온',
    position: '주무관',
    email: 'jj.policy@sotong.example',
    organization: colleague.organization,
  });
});

test("another 시·군's account does not exist for him: page, API, htmx, search and export", async () => {
  const gunsan = people.gunsan;
  assert.equal((await jeonju.get(`/people/${gunsan.id}`)).status, 404, 'page');
  const fragment = await jeonju.get(`/people/${gunsan.id}`, { 'hx-request': 'true' });
  assert.equal(fragment.status, 404, 'htmx fragment');
  assert.ok(!(await fragment.text()).includes('정군산'));
  const viaApi = await api(`/api/v1/people/${gunsan.id}`, tokens.jeonju);
  assert.equal(viaApi.status, 404, 'API');
  assert.equal((await viaApi.json()).error.code, 'not_found');
  // The same answer as for an account that does not exist at all.
  assert.equal((await api('/api/v1/people/99999999', tokens.jeonju)).status, 404);
  assert.equal((await jeonju.get(`/people?q=${encodeURIComponent('정군산')}`)).status, 200);
  assert.deepEqual(names(await (await jeonju.get(`/people?q=${encodeURIComponent('정군산')}`)).text()), []);

  const searched = await json(`/api/v1/search?q=${encodeURIComponent('정군산')}&source=people`, tokens.jeonju);
  assert.equal(searched.total, 0, 'the search counts nothing');
  assert.deepEqual(searched.items, []);
  const everything = await json(`/api/v1/search?q=${encodeURIComponent('정군산')}`, tokens.jeonju);
  assert.ok(!everything.items.some((i) => i.url === `/people/${gunsan.id}`), 'no other source leads there either');
  const own = await json(`/api/v1/search?q=${encodeURIComponent('송다온')}&source=people`, tokens.jeonju);
  assert.deepEqual(own.items.map((i) => [i.source, i.url]), [['people', `/people/${people['jj.policy'].id}`]]);

  const csv = await jeonju.get('/people?format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
  assert.ok(text.includes('최전주') && text.includes('송다온'), 'his own 시·군 is exported');
  assert.ok(!text.includes('정군산') && !text.includes('군산시'), "군산시's row is not");
});

test('province-wide roles see everyone', async () => {
  const listed = names(await (await coordinator.get('/people')).text());
  for (const name of ['최전주', '정군산', '송다온', '이협력']) assert.ok(listed.includes(name), name);
  assert.equal((await coordinator.get(`/people/${people.gunsan.id}`)).status, 200);
  assert.equal((await api(`/api/v1/people/${people.gunsan.id}`, tokens.coordinator)).status, 200);
  const found = await json(`/api/v1/search?q=${encodeURIComponent('정군산')}&source=people`, tokens.coordinator);
  assert.ok(found.items.some((i) => i.url === `/people/${people.gunsan.id}`));
  // And the 군산시 officer sees 군산시, not 전주시.
  const gunsan = await json('/api/v1/people', tokens.gunsan);
  assert.ok(gunsan.items.some((p) => p.display_name === '정군산'));
  assert.ok(!gunsan.items.some((p) => p.display_name === '최전주'));
});

test('a new colleague is found at once, and a deactivated one is gone for his colleagues', async () => {
  const name = `새동료${run}`;
  const created = await fetch(`${new Client().base}/api/v1/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      login_id: `p-new-${run}`, display_name: name, position: '주무관', organization_id: people.jeonju.organization.id, roles: ['municipal'],
    }),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();
  const found = await json(`/api/v1/search?q=${encodeURIComponent(name)}&source=people`, tokens.jeonju);
  assert.deepEqual(found.items.map((i) => i.url), [`/people/${id}`], 'indexed with the account');
  assert.equal((await jeonju.get(`/people/${id}`)).status, 200);

  const admin = new Client();
  await admin.login('admin');
  const _csrf = csrfFrom(await (await admin.get(`/admin/accounts/${id}/edit`)).text());
  const saved = await admin.postForm(`/admin/accounts/${id}`, {
    _csrf, display_name: name, position: '주무관', email: '', organization_id: String(people.jeonju.organization.id), roles: 'municipal', active: '0',
  });
  assert.equal(saved.status, 303);
  assert.equal((await jeonju.get(`/people/${id}`)).status, 404, 'an inactive colleague is not shown');
  assert.equal((await json(`/api/v1/search?q=${encodeURIComponent(name)}&source=people`, tokens.jeonju)).total, 0);
  assert.ok(!names(await (await jeonju.get('/people')).text()).includes(name));
  // The administrator, who manages accounts, still finds the person.
  assert.equal((await api(`/api/v1/people/${id}`, tokens.admin)).status, 200);
});

test('anonymous people are sent to sign in', async () => {
  const page = await new Client().get('/people');
  assert.equal(page.status, 303);
  assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent('/people')}`);
  assert.equal((await new Client().get(`/people/${people.jeonju.id}`)).status, 303);
  assert.equal((await api('/api/v1/people')).status, 401);
  assert.equal((await api(`/api/v1/people/${people.jeonju.id}`)).status, 401);
});

test('each look at the directory is in the access log', async () => {
  const colleague = people['jj.policy'];
  await jeonju.get(`/people/${colleague.id}`);
  const viewed = await accessLog(`action=view&record_type=account&record_id=${colleague.id}&login=jeonju`);
  assert.ok(viewed.length >= 1, 'the detail view');
  assert.equal(viewed[0].subject, '송다온 (jj.policy)');

  await jeonju.get(`/people?q=${encodeURIComponent('송')}`);
  const listed = (await accessLog('action=view&record_type=account&login=jeonju')).find((e) => e.subject === '직원 목록');
  assert.ok(listed, 'the list view');
  assert.equal(listed.after.filter, `q=${encodeURIComponent('송')}`);

  await api(`/api/v1/people/${colleague.id}`, tokens.jeonju);
  assert.ok((await accessLog(`action=view&record_type=account&record_id=${colleague.id}&login=jeonju`)).length >= 2, 'the API view');

  await jeonju.get('/people?format=csv');
  const downloaded = await accessLog('action=download&record_type=account&login=jeonju');
  assert.ok(downloaded.length >= 1, 'the export');
  assert.equal(downloaded[0].after.format, 'csv');
  // What another 시·군 asked for and was refused is no look at anyone's data.
  await jeonju.get(`/people/${people.gunsan.id}`);
  assert.deepEqual(await accessLog(`record_type=account&record_id=${people.gunsan.id}&login=jeonju`), []);
});
