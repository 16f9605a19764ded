// 건의사항 demo data and the benchmark generator. After `sotong demo-data` (which the suite ran on its own
// database) every state has suggestions, all 14 시·군 filed some, the coordinator's and a 시·군's lists show
// them, and the stories the demo tells are there (a transfer, an appeal answered again, internal notes kept
// from the 시·군). On fresh databases: loading the demo twice adds nothing, its milestones agree with its
// timelines and every submitted suggestion is indexed; `sotong generate suggestions --count 200` makes 200,
// and an unknown generator or a bad count is refused in Korean with a non-zero exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, createToken } from './lib/client.mjs';
import { apiCall } from './lib/refusals.mjs';
import { dropFreshDatabases, freshDatabase } from './lib/databases.mjs';

const STATES = ['received', 'reviewing', 'adopted', 'in_progress', 'resolved', 'partly_resolved', 'long_term', 'rejected', 'answered', 'closed'];
const MUNICIPALITIES = ['52110', '52130', '52140', '52180', '52190', '52210', '52710', '52720', '52730', '52740', '52750', '52770', '52790', '52800'];

let dir;
let org; // code → id
const tokens = new Map();
const api = async (login, path) => {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'suggestions-demo-test'));
  const res = await apiCall('GET', path, { token: tokens.get(login) });
  assert.equal(res.status, 200, `${login} ${path}`);
  return res.json();
};
/** The suggestions `login` lists with `query` (one page, the newest first). */
const listed = async (login, query = '') => (await api(login, `/api/v1/suggestions${query}`)).items;
/** The one demo suggestion titled `title`, as the coordinator opens it. */
async function demoItem(title) {
  const items = await listed('coordinator', `?q=${encodeURIComponent(title)}`);
  const item = items.find((i) => i.title === title);
  assert.ok(item, `the demo holds ‘${title}’`);
  return api('coordinator', `/api/v1/suggestions/${item.id}`);
}

/** Runs `sotong ARGS… --database DB`; returns { status, stdout, stderr }. */
function sotong(db, ...args) {
  const r = spawnSync(process.env.SOTONG_BIN, [...args, '--database', db], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The first column of the first row of `sql`, read with the engine's own client rather than with Sotong. */
function scalar(url, sql) {
  if (url.startsWith('sqlite:')) {
    const script = 'import sqlite3, sys\n' +
      'c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)\n' +
      'print(c.execute(sys.argv[2]).fetchone()[0])';
    return Number(execFileSync('python3', ['-c', script, url.slice('sqlite:'.length), sql], { encoding: 'utf8' }).trim());
  }
  return Number(execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { encoding: 'utf8' }).trim());
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sotong-suggestions-demo-'));
  org = Object.fromEntries((await api('admin', '/api/v1/organizations')).items.map((o) => [o.code, o.id]));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
  dropFreshDatabases();
});

test('after demo-data every state has suggestions, and a 시·군 keeps its drafts', async () => {
  for (const state of STATES) assert.ok((await listed('coordinator', `?state=${state}`)).length > 0, state);
  assert.ok((await listed('jeonju', '?state=draft')).some((i) => i.organization.id === org['52110']), '전주시 has a draft');
  assert.equal((await listed('coordinator', '?state=draft')).length, 0, 'nobody else sees drafts');
});

test('all 14 시·군 filed suggestions, the lists show them to the coordinator and to each 시·군', async () => {
  for (const code of MUNICIPALITIES) {
    const items = await listed('coordinator', `?municipality=${org[code]}`);
    assert.ok(items.some((i) => i.organization.id === org[code]), `${code} filed some`);
  }
  for (const [login, tab] of [['coordinator', ''], ['coordinator', '?view=overdue&sort=due'], ['jeonju', ''], ['gunsan', ''], ['planning', '']]) {
    const c = new Client();
    await c.login(login);
    const html = await (await c.get(`/suggestions${tab}`)).text();
    assert.match(html, /href="\/suggestions\/\d+"/, `${login} sees suggestions on /suggestions${tab}`);
  }
  // The bureau sees what it leads; the coordinator's queue has items overdue and items due in the weeks ahead.
  assert.ok((await listed('planning')).length > 0);
  assert.ok((await listed('coordinator', '?view=overdue')).some((i) => i.overdue));
  assert.ok((await listed('coordinator', '?state=in_progress')).some((i) => !i.overdue));
});

