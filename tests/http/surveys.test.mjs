// 정책소통협력지수 (surveys): every coordinator route refuses the other roles and an anonymous caller; a campaign the
// test makes goes the whole way (Korean 422s for a bad form, open invites, a second open 409, 「내 설문」, a secret
// answering address that works without sign-in, subject choice limits, answers out of range refused with nothing
// saved, resuming and a fresh secret that retires the old one, a 422 for unanswered questions, submission once,
// completion per organisation that never names a person, remind and close); the secret routes refuse a forged
// POST and survive path tricks, and the request log never holds a secret; a bureau reads its own feedback only;
// a questionnaire in use is frozen while its copy takes questions; the coordinator's report notes; the 2024
// demo's small group (감사관실, 3 answers) is withheld on the report, print, XLSX, API and feedback pages and its
// open answers appear nowhere; the JSON answers as openapi.json declares.
// Anonymity of stored answers is proven in survey-anonymity.test.mjs, the import command in survey-import.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { BASE, Client, createToken, csrfFrom, runSuffix as run, signedInSessions } from './lib/client.mjs';
import { apiCall, assertApiNeedsSignIn, assertPageNeedsSignIn, assertRoutesRefuse } from './lib/refusals.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { pollUntil } from './lib/poll.mjs';

const MANAGE = 'surveys.manage';
const RESULTS = 'surveys.results';
const FEEDBACK = 'surveys.feedback';
// The roles each action is granted, as src/modules/surveys/survey_permissions.cpp declares them.
const GRANTED = { [MANAGE]: ['coordinator'], [RESULTS]: ['coordinator'], [FEEDBACK]: ['bureau'] };
const WITHHELD = '공개 기준(5명) 미만';
const NOT_FOUND_SHEET = '설문 주소가 올바르지 않거나 이미 응답을 마쳤습니다';

const signedIn = signedInSessions();
const get = async (login, path) => (await signedIn(login)).client.get(path);
const text = async (login, path) => {
  const res = await get(login, path);
  assert.equal(res.status, 200, `${login} GET ${path}`);
  return res.text();
};
/** Posts a form as `login`; `fields` an object or [name, value] pairs (a name given twice). */
async function post(login, path, fields = {}) {
  const s = await signedIn(login);
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  return s.client.postForm(path, [['_csrf', s.csrf], ...pairs]);
}
async function postOk(login, path, fields = {}) {
  const res = await post(login, path, fields);
  assert.equal(res.status, 303, `${login} POST ${path}: ${res.status} ${res.status === 303 ? '' : (await res.text()).slice(0, 600)}`);
  return res.headers.get('location');
}
const tokens = new Map();
const api = (login, path) => {
  if (!tokens.has(login)) tokens.set(login, createToken(login, 'surveys-test'));
  return apiCall('GET', path, { token: tokens.get(login) });
};
const apiJson = async (login, path) => {
  const res = await api(login, path);
  assert.equal(res.status, 200, `${login} GET ${path}`);
  return res.json();
};
/** A date in Korea, `days` from today, as YYYY-MM-DD. */
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const decode = (s) => s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&quot;/g, '"').replace(/&lt;/g, '<')
  .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The rows of every table in `html` whose head cell is `name`, as lists of cell texts. */
const htmlRows = (html, name) => [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)]
  .filter((m) => decode(m[1]) === name)
  .map((m) => [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1].replace(/<[^>]*>/g, '').trim())));

let org; // organisation code → id
let demo; // { y2024, y2025, pilot2026, y2026 } campaign ids, found by title
let basicQuestionnaire; // the questionnaire of the 2026 yearly campaign (in use)
let flow; // the campaign this file makes and runs

/** The campaign form's fields, with `over` replacing or adding some. */
function campaignForm(over = {}) {
  const f = {
    title: `협력지수 시험조사 ${run}`,
    year: korea().slice(0, 4),
    questionnaire_id: String(basicQuestionnaire),
    opens_on: korea(),
    closes_on: korea(30),
    max_subjects: '2',
    pilot: '1', // a pilot is never the latest result, so 「우리 실국 피드백」 keeps pointing at the demo's 2026
    include_bureaus: '1',
    subjects: [org['52000-B01'], org['52000-B04'], org['52000-B11']],
    ...over,
  };
  return Object.entries(f).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, v]]));
}

/** `login` asks 「내 설문」 for a secret address to campaign `id`; returns "/s/{secret}". */
async function start(login, id) {
  const location = await postOk(login, `/surveys/mine/${id}/start`);
  assert.match(location, /^\/s\/[A-Za-z0-9_-]{40,64}$/, 'a secret address');
  return location;
}

/** A browser without any session opens the secret address; returns it with its CSRF value. */
async function openSheet(path) {
  const anon = new Client();
  const res = await anon.get(path);
  assert.equal(res.status, 200, `GET ${path}`);
  const html = await res.text();
  return { anon, csrf: csrfFrom(html), html };
}

/** The questions of a subject page: positions of scale/single ones (radios) and of open ones (textareas). */
function questionsOf(html) {
  const choice = [...new Set([...html.matchAll(/type="radio" name="q(\d+)"/g)].map((m) => Number(m[1])))];
  const open = [...html.matchAll(/<textarea[^>]*name="q(\d+)"/g)].map((m) => Number(m[1]));
  return { choice, open };
}

const answerPairs = (questions, value, comment = '', only = questions.choice) => [
  ...only.map((q) => [`q${q}`, String(value)]),
  ...questions.open.map((q, i) => [`q${q}`, i === 0 ? comment : '']),
];

