// 정책소통협력지수 (surveys): the anonymity promise, checked in the database itself as well as on the pages. Six
// 시·군 officials answer a campaign made here. Who answered (survey_tokens) and what was answered (survey_responses)
// share no id and no column; a response holds only a random id, the campaign, the rated bureau, a day (no time) and
// its answer bytes; answers wait unseen (pending) until five are there and then move all at once under one day;
// the API and the pages count per organisation and never name anyone; a bureau rated by fewer than five is
// withheld and its open answer appears in no report, feedback page, search or history.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client, createToken, csrfFrom, runSuffix as run, signedInSessions } from './lib/client.mjs';
import { apiCall } from './lib/refusals.mjs';

const RESPONDENTS = ['jeonju', 'gunsan', 'iksan', 'jeongeup', 'namwon']; // each rates 경제산업국
const LONE = 'gimje'; // rates 감사관실 alone
const PEOPLE = [...RESPONDENTS, LONE, '최전주', '정군산', '배익산', '남정읍', '황남원', '노김제'];
const SHOWN_COMMENT = `경제산업국은 회신이 빨랐습니다 ${run}`;
const LONE_COMMENT = `감사관실 혼자 쓴 의견 ${run}`;

/** Rows of `sql` as arrays of strings (NULL as null), read with the engine's own client, not with Sotong. */
function rows(sql) {
  const url = process.env.SOTONG_DATABASE;
  if (url.startsWith('sqlite:')) {
    const script = 'import json, sqlite3, sys\n' +
      'c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)\n' +
      'print(json.dumps([[None if v is None else str(v) for v in r] for r in c.execute(sys.argv[2])]))';
    return JSON.parse(execFileSync('python3', ['-c', script, url.slice('sqlite:'.length), sql], { encoding: 'utf8' }));
  }
  const out = execFileSync('psql', ['-X', '-q', '-A', '-t', '-F', '\x1f', '-R', '\x1e', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql],
    { encoding: 'utf8' });
  return out.replace(/\n$/, '').split('\x1e').filter((l) => l !== '').map((l) => l.split('\x1f'));
}
const scalar = (sql) => Number(rows(sql)[0][0]);
/** A table's column names in order. */
const columns = (table) => (process.env.SOTONG_DATABASE.startsWith('sqlite:')
  ? rows(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)
  : rows(`SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' AND table_schema = current_schema() ORDER BY ordinal_position`)
).map((r) => r[0]);

const signedIn = signedInSessions();
async function postOk(login, path, fields = []) {
  const s = await signedIn(login);
  const res = await s.client.postForm(path, [['_csrf', s.csrf], ...fields]);
  assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : (await res.text()).slice(0, 600)}`);
  return res.headers.get('location');
}
const page = async (login, path) => {
  const res = await (await signedIn(login)).client.get(path);
  assert.equal(res.status, 200, `${login} GET ${path}`);
  return res.text();
};
const tokens = new Map();
async function apiJson(login, path) {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'survey-anonymity-test'));
  const res = await apiCall('GET', path, { token: tokens.get(login) });
  assert.equal(res.status, 200, `${login} GET ${path}`);
  return res.json();
}
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);

let org;
let campaign;
let open = false;
const stored = () => scalar(`SELECT COUNT(*) FROM survey_responses WHERE campaign_id = ${campaign}`);
const pending = () => scalar(`SELECT COUNT(*) FROM survey_pending WHERE campaign_id = ${campaign}`);

/** `login` answers the whole questionnaire for one bureau through 「내 설문」 and the secret address, and submits. */
async function answer(login, bureau, value, comment = '') {
  const sheet = await postOk(login, `/surveys/mine/${campaign}/start`);
  const anon = new Client(); // the secret address needs no session
  const csrf = csrfFrom(await (await anon.get(sheet)).text());
  const send = async (path, pairs) => {
    const res = await anon.postForm(path, [['_csrf', csrf], ...pairs]);
    assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : (await res.text()).slice(0, 400)}`);
    return res.headers.get('location');
  };
  await send(`${sheet}/subjects`, [['subjects', String(bureau)]]);
  const html = await (await anon.get(`${sheet}/subjects/${bureau}`)).text();
  const choice = [...new Set([...html.matchAll(/type="radio" name="q(\d+)"/g)].map((m) => m[1]))];
  const open = [...html.matchAll(/<textarea[^>]*name="q(\d+)"/g)].map((m) => m[1]);
  await send(`${sheet}/subjects/${bureau}`, [...choice.map((q) => [`q${q}`, String(value)]), ...open.map((q, i) => [`q${q}`, i === 0 ? comment : ''])]);
  assert.equal(await send(`${sheet}/submit`, []), '/surveys/thanks');
}