test('the demo tells a transfer, an appeal answered again, extensions, a meeting’s item and internal notes', async () => {
  const transferred = await demoItem('농업용수로 노후 구간 정비');
  assert.equal(transferred.lead_bureau.name, '한국농어촌공사 전북지역본부');
  assert.ok(transferred.timeline.some((e) => e.kind === 'transfer' && /→ 한국농어촌공사/.test(e.detail)));

  const appealed = await demoItem('갯벌 보전 어업인 소득 보전 제도 마련');
  assert.equal(appealed.appealed, true);
  assert.equal(appealed.state, 'answered');
  const kinds = appealed.timeline.map((e) => e.kind);
  assert.ok(kinds.indexOf('appeal') > kinds.indexOf('answer') && kinds.lastIndexOf('answer') > kinds.indexOf('appeal'), kinds.join(' '));

  const parking = await demoItem('한옥마을 주말 주차난 해소를 위한 환승 셔틀버스 운행 지원');
  assert.equal(parking.extensions, 2);
  assert.equal(parking.timeline.filter((e) => e.kind === 'extend' && e.body).length, 2, 'each extension with its reason');

  const raised = await demoItem('인구감소지역 생활인구 확대를 위한 특례 발굴');
  assert.equal(raised.channel, 'policy_council');
  assert.ok(raised.concerned.length >= 2, 'it concerns several 시·군');
  // Its notes are the province's: the coordinator reads them (one mentions someone), the 시·군 never.
  assert.ok(raised.timeline.some((e) => e.kind === 'note'));
  const own = await api('jinan', `/api/v1/suggestions/${raised.id}`);
  assert.ok(!own.timeline.some((e) => e.kind === 'note'), 'no internal note for the 시·군 that filed it');
  const times = raised.timeline.map((e) => Date.parse(e.created_at));
  assert.deepEqual([...times].sort((a, b) => a - b), times, 'the timeline is in the order made');
});

