// 현장감사·감사협의 (audit, part field): the audit office plans an audit of a 시·군, the 시·군 gives its opinion
// and agrees, a plan within 30 days of another audit of the same 시·군 is refused until confirmed, findings are
// followed up until done, and the year's figures download. Every route refuses the roles its policy rows do not
// grant and an anonymous caller; another 시·군 reaches none of it by page, API, search, export, attachment or
// history; bad input is refused in Korean beside its field and changes nothing; every JSON operation answers
// what openapi/field_audits.json declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { demoTokens, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'audit.field.view';
const MANAGE = 'audit.field.manage';
const RESPOND = 'audit.field.respond';
// As src/modules/audit/audit_permissions.cpp grants them.
const GRANTED = {
  [VIEW]: ['auditor', 'bureau', 'municipal'],
  [MANAGE]: ['auditor'],
  [RESPOND]: ['bureau', 'municipal'],
};

const signedIn = signedInClients();
const token = demoTokens('audit-field-test');
const api = (login, path) => apiCall('GET', path, { token: token(login) });

/** Posts a form as `login` with its CSRF token (read from `from`). */
async function post(login, path, fields, from = '/audit/field') {
  const c = await signedIn(login);
  const _csrf = await c.csrf(from);
  return c.postForm(path, { _csrf, ...fields });
}

const idFrom = (res) => Number(res.headers.get('location')?.match(/(\d+)$/)?.[1]);

let jeonjuId; // 전주시's organisation id
const year = 2031; // far from the demo data, so that only this test's audits are compared
let audit; // 전주시, planned and agreed here
let finding;

function plan(fields = {}) {
  return {
    organization_id: String(jeonjuId), title: `전주시 종합감사 ${run}`, kind: 'general', purpose: '주요 사업을 점검합니다.',
    areas: '예산, 계약', method: 'mixed', method_note: '', start_date: `${year}-03-02`, end_date: `${year}-03-06`,
    team: '감사팀 4명', ...fields,
  };
}

before(async () => {
  const form = await (await (await signedIn('auditor')).get('/audit/field/new')).text();
  jeonjuId = Number(form.match(/<option value="(\d+)"[^>]*>전주시 \(/)?.[1]);
  assert.ok(jeonjuId, '전주시 is offered on the plan form');
});

test('every route refuses the roles its action is not granted to, and an anonymous caller', async () => {
  const routes = [
    { method: 'GET', path: '/audit/field', action: VIEW },
    { method: 'GET', path: '/audit/field/new', action: MANAGE },
    { method: 'POST', path: '/audit/field', action: MANAGE, form: { title: 'x' } },
    { method: 'GET', path: '/audit/field/1', action: VIEW },
    { method: 'GET', path: '/audit/field/1/edit', action: MANAGE },
    { method: 'POST', path: '/audit/field/1', action: MANAGE, form: { title: 'x' } },
    { method: 'POST', path: '/audit/field/1/opinions', action: RESPOND, form: { body: 'x' } },
    { method: 'POST', path: '/audit/field/1/agree', action: RESPOND },
    { method: 'POST', path: '/audit/field/1/finish', action: MANAGE },
    { method: 'POST', path: '/audit/field/1/cancel', action: MANAGE, form: { reason: 'x' } },
    { method: 'GET', path: '/audit/calendar', action: VIEW },
    { method: 'GET', path: '/audit/field/1/findings/new', action: MANAGE },
    { method: 'POST', path: '/audit/field/1/findings', action: MANAGE, form: { title: 'x' } },
    { method: 'GET', path: '/audit/field/findings', action: VIEW },
    { method: 'GET', path: '/audit/field/findings/1', action: VIEW },
    { method: 'POST', path: '/audit/field/findings/1/report', action: RESPOND, form: { body: 'x' } },
    { method: 'POST', path: '/audit/field/findings/1/confirm', action: MANAGE },
    { method: 'POST', path: '/audit/field/findings/1/return', action: MANAGE, form: { reason: 'x' } },
    { method: 'GET', path: '/audit/field/figures', action: VIEW },
    { method: 'GET', path: '/api/v1/audit/field-audits', action: VIEW, api: true },
    { method: 'GET', path: '/api/v1/audit/field-audits/1', action: VIEW, api: true },
    { method: 'GET', path: '/api/v1/audit/findings/1', action: VIEW, api: true },
  ];
  assert.ok((await assertRoutesRefuse(routes, GRANTED)) > routes.length);
});

test('the audit office plans an audit, refused in Korean beside each bad field first, and 전주시 is asked', async () => {
  const bad = await post('auditor', '/audit/field', plan({ title: ' ', start_date: `${year}-02-30`, method: 'online' }));
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /감사명을 입력해 주십시오\./);
  assert.match(html, /시작일을 2026-03-02처럼 입력해 주십시오\./);
  assert.match(html, /감사 방법을 골라 주십시오\./);
  const none = await (await api('auditor', `/api/v1/audit/field-audits?year=${year}`)).json();
  assert.equal(none.items.length, 0, 'nothing was saved');

  const res = await post('auditor', '/audit/field', plan());
  assert.equal(res.status, 303);
  audit = idFrom(res);
  const page = await (await (await signedIn('jeonju')).get(`/audit/field/${audit}`)).text();
  assert.match(page, new RegExp(`전주시 종합감사 ${run}`));
  assert.match(page, /협의 중/);
  assert.match(page, /의견 제출/, '전주시 may give its opinion');
  assert.match(page, /계획에 동의/);
  const inbox = await (await (await signedIn('jeonju')).get('/notifications')).text();
  assert.match(inbox, new RegExp(`감사협의 요청: 전주시 종합감사 ${run}`), '전주시 was told');
});