before(async () => {
  org = Object.fromEntries((await apiJson('admin', '/api/v1/organizations')).items.map((o) => [o.code, o.id]));
  const demo = (await apiJson('coordinator', '/api/v1/surveys/campaigns')).items.find((c) => c.title === '2026년 정책소통협력지수 조사');
  const fields = { title: `익명성 확인 조사 ${run}`, year: korea().slice(0, 4), questionnaire_id: String(demo.questionnaire_id),
    opens_on: korea(), closes_on: korea(30), max_subjects: '3', pilot: '1' };
  const location = await postOk('coordinator', '/surveys/campaigns', [...Object.entries(fields),
    ...['52000-B01', '52000-B04', '52000-B11'].map((code) => ['subjects', String(org[code])])]);
  campaign = Number(location.split('/').pop());
  await postOk('coordinator', `/surveys/campaigns/${campaign}/open`);
  open = true;
});

after(async () => {
  if (open) await postOk('coordinator', `/surveys/campaigns/${campaign}/close`);
});

test('the tables keep who answered apart from what was answered', () => {
  assert.deepEqual(columns('survey_responses'), ['id', 'campaign_id', 'subject_id', 'submitted_on', 'answers'],
    'a response: random id, campaign, rated bureau, day, answers; no account, token, address or time');
  assert.deepEqual(columns('survey_response_texts'), ['response_id', 'position', 'text']);
  const tokenColumns = columns('survey_tokens');
  assert.deepEqual(tokenColumns, ['id', 'campaign_id', 'account_id', 'organization_id', 'token_hash', 'invited_at', 'reminded_at', 'completed_on']);
  assert.ok(!tokenColumns.some((c) => /response|answer|subject/.test(c)), 'an invitation refers to no response');
  assert.ok(!columns('survey_pending').some((c) => /token|account|organization/.test(c)), 'nor does a waiting answer refer to its invitation');
});

test('answers wait unseen until five are there, then move together under one day with random ids', async () => {
  const B04 = org['52000-B04'];
  for (let i = 0; i < RESPONDENTS.length; i++) {
    await answer(RESPONDENTS[i], B04, 1 + (i % 5), i === 0 ? SHOWN_COMMENT : '');
    if (i < 4) {
      assert.equal(stored(), 0, `${i + 1} submitted: nothing in survey_responses yet`);
      assert.equal(pending(), i + 1);
      const json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}`);
      assert.equal(json.responses, 0, 'the API counts no stored response either');
      assert.equal(json.completed, i + 1, 'but the completion rate moves');
      assert.deepEqual((await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}/index`)).bureaus
        .find((b) => b.bureau_id === B04).total, { withheld: true });
    }
  }
  assert.equal(pending(), 0, 'the fifth moved them all');
  assert.equal(stored(), 5);
  const responses = rows(`SELECT id, subject_id, submitted_on FROM survey_responses WHERE campaign_id = ${campaign}`);
  assert.ok(responses.every(([, subject]) => Number(subject) === B04));
  const days = new Set(responses.map(([, , day]) => day));
  assert.equal(days.size, 1, 'one day for the batch: no order in the days');
  assert.match([...days][0], /^\d{4}-\d\d-\d\d$/, 'a day, no time');
  const ids = responses.map(([id]) => BigInt(id));
  assert.ok(ids.every((id) => id > 0n) && ids.some((id) => id > 2n ** 32n), `random 63-bit ids: ${ids}`);
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : 1));
  assert.ok(sorted.some((id, i) => i > 0 && id - sorted[i - 1] !== 1n), 'not a sequence');
  assert.equal(scalar('SELECT COUNT(*) FROM survey_responses r JOIN survey_tokens t ON t.id = r.id'), 0, 'no response id is an invitation id');
  assert.equal(scalar('SELECT COUNT(*) FROM survey_responses r JOIN accounts a ON a.id = r.id'), 0, 'nor an account id');
  // The invitations: used (a day, no time), their secret gone, their drafts deleted.
  const used = rows(`SELECT completed_on, CASE WHEN token_hash IS NULL THEN 'gone' ELSE 'kept' END FROM survey_tokens WHERE campaign_id = ${campaign} AND completed_on IS NOT NULL`);
  assert.equal(used.length, 5);
  assert.ok(used.every(([day, hash]) => /^\d{4}-\d\d-\d\d$/.test(day) && hash === 'gone'), JSON.stringify(used));
  assert.equal(scalar(`SELECT COUNT(*) FROM survey_drafts d JOIN survey_tokens t ON t.id = d.token_id WHERE t.campaign_id = ${campaign}`), 0);
  // The only text stored for them is the open answer, under a response id.
  const texts = rows(`SELECT t.text FROM survey_response_texts t JOIN survey_responses r ON r.id = t.response_id WHERE r.campaign_id = ${campaign}`);
  assert.deepEqual(texts, [[SHOWN_COMMENT]]);

  // Five answers: the bureau is shown with its comment; the API and pages count per organisation, name nobody.
  const index = await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}/index`);
  const shown = index.bureaus.find((b) => b.bureau_id === B04);
  assert.equal(shown.total.withheld, false);
  assert.equal(shown.total.responses, 5);
  assert.deepEqual(index.comments.map((c) => [c.bureau_id, c.text]), [[B04, SHOWN_COMMENT]]);
  const json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}`);
  const html = await page('coordinator', `/surveys/campaigns/${campaign}`);
  const report = await page('coordinator', `/surveys/campaigns/${campaign}/report`);
  for (const text of [JSON.stringify(json), JSON.stringify(index), html, report])
    for (const person of PEOPLE) assert.ok(!text.includes(person), `no trace of ${person}`);
  for (const code of ['52110', '52130', '52140', '52180', '52190']) {
    const row = json.completion.find((r) => r.organization_id === org[code]);
    assert.ok(row.completed === 1 && row.invited >= 2, `${code}: ${JSON.stringify(row)}`);
  }
});

