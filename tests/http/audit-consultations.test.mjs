// Standing consultation (상시 감사 컨설팅): every route refuses the roles its policy rows do not grant and an
// anonymous caller; a 시·군 asks, bad input is refused in Korean beside the fields and changes nothing; the audit
// office moves it step by step (skipping refused, going back only with a reason), invites an expert who alone
// among experts sees it, answers with the legal basis; the asker reads the answer and the steps but not the
// experts' notes; another 시·군 finds nothing by page, API, list, search, export or attachment; every JSON
// operation answers what openapi/consultations.json declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { demoTokens, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const ASK = 'audit.consultation.ask';
const VIEW = 'audit.consultation.view';
const HANDLE = 'audit.consultation.handle';
const ADVISE = 'audit.consultation.advise';
// As src/modules/audit/audit_permissions.cpp declares them.
const GRANTED = {
  [ASK]: ['bureau', 'municipal'],
  [VIEW]: ['auditor', 'bureau', 'municipal'],
  [HANDLE]: ['auditor'],
  [ADVISE]: ['expert'],
};

const signedIn = signedInClients();
const token = demoTokens('audit-consultations-test');
const api = (login, path) => apiCall('GET', path, { token: token(login) });

/** Posts a form of the page `page` as `login` (its CSRF token read from that page). */
async function post(login, page, path, fields) {
  const c = await signedIn(login);
  const _csrf = await c.csrf(page);
  return c.postForm(path, { _csrf, ...fields });
}

/** Asks as `login` through the form; returns the new consultation's id. */
async function ask(login, title, fields = {}) {
  const res = await post(login, '/audit/consultations/new', '/audit/consultations', {
    kind: 'interpretation', title, question: `질의 내용 ${run}`, law: '지방재정법 제47조', ...fields,
  });
  assert.equal(res.status, 303, `ask as ${login}: ${res.status}`);
  const id = res.headers.get('location').match(/^\/audit\/consultations\/(\d+)/)?.[1];
  assert.ok(id, res.headers.get('location'));
  return Number(id);
}

const step = (id, to, note = '') => post('auditor', `/audit/consultations/${id}`, `/audit/consultations/${id}/steps`, { to, note });

let jeonjuItem;
let gunsanItem;

before(async () => {
  jeonjuItem = await ask('jeonju', `전주시 공유재산 무상 사용허가 ${run}`);
  gunsanItem = await ask('gunsan', `군산시 보조금 이자 반환 ${run}`, { kind: 'application' });
});

test('every route refuses the roles its policy does not grant, and an anonymous caller', async () => {
  const id = jeonjuItem;
  const routes = [
    { method: 'GET', path: '/audit/consultations', action: VIEW },
    { method: 'GET', path: '/audit/consultations/new', action: ASK },
    { method: 'POST', path: '/audit/consultations', action: ASK, form: { kind: 'interpretation', title: '엿보기', question: '엿보기' } },
    { method: 'GET', path: `/audit/consultations/${id}`, action: VIEW },
    { method: 'POST', path: `/audit/consultations/${id}/steps`, action: HANDLE, form: { to: 'data_built' } },
    { method: 'POST', path: `/audit/consultations/${id}/experts`, action: HANDLE, form: { expert: '1' } },
    { method: 'POST', path: `/audit/consultations/${id}/opinions`, action: HANDLE, form: { body: '의견' } },
    { method: 'POST', path: `/audit/consultations/${id}/answer`, action: HANDLE, form: { legal_basis: '법', answer: '답', confirmed: '1' } },
    { method: 'GET', path: '/audit/advice', action: ADVISE },
    { method: 'GET', path: `/audit/advice/${id}`, action: ADVISE },
    { method: 'POST', path: `/audit/advice/${id}/opinions`, action: ADVISE, form: { body: '의견' } },
    { method: 'GET', path: '/api/v1/audit/consultations', action: VIEW, api: true },
    { method: 'GET', path: `/api/v1/audit/consultations/${id}`, action: VIEW, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked > 60, `${checked} refusals`);
  // Nothing moved.
  const after = await (await api('auditor', `/api/v1/audit/consultations/${id}`)).json();
  assert.equal(after.state, 'requested');
});

test('bad input is refused in Korean beside its fields and files nothing', async () => {
  const before = (await (await api('jeonju', '/api/v1/audit/consultations')).json()).items.length;
  const res = await post('jeonju', '/audit/consultations/new', '/audit/consultations', { kind: 'bribe', title: ' ', question: '', law: '법'.repeat(201) });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /요청 유형을 목록에서 골라 주십시오\./);
  assert.match(html, /제목을 입력해 주십시오\./);
  assert.match(html, /질의 내용을 입력해 주십시오\./);
  assert.match(html, /관련 법령은 200자 이하로 입력해 주십시오\./);
  assert.match(html, /id="field-title"[^>]*aria-invalid="true"/);
  const after = (await (await api('jeonju', '/api/v1/audit/consultations')).json()).items.length;
  assert.equal(after, before);
});