test('a second audit of 전주시 within 30 days comes back with the warning until 「그래도 저장」 is checked', async () => {
  const close = plan({ title: `전주시 복무감사 ${run}`, kind: 'service', start_date: `${year}-03-20`, end_date: `${year}-03-24` });
  const warned = await post('auditor', '/audit/field', close);
  assert.equal(warned.status, 422);
  const html = await warned.text();
  assert.match(html, /간격이 14일입니다 \(30일 미만\)/);
  assert.match(html, /name="confirm_conflict"/);
  assert.match(html, /그래도 저장/);
  const saved = await post('auditor', '/audit/field', { ...close, confirm_conflict: '1' });
  assert.equal(saved.status, 303);
  const second = idFrom(saved);
  // Exactly 30 days after the second one ends: no warning.
  const far = await post('auditor', '/audit/field', plan({ title: `전주시 재무감사 ${run}`, kind: 'financial', start_date: `${year}-04-23`, end_date: `${year}-04-24` }));
  assert.equal(far.status, 303);
  const calendar = await (await (await signedIn('jeonju')).get(`/audit/calendar?year=${year}`)).text();
  assert.match(calendar, /한 기관의 감사가 가까운 경우 1건/);
  assert.match(calendar, new RegExp(`href="/audit/field/${second}"`));
  const detail = await (await (await signedIn('auditor')).get(`/audit/field/${second}`)).text();
  assert.match(detail, /같은 기관의 다른 감사와 30일 안에 있습니다/);
  const cancelled = await post('auditor', `/audit/field/${second}/cancel`, { reason: '일정이 겹쳐 취소합니다.', confirmed: '1' });
  assert.equal(cancelled.status, 303);
  const after = await (await (await signedIn('jeonju')).get(`/audit/calendar?year=${year}`)).text();
  assert.doesNotMatch(after, /한 기관의 감사가 가까운 경우/, 'a cancelled audit no longer warns');
});

