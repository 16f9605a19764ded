// 정책소통협력지수 (surveys): `sotong surveys import --campaign ID FILE` brings paper answers into a campaign on the
// live database. A file with a bad row (a bureau the campaign does not rate, a value out of range) imports nothing,
// exits non-zero and names each row in Korean; a good file adds one response per row, keeps neither the file's
// numbering nor its order, and the campaign's figures see them at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, createToken, csrfFrom, runSuffix as run } from './lib/client.mjs';
import { apiCall } from './lib/refusals.mjs';

const exec = promisify(execFile);
const QUESTIONS = 38; // the basic questionnaire: 36 scale questions, then two open ones (37, 38)

/** Runs the command on the suite's database; resolves with its exit code and output. */
async function sotong(...args) {
  try {
    const { stdout, stderr } = await exec(process.env.SOTONG_BIN, [...args, '--database', process.env.SOTONG_DATABASE], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let coordinator;
let csrf;
let token;
let org;
let campaign;
let dir;
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const apiJson = async (path) => {
  const res = await apiCall('GET', path, { token });
  assert.equal(res.status, 200, path);
  return res.json();
};
async function postOk(path, fields) {
  const res = await coordinator.postForm(path, [['_csrf', csrf], ...fields]);
  assert.equal(res.status, 303, `${path}: ${res.status} ${res.status === 303 ? '' : (await res.text()).slice(0, 400)}`);
  return res.headers.get('location');
}
/** One number read with the engine's own client. */
function count(sql) {
  const url = process.env.SOTONG_DATABASE;
  if (url.startsWith('sqlite:')) return Number(execFileSync('sqlite3', ['-readonly', url.slice('sqlite:'.length), sql], { encoding: 'utf8' }).trim());
  return Number(execFileSync('psql', ['-X', '-q', '-A', '-t', '-d', url, '-c', sql], { encoding: 'utf8' }).trim());
}
const responses = async () => (await apiJson(`/api/v1/surveys/campaigns/${campaign}`)).responses;

/** A CSV file in the test's folder: the header, then `rows` of [response_id, bureau_id, …q1..q38]. */
function csv(name, rows) {
  const header = ['response_id', 'bureau_id', ...Array.from({ length: QUESTIONS }, (_, i) => `q${i + 1}`)];
  const file = join(dir, name);
  writeFileSync(file, [header, ...rows].map((r) => r.join(',')).join('\n') + '\n');
  return file;
}
/** One row: every scale answer `value` (or `over` by question number), the open answers as given. */
const row = (id, bureau, value, over = {}, texts = ['', '']) =>
  [id, bureau, ...Array.from({ length: 36 }, (_, i) => over[i + 1] ?? value), ...texts];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sotong-survey-import-'));
  token = createToken('coordinator', 'survey-import-test');
  org = Object.fromEntries((await (await apiCall('GET', '/api/v1/organizations', { token: createToken('admin', 'survey-import-test') })).json()).items.map((o) => [o.code, o.id]));
  coordinator = new Client();
  await coordinator.login('coordinator');
  csrf = csrfFrom(await (await coordinator.get('/')).text());
  const demo = (await apiJson('/api/v1/surveys/campaigns')).items.find((c) => c.title === '2026년 정책소통협력지수 조사');
  const fields = { title: `가져오기 확인 조사 ${run}`, year: korea().slice(0, 4), questionnaire_id: String(demo.questionnaire_id),
    opens_on: korea(), closes_on: korea(30), max_subjects: '3', pilot: '1' };
  campaign = Number((await postOk('/surveys/campaigns', [...Object.entries(fields),
    ...['52000-B01', '52000-B04'].map((code) => ['subjects', String(org[code])])])).split('/').pop());
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await postOk(`/surveys/campaigns/${campaign}/close`, []);
});

test('a draft campaign takes no import', async () => {
  const file = csv('draft.csv', [row(1, org['52000-B01'], 4)]);
  const r = await sotong('surveys', 'import', '--campaign', String(campaign), file);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /준비 중인 설문조사에는 가져올 수 없습니다/);
  await postOk(`/surveys/campaigns/${campaign}/open`, []);
});

