// Korean search (/search and GET /api/v1/search) over what modules index, here the organisations: a
// two-syllable word is found inside inflected text (예산 in 예산을, 감사 in 감사를), several words rank the
// documents holding all of them first, matches are marked with <mark> and escaped, the index follows every
// change in the same transaction, nobody sees (or counts) a result they may not open, and empty or too long
// queries get a Korean message. The organisations are made through the admin API with names unique to
// this run; the run's suffix is itself a search word, so each query sees only this run's records.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, createToken, fetch, hangul, runSuffix as run } from './lib/client.mjs';

let admin; // Client signed in as admin
let adminToken;
let provinceId;
const ids = {};

function api(path, token, base = new Client().base) {
  return fetch(base + path, {
    redirect: 'manual',
    headers: { accept: 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
  });
}

async function search(q, token = adminToken, extra = '') {
  const res = await api(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`, token);
  assert.equal(res.status, 200, `search ${q}: ${res.status}`);
  return res.json();
}

async function createOrganization(key, name) {
  const code = `S${run}-${key}`.toUpperCase().slice(0, 20);
  const res = await fetch(`${new Client().base}/api/v1/organizations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ code, name, kind: 'agency', parent_id: provinceId, sort_order: 0 }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, `create ${name}: ${text}`);
  ids[key] = JSON.parse(text).id;
}

const marked = (items) => items.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

before(async () => {
  admin = new Client();
  await admin.login('admin');
  adminToken = createToken('admin', 'search-test');
  provinceId = (await (await api('/api/v1/organizations?kind=province', adminToken)).json()).items.find(
    (o) => o.code === '52000',
  ).id;
  await createOrganization('B', `주민이 예산을 짜는 모임 ${run}`);
  await createOrganization('A', `감사를 돕는 시민 모임 ${run}`);
  await createOrganization('BOTH', `상생 협력 예산 지원단 ${run}`);
  await createOrganization('ONE', `예산 자문단 ${run}`);
  await createOrganization('OTHER', `협력 자문단 ${run}`);
  await createOrganization('HTML', `<i>기울임</i> & "인용" 예산 ${run}`);
});

test('a two-syllable word is found inside inflected text', async () => {
  const budget = await search(`예산 ${run}`);
  const hit = budget.items.find((i) => i.record_id === ids.B);
  assert.ok(hit, '예산 finds 주민이 예산을 짜는 모임');
  assert.equal(hit.source, 'organizations');
  assert.equal(hit.source_label, '기관');
  assert.equal(hit.url, `/organizations/${ids.B}`);
  assert.equal(marked(hit.title_marked), `주민이 [예산]을 짜는 모임 [${run}]`);

  const audit = await search(`감사 ${run}`);
  assert.equal(audit.items[0].record_id, ids.A, '감사 finds 감사를 돕는 시민 모임 first');
  assert.equal(marked(audit.items[0].title_marked), `[감사]를 돕는 시민 모임 [${run}]`);
  // The inflected form itself works too, and a word that occurs nowhere finds nothing.
  assert.equal((await search(`감사를 ${run}`)).items[0].record_id, ids.A);
  assert.equal((await search('숨은그림찾기', adminToken, '&source=organizations')).total, 0);
});

test('several words rank the documents holding all of them first', async () => {
  const r = await search(`예산 협력 ${run}`);
  assert.equal(r.items[0].record_id, ids.BOTH);
  assert.equal(r.items[0].all_words, true);
  assert.equal(r.items[0].matched_words, 3);
  const rank = (id) => r.items.findIndex((i) => i.record_id === id);
  for (const key of ['ONE', 'OTHER', 'B']) {
    assert.ok(rank(ids[key]) > 0, `${key} is listed after the one with every word`);
    assert.equal(r.items[rank(ids[key])].all_words, false);
  }
  // Those holding two of the three words come before those holding one (예산과 of the demo data).
  const two = r.items.filter((i) => i.matched_words === 2).map((i) => rank(i.record_id));
  const one = r.items.filter((i) => i.matched_words === 1).map((i) => rank(i.record_id));
  assert.ok(one.length > 0, 'documents holding one word are listed too');
  assert.ok(Math.max(...two) < Math.min(...one));
  for (let k = 1; k < r.items.length; k++) assert.ok(r.items[k - 1].matched_words >= r.items[k].matched_words);
});