test('loading the demo again adds nothing; its milestones agree with its timelines and it is all indexed', () => {
  const db = freshDatabase(dir, 'suggestions_demo');
  for (const round of [1, 2]) assert.equal(sotong(db, 'demo-data').status, 0, `round ${round}`);
  const count = scalar(db, 'SELECT COUNT(*) FROM suggestions');
  assert.ok(count >= 120 && count <= 160, `${count} suggestions, once`);
  const problems = {
    'a draft was submitted, or a filed one was not': "SELECT COUNT(*) FROM suggestions WHERE (state = 'draft') <> (submitted_at IS NULL)",
    'submitted_at is not the submission on the timeline':
      "SELECT COUNT(*) FROM suggestions s WHERE s.submitted_at IS NOT NULL AND s.submitted_at <> (SELECT MIN(e.created_at) FROM suggestion_events e WHERE e.suggestion_id = s.id AND e.kind = 'submit')",
    'adopted_at is not the first adoption':
      "SELECT COUNT(*) FROM suggestions s WHERE COALESCE(s.adopted_at, -1) <> COALESCE((SELECT MIN(e.created_at) FROM suggestion_events e WHERE e.suggestion_id = s.id AND e.kind = 'adopt'), -1)",
    'answered_at is not the first answer':
      "SELECT COUNT(*) FROM suggestions s WHERE COALESCE(s.answered_at, -1) <> COALESCE((SELECT MIN(e.created_at) FROM suggestion_events e WHERE e.suggestion_id = s.id AND e.kind = 'answer'), -1)",
    'a closed one without closed_at, or closed_at on another': "SELECT COUNT(*) FROM suggestions WHERE (state = 'closed') <> (closed_at IS NOT NULL)",
    'the last state on the timeline is not the state':
      "SELECT COUNT(*) FROM suggestions s WHERE s.state <> 'draft' AND s.state <> (SELECT e.to_state FROM suggestion_events e WHERE e.suggestion_id = s.id AND e.to_state IS NOT NULL ORDER BY e.id DESC LIMIT 1)",
    'more than two extensions': 'SELECT COUNT(*) FROM suggestions WHERE extensions > 2',
    'a rating out of 1–5': 'SELECT COUNT(*) FROM suggestions WHERE satisfaction < 1 OR satisfaction > 5',
    'a later entry made before an earlier one':
      'SELECT COUNT(*) FROM suggestion_events a JOIN suggestion_events b ON b.suggestion_id = a.suggestion_id AND b.id > a.id AND b.created_at <= a.created_at',
    'a submitted one not indexed for search':
      "SELECT (SELECT COUNT(*) FROM suggestions WHERE state <> 'draft') - (SELECT COUNT(*) FROM search_documents WHERE source = 'suggestions')",
  };
  for (const [problem, sql] of Object.entries(problems)) assert.equal(scalar(db, sql), 0, problem);
  for (const state of ['draft', ...STATES]) assert.ok(scalar(db, `SELECT COUNT(*) FROM suggestions WHERE state = '${state}'`) > 0, state);
  assert.equal(scalar(db, 'SELECT COUNT(DISTINCT organization_id) FROM suggestions'), 14);
  assert.equal(scalar(db, "SELECT COUNT(*) FROM suggestion_events WHERE kind = 'transfer'"), 1);
  assert.ok(scalar(db, "SELECT COUNT(*) FROM suggestion_events WHERE kind = 'note' AND internal = 1 AND body LIKE '@%'") > 0);
});

test('`sotong generate suggestions --count 200` makes 200 on a fresh demo database; bad input is refused in Korean', () => {
  const db = freshDatabase(dir, 'suggestions_generated');
  assert.equal(sotong(db, 'demo-data').status, 0);
  const demo = scalar(db, 'SELECT COUNT(*) FROM suggestions');
  const made = sotong(db, 'generate', 'suggestions', '--count', '200');
  assert.equal(made.status, 0, made.stderr);
  assert.match(made.stdout, /건의사항 200건을 만들었습니다/);
  assert.equal(scalar(db, 'SELECT COUNT(*) FROM suggestions'), demo + 200);
  assert.equal(scalar(db, "SELECT COUNT(*) FROM suggestions WHERE (state = 'closed') <> (closed_at IS NOT NULL)"), 0);

  for (const [args, message] of [
    [['generate', 'meetings', '--count', '10'], /만들 수 없는 자료입니다: meetings\. 만들 수 있는 자료: suggestions\(건의사항\)/],
    [['generate', '--count', '10'], /만들 자료의 이름을 적어 주십시오/],
    [['generate', 'suggestions', '--count', 'many'], /--count에는 만들 개수를 1부터 10,000,000까지의 정수로 적어 주십시오: many/],
    [['generate', 'suggestions', '--count', '0'], /1부터 10,000,000까지의 정수/],
    [['generate', 'suggestions'], /1부터 10,000,000까지의 정수/],
  ]) {
    const refused = sotong(db, ...args);
    assert.notEqual(refused.status, 0, args.join(' '));
    assert.match(refused.stderr, message, args.join(' '));
  }
  assert.equal(scalar(db, 'SELECT COUNT(*) FROM suggestions'), demo + 200, 'nothing more was made');

  // Without the demo accounts there is nobody to file them.
  const empty = freshDatabase(dir, 'suggestions_nobody');
  assert.equal(sotong(empty, 'migrate').status, 0);
  const nobody = sotong(empty, 'generate', 'suggestions', '--count', '5');
  assert.equal(nobody.status, 2);
  assert.match(nobody.stderr, /sotong demo-data를 먼저 실행/);
});