test('the audit office carries a consultation through its steps to the answer; the asker reads it', async () => {
  const id = await ask('jeonju', `전주 청사 용역 연장 ${run}`, { kind: 'application' });
  const skipped = await step(id, 'analysing');
  assert.equal(skipped.status, 422);
  assert.match(await skipped.text(), /단계를 건너뛸 수 없습니다/);
  assert.equal((await step(id, 'data_built', '자료 정리')).status, 303);
  assert.equal((await step(id, 'analysing')).status, 303);
  assert.equal((await step(id, 'checking')).status, 303);
  const back = await step(id, 'analysing');
  assert.equal(back.status, 422);
  assert.match(await back.text(), /이전 단계로 되돌릴 때는 사유를 적어 주십시오\./);
  assert.equal((await step(id, 'analysing', `입찰 지연 자료 보완 ${run}`)).status, 303);

  // The expert sees only what they were invited to.
  const expert = await signedIn('expert');
  assert.equal((await expert.get(`/audit/advice/${id}`)).status, 404, 'not invited yet');
  const experts = (await (await signedIn('auditor')).get(`/audit/consultations/${id}`)).text();
  const expertId = (await experts).match(/<option value="(\d+)">한전문<\/option>/)?.[1];
  assert.ok(expertId, 'the expert is offered');
  const invited = await post('auditor', `/audit/consultations/${id}`, `/audit/consultations/${id}/experts`, { expert: expertId });
  assert.equal(invited.status, 303);
  assert.equal((await expert.get(`/audit/advice/${id}`)).status, 200);
  assert.equal((await expert.get(`/audit/advice/${jeonjuItem}`)).status, 404, 'another consultation stays hidden');
  assert.match(await (await expert.get('/audit/advice')).text(), new RegExp(`전주 청사 용역 연장 ${run}`));
  const opinion = await post('expert', `/audit/advice/${id}`, `/audit/advice/${id}/opinions`, { body: `전문가 내부 메모 ${run}` });
  assert.equal(opinion.status, 303);
  const empty = await post('expert', `/audit/advice/${id}`, `/audit/advice/${id}/opinions`, { body: ' ' });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /분석 의견을 입력해 주십시오\./);
  assert.equal((await post('expert', '/audit/advice', `/audit/advice/${jeonjuItem}/opinions`, { body: '엿보기' })).status, 404);

  assert.equal((await step(id, 'checking')).status, 303);
  const unanswered = await post('auditor', `/audit/consultations/${id}`, `/audit/consultations/${id}/answer`, { legal_basis: ' ', answer: '', confirmed: '1' });
  assert.equal(unanswered.status, 422);
  const refusal = await unanswered.text();
  assert.match(refusal, /법적 근거를 입력해 주십시오\./);
  assert.match(refusal, /회신 내용을 입력해 주십시오\./);
  const asked = await post('auditor', `/audit/consultations/${id}`, `/audit/consultations/${id}/answer`, { legal_basis: '지방계약법 시행령 제25조', answer: `변경계약으로 연장할 수 있습니다 ${run}` });
  assert.equal(asked.status, 200, 'asked first without confirmed=1');
  assert.match(await asked.text(), /결과를 통보할까요\?/);
  const answered = await post('auditor', `/audit/consultations/${id}`, `/audit/consultations/${id}/answer`, { legal_basis: '지방계약법 시행령 제25조', answer: `변경계약으로 연장할 수 있습니다 ${run}`, confirmed: '1' });
  assert.equal(answered.status, 303);

  const page = await (await (await signedIn('jeonju')).get(`/audit/consultations/${id}`)).text();
  assert.match(page, /지방계약법 시행령 제25조/);
  assert.match(page, new RegExp(`변경계약으로 연장할 수 있습니다 ${run}`));
  assert.match(page, new RegExp(`입찰 지연 자료 보완 ${run}`), 'the step history with its reasons');
  assert.doesNotMatch(page, new RegExp(`전문가 내부 메모 ${run}`), 'not the experts’ notes');
  assert.match(await (await (await signedIn('auditor')).get(`/audit/consultations/${id}`)).text(), new RegExp(`전문가 내부 메모 ${run}`));
  assert.match(await (await (await signedIn('jeonju')).get('/notifications')).text(), /감사 컨설팅 결과가 통보되었습니다/);
  const json = await (await api('jeonju', `/api/v1/audit/consultations/${id}`)).json();
  assert.equal(json.state, 'notified');
  assert.equal(json.legal_basis, '지방계약법 시행령 제25조');
  assert.equal(json.steps.length, 7);
  assert.equal((await step(id, 'checking', '다시')).status, 409, 'a notified consultation moves no more');
  const history = await (await api('auditor', `/api/v1/history?record_type=audit_consultation&record_id=${id}&kind=change`)).json();
  assert.ok(history.items.length >= 8, `every step is in the history (${history.items.length})`);
});