before(async () => {
  org = Object.fromEntries((await apiJson('admin', '/api/v1/organizations')).items.map((o) => [o.code, o.id]));
  const campaigns = (await apiJson('coordinator', '/api/v1/surveys/campaigns')).items;
  const byTitle = (t) => campaigns.find((c) => c.title === t)?.id;
  demo = {
    y2024: byTitle('2024년 정책소통협력지수 조사'),
    y2025: byTitle('2025년 정책소통협력지수 조사'),
    pilot2026: byTitle('2026년 정책소통협력지수 시범조사'),
    y2026: byTitle('2026년 정책소통협력지수 조사'),
  };
  assert.ok(Object.values(demo).every(Boolean), `the demo's four campaigns: ${JSON.stringify(demo)}`);
  basicQuestionnaire = campaigns.find((c) => c.id === demo.y2026).questionnaire_id;
});

after(async () => {
  // Leave no open campaign behind: other files count what waits on a 시·군 officer's home page.
  if (flow) await post('coordinator', `/surveys/campaigns/${flow}/close`);
});

test('every coordinator route refuses the other roles and an anonymous caller; the answering routes need a sign-in', async () => {
  const draft = Number((await postOk('coordinator', '/surveys/campaigns', campaignForm({ title: `거절 확인용 ${run}` }))).split('/').pop());
  const report = await text('coordinator', `/surveys/campaigns/${demo.y2026}/report`);
  const note = report.match(/action="\/surveys\/notes\/(\d+)\/delete"/)?.[1];
  assert.ok(note, 'the demo report has notes');
  const refusedTitle = `거절되어야 할 조사 ${run}`;
  const q = basicQuestionnaire;
  const c = demo.y2026;
  const routes = [
    { method: 'GET', path: '/surveys', action: MANAGE },
    { method: 'GET', path: '/surveys/campaigns/new', action: MANAGE },
    { method: 'POST', path: '/surveys/campaigns', action: MANAGE, form: { title: refusedTitle } },
    { method: 'GET', path: `/surveys/campaigns/${c}`, action: MANAGE },
    { method: 'POST', path: `/surveys/campaigns/${draft}/open`, action: MANAGE },
    { method: 'POST', path: `/surveys/campaigns/${c}/remind`, action: MANAGE },
    { method: 'POST', path: `/surveys/campaigns/${c}/close`, action: MANAGE },
    { method: 'GET', path: '/surveys/questionnaires', action: MANAGE },
    { method: 'GET', path: `/surveys/questionnaires/${q}`, action: MANAGE },
    { method: 'POST', path: `/surveys/questionnaires/${q}/copy`, action: MANAGE, form: { year: '2030' } },
    { method: 'POST', path: `/surveys/questionnaires/${q}/questions`, action: MANAGE, form: { section: '가', kind: 'text', text: '거절' } },
    { method: 'POST', path: `/surveys/questionnaires/${q}/questions/1/delete`, action: MANAGE },
    { method: 'GET', path: `/surveys/campaigns/${c}/report`, action: RESULTS },
    { method: 'GET', path: `/surveys/campaigns/${c}/report?format=xlsx`, action: RESULTS },
    { method: 'GET', path: `/surveys/campaigns/${c}/report/print`, action: RESULTS },
    { method: 'POST', path: `/surveys/campaigns/${c}/notes`, action: MANAGE, form: { kind: 'proposal', text: refusedTitle } },
    { method: 'POST', path: `/surveys/notes/${note}/delete`, action: MANAGE },
    { method: 'GET', path: '/surveys/feedback', action: FEEDBACK },
    { method: 'GET', path: '/api/v1/surveys/campaigns', action: MANAGE, api: true },
    { method: 'GET', path: `/api/v1/surveys/campaigns/${c}`, action: MANAGE, api: true },
    { method: 'GET', path: `/api/v1/surveys/campaigns/${c}/index`, action: RESULTS, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
  // Every role may answer, so only an anonymous caller is refused there; the feedback pages need a sign-in.
  for (const route of [
    { method: 'GET', path: '/surveys/mine' },
    { method: 'POST', path: `/surveys/mine/${c}/start` },
    { method: 'GET', path: `/surveys/campaigns/${c}/bureaus/${org['52000-B01']}` },
  ]) await assertPageNeedsSignIn(route);
  await assertApiNeedsSignIn({ method: 'GET', path: `/api/v1/surveys/campaigns/${c}/bureaus/${org['52000-B01']}` });
  // The refused writes changed nothing.
  const after = await apiJson('coordinator', '/api/v1/surveys/campaigns');
  assert.ok(!after.items.some((i) => i.title === refusedTitle), 'no campaign made');
  assert.equal(after.items.find((i) => i.id === draft).state, 'draft', 'not opened');
  assert.equal(after.items.find((i) => i.id === c).state, 'closed');
  assert.ok((await text('coordinator', `/surveys/campaigns/${c}/report`)).includes(`/surveys/notes/${note}/delete`), 'the note is still there');
  assert.ok(!(await text('coordinator', `/surveys/campaigns/${c}/report`)).includes(refusedTitle));
  assert.doesNotMatch(await text('coordinator', '/surveys/questionnaires'), /2030년/, 'no copy made');
  // The administrator runs the system, not the survey: no result, no feedback of any bureau.
  assert.equal((await get('admin', `/surveys/campaigns/${c}/bureaus/${org['52000-B01']}`)).status, 404);
});

test('a bad campaign form is refused with 422 and Korean messages beside its fields, making nothing', async () => {
  const before = (await apiJson('coordinator', '/api/v1/surveys/campaigns')).items.length;
  const cases = [
    [{ title: '   ' }, /<p class="form-hint-invalid">조사 이름을 입력해 주십시오\.<\/p>/],
    [{ opens_on: korea(10), closes_on: korea(1) }, /종료일은 시작일과 같거나 그 뒤여야 합니다\./],
    [{ subjects: [] }, /평가 대상 실국을 하나 이상 골라 주십시오\./],
    [{ subjects: [org['52110']] }, /평가 대상은 활성 실국이어야 합니다\./], // 전주시 is no bureau
    [{ subjects: [org['52000-D01']] }, /평가 대상은 활성 실국이어야 합니다\./], // a division neither
    [{ closes_on: '2026-02-30' }, /종료일을 2026-10-31처럼 입력해 주십시오\./],
    [{ max_subjects: '0' }, /평가할 실국 수는 1에서 \d+ 사이로 정해 주십시오\./],
  ];
  for (const [over, message] of cases) {
    const res = await post('coordinator', '/surveys/campaigns', campaignForm(over));
    assert.equal(res.status, 422, JSON.stringify(over));
    const html = await res.text();
    assert.match(html, message, JSON.stringify(over));
    assert.match(html, /aria-invalid="true"|is-error/, 'the field is marked');
  }
  assert.equal((await apiJson('coordinator', '/api/v1/surveys/campaigns')).items.length, before, 'nothing made');
});

test('a campaign goes the whole way: open, answer by secret address, resume, submit once, close', async () => {
  const B01 = org['52000-B01'];
  const B04 = org['52000-B04'];
  const B11 = org['52000-B11'];
  // Made as a draft: no invitation, no report yet.
  const created = await postOk('coordinator', '/surveys/campaigns', campaignForm());
  flow = Number(created.match(/^\/surveys\/campaigns\/(\d+)$/)?.[1]);
  assert.ok(flow, created);
  assert.match(await text('coordinator', created), /설문조사를 만들었습니다/);
  let json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}`);
  assert.equal(json.state, 'draft');
  assert.equal(json.invited, 0);
  assert.deepEqual(json.subjects, [B01, B04, B11].sort((a, b) => a - b));
  assert.equal((await get('coordinator', `/surveys/campaigns/${flow}/report`)).status, 404, 'a draft has no report');
  assert.ok(!(await text('jeonju', '/surveys/mine')).includes(`협력지수 시험조사 ${run}`), 'not invited before opening');

  // Opening invites every active 시·군 account (and, here, bureau staff); a second open is a conflict.
  const opened = await post('coordinator', `/surveys/campaigns/${flow}/open`);
  assert.equal(opened.status, 303);
  const flash = await (await signedIn('coordinator')).client.follow(opened);
  const invited = Number((await flash.text()).match(/(\d+)명에게 응답 요청을 보냈습니다/)?.[1]);
  json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}`);
  assert.equal(json.state, 'open');
  assert.equal(json.invited, invited, 'the flash tells how many were invited');
  assert.equal(json.completion.reduce((n, r) => n + r.invited, 0), invited);
  // Other suites may add accounts to the same organisations: at least the demo's officials are invited.
  assert.ok(json.completion.find((r) => r.organization_id === org['52110'])?.invited >= 2, '전주시: its officials');
  assert.ok(json.completion.find((r) => r.organization_id === B01)?.invited >= 1, '기획조정실: planning');
  const again = await post('coordinator', `/surveys/campaigns/${flow}/open`);
  assert.equal(again.status, 409);
  assert.match(await again.text(), /준비 중인 설문조사만 시작할 수 있습니다/);
  assert.equal((await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}`)).invited, invited, 'nobody invited twice');

  // 「내 설문」 lists it with a button; the button gives a secret address that needs no sign-in.
  const mine = await text('jeonju', '/surveys/mine');
  assert.ok(mine.includes(`action="/surveys/mine/${flow}/start"`), 'a start button');
  assert.equal((await post('jeonju', `/surveys/mine/${demo.y2026}/start`)).status, 409, 'a closed campaign gives no address');
  assert.equal((await post('coordinator', `/surveys/mine/${flow}/start`)).status, 404, 'the coordinator was not invited');
  const first = await start('jeonju', flow);
  let sheet = await openSheet(first);
  assert.ok(sheet.anon.cookies.has('sotong_login_csrf'), 'a page without a session sets the login CSRF cookie');
  for (const id of [B01, B04, B11]) assert.ok(sheet.html.includes(`name="subjects" id="subject-${id}" value="${id}"`));

  // Subject choice: no more than max_subjects, only the campaign's bureaus.
  const choose = (s, ids) => s.anon.postForm(`${first}/subjects`, [['_csrf', s.csrf], ...ids.map((i) => ['subjects', String(i)])]);
  let res = await choose(sheet, [B01, B04, B11]);
  assert.equal(res.status, 422);
  assert.match(await res.text(), /실국은 2곳까지 고를 수 있습니다\./);
  res = await choose(sheet, [org['52000-B02']]);
  assert.equal(res.status, 422, 'a bureau the campaign does not rate');
  assert.match(await res.text(), /평가할 실국을 목록에서 골라 주십시오\./);
  res = await choose(sheet, ['12abc']);
  assert.equal(res.status, 422);
  res = await choose(sheet, [B01, B04]);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `${first}#progress`);

  // A bureau officer never rates their own bureau.
  const planning = await start('planning', flow);
  const planningSheet = await openSheet(planning);
  assert.ok(!planningSheet.html.includes(`id="subject-${B01}"`), 'own bureau not offered');
  res = await planningSheet.anon.postForm(`${planning}/subjects`, [['_csrf', planningSheet.csrf], ['subjects', String(B01)]]);
  assert.equal(res.status, 422, 'own bureau refused');

  // Answers out of range are refused with nothing saved.
  const subjectPath = (base, id) => `${base}/subjects/${id}`;
  let page = await sheet.anon.get(subjectPath(first, B01));
  assert.equal(page.status, 200);
  const questions = questionsOf(await page.text());
  assert.equal(questions.choice.length, 36, 'the basic questionnaire: 36 scale questions');
  assert.deepEqual(questions.open, [37, 38], 'then two open questions');
  const save = (s, base, id, pairs) => s.anon.postForm(subjectPath(base, id), [['_csrf', s.csrf], ...pairs]);
  res = await save(sheet, first, B01, [['q1', '6'], ...answerPairs(questions, 4).slice(1)]);
  assert.equal(res.status, 422);
  assert.match(await res.text(), /문항 1의 답을 보기에서 골라 주십시오\./);
  page = await sheet.anon.get(subjectPath(first, B01));
  assert.doesNotMatch(await page.text(), / checked>/, 'nothing saved');
  assert.equal((await sheet.anon.get(subjectPath(first, B11))).status, 404, 'a bureau not chosen');

  // Partial answers are kept; the sheet shows them checked and counts them.
  res = await save(sheet, first, B01, answerPairs(questions, 4, '', questions.choice.slice(0, 10)));
  assert.equal(res.status, 303);
  assert.match(await (await sheet.anon.get(subjectPath(first, B01))).text(), /id="q1-4" value="4" checked>/);
  assert.match(await (await sheet.anon.get(first)).text(), /10 \/ 36문항/);

  // 「이어서 응답하기」 gives a fresh secret: the old one stops working, the progress stays.
  assert.match(await text('jeonju', '/surveys/mine'), /이어서 응답하기/);
  const second = await start('jeonju', flow);
  assert.notEqual(second, first);
  const old = await new Client().get(first);
  assert.equal(old.status, 404);
  assert.match(await old.text(), new RegExp(NOT_FOUND_SHEET));
  sheet = await openSheet(second);
  assert.match(sheet.html, /10 \/ 36문항/);
  assert.match(await (await sheet.anon.get(subjectPath(second, B01))).text(), /id="q10-4" value="4" checked>/);
  assert.equal((await save(sheet, first, B01, answerPairs(questions, 2))).status, 404, 'the old secret saves nothing');

  // Submitting with questions unanswered names each bureau's gap.
  const submit = (s, base) => s.anon.postForm(`${base}/submit`, [['_csrf', s.csrf]]);
  res = await submit(sheet, second);
  assert.equal(res.status, 422);
  const missing = await res.text();
  assert.match(missing, /기획조정실: 답하지 않은 문항이 26개 있습니다/);
  assert.match(missing, /경제산업국: 답하지 않은 문항이 36개 있습니다/);
  // 모름 (0) is an answer.
  assert.equal((await save(sheet, second, B01, answerPairs(questions, 0, `전주 의견 ${run}`))).status, 303);
  assert.equal((await save(sheet, second, B04, answerPairs(questions, 5))).status, 303);
  assert.match(await (await sheet.anon.get(second)).text(), /36 \/ 36문항 · 다 답함/);
  res = await submit(sheet, second);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/surveys/thanks');
  assert.equal((await sheet.anon.get('/surveys/thanks')).status, 200, 'the thanks page needs no sign-in');
  // Once only: the address is gone, and 「내 설문」 gives no other.
  assert.equal((await submit(sheet, second)).status, 404);
  assert.equal((await sheet.anon.get(second)).status, 404);
  const twice = await post('jeonju', `/surveys/mine/${flow}/start`);
  assert.equal(twice.status, 409);
  assert.match(await twice.text(), /이미 응답을 제출했습니다/);
  assert.match(await text('jeonju', '/surveys/mine'), /제출함/);

  // Completion per organisation grows by one; nothing names a person.
  json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}`);
  assert.equal(json.completed, 1);
  assert.equal(json.completion.find((r) => r.organization_id === org['52110']).completed, 1);
  assert.equal(json.responses, 0, 'two answers wait for a batch of five');
  const campaignPage = await text('coordinator', `/surveys/campaigns/${flow}`);
  assert.match(campaignPage, new RegExp(`1 / ${invited}명`));
  assert.match(campaignPage, /0건 · 다음 묶음을 기다리는 응답 있음/);
  // Invited as many as 전주시 has active officials (other suites may add some): one of them answered.
  const jeonjuRow = json.completion.find((r) => r.organization_id === org['52110']);
  const rate = `${Math.trunc((Math.trunc(1000 / jeonjuRow.invited) + 5) / 10)}%`;
  assert.deepEqual(htmlRows(campaignPage, '전주시')[0], [String(jeonjuRow.invited), '1', rate]);
  for (const person of ['jeonju', '최전주', 'jj.policy', '송다온', 'planning', '박기획']) {
    assert.ok(!campaignPage.includes(person), `the campaign page names no person (${person})`);
    assert.ok(!JSON.stringify(json).includes(person), `the API names no person (${person})`);
  }
  assert.deepEqual(Object.keys(json.completion[0]).sort(), ['completed', 'invited', 'organization_id', 'organization_name']);

  // Remind queues; close stores what waited and ends answering; neither twice.
  assert.equal(await postOk('coordinator', `/surveys/campaigns/${flow}/remind`), `/surveys/campaigns/${flow}`);
  assert.equal(await postOk('coordinator', `/surveys/campaigns/${flow}/close`), `/surveys/campaigns/${flow}`);
  json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}`);
  assert.equal(json.state, 'closed');
  assert.equal(json.responses, 2, 'closing stores the waiting answers');
  assert.equal((await post('coordinator', `/surveys/campaigns/${flow}/close`)).status, 409);
  assert.equal((await post('coordinator', `/surveys/campaigns/${flow}/remind`)).status, 409);
  assert.equal((await new Client().get(planning)).status, 404, 'an unfinished address closes with the campaign');
  assert.match(await text('planning', '/surveys/mine'), /마감됨/);
  // Both bureaus have one answer: withheld, and the open answer is in no report.
  const index = await apiJson('coordinator', `/api/v1/surveys/campaigns/${flow}/index`);
  for (const b of index.bureaus) assert.deepEqual(b.total, { withheld: true }, b.name);
  assert.deepEqual(index.total, { withheld: true }, 'two answers in all: withheld overall too');
  assert.deepEqual(index.comments, []);
  assert.ok(!(await text('coordinator', `/surveys/campaigns/${flow}/report`)).includes(`전주 의견 ${run}`));
  flow = null; // closed already
});