test('the page marks matches with <mark>, escapes the text and counts the results', async () => {
  const res = await admin.get(`/search?q=${encodeURIComponent(`예산 ${run}`)}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1[^>]*>검색<\/h1>/);
  assert.match(html, new RegExp(`‘예산 ${run}’ 검색 결과 <strong>\\d+</strong>건`));
  assert.match(html, new RegExp(`<a href="/organizations/${ids.B}" class="c-text">`));
  assert.match(html, /주민이 <mark>예산<\/mark>을 짜는 모임/);
  assert.match(html, /<span class="krds-badge bg-light-primary">기관<\/span>/);
  // An organisation named with markup shows it as text.
  assert.match(html, /&lt;i&gt;기울임&lt;\/i&gt; &amp; &quot;인용&quot; <mark>예산<\/mark>/);
  assert.doesNotMatch(html, /<i>기울임/);
  // The search box keeps the query; the menu offers 검색.
  assert.match(html, new RegExp(`id="search-q" name="q" class="krds-input" value="예산 ${run}"`));
  assert.match(html, /<a href="\/search"[^>]*>검색<\/a>/);
  // An htmx request gets the results without the layout.
  const fragment = await (await admin.get(`/search?q=${encodeURIComponent(`예산 ${run}`)}`, { 'HX-Request': 'true' })).text();
  assert.doesNotMatch(fragment, /<html/);
  assert.match(fragment, /<mark>예산<\/mark>/);
});

test('the index changes with the record: a rename is found at once, and the former name still leads to it', async () => {
  const res = await fetch(`${new Client().base}/api/v1/organizations/${ids.ONE}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: `재정 자문단 ${run}`, rename_reason: '명칭 정비' }),
  });
  assert.equal(res.status, 200);
  // The run's other organisations hold only its suffix: the renamed one alone holds both words.
  const renamed = await search(`재정 ${run}`);
  assert.deepEqual(renamed.items.filter((i) => i.all_words).map((i) => i.record_id), [ids.ONE]);
  assert.equal(renamed.items[0].record_id, ids.ONE);
  const former = (await search(`예산 자문단 ${run}`)).items.find((i) => i.record_id === ids.ONE);
  assert.ok(former, 'the former name is indexed');
  assert.equal(former.title, `재정 자문단 ${run}`);
  assert.match(marked(former.snippet), /이전 명칭 \[예산\] \[자문단\]/);
  // With two nodes (PostgreSQL), the other node answers the same at once: the index lives in the database.
  if (process.env.SOTONG_URL_2) {
    const other = await (await api(`/api/v1/search?q=${encodeURIComponent(`재정 ${run}`)}`, adminToken, process.env.SOTONG_URL_2)).json();
    assert.deepEqual(other.items.map((i) => i.record_id), renamed.items.map((i) => i.record_id));
  }
});

test('every role finds the organisations of the directory by name or code', async () => {
  for (const login of ['jeonju', 'gunsan', 'coordinator', 'auditor', 'budget', 'expert']) {
    const token = createToken(login, 'search-test');
    for (const q of ['전주', '52110']) {
      const r = await search(q, token, '&source=organizations');
      const jeonju = r.items.find((i) => i.title === '전주시');
      assert.ok(jeonju, `${login} finds 전주시 by ${q}`);
      assert.match(jeonju.url, /^\/organizations\/\d+$/, 'it leads to the directory every role may open');
    }
  }
});

