// The audit-case library (감사사례): every official reads it and the audit office keeps it; every route refuses
// the roles its policy rows do not grant and an anonymous caller; an entry by hand is refused in Korean beside
// its fields when incomplete; a notified consultation becomes an entry only after the auditor reviews the
// anonymised draft, and never while it still names the asking organisation or a person; the list filters by
// type, area and text, Korean search finds entries, and the JSON operations answer what the OpenAPI declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { demoTokens, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertRoutesRefuse } from './lib/refusals.mjs';

const CASE_VIEW = 'audit.case.view';
const CASE_MANAGE = 'audit.case.manage';
const EVERYONE = ['admin', 'coordinator', 'bureau', 'municipal', 'auditor', 'budget', 'researcher', 'committee', 'hr', 'expert', 'trainer'];
const GRANTED = { [CASE_VIEW]: EVERYONE, [CASE_MANAGE]: ['auditor'] };

const signedIn = signedInClients();
const token = demoTokens('audit-cases-test');
const api = (login, path) => apiCall('GET', path, { token: token(login) });
async function post(login, page, path, fields) {
  const c = await signedIn(login);
  const _csrf = await c.csrf(page);
  return c.postForm(path, { _csrf, ...fields });
}

const entry = (fields = {}) => ({
  title: `보조금 자부담 미확인 ${run}`, case_type: 'subsidy', area: 'agriculture', legal_basis: '지방보조금법 제22조',
  summary: '자부담 납부를 확인하지 않고 보조금을 지급했다.', prevention: '지급 전에 자부담 입금 증빙을 확인합니다.', year: '2025', ...fields,
});

let caseId;
let consultationId;

before(async () => {
  const res = await post('auditor', '/audit/cases/new', '/audit/cases', entry());
  assert.equal(res.status, 303);
  caseId = Number(res.headers.get('location').match(/\/audit\/cases\/(\d+)/)[1]);
  // A 시·군 asks, and the audit office carries it to the answer.
  const asked = await post('gunsan', '/audit/consultations/new', '/audit/consultations', {
    kind: 'application', title: `군산시 행사 기념품 구매 ${run}`, question: `정군산 주무관이 군산 행사 기념품 구매 한도를 묻습니다 ${run}`, law: '',
  });
  assert.equal(asked.status, 303);
  consultationId = Number(asked.headers.get('location').match(/\/audit\/consultations\/(\d+)/)[1]);
  for (const to of ['data_built', 'analysing', 'checking'])
    assert.equal((await post('auditor', `/audit/consultations/${consultationId}`, `/audit/consultations/${consultationId}/steps`, { to })).status, 303);
  const answered = await post('auditor', `/audit/consultations/${consultationId}`, `/audit/consultations/${consultationId}/answer`, {
    legal_basis: '지방자치단체 업무추진비 집행에 관한 규칙', answer: '기념품은 1인당 3만 원 이내로 합니다.', confirmed: '1',
  });
  assert.equal(answered.status, 303);
});