test('a bureau rated by one person is withheld; the lone open answer shows nowhere, even after closing', async () => {
  const B11 = org['52000-B11'];
  await answer(LONE, B11, 5, LONE_COMMENT);
  assert.equal(pending(), 1, 'the sixth waits for the next batch');
  assert.equal(stored(), 5);
  await postOk('coordinator', `/surveys/campaigns/${campaign}/close`);
  open = false;
  assert.equal(pending(), 0, 'closing moves what waited');
  assert.equal(stored(), 6);
  assert.equal(new Set(rows(`SELECT submitted_on FROM survey_responses WHERE campaign_id = ${campaign}`).map((r) => r[0])).size, 1);
  const index = await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}/index`);
  const lone = index.bureaus.find((b) => b.bureau_id === B11);
  assert.deepEqual(lone.total, { withheld: true });
  assert.ok(Object.values(lone.domains).every((d) => JSON.stringify(d) === '{"withheld":true}'));
  assert.ok(!index.comments.some((c) => c.bureau_id === B11));
  const feedback = await apiJson('coordinator', `/api/v1/surveys/campaigns/${campaign}/bureaus/${B11}`);
  assert.deepEqual(feedback.comments, []);
  const places = [
    await page('coordinator', `/surveys/campaigns/${campaign}/report`),
    await page('coordinator', `/surveys/campaigns/${campaign}/report/print`),
    await page('coordinator', `/surveys/campaigns/${campaign}/bureaus/${B11}`),
    JSON.stringify(index),
    JSON.stringify((await apiJson('coordinator', `/api/v1/search?q=${encodeURIComponent(LONE_COMMENT)}`)).items), // the hits, not the query echoed
    JSON.stringify((await apiJson('admin', `/api/v1/search?q=${encodeURIComponent(SHOWN_COMMENT)}`)).items),
    JSON.stringify(await apiJson('admin', `/api/v1/history?from=${korea(-1)}`)),
    await page('admin', `/admin/history?from=${korea(-1)}`),
  ];
  for (const [i, text] of places.entries()) {
    assert.ok(!text.includes(LONE_COMMENT), `place ${i}: the lone comment`);
    for (const person of PEOPLE.slice(0, 6)) assert.ok(i >= 6 || !text.includes(person), `place ${i}: ${person}`);
  }
  for (const text of places.slice(4)) assert.ok(!text.includes(SHOWN_COMMENT), 'no shown comment in search or history either');
  // The report still shows the bureau of five with its comment.
  assert.ok(places[0].includes(SHOWN_COMMENT));
  assert.ok(places[0].includes('공개 기준(5명) 미만'));
});