/** A raw HTTP exchange on its own connection; resolves with the status and the whole answer. */
function raw(request) {
  const { hostname, port } = new URL(BASE);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let buf = '';
    socket.setEncoding('latin1');
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in 15 s')));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => { buf += d; });
    socket.on('end', () => resolve({ status: Number(buf.match(/^HTTP\/1\.[01] (\d{3})/)?.[1]), text: buf }));
    socket.on('error', reject);
  });
}
const rawGet = (target) => raw(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

test('the secret routes refuse a forged POST, survive path tricks, and the request log never holds a secret', async () => {
  const created = await postOk('coordinator', '/surveys/campaigns', campaignForm({ title: `주소 공격 확인 ${run}`, include_bureaus: '0' }));
  const id = Number(created.split('/').pop());
  await postOk('coordinator', `/surveys/campaigns/${id}/open`);
  try {
    const B04 = org['52000-B04'];
    const path = await start('gunsan', id);
    const sheet = await openSheet(path);
    assert.equal((await sheet.anon.postForm(`${path}/subjects`, [['_csrf', sheet.csrf], ['subjects', String(B04)]])).status, 303);
    // A forged form (another site's page: no _csrf, no cookie) is refused and saves nothing.
    const secret = path.slice(3);
    const body = 'subjects=' + B04 + '&q1=5';
    const forged = await raw(`POST ${path}/subjects/${B04} HTTP/1.1\r\nHost: x\r\nOrigin: https://evil.example\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
    assert.equal(forged.status, 403, forged.text.slice(0, 300));
    const noField = await sheet.anon.postForm(`${path}/subjects/${B04}`, [['q1', '5']]);
    assert.equal(noField.status, 403, 'the cookie without the form value');
    assert.match(await noField.text(), /보안 확인값/);
    const submit = await sheet.anon.postForm(`${path}/submit`, []);
    assert.equal(submit.status, 403);
    assert.doesNotMatch(await (await sheet.anon.get(`${path}/subjects/${B04}`)).text(), / checked>/, 'nothing saved');
    assert.equal((await sheet.anon.get(path)).status, 200, 'the address still works');

    // Path tricks: never a server error, never another page.
    for (const target of ['/s/..%2fadmin', '/s/..%2F..%2Fadmin%2Fhistory', '/s/../admin', `/s/${'A'.repeat(8000)}`,
      `/s/${secret.slice(0, 20)}%00${secret.slice(20)}`, `/s/${secret}%00`, `/s/${secret}/subjects/${B04}%00`,
      `/s/${secret}/subjects/-1`, `/s/${secret}/subjects/99999999999999999999`, '/s/%ff%fe', '/s/', `/s/${secret}%2f..%2fsubmit`]) {
      const res = await rawGet(target);
      assert.ok([400, 404, 414, 431].includes(res.status), `${target.slice(0, 60)}: ${res.status}`);
      assert.doesNotMatch(res.text, /접근 권한이 없습니다|관리자 메뉴/);
    }
    // The log names the route, never the secret.
    const log = await pollUntil(() => {
      const t = readFileSync(process.env.SOTONG_LOG, 'utf8');
      return t.includes('/s/{token}/subjects/{subject}') && t;
    }, { message: 'the answering routes in the request log' });
    assert.ok(!log.includes(secret), `the log holds the secret: ${log.split('\n').filter((l) => l.includes(secret)).join(' | ').slice(0, 600)}`);
    assert.ok(!log.includes(secret.slice(0, 20)), 'not even its first 20 characters');
  } finally {
    await postOk('coordinator', `/surveys/campaigns/${id}/close`);
  }
});

test('a bureau officer reads their own bureau’s feedback only; a 시·군 officer none; the coordinator every one', async () => {
  const c = demo.y2026;
  const B01 = org['52000-B01'];
  const B04 = org['52000-B04'];
  const feedback = (login, bureau) => get(login, `/surveys/campaigns/${c}/bureaus/${bureau}`);
  const page = await feedback('planning', B01);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /기획조정실 협력지수 피드백/);
  assert.match(html, /\d+위 \/ \d+/, 'ranked in 2026');
  assert.equal((await feedback('planning', B04)).status, 404, 'another bureau is not found');
  assert.equal((await feedback('economy', B01)).status, 404);
  assert.equal((await feedback('economy', B04)).status, 200);
  for (const login of ['jeonju', 'auditor', 'admin']) assert.equal((await feedback(login, B01)).status, 404, login);
  assert.equal((await feedback('coordinator', B04)).status, 200);
  assert.equal((await feedback('coordinator', org['52110'])).status, 404, 'a 시·군 is no bureau');
  assert.equal((await api('planning', `/api/v1/surveys/campaigns/${c}/bureaus/${B01}`)).status, 200);
  assert.equal((await api('planning', `/api/v1/surveys/campaigns/${c}/bureaus/${B04}`)).status, 404);
  assert.equal((await api('jeonju', `/api/v1/surveys/campaigns/${c}/bureaus/${B01}`)).status, 404);
  const own = await apiJson('planning', `/api/v1/surveys/campaigns/${c}/bureaus/${B01}`);
  assert.equal(own.bureau_id, B01);
  assert.equal(own.total.withheld, false);
  assert.equal(typeof own.total.score, 'number');
  // 「협력지수 피드백」 leads to the latest yearly result of the officer's bureau (not a pilot).
  const menu = await get('planning', '/surveys/feedback');
  assert.equal(menu.status, 303);
  assert.equal(menu.headers.get('location'), `/surveys/campaigns/${c}/bureaus/${B01}`);
});

test('a questionnaire in use refuses edits with 409; its copy is a new version that takes and drops questions', async () => {
  const q = basicQuestionnaire;
  const before = await text('coordinator', `/surveys/questionnaires/${q}`);
  const added = await post('coordinator', `/surveys/questionnaires/${q}/questions`,
    { section: '시험', kind: 'scale', text: `더할 수 없는 문항 ${run}`, domain: 'budget', dimension: 'communication' });
  assert.equal(added.status, 409);
  assert.match(await added.text(), /설문조사에 쓰인 설문지는 고칠 수 없습니다/);
  const removed = await post('coordinator', `/surveys/questionnaires/${q}/questions/1/delete`);
  assert.equal(removed.status, 409);
  assert.match(await removed.text(), /복사해 새 판을 만든 뒤 고쳐 주십시오/);
  assert.equal(await text('coordinator', `/surveys/questionnaires/${q}`), before, 'unchanged');

  const location = await postOk('coordinator', `/surveys/questionnaires/${q}/copy`, { year: '2031' });
  const copy = Number(location.match(/^\/surveys\/questionnaires\/(\d+)$/)?.[1]);
  assert.ok(copy && copy !== q, location);
  const copied = await text('coordinator', location);
  assert.match(copied, /설문지를 복사해 새 판을 만들었습니다/);
  assert.match(copied, /2031년/);
  const count = (html) => (html.match(/\/questions\/\d+\/delete"/g) ?? []).length;
  assert.equal(count(copied), 38, 'all 38 questions, each removable while unused');
  assert.equal(count(before), 0, 'the frozen one offers no removal');
  const versions = [...(await text('coordinator', '/surveys/questionnaires')).matchAll(/href="\/surveys\/questionnaires\/(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(versions.includes(copy) && versions.includes(q), 'both listed');

  const bad = await post('coordinator', `/surveys/questionnaires/${copy}/questions`, { section: '시험', kind: 'scale', text: `영역 없는 문항 ${run}` });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /5점 척도 문항은 정책영역을 골라야 합니다\./);
  const badChoice = await post('coordinator', `/surveys/questionnaires/${copy}/questions`, { section: '시험', kind: 'single', text: '보기 하나', options: '하나' });
  assert.equal(badChoice.status, 422);
  await postOk('coordinator', `/surveys/questionnaires/${copy}/questions`,
    { section: '시험', kind: 'scale', text: `새 문항 ${run}`, domain: 'information', dimension: 'communication' });
  const grown = await text('coordinator', `/surveys/questionnaires/${copy}`);
  assert.equal(count(grown), 39);
  assert.ok(grown.includes(`새 문항 ${run}`));
  await postOk('coordinator', `/surveys/questionnaires/${copy}/questions/39/delete`);
  const back = await text('coordinator', `/surveys/questionnaires/${copy}`);
  assert.equal(count(back), 38);
  assert.ok(!back.includes(`새 문항 ${run}`));
  assert.equal((await post('coordinator', `/surveys/questionnaires/${copy}/questions/99/delete`)).status, 404);
});

test('the coordinator adds a measure and a proposal to the report, on screen, in print and on the feedback page, and takes them out', async () => {
  const c = demo.y2026;
  const B04 = org['52000-B04'];
  const measure = `경제산업국 반영내용 ${run}`;
  const proposal = `제도개선 건의 ${run}`;
  await postOk('coordinator', `/surveys/campaigns/${c}/notes`, { kind: 'measure', bureau_id: String(B04), text: measure });
  await postOk('coordinator', `/surveys/campaigns/${c}/notes`, { kind: 'proposal', bureau_id: '', text: proposal });
  const report = await text('coordinator', `/surveys/campaigns/${c}/report`);
  assert.ok(report.includes(`<strong>경제산업국</strong> ${measure}`), 'the measure under its bureau');
  assert.ok(report.includes(proposal));
  const print = await text('coordinator', `/surveys/campaigns/${c}/report/print`);
  assert.ok(print.includes(measure) && print.includes(proposal), 'in print too');
  assert.ok((await text('economy', `/surveys/campaigns/${c}/bureaus/${B04}`)).includes(measure), 'the bureau reads its measure');
  // Bad input is a Korean message, nothing added.
  const bad = await post('coordinator', `/surveys/campaigns/${c}/notes`, { kind: 'wish', text: '' });
  assert.equal(bad.status, 303);
  const after = await (await signedIn('coordinator')).client.follow(bad);
  assert.match(await after.text(), /반영내용 또는 제도개선 건의사항을 골라 주십시오/);
  const foreign = await post('coordinator', `/surveys/campaigns/${c}/notes`, { kind: 'measure', bureau_id: String(org['52110']), text: `시·군 ${run}` });
  assert.equal(foreign.status, 303);
  assert.ok(!(await text('coordinator', `/surveys/campaigns/${c}/report`)).includes(`시·군 ${run}`));
  // Taken out again.
  for (const t of [measure, proposal]) {
    const html = await text('coordinator', `/surveys/campaigns/${c}/report`);
    const id = html.match(new RegExp(`${t}[^\\n]*?action="/surveys/notes/(\\d+)/delete"`))?.[1];
    assert.ok(id, `a delete button for ${t}`);
    assert.equal(await postOk('coordinator', `/surveys/notes/${id}/delete`, { campaign: String(c) }), `/surveys/campaigns/${c}/report#notes`);
    assert.equal((await post('coordinator', `/surveys/notes/${id}/delete`, { campaign: String(c) })).status, 404, 'gone');
  }
  const last = await text('coordinator', `/surveys/campaigns/${c}/report`);
  assert.ok(!last.includes(measure) && !last.includes(proposal));
});

/** The rows of every sheet of an .xlsx (cell texts, shared strings resolved), read with Python's zipfile. */
function xlsxRows(bytes) {
  const script = `
import io, json, sys, zipfile
import xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    shared = [''.join(t.text or '' for t in si.iter(M + 't')) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si')]
out = []
for name in sorted(n for n in z.namelist() if n.startswith('xl/worksheets/') and n.endswith('.xml')):
    for row in ET.fromstring(z.read(name)).iter(M + 'row'):
        cells = []
        for c in row.iter(M + 'c'):
            v = c.find(M + 'v')
            if c.get('t') == 's': cells.append(shared[int(v.text)])
            elif c.get('t') == 'inlineStr': cells.append(''.join(t.text or '' for t in c.iter(M + 't')))
            else: cells.append('' if v is None else v.text)
        out.append(cells)
print(json.dumps(out))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: Buffer.from(bytes), encoding: 'utf8' }));
}

test('the 2024 campaign withholds 감사관실 (3 answers) on the report, print, XLSX, API and its feedback page', async () => {
  const c = demo.y2024;
  const B11 = org['52000-B11'];
  const index = await apiJson('coordinator', `/api/v1/surveys/campaigns/${c}/index`);
  const small = index.bureaus.find((b) => b.bureau_id === B11);
  assert.equal(small.name, '감사관실');
  assert.deepEqual(small.total, { withheld: true }, 'no figure, not even how many answered');
  for (const [domain, stat] of Object.entries(small.domains)) assert.deepEqual(stat, { withheld: true }, domain);
  assert.equal(small.rank, null);
  assert.equal(small.improvement_ratio, null);
  assert.ok(!index.comments.some((x) => x.bureau_id === B11), 'none of its open answers');
  const shown = index.bureaus.find((b) => b.bureau_id === org['52000-B01']);
  assert.equal(shown.total.withheld, false, 'a bureau with many answers is shown');
  assert.ok(shown.total.responses >= 5 && typeof shown.total.score === 'number');
  assert.ok(index.comments.length > 0, 'the comments of the others are there');
  const satisfaction = small.suggestion_satisfaction === null ? '-' : small.suggestion_satisfaction.toFixed(2);
  // Only '-', empty, the withheld words, or the satisfaction figure (another module's, not the survey's).
  const withheldRow = (cells, what) => {
    assert.ok(cells.includes(WITHHELD), `${what}: ${JSON.stringify(cells)}`);
    cells.forEach((cell, i) => assert.ok(['', '-', WITHHELD].includes(cell) || (i === cells.length - 1 && cell === satisfaction),
      `${what}: a figure '${cell}' in ${JSON.stringify(cells)}`));
  };

  for (const path of [`/surveys/campaigns/${c}/report`, `/surveys/campaigns/${c}/report/print`]) {
    const html = await text('coordinator', path);
    assert.ok(html.includes(WITHHELD), path);
    const rows = htmlRows(html, '감사관실');
    assert.equal(rows.length, 2, `${path}: the bureau table and the domain table, no comment row`);
    for (const cells of rows) withheldRow(cells, path);
  }
  const xlsx = await get('coordinator', `/surveys/campaigns/${c}/report?format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const sheets = xlsxRows(await xlsx.arrayBuffer());
  const xlsxSmall = sheets.filter((r) => r[0] === '감사관실');
  assert.equal(xlsxSmall.length, 2, `the workbook: two rows, no comment: ${JSON.stringify(xlsxSmall)}`);
  for (const cells of xlsxSmall) withheldRow(cells.slice(1), 'xlsx');
  assert.ok(sheets.some((r) => r[0] === '기획조정실' && r.some((x) => /^\d+(\.\d+)?$/.test(x))), 'the others have figures');

  const feedback = await text('coordinator', `/surveys/campaigns/${c}/bureaus/${B11}`);
  assert.match(feedback, /<p class="figure-value">공개 기준\(5명\) 미만<\/p>/, 'the total');
  assert.equal((feedback.match(/<td data-value="" class="muted">공개 기준\(5명\) 미만<\/td>/g) ?? []).length, 6, 'each domain');
  assert.match(feedback, /실을 수 있는 의견이 없습니다/);
  assert.match(feedback, /<p class="figure-value">-<\/p>/, 'no rank');
  const json = await apiJson('coordinator', `/api/v1/surveys/campaigns/${c}/bureaus/${B11}`);
  assert.deepEqual(json.total, { withheld: true });
  assert.ok(Object.values(json.domains).every((s) => Object.keys(s).length === 1 && s.withheld === true));
  assert.deepEqual(json.comments, []);
  assert.equal(json.rank, null);
});

test('open answers are never searchable, and history records campaigns without answers', async () => {
  const comments = (await apiJson('coordinator', `/api/v1/surveys/campaigns/${demo.y2025}/index`)).comments;
  assert.ok(comments.length > 0);
  for (const who of ['coordinator', 'admin']) {
    const found = await apiJson(who, `/api/v1/search?q=${encodeURIComponent(comments[0].text)}`);
    const hits = JSON.stringify(found.items);
    assert.ok(!found.items.some((i) => /survey/.test(i.source ?? '')), `${who}: no survey hit`);
    assert.ok(!hits.includes(comments[0].text), `${who}: the comment text is in no hit`);
  }
  const page = await text('coordinator', `/search?q=${encodeURIComponent(comments[0].text)}`);
  assert.ok(!page.includes(`>${comments[0].text}<`));
  // The history of a campaign made here: made, opened, closed; its fields, no answer.
  const id = Number((await postOk('coordinator', '/surveys/campaigns', campaignForm({ title: `이력 확인 ${run}`, include_bureaus: '0' }))).split('/').pop());
  await postOk('coordinator', `/surveys/campaigns/${id}/open`);
  await postOk('coordinator', `/surveys/campaigns/${id}/close`);
  const history = await apiJson('admin', `/api/v1/history?record_type=survey_campaign&record_id=${id}`);
  const actions = history.items.map((i) => i.action).sort();
  assert.deepEqual(actions, ['close', 'create', 'open'], JSON.stringify(history.items).slice(0, 500));
  const all = JSON.stringify(await apiJson('admin', `/api/v1/history?from=${korea(-1)}`));
  for (const c of comments.slice(0, 5)) assert.ok(!all.includes(c.text), 'no answer text in history');
  assert.ok(!/survey_response|"answers"/.test(all), 'no response record in history');
  const html = await text('admin', `/admin/history?record_type=survey_campaign&record_id=${id}`);
  assert.match(html, /조사 시작/);
  assert.match(html, /마감/);
});

test('every JSON operation answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const anonymous = (path) => apiCall('GET', path);
  const c = demo.y2024;
  const B11 = org['52000-B11'];
  const B01 = org['52000-B01'];
  const cases = {
    'GET /api/v1/surveys/campaigns': {
      200: () => api('coordinator', '/api/v1/surveys/campaigns'),
      401: () => anonymous('/api/v1/surveys/campaigns'),
      403: () => api('admin', '/api/v1/surveys/campaigns'),
    },
    'GET /api/v1/surveys/campaigns/{id}': {
      200: () => api('coordinator', `/api/v1/surveys/campaigns/${c}`),
      401: () => anonymous(`/api/v1/surveys/campaigns/${c}`),
      403: () => api('planning', `/api/v1/surveys/campaigns/${c}`),
      404: () => api('coordinator', '/api/v1/surveys/campaigns/99999999'),
    },
    'GET /api/v1/surveys/campaigns/{id}/index': {
      200: () => api('coordinator', `/api/v1/surveys/campaigns/${c}/index`),
      401: () => anonymous(`/api/v1/surveys/campaigns/${c}/index`),
      403: () => api('jeonju', `/api/v1/surveys/campaigns/${c}/index`),
      404: () => api('coordinator', '/api/v1/surveys/campaigns/99999999/index'),
    },
    'GET /api/v1/surveys/campaigns/{id}/bureaus/{bureau}': {
      200: () => api('coordinator', `/api/v1/surveys/campaigns/${c}/bureaus/${B11}`),
      401: () => anonymous(`/api/v1/surveys/campaigns/${c}/bureaus/${B11}`),
      404: () => api('economy', `/api/v1/surveys/campaigns/${c}/bureaus/${B01}`),
    },
  };
  for (const [operation, byStatus] of Object.entries(cases)) {
    assert.deepEqual(Object.keys(byStatus).map(Number), assertDocumented.declared(operation), `${operation}: a case per declared status`);
    for (const [status, call] of Object.entries(byStatus)) {
      const res = await call();
      assert.equal(res.status, Number(status), operation);
      await assertDocumented(operation, res);
    }
  }
  // The shown and the withheld bureau both fit the schema (the 200 above is the withheld one).
  await assertDocumented('GET /api/v1/surveys/campaigns/{id}/bureaus/{bureau}', await api('planning', `/api/v1/surveys/campaigns/${c}/bureaus/${B01}`));
});