test('another 시·군’s consultation answers 404 on every route', async () => {
  const gunsan = await signedIn('gunsan');
  const page = await gunsan.get(`/audit/consultations/${jeonjuItem}`);
  assert.equal(page.status, 404);
  assert.doesNotMatch(await page.text(), /전주시 공유재산/);
  const json = await api('gunsan', `/api/v1/audit/consultations/${jeonjuItem}`);
  assert.equal(json.status, 404);
  assertErrorJson(await json.json(), 'not_found');
  const listed = (await (await api('gunsan', '/api/v1/audit/consultations')).json()).items.map((i) => i.id);
  assert.ok(listed.includes(gunsanItem) && !listed.includes(jeonjuItem));
  const search = await (await api('gunsan', `/api/v1/search?q=${encodeURIComponent(`공유재산 ${run}`)}&source=audit_consultations`)).json();
  assert.ok(!search.items.some((i) => i.record_id === jeonjuItem), 'not found by search');
  const found = await (await api('jeonju', `/api/v1/search?q=${encodeURIComponent(`공유재산 ${run}`)}&source=audit_consultations`)).json();
  assert.ok(found.items.some((i) => i.record_id === jeonjuItem), 'the asker finds it');
  const csv = await (await gunsan.get('/audit/consultations?format=csv')).text();
  assert.ok(!csv.includes(`전주시 공유재산 무상 사용허가 ${run}`) && csv.includes(`군산시 보조금 이자 반환 ${run}`), 'not in the download');
  // A bureau officer is outside 전주시 too; the audit office sees both.
  assert.equal((await api('planning', `/api/v1/audit/consultations/${jeonjuItem}`)).status, 404);
  assert.equal((await api('auditor', `/api/v1/audit/consultations/${jeonjuItem}`)).status, 200);
  // The history viewer is the audit office's and the administrator's alone: the 시·군 is refused it whole.
  assert.equal((await api('gunsan', `/api/v1/history?record_type=audit_consultation&record_id=${jeonjuItem}`)).status, 403);
});