test('전주시 gives its opinion, the audit office changes the plan, and 전주시 agrees', async () => {
  const empty = await post('jeonju', `/audit/field/${audit}/opinions`, { topic: 'schedule', body: ' ' }, `/audit/field/${audit}`);
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /의견을 입력해 주십시오\./);
  const given = await post('jeonju', `/audit/field/${audit}/opinions`, { topic: 'schedule', body: `시의회 임시회 기간입니다 ${run}` }, `/audit/field/${audit}`);
  assert.equal(given.status, 303);
  const inbox = await (await (await signedIn('auditor')).get('/notifications')).text();
  assert.match(inbox, new RegExp(`감사협의 의견: 전주시 종합감사 ${run}`), 'the planner was told');
  const revised = await post('auditor', `/audit/field/${audit}`, plan({ start_date: `${year}-03-03`, end_date: `${year}-03-06`, note: `하루 늦췄습니다 ${run}` }));
  assert.equal(revised.status, 303);
  const agreed = await post('jeonju', `/audit/field/${audit}/agree`, { confirmed: '1' }, `/audit/field/${audit}`);
  assert.equal(agreed.status, 303);
  const page = await (await (await signedIn('jeonju')).get(`/audit/field/${audit}`)).text();
  assert.match(page, /협의 완료/);
  assert.match(page, new RegExp(`시의회 임시회 기간입니다 ${run}`));
  assert.match(page, new RegExp(`하루 늦췄습니다 ${run}`));
  assert.match(page, /최전주/, 'who gave the opinion');
  const again = await post('jeonju', `/audit/field/${audit}/agree`, { confirmed: '1' }, `/audit/field/${audit}`);
  assert.equal(again.status, 409, 'an agreed plan is not agreed twice');
  const history = await (await api('auditor', `/api/v1/history?record_type=field_audit&record_id=${audit}`)).json();
  const actions = history.items.map((e) => e.action);
  for (const a of ['create', 'opinion', 'update', 'agree']) assert.ok(actions.includes(a), `history: ${a} in ${actions}`);
});

test('a finding is refused in Korean first, then followed up until done with a document attached', async () => {
  const bad = await post('auditor', `/audit/field/${audit}/findings`, {
    title: '', case_type: 'bribery', description: '', amount: '-5', action: 'correction', due_date: '내일',
  }, `/audit/field/${audit}`);
  assert.equal(bad.status, 422);
  const html = await bad.text();
  for (const m of [/지적 제목을 입력해 주십시오\./, /비리유형을 골라 주십시오\./, /재정상 조치 금액을 0 이상의 원 단위 숫자로/, /조치 기한을 2026-03-31처럼/])
    assert.match(html, m);
  assert.equal((await (await api('auditor', `/api/v1/audit/field-audits/${audit}`)).json()).findings.length, 0, 'nothing saved');

  const created = await post('auditor', `/audit/field/${audit}/findings`, {
    title: `보조금 정산 누락 ${run}`, case_type: 'subsidy', description: '정산하지 않았습니다.', amount: '1,250,000',
    recommendation: '정산 점검표를 쓰십시오.', action: 'correction', due_date: `${year}-06-30`, source: '전산감사 결과 #12',
  }, `/audit/field/${audit}`);
  assert.equal(created.status, 303);
  finding = idFrom(created);
  const jeonju = await signedIn('jeonju');
  const home = await (await jeonju.get('/')).text();
  assert.match(home, /조치 보고를 기다리는 지적사항/);

  const form = new FormData();
  form.append('_csrf', await jeonju.csrf(`/audit/field/findings/${finding}`));
  form.append('owner_type', 'audit_finding');
  form.append('owner_id', String(finding));
  form.append('files', new Blob([Buffer.from('%PDF-1.4\n정산서\n')]), `정산서 ${run}.pdf`);
  const up = await jeonju.request('/attachments', { method: 'POST', body: form, headers: { origin: jeonju.base } });
  assert.equal(up.status, 303);
  const page = await (await jeonju.get(`/audit/field/findings/${finding}`)).text();
  const file = page.match(/href="\/attachments\/(\d+)" download/)?.[1];
  assert.ok(file, 'the document is listed on the finding');
  assert.equal((await jeonju.get(`/attachments/${file}`)).status, 200);
  assert.equal((await (await signedIn('gunsan')).get(`/attachments/${file}`)).status, 404, 'another 시·군');

  const empty = await post('jeonju', `/audit/field/findings/${finding}/report`, { body: '' }, `/audit/field/findings/${finding}`);
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /조치 내용을 입력해 주십시오\./);
  assert.equal((await post('jeonju', `/audit/field/findings/${finding}/report`, { body: '정산했습니다.' }, `/audit/field/findings/${finding}`)).status, 303);
  assert.match(await (await (await signedIn('auditor')).get('/')).text(), /확인을 기다리는 조치 보고/);
  const noReason = await post('auditor', `/audit/field/findings/${finding}/return`, { reason: '' }, `/audit/field/findings/${finding}`);
  assert.equal(noReason.status, 422);
  assert.match(await noReason.text(), /보완 요구 사유를 입력해 주십시오\./);
  assert.equal((await post('auditor', `/audit/field/findings/${finding}/return`, { reason: '증빙을 붙여 주십시오.' }, `/audit/field/findings/${finding}`)).status, 303);
  assert.equal((await post('jeonju', `/audit/field/findings/${finding}/report`, { body: '증빙을 붙였습니다.' }, `/audit/field/findings/${finding}`)).status, 303);
  const asked = await post('auditor', `/audit/field/findings/${finding}/confirm`, {}, `/audit/field/findings/${finding}`);
  assert.equal(asked.status, 200, 'without script the confirmation is asked on a page of its own');
  assert.match(await asked.text(), /조치를 완료로 확인할까요\?/);
  assert.equal((await post('auditor', `/audit/field/findings/${finding}/confirm`, { confirmed: '1' }, `/audit/field/findings/${finding}`)).status, 303);
  const done = await (await api('jeonju', `/api/v1/audit/findings/${finding}`)).json();
  assert.equal(done.state, 'done');
  assert.deepEqual(done.follow_ups.map((f) => f.kind), ['report', 'return', 'report', 'confirm']);
  assert.equal(done.amount, 1250000);
});