test('every route refuses the roles its policy does not grant, and an anonymous caller', async () => {
  const routes = [
    { method: 'GET', path: '/audit/cases', action: CASE_VIEW, everyone: true },
    { method: 'GET', path: '/audit/cases/new', action: CASE_MANAGE },
    { method: 'POST', path: '/audit/cases', action: CASE_MANAGE, form: entry({ title: '엿보기' }) },
    { method: 'GET', path: `/audit/cases/${caseId}`, action: CASE_VIEW, everyone: true },
    { method: 'GET', path: `/audit/cases/${caseId}/edit`, action: CASE_MANAGE },
    { method: 'POST', path: `/audit/cases/${caseId}`, action: CASE_MANAGE, form: entry({ title: '엿보기' }) },
    { method: 'GET', path: `/audit/consultations/${consultationId}/case`, action: CASE_MANAGE },
    { method: 'POST', path: `/audit/consultations/${consultationId}/case`, action: CASE_MANAGE, form: { ...entry({ title: '엿보기' }), confirmed: '1' } },
    { method: 'GET', path: '/api/v1/audit/cases', action: CASE_VIEW, everyone: true, api: true },
    { method: 'GET', path: `/api/v1/audit/cases/${caseId}`, action: CASE_VIEW, everyone: true, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked > 40, `${checked} refusals`);
  const kept = await (await api('jeonju', `/api/v1/audit/cases/${caseId}`)).json();
  assert.equal(kept.title, `보조금 자부담 미확인 ${run}`);
});

test('every role reads the library; an incomplete entry is refused beside its fields and nothing is added', async () => {
  for (const login of ['jeonju', 'expert', 'admin', 'trainer'])
    assert.match(await (await (await signedIn(login)).get(`/audit/cases/${caseId}`)).text(), new RegExp(`보조금 자부담 미확인 ${run}`), login);
  const before = (await (await api('auditor', `/api/v1/audit/cases?q=${encodeURIComponent(run)}`)).json()).items.length;
  const res = await post('auditor', '/audit/cases/new', '/audit/cases', entry({ title: '', case_type: 'theft', area: '', prevention: ' ', year: '1999' }));
  assert.equal(res.status, 422);
  const html = await res.text();
  for (const message of ['제목을 입력해 주십시오.', '비리유형을 목록에서 골라 주십시오.', '분야를 목록에서 골라 주십시오.', '예방 조언을 입력해 주십시오.'])
    assert.ok(html.includes(message), message);
  assert.match(html, /연도는 2000부터 \d{4}까지의 숫자로 적어 주십시오\./);
  const after = (await (await api('auditor', `/api/v1/audit/cases?q=${encodeURIComponent(run)}`)).json()).items.length;
  assert.equal(after, before);
  const edited = await post('auditor', `/audit/cases/${caseId}/edit`, `/audit/cases/${caseId}`, entry({ area: 'welfare' }));
  assert.equal(edited.status, 303);
  assert.equal((await (await api('auditor', `/api/v1/audit/cases/${caseId}`)).json()).area, 'welfare');
  assert.equal((await post('auditor', `/audit/cases/${caseId}/edit`, `/audit/cases/${caseId}`, entry({ area: 'welfare' }))).status, 303);
});

test('a notified consultation becomes an entry only as a reviewed, anonymous draft', async () => {
  const draft = await (await (await signedIn('auditor')).get(`/audit/consultations/${consultationId}/case`)).text();
  assert.match(draft, /○○시 행사 기념품 구매/);
  assert.doesNotMatch(draft, /군산|정군산/, 'neither the 시·군 nor the person');
  const summary = draft.match(/<textarea id="case-summary"[^>]*>([\s\S]*?)<\/textarea>/)[1];
  const fields = { title: `○○시 행사 기념품 구매 ${run}`, case_type: 'budget_misuse', area: 'culture', legal_basis: '지방자치단체 업무추진비 집행에 관한 규칙', summary, prevention: '군산시처럼 미리 묻습니다.', year: '2026', confirmed: '1' };
  const refused = await post('auditor', `/audit/consultations/${consultationId}/case`, `/audit/consultations/${consultationId}/case`, fields);
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /‘군산시’ 같은 기관명이나 이름이 남아 있습니다/);
  const published = await post('auditor', `/audit/consultations/${consultationId}/case`, `/audit/consultations/${consultationId}/case`, { ...fields, prevention: '행사 전에 기념품 한도를 확인합니다.' });
  assert.equal(published.status, 303);
  const id = Number(published.headers.get('location').match(/\/audit\/cases\/(\d+)/)[1]);
  const json = await (await api('jeonju', `/api/v1/audit/cases/${id}`)).json();
  assert.equal(json.from_consultation, true);
  assert.doesNotMatch(JSON.stringify(json), /군산|정군산/);
  const again = await (await signedIn('auditor')).get(`/audit/consultations/${consultationId}/case`);
  assert.equal(again.status, 409, 'registered once');
  // The consultation links to it; an unanswered one cannot be drafted.
  assert.match(await (await (await signedIn('auditor')).get(`/audit/consultations/${consultationId}`)).text(), new RegExp(`href="/audit/cases/${id}"`));
});

test('the list filters by type, area and text, and Korean search finds entries', async () => {
  const subsidy = await (await api('jeonju', '/api/v1/audit/cases?type=subsidy')).json();
  assert.ok(subsidy.items.length >= 2 && subsidy.items.every((i) => i.case_type === 'subsidy'));
  const tax = await (await api('jeonju', '/api/v1/audit/cases?area=tax')).json();
  assert.ok(tax.items.length >= 1 && tax.items.every((i) => i.area === 'tax'));
  const text = await (await api('jeonju', `/api/v1/audit/cases?q=${encodeURIComponent('사망자')}`)).json();
  assert.ok(text.items.some((i) => /사망자/.test(i.title)), 'the seed’s refund case');
  assert.ok((await (await api('auditor', '/api/v1/audit/cases')).json()).items.length >= 10, 'the demo library');
  const page = await (await (await signedIn('gunsan')).get('/audit/cases?type=contract&area=construction')).text();
  assert.match(page, /추정가격 분할로 입찰을 피한 수의계약/);
  const found = await (await api('gunsan', `/api/v1/search?q=${encodeURIComponent('자부담 입금')}&source=audit_cases`)).json();
  assert.ok(found.items.some((i) => i.record_id === caseId), 'found by Korean search');
  const bad = await (await signedIn('jeonju')).get('/audit/cases?type=theft');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /비리유형을 목록에서 골라 주십시오\./);
});

test('every JSON operation answers what the OpenAPI document declares', async () => {
  const documented = await openApiChecker();
  const LIST = 'GET /api/v1/audit/cases';
  const ONE = 'GET /api/v1/audit/cases/{id}';
  const seen = { [LIST]: new Set(), [ONE]: new Set() };
  const check = async (op, res) => {
    seen[op].add(res.status);
    return documented(op, res);
  };
  await check(LIST, await api('jeonju', '/api/v1/audit/cases'));
  await check(LIST, await apiCall('GET', '/api/v1/audit/cases'));
  await check(LIST, await api('jeonju', '/api/v1/audit/cases?area=moon'));
  await check(ONE, await api('expert', `/api/v1/audit/cases/${caseId}`));
  await check(ONE, await apiCall('GET', `/api/v1/audit/cases/${caseId}`));
  await check(ONE, await api('expert', '/api/v1/audit/cases/999999999'));
  for (const op of [LIST, ONE]) assert.deepEqual([...seen[op]].sort(), documented.declared(op).sort(), op);
});