test('nobody sees, or counts, a result they may not open: an inactive organisation is the administrator\'s', async () => {
  await createOrganization('GONE', `없어진기구 ${run}`);
  const detail = await admin.get(`/admin/organizations/${ids.GONE}`);
  const _csrf = (await detail.text()).match(/name="_csrf" value="([^"]+)"/)[1];
  const off = await admin.postForm(`/admin/organizations/${ids.GONE}/deactivate`, { _csrf, confirmed: '1' });
  assert.equal(off.status, 303);
  for (const login of ['jeonju', 'gunsan', 'coordinator', 'auditor', 'budget']) {
    const token = createToken(login, 'search-test');
    const r = await search('없어진기구', token, '&source=organizations');
    assert.equal(r.total, 0, `${login} counts nothing`);
    assert.deepEqual(r.items, [], `${login} sees nothing`);
  }
  const jeonju = new Client();
  await jeonju.login('jeonju');
  const page = await jeonju.get(`/search?q=${encodeURIComponent('없어진기구')}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /‘없어진기구’에 대한 검색 결과가 없습니다\./);
  assert.doesNotMatch(html, /\/admin\/organizations\//);
  // The empty result says what search covers for this person, and suggests checking the spelling.
  assert.match(html, /검색 대상:[^<]*기관/);
  assert.match(html, /맞춤법/);
  // The administrator finds it, on the administrators' page.
  const mine = await search('없어진기구', adminToken, '&source=organizations');
  assert.equal(mine.total, 1);
  assert.equal(mine.items[0].url, `/admin/organizations/${ids.GONE}`);
});

test('an empty, meaningless or too long query gets a Korean message', async () => {
  const blank = await admin.get('/search?q=');
  assert.equal(blank.status, 422);
  assert.match(await blank.text(), /검색어를 입력해 주십시오\./);
  const punctuation = await admin.get(`/search?q=${encodeURIComponent('?!…')}`);
  assert.equal(punctuation.status, 422);
  assert.match(await punctuation.text(), /검색어에 글자나 숫자를 넣어 주십시오\./);
  const long = await admin.get(`/search?q=${encodeURIComponent('가'.repeat(101))}`);
  assert.equal(long.status, 422);
  const longHtml = await long.text();
  assert.match(longHtml, /검색어는 100자까지 입력할 수 있습니다\./);
  assert.match(longHtml, /aria-invalid="true"/);
  // The page without a query is the empty search form, without a message.
  const empty = await admin.get('/search');
  assert.equal(empty.status, 200);
  const emptyHtml = await empty.text();
  assert.match(emptyHtml, /role="search"/);
  assert.doesNotMatch(emptyHtml, /검색어를 입력해 주십시오|검색 결과/);

  for (const [q, message] of [
    ['', '검색어를 입력해 주십시오.'],
    ['가'.repeat(101), '검색어는 100자까지 입력할 수 있습니다.'],
    ['가가 나나 다다 라라 마마 바바 사사 아아 자자', '검색어는 낱말 8개까지 입력할 수 있습니다.'],
  ]) {
    const res = await api(`/api/v1/search?q=${encodeURIComponent(q)}`, adminToken);
    assert.equal(res.status, 422, q);
    const body = await res.json();
    assert.equal(body.error.code, 'invalid_input');
    assert.equal(body.error.message, message);
    assert.equal(body.error.fields.q, message);
  }
  const badPage = await api(`/api/v1/search?q=${encodeURIComponent('예산')}&page=0`, adminToken);
  assert.equal(badPage.status, 422);
  assert.match((await badPage.json()).error.fields.page, hangul);
  const farPage = await api(`/api/v1/search?q=${encodeURIComponent('예산')}&page=51`, adminToken);
  assert.equal(farPage.status, 422);
});

test('a source= that is not UTF-8 is a Korean 422 on the page and the API, never a 500', async () => {
  // Raw bytes in the query string (percent-encoded, as a client library would never produce from a string).
  for (const bad of ['%FF', '%C3%28', '%ED%A0%80', `people%80`]) {
    const page = await admin.get(`/search?q=${encodeURIComponent(run)}&source=${bad}`);
    assert.equal(page.status, 422, `page source=${bad}`);
    assert.match(await page.text(), /검색 대상은 올바른 UTF-8 문자로/, bad);
    const res = await api(`/api/v1/search?q=${encodeURIComponent(run)}&source=${bad}`, adminToken);
    assert.equal(res.status, 422, `API source=${bad}`);
    const body = await res.json();
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.fields.source, hangul);
  }
  // A source that is text but not a source finds nothing, as before.
  assert.equal((await search(run, adminToken, '&source=nothing-here')).total, 0);
});

test('searching needs a signed-in person', async () => {
  const anonymous = await new Client().get(`/search?q=${encodeURIComponent('예산')}`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location'), /^\/login\?next=/);
  const noToken = await api(`/api/v1/search?q=${encodeURIComponent('예산')}`);
  assert.equal(noToken.status, 401);
  assert.match((await noToken.json()).error.message, hangul);
});

test('results page by twenty, and a source filter keeps one source', async () => {
  const all = await search('기관');  // every organisation's body says 기관코드
  assert.ok(all.total > 20, `total ${all.total}`);
  assert.equal(all.items.length, 20);
  assert.equal(all.page_size, 20);
  assert.equal(all.pages, Math.min(50, Math.ceil(all.total / 20)));
  const second = await search('기관', adminToken, '&page=2');
  assert.equal(second.total, all.total);
  const firstIds = new Set(all.items.map((i) => `${i.source}:${i.record_id}`));
  assert.ok(second.items.every((i) => !firstIds.has(`${i.source}:${i.record_id}`)), 'pages do not overlap');
  const page = await (await admin.get(`/search?q=${encodeURIComponent('기관')}`)).text();
  assert.match(page, /<nav class="krds-pagination" aria-label="검색 결과 쪽 이동">/);
  assert.match(page, /href="\/search\?q=%EA%B8%B0%EA%B4%80&amp;page=2"/);
  // Each source filter keeps its own source (people such as 조예산 of 예산과 match 예산 too); other modules'
  // records that mention 예산 (the audit library's 예산 부당집행) make up the rest of the whole result.
  const organizations = await search(`예산 ${run}`, adminToken, '&source=organizations');
  assert.ok(organizations.items.every((i) => i.source === 'organizations'));
  const people = await search(`예산 ${run}`, adminToken, '&source=people');
  assert.ok(people.items.every((i) => i.source === 'people'));
  assert.ok(organizations.total > 0 && people.total > 0);
  assert.ok(organizations.total + people.total <= (await search(`예산 ${run}`)).total);
  assert.equal((await search(`예산 ${run}`, adminToken, '&source=nothing')).total, 0);
});