test('a file with bad rows imports nothing and names each row in Korean', async () => {
  const before = await responses();
  const file = csv('bad.csv', [
    row(1, org['52000-B01'], 4),
    row(2, org['52000-B02'], 4), // 자치행정국 is not rated by this campaign
    row(3, org['52000-B04'], 3, { 5: 7 }), // 7 on a 0–5 scale
    row(4, org['52000-B04'], 3, { 9: 'x' }),
  ]);
  const r = await sotong('surveys', 'import', '--campaign', String(campaign), file);
  assert.notEqual(r.code, 0, r.stdout);
  assert.match(r.stderr, /잘못된 행이 있어 아무것도 가져오지 않았습니다/);
  assert.match(r.stderr, new RegExp(`3행: bureau_id '${org['52000-B02']}'는 이 조사의 평가 대상 실국이 아닙니다`));
  assert.match(r.stderr, /4행: q5의 값 '7'는 0\(모름\)에서 5 사이의 정수여야 합니다/);
  assert.match(r.stderr, /5행: q9의 값 'x'/);
  assert.doesNotMatch(r.stderr, /2행/, 'the good row is not blamed');
  assert.equal(await responses(), before, 'nothing imported');
  // A header without a question column, an unknown campaign, a missing file: refused too.
  const short = join(dir, 'short.csv');
  writeFileSync(short, 'bureau_id,q1\n' + org['52000-B01'] + ',4\n');
  const headerless = await sotong('surveys', 'import', '--campaign', String(campaign), short);
  assert.notEqual(headerless.code, 0);
  assert.match(headerless.stderr, /1행\(머리글\): q2 열이 없습니다/);
  assert.notEqual((await sotong('surveys', 'import', '--campaign', '99999999', file)).code, 0);
  assert.notEqual((await sotong('surveys', 'import', '--campaign', String(campaign), join(dir, 'none.csv'))).code, 0);
  assert.equal(await responses(), before);
});

test('a good file adds one response per row, without the file’s numbers, and the figures see them', async () => {
  const before = await responses();
  const B01 = org['52000-B01'];
  const comment = `종이 설문 의견 ${run}`;
  const rows = [
    row(901, B01, 5, {}, [comment, '']),
    row(902, B01, 4),
    row(903, B01, 4, { 1: 0, 2: '' }), // 모름 and an empty cell (no answer) are allowed on paper
    row(904, B01, 3, {}, ['"쉼표, 있는 의견"', '']),
    row(905, B01, 5),
    row(906, org['52000-B04'], 2),
  ];
  const r = await sotong('surveys', 'import', '--campaign', String(campaign), csv('good.csv', rows));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /응답 6건을 가져왔습니다/);
  assert.equal(await responses(), before + rows.length);
  const index = await apiJson(`/api/v1/surveys/campaigns/${campaign}/index`);
  const b01 = index.bureaus.find((b) => b.bureau_id === B01);
  assert.equal(b01.total.withheld, false, 'five answers: shown');
  assert.equal(b01.total.responses, 5);
  assert.deepEqual(index.bureaus.find((b) => b.bureau_id === org['52000-B04']).total, { withheld: true }, 'one answer: withheld');
  assert.deepEqual(index.comments.map((c) => c.text).sort(), [comment, '쉼표, 있는 의견'].sort());
  // The file's numbering is not kept: no response carries 901…906 as its id (ids are random).
  assert.equal(count(`SELECT COUNT(*) FROM survey_responses WHERE campaign_id = ${campaign} AND id BETWEEN 901 AND 906`), 0);
  // Imported answers count no invitation: the completion rate is the on-line one.
  assert.equal((await apiJson(`/api/v1/surveys/campaigns/${campaign}`)).completed, 0);
});