test('a consultation’s documents are reached only by those who may see it', async () => {
  const jeonju = await signedIn('jeonju');
  const form = new FormData();
  form.append('_csrf', await jeonju.csrf(`/audit/consultations/${jeonjuItem}`));
  form.append('owner_type', 'audit_consultation');
  form.append('owner_id', String(jeonjuItem));
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n건물 현황\n')]), `건물 현황 ${run}.pdf`);
  const up = await jeonju.request('/attachments', { method: 'POST', body: form, headers: { origin: jeonju.base } });
  assert.equal(up.status, 303);
  const html = await (await jeonju.get(`/audit/consultations/${jeonjuItem}`)).text();
  const id = html.match(/href="\/attachments\/(\d+)" download/)?.[1];
  assert.ok(id, 'listed on the page');
  assert.equal((await jeonju.get(`/attachments/${id}`)).status, 200);
  assert.equal((await (await signedIn('auditor')).get(`/attachments/${id}`)).status, 200);
  assert.equal((await (await signedIn('gunsan')).get(`/attachments/${id}`)).status, 404, 'another 시·군');
  assert.equal((await (await signedIn('expert')).get(`/attachments/${id}`)).status, 404, 'an expert not invited');
  assert.equal((await (await signedIn('planning')).get(`/attachments/${id}`)).status, 404, 'a bureau');
  assert.equal((await (await signedIn('admin')).get(`/attachments/${id}`)).status, 404, 'the administrator');
});

test('the list filters by step, kind, text and overdue, and downloads the filtered rows', async () => {
  const q = encodeURIComponent(run);
  const all = await (await api('auditor', `/api/v1/audit/consultations?q=${q}`)).json();
  assert.ok(all.items.length >= 3);
  const application = await (await api('auditor', `/api/v1/audit/consultations?q=${q}&kind=application`)).json();
  assert.ok(application.items.length >= 1 && application.items.every((i) => i.kind === 'application'));
  const requested = await (await api('auditor', `/api/v1/audit/consultations?q=${q}&state=requested`)).json();
  assert.ok(requested.items.every((i) => i.state === 'requested'));
  const overdue = await (await api('auditor', '/api/v1/audit/consultations?view=overdue')).json();
  assert.ok(overdue.items.length >= 1, 'the demo’s overdue request');
  assert.ok(overdue.items.every((i) => i.overdue === true));
  const page = await (await (await signedIn('auditor')).get('/audit/consultations?view=overdue')).text();
  assert.match(page, /기한 지남/);
  const xlsx = await (await signedIn('auditor')).get(`/audit/consultations?q=${q}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const bad = await (await signedIn('auditor')).get('/audit/consultations?state=bogus');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /단계를 목록에서 골라 주십시오\./);
});

test('the home page tells the audit office what waits, and the expert what they were asked', async () => {
  const home = await (await (await signedIn('auditor')).get('/')).text();
  assert.match(home, /회신을 기다리는 감사 컨설팅/);
  assert.match(home, /href="\/audit\/consultations\?view=open"/);
  const front = await (await (await signedIn('jeonju')).get('/audit')).text();
  assert.match(front, /<a href="\/audit\/consultations">상시 감사 컨설팅<\/a>/);
});

test('every JSON operation answers what the OpenAPI document declares', async () => {
  const documented = await openApiChecker();
  const LIST = 'GET /api/v1/audit/consultations';
  const ONE = 'GET /api/v1/audit/consultations/{id}';
  const seen = { [LIST]: new Set(), [ONE]: new Set() };
  const check = async (op, res) => {
    seen[op].add(res.status);
    return documented(op, res);
  };
  await check(LIST, await api('auditor', '/api/v1/audit/consultations'));
  await check(LIST, await apiCall('GET', '/api/v1/audit/consultations'));
  await check(LIST, await api('admin', '/api/v1/audit/consultations'));
  await check(LIST, await api('auditor', '/api/v1/audit/consultations?state=bogus'));
  await check(ONE, await api('jeonju', `/api/v1/audit/consultations/${jeonjuItem}`));
  await check(ONE, await apiCall('GET', `/api/v1/audit/consultations/${jeonjuItem}`));
  await check(ONE, await api('admin', `/api/v1/audit/consultations/${jeonjuItem}`));
  await check(ONE, await api('gunsan', `/api/v1/audit/consultations/${jeonjuItem}`));
  for (const op of [LIST, ONE]) assert.deepEqual([...seen[op]].sort(), documented.declared(op).sort(), op);
});