test('another 시·군 reaches none of it: page, API, search, export, history, writes', async () => {
  const gunsan = await signedIn('gunsan');
  for (const path of [`/audit/field/${audit}`, `/audit/field/findings/${finding}`]) {
    const res = await gunsan.get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(await res.text(), new RegExp(run), path);
  }
  for (const path of [`/api/v1/audit/field-audits/${audit}`, `/api/v1/audit/findings/${finding}`]) {
    const res = await api('gunsan', path);
    assert.equal(res.status, 404, path);
    assertErrorJson(await res.json(), 'not_found', path);
  }
  const listed = await (await api('gunsan', `/api/v1/audit/field-audits?year=${year}`)).json();
  assert.equal(listed.items.length, 0);
  for (const [path, fields] of [[`/audit/field/${audit}/opinions`, { topic: 'general', body: '엿보기' }], [`/audit/field/${audit}/agree`, {}],
    [`/audit/field/findings/${finding}/report`, { body: '엿보기' }]])
    assert.equal((await post('gunsan', path, fields)).status, 404, path);
  for (const source of ['audit_field', 'audit_findings']) {
    const found = await (await api('gunsan', `/api/v1/search?q=${encodeURIComponent(run)}&source=${source}`)).json();
    assert.equal(found.items.length, 0, `not found by search (${source})`);
    const mine = await (await api('jeonju', `/api/v1/search?q=${encodeURIComponent(run)}&source=${source}`)).json();
    assert.ok(mine.items.length > 0, `전주시 finds its own (${source})`);
  }
  const csv = await (await gunsan.get(`/audit/field/figures?year=${year}&format=csv`)).text();
  assert.doesNotMatch(csv, /전주시/, 'not in the download');
  const calendar = await (await gunsan.get(`/audit/calendar?year=${year}`)).text();
  assert.doesNotMatch(calendar, new RegExp(run));
  const history = await gunsan.get(`/admin/history?record_type=field_audit&record_id=${audit}`);
  assert.notEqual(history.status, 200, 'the history viewer is not the 시·군 officer\'s');
  assert.doesNotMatch(await history.text(), new RegExp(run));
});

test('the figures count audits, findings, amounts and follow-ups per organisation, and download', async () => {
  const page = await (await (await signedIn('jeonju')).get(`/audit/field/figures?year=${year}`)).text();
  assert.match(page, /<th scope="row">전주시<\/th><td>2<\/td><td>1<\/td><td class="nowrap">1,250,000원<\/td><td>1<\/td><td>0<\/td>/);
  const csv = await (await (await signedIn('auditor')).get(`/audit/field/figures?year=${year}&format=csv`)).text();
  assert.match(csv, /전주시,2,1,1250000,1,0/);
  assert.match(csv, /합계,2,1,1250000,1,0/);
  const xlsx = await (await signedIn('auditor')).get(`/audit/field/figures?year=${year}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const bad = await (await signedIn('auditor')).get('/audit/field/figures?year=20x1');
  assert.equal(bad.status, 422);
});

test('the demo data shows two audits of 전주시 within 30 days, overdue findings and every state', async () => {
  const calendar = await (await (await signedIn('auditor')).get('/audit/calendar?year=2026')).text();
  assert.match(calendar, /전주시: <a [^>]+>전주시 한옥마을 보조사업 특정감사<\/a>/);
  const all = await (await api('auditor', '/api/v1/audit/field-audits?year=2026')).json();
  const states = new Set(all.items.map((a) => a.state));
  for (const s of ['consulting', 'agreed', 'done', 'cancelled']) assert.ok(states.has(s), s);
  const overdue = await (await (await signedIn('auditor')).get('/audit/field/findings?status=overdue')).text();
  assert.match(overdue, /기한 지남/);
  const gunsanOnly = await (await api('gunsan', '/api/v1/audit/field-audits')).json();
  assert.ok(gunsanOnly.items.length > 0 && gunsanOnly.items.every((a) => a.organization_name === '군산시'));
});

test('every JSON operation answers each status its OpenAPI fragment declares', async () => {
  const documented = await openApiChecker();
  const seen = new Map();
  const check = async (operation, res, status) => {
    assert.equal(res.status, status, `${operation} → ${status}`);
    await documented(operation, res);
    seen.set(operation, [...(seen.get(operation) ?? []), status]);
  };
  const LIST = 'GET /api/v1/audit/field-audits';
  const ONE = 'GET /api/v1/audit/field-audits/{id}';
  const FINDING = 'GET /api/v1/audit/findings/{id}';
  await check(LIST, await api('jeonju', `/api/v1/audit/field-audits?year=${year}&organization_id=${jeonjuId}&state=agreed`), 200);
  await check(LIST, await apiCall('GET', '/api/v1/audit/field-audits'), 401);
  await check(LIST, await api('admin', '/api/v1/audit/field-audits'), 403);
  await check(LIST, await api('jeonju', '/api/v1/audit/field-audits?year=abcd'), 422);
  const one = await api('jeonju', `/api/v1/audit/field-audits/${audit}`);
  await check(ONE, one, 200);
  await check(ONE, await apiCall('GET', `/api/v1/audit/field-audits/${audit}`), 401);
  await check(ONE, await api('admin', `/api/v1/audit/field-audits/${audit}`), 403);
  await check(ONE, await api('gunsan', `/api/v1/audit/field-audits/${audit}`), 404);
  await check(FINDING, await api('auditor', `/api/v1/audit/findings/${finding}`), 200);
  await check(FINDING, await apiCall('GET', `/api/v1/audit/findings/${finding}`), 401);
  await check(FINDING, await api('admin', `/api/v1/audit/findings/${finding}`), 403);
  await check(FINDING, await api('gunsan', `/api/v1/audit/findings/${finding}`), 404);
  for (const [operation, statuses] of seen)
    assert.deepEqual([...statuses].sort(), documented.declared(operation), operation);
});
