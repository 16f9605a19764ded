// 문제해결형 TFT (task forces) of 건의사항. Every route refuses the roles its policy rows do not grant and an
// anonymous caller; the team sees everything and each role does exactly what it may; a 시·군 officer and a bureau
// officer off the team see the name, the status and the linked suggestions they may see, and get 404 for the
// issue, the plan, the field checks and their photos by page, API, attachment and search; every bad field is
// refused in Korean and changes nothing; the status decides what may still change; the suggestion's page names
// its task forces; the demo's two task forces are there; every JSON operation answers what openapi.json declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { csrfFrom, demoTokens, runSuffix as run, signedInClients } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { apiCall, assertErrorJson, assertRoutesRefuse } from './lib/refusals.mjs';

const VIEW = 'suggestions.view';
const COORDINATE = 'suggestions.coordinate';
// The roles each action is granted, as src/modules/suggestions/suggestion_permissions.cpp declares them.
const GRANTED = {
  [VIEW]: ['admin', 'coordinator', 'auditor', 'bureau', 'municipal'],
  [COORDINATE]: ['coordinator'],
};
const PAGES = '/suggestions/task-forces';
const API = '/api/v1/suggestions/task-forces';
const SUMMARY_KEYS = ['id', 'member', 'name', 'status', 'status_label', 'suggestions'];
// A 4 × 3 PNG: a field photo's bytes, as the attachment rules check them.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000004000000030802000000' +
    '3b963991000000104944415478da63b0aa758123069c1c00e51d0bc59e43ca020000000049454e44ae426082',
  'hex',
);

const signedIn = signedInClients();
const token = demoTokens('task-forces-test');
const api = (login, path, body, method = body ? 'POST' : 'GET') => apiCall(method, path, { token: token(login), body });
const json = async (res) => res.json();

/** A page form posted as `login`, with a CSRF token of theirs. */
async function post(login, path, fields = {}) {
  const c = await signedIn(login);
  const _csrf = await c.csrf(PAGES);
  return c.postForm(path, { _csrf, ...fields });
}

/** Uploads a photo to a field check as `login`; returns the response. */
async function upload(login, fieldCheckId, name) {
  const c = await signedIn(login);
  const form = new FormData();
  form.append('_csrf', await c.csrf(PAGES));
  form.append('owner_type', 'suggestion_field_check');
  form.append('owner_id', String(fieldCheckId));
  form.append('files', new Blob([PNG]), name);
  return c.request('/attachments', { method: 'POST', body: form, headers: { origin: c.base } });
}

const today = () => new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
const secret = {
  issue: `과제비밀${run}`,
  plan: `방안비밀${run}`,
  findings: `현장비밀${run}`,
  photo: `현장사진${run}.png`,
  report: `보고비밀${run}`,
  expert: `외부위원${run}`,
};

const account = {}; // login → account id
let jeonjuItem; // filed by 전주시
let gunsanItem; // filed by 군산시
let tf; // the task force the tests share: active, with a team, a plan, a field check with a photo and a report
let fieldCheck;
let photo;

/** Forms a task force through the API as the coordinator. */
async function form(fields) {
  const res = await api('coordinator', API, { issue: '함께 풀 과제', ...fields });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return body;
}

before(async () => {
  for (const login of ['coordinator', 'planning', 'economy', 'jeonju', 'gunsan', 'wanju', 'iksan', 'admin']) {
    account[login] = (await json(await api(login, '/api/v1/me'))).id;
  }
  const fileSuggestion = async (login, title) => {
    const res = await api(login, '/api/v1/suggestions', { title, content: '내용', domain: 'project' });
    assert.equal(res.status, 201);
    return (await res.json()).id;
  };
  jeonjuItem = await fileSuggestion('jeonju', `전주 도심 군부대 터 ${run}`);
  gunsanItem = await fileSuggestion('gunsan', `군산 상수도 연결 ${run}`);
  tf = (await form({ name: `상생 TFT ${run}`, issue: `쟁점: ${secret.issue}`, suggestion_ids: [jeonjuItem, gunsanItem] })).id;
  for (const [login, role] of [['planning', 'leader'], ['jeonju', 'secretary'], ['wanju', 'member']]) {
    const res = await api('coordinator', `${API}/${tf}/members`, { account_id: account[login], role });
    assert.equal(res.status, 200, `${login}: ${await res.text()}`);
  }
  assert.equal((await api('planning', `${API}/${tf}/start`, undefined, 'POST')).status, 200, 'the leader starts it');
  assert.equal((await api('jeonju', `${API}/${tf}/plan`, { plan: `1. ${secret.plan}` })).status, 200);
  const checked = await api('wanju', `${API}/${tf}/field-checks`, {
    date: today(), place: '임실군 임실읍', participants: '임실군, 기획조정실', findings: secret.findings,
  });
  assert.equal(checked.status, 201);
  fieldCheck = (await checked.json()).field_checks.at(-1).id;
  assert.equal((await upload('wanju', fieldCheck, secret.photo)).status, 303);
  const reported = await api('jeonju', `${API}/${tf}/reports`, { date: today(), text: secret.report, percent: 30 });
  assert.equal(reported.status, 201);
  photo = (await reported.json()).field_checks.at(-1).photos[0].id;
});

test('every route refuses the roles not granted its action and an anonymous caller, changing nothing', async () => {
  const refusedName = `거절되어야 할 TFT ${run}`;
  const routes = [
    { method: 'GET', path: PAGES, action: VIEW },
    { method: 'GET', path: `${PAGES}/new`, action: COORDINATE },
    { method: 'POST', path: PAGES, action: COORDINATE, form: { name: refusedName, issue: '과제' } },
    { method: 'GET', path: `${PAGES}/${tf}`, action: VIEW },
    { method: 'GET', path: `${PAGES}/${tf}/edit`, action: COORDINATE },
    { method: 'POST', path: `${PAGES}/${tf}`, action: COORDINATE, form: { name: refusedName, issue: '과제' } },
    { method: 'GET', path: `${PAGES}/${tf}/plan`, action: VIEW },
    { method: 'POST', path: `${PAGES}/${tf}/plan`, action: VIEW, form: { plan: refusedName } },
    { method: 'POST', path: `${PAGES}/${tf}/members`, action: VIEW, form: { account_id: String(account.iksan), role: 'member' } },
    { method: 'POST', path: `${PAGES}/${tf}/members/${account.wanju}/delete`, action: VIEW, form: { confirmed: '1' } },
    { method: 'POST', path: `${PAGES}/${tf}/experts`, action: VIEW, form: { name: refusedName, affiliation: 'x', field: 'x', role: 'adviser' } },
    { method: 'POST', path: `${PAGES}/${tf}/experts/1/delete`, action: VIEW, form: { confirmed: '1' } },
    { method: 'POST', path: `${PAGES}/${tf}/field-checks`, action: VIEW, form: { date: today(), place: refusedName, participants: 'x', findings: 'x' } },
    { method: 'GET', path: `${PAGES}/field-checks/${fieldCheck}`, action: VIEW },
    { method: 'POST', path: `${PAGES}/${tf}/reports`, action: VIEW, form: { date: today(), text: refusedName, percent: '99' } },
    { method: 'POST', path: `${PAGES}/${tf}/start`, action: VIEW },
    { method: 'POST', path: `${PAGES}/${tf}/close`, action: VIEW, form: { result: 'resolved', text: refusedName, confirmed: '1' } },
    { method: 'GET', path: API, action: VIEW, api: true },
    { method: 'POST', path: API, action: COORDINATE, api: true, body: { name: refusedName, issue: '과제' } },
    { method: 'GET', path: `${API}/${tf}`, action: VIEW, api: true },
    { method: 'POST', path: `${API}/${tf}`, action: COORDINATE, api: true, body: { name: refusedName, issue: '과제' } },
    { method: 'POST', path: `${API}/${tf}/plan`, action: VIEW, api: true, body: { plan: refusedName } },
    { method: 'POST', path: `${API}/${tf}/members`, action: VIEW, api: true, body: { account_id: account.iksan, role: 'member' } },
    { method: 'DELETE', path: `${API}/${tf}/members/${account.wanju}`, action: VIEW, api: true },
    { method: 'POST', path: `${API}/${tf}/experts`, action: VIEW, api: true, body: { name: refusedName, affiliation: 'x', field: 'x', role: 'adviser' } },
    { method: 'DELETE', path: `${API}/${tf}/experts/1`, action: VIEW, api: true },
    { method: 'POST', path: `${API}/${tf}/field-checks`, action: VIEW, api: true, body: { date: today(), place: refusedName, participants: 'x', findings: 'x' } },
    { method: 'POST', path: `${API}/${tf}/reports`, action: VIEW, api: true, body: { date: today(), text: refusedName, percent: 99 } },
    { method: 'POST', path: `${API}/${tf}/start`, action: VIEW, api: true },
    { method: 'POST', path: `${API}/${tf}/close`, action: VIEW, api: true, body: { result: 'resolved', text: refusedName } },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2, `${checked} refusals checked`);
  const after = await json(await api('coordinator', `${API}/${tf}`));
  assert.equal(after.name, `상생 TFT ${run}`);
  assert.equal(after.status, 'active');
  assert.equal(after.plan, `1. ${secret.plan}`);
  assert.deepEqual(after.members.map((m) => m.account_id).sort(), [account.planning, account.jeonju, account.wanju].sort());
  assert.equal(after.experts.length, 0);
  assert.equal(after.field_checks.length, 1);
  assert.equal(after.reports.length, 1);
  const listed = (await json(await api('coordinator', API))).items;
  assert.ok(!listed.some((t) => t.name === refusedName), 'nothing formed');
});

test('the team and the coordinator see everything; the people added and the team are told', async () => {
  for (const login of ['coordinator', 'planning', 'jeonju', 'wanju']) {
    const body = await json(await api(login, `${API}/${tf}`));
    assert.equal(body.issue, `쟁점: ${secret.issue}`, login);
    assert.equal(body.plan, `1. ${secret.plan}`, login);
    assert.equal(body.field_checks[0].findings, secret.findings, login);
    assert.equal(body.field_checks[0].photos[0].file_name, secret.photo, login);
    assert.equal(body.reports[0].text, secret.report, login);
    assert.equal(body.progress, 30, login);
    assert.equal(body.member, login !== 'coordinator', login);
    const page = await (await (await signedIn(login)).get(`${PAGES}/${tf}`)).text();
    for (const s of [secret.issue, secret.plan, secret.findings, secret.photo, secret.report]) assert.match(page, new RegExp(s), `${login} page: ${s}`);
    assert.equal((await (await signedIn(login)).get(`/attachments/${photo}`)).status, 200, `${login} downloads the photo`);
    assert.equal((await (await signedIn(login)).get(`${PAGES}/field-checks/${fieldCheck}`)).status, 200, login);
  }
  // The leader comes first, and the list marks the person's own teams.
  const members = (await json(await api('jeonju', `${API}/${tf}`))).members;
  assert.deepEqual(members.map((m) => m.role), ['leader', 'secretary', 'member']);
  const mine = (await json(await api('wanju', API))).items.find((t) => t.id === tf);
  assert.equal(mine.member, true);
  const inbox = await (await (await signedIn('wanju')).get('/notifications')).text();
  assert.match(inbox, /문제해결형 TFT에 등록되었습니다/);
  assert.match(inbox, new RegExp(`상생 TFT ${run} \\(30%\\)`), 'the report reached the team');
  const reporterInbox = await (await (await signedIn('jeonju')).get('/notifications')).text();
  assert.doesNotMatch(reporterInbox, new RegExp(`상생 TFT ${run} \\(30%\\)`), 'not the one who reported');
});

test('a 시·군 officer and a bureau officer off the team see the name and status only, and 404 for the team’s work', async () => {
  for (const login of ['gunsan', 'economy', 'admin', 'auditor']) {
    const listed = (await json(await api(login, API))).items.find((t) => t.id === tf);
    assert.ok(listed, `${login} sees that it exists`);
    assert.equal(listed.name, `상생 TFT ${run}`);
    assert.equal(listed.status, 'active');
    assert.deepEqual(Object.keys(listed).sort(), SUMMARY_KEYS, login);
    const one = await json(await api(login, `${API}/${tf}`));
    assert.deepEqual(Object.keys(one).sort(), SUMMARY_KEYS, `${login}: nothing but the summary`);
    const c = await signedIn(login);
    const listPage = await (await c.get(PAGES)).text();
    assert.match(listPage, new RegExp(`상생 TFT ${run}`));
    const page = await c.get(`${PAGES}/${tf}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`상생 TFT ${run}`));
    assert.match(html, /활동중/);
    assert.match(html, /팀원과 시·군정책협력담당만 볼 수 있습니다/);
    for (const s of [secret.issue, secret.plan, secret.findings, secret.photo, secret.report, '송다온', '박기획']) {
      assert.doesNotMatch(html, new RegExp(s), `${login} page: ${s}`);
      assert.doesNotMatch(listPage, new RegExp(s), `${login} list: ${s}`);
    }
    // The team's work answers as if it did not exist, on every route.
    assert.equal((await c.get(`${PAGES}/${tf}/plan`)).status, 404, `${login} plan page`);
    assert.equal((await c.get(`${PAGES}/field-checks/${fieldCheck}`)).status, 404, `${login} field check page`);
    assert.equal((await c.get(`/attachments/${photo}`)).status, 404, `${login} photo`);
    for (const [path, fields] of [
      [`${PAGES}/${tf}/plan`, { plan: '엿보기' }],
      [`${PAGES}/${tf}/field-checks`, { date: today(), place: '엿보기', participants: 'x', findings: 'x' }],
      [`${PAGES}/${tf}/reports`, { date: today(), text: '엿보기', percent: '1' }],
      [`${PAGES}/${tf}/members`, { account_id: String(account[login]), role: 'member' }],
      [`${PAGES}/${tf}/start`, {}],
      [`${PAGES}/${tf}/close`, { result: 'resolved', text: '엿보기', confirmed: '1' }],
    ]) assert.equal((await post(login, path, fields)).status, 404, `${login} POST ${path}`);
    for (const [method, path, body] of [
      ['POST', `${API}/${tf}/plan`, { plan: '엿보기' }],
      ['POST', `${API}/${tf}/field-checks`, { date: today(), place: '엿보기', participants: 'x', findings: 'x' }],
      ['POST', `${API}/${tf}/reports`, { date: today(), text: '엿보기', percent: 1 }],
      ['POST', `${API}/${tf}/members`, { account_id: account[login] ?? account.gunsan, role: 'member' }],
      ['DELETE', `${API}/${tf}/members/${account.wanju}`, undefined],
      ['POST', `${API}/${tf}/start`, undefined],
      ['POST', `${API}/${tf}/close`, { result: 'resolved', text: '엿보기' }],
    ]) {
      const res = await api(login, path, body, method);
      assert.equal(res.status, 404, `${login} ${method} ${path}`);
      assertErrorJson(await res.json(), 'not_found', `${login} ${method} ${path}`);
    }
    assert.equal((await upload(login, fieldCheck, 'sneak.png')).status, 404, `${login} upload`);
    for (const s of [secret.plan, secret.findings, secret.issue, secret.report, secret.photo]) {
      const found = await json(await api(login, `/api/v1/search?q=${encodeURIComponent(s)}`));
      const leaked = found.items.filter((i) => JSON.stringify(i).includes(s) || /task-forces|attachments/.test(i.url));
      assert.deepEqual(leaked, [], `${login} search ${s}`);
    }
  }
  // The linked suggestions each sees are those they may see: 군산시 its own, 경제산업국 neither.
  const gunsanView = await json(await api('gunsan', `${API}/${tf}`));
  assert.deepEqual(gunsanView.suggestions.map((s) => s.id), [gunsanItem]);
  assert.deepEqual((await json(await api('economy', `${API}/${tf}`))).suggestions, []);
  const gunsanPage = await (await (await signedIn('gunsan')).get(`${PAGES}/${tf}`)).text();
  assert.doesNotMatch(gunsanPage, /전주 도심 군부대 터/);
  assert.match(gunsanPage, new RegExp(`군산 상수도 연결 ${run}`));
  // Nothing was changed by all those tries.
  const after = await json(await api('coordinator', `${API}/${tf}`));
  assert.equal(after.plan, `1. ${secret.plan}`);
  assert.equal(after.field_checks.length, 1);
  assert.equal(after.field_checks[0].photos.length, 1);
  assert.equal(after.reports.length, 1);
  assert.equal(after.members.length, 3);
});

test('each role of the team does exactly what it may', async () => {
  const t = (await form({ name: `역할 TFT ${run}` })).id;
  for (const [login, role] of [['planning', 'leader'], ['jeonju', 'secretary'], ['wanju', 'member']]) {
    assert.equal((await api('coordinator', `${API}/${t}/members`, { account_id: account[login], role })).status, 200);
  }
  // A plain member: no team changes, no start, no close, no edit; the plan and the work are theirs.
  const expert = { name: secret.expert, affiliation: '전북연구원', field: '갈등관리', role: 'adviser' };
  assert.equal((await api('wanju', `${API}/${t}/experts`, expert)).status, 403);
  assert.equal((await api('wanju', `${API}/${t}/members`, { account_id: account.iksan, role: 'member' })).status, 403);
  assert.equal((await api('wanju', `${API}/${t}/start`, undefined, 'POST')).status, 403);
  assert.equal((await api('wanju', `${API}/${t}/plan`, { plan: '팀원이 쓴 방안' })).status, 200);
  // The secretary manages the team but neither starts nor closes.
  assert.equal((await api('jeonju', `${API}/${t}/start`, undefined, 'POST')).status, 403);
  const added = await api('jeonju', `${API}/${t}/experts`, expert);
  assert.equal(added.status, 200);
  const expertId = (await added.json()).experts[0].id;
  assert.equal((await api('jeonju', `${API}/${t}/members`, { account_id: account.iksan, role: 'member' })).status, 200);
  assert.equal((await api('jeonju', `${API}/${t}/members/${account.iksan}`, undefined, 'DELETE')).status, 200);
  // Only the coordinator edits the name; the leader starts and closes.
  assert.equal((await api('planning', `${API}/${t}`, { name: '바꾼 이름', issue: '과제' })).status, 403);
  const started = await api('planning', `${API}/${t}/start`, undefined, 'POST');
  assert.equal(started.status, 200);
  assert.deepEqual((await started.json()).available, ['manage_team', 'edit_plan', 'add_field_check', 'add_report', 'close']);
  assert.equal((await api('jeonju', `${API}/${t}/close`, { result: 'resolved', text: '합의' })).status, 403);
  assert.equal((await api('wanju', `${API}/${t}/reports`, { date: today(), text: '팀원 보고', percent: 50 })).status, 201);
  // Removing someone from a page asks first; the answer then takes them off, and they no longer see the work.
  const ask = await post('planning', `${PAGES}/${t}/members/${account.wanju}/delete`);
  assert.equal(ask.status, 200);
  assert.match(await ask.text(), /팀원에서 삭제할까요/);
  const removed = await post('planning', `${PAGES}/${t}/members/${account.wanju}/delete`, { confirmed: '1' });
  assert.equal(removed.status, 303);
  assert.deepEqual(Object.keys(await json(await api('wanju', `${API}/${t}`))).sort(), SUMMARY_KEYS);
  assert.equal((await post('planning', `${PAGES}/${t}/experts/${expertId}/delete`, { confirmed: '1' })).status, 303);
  // The leader closes with a result; the team is told, and the result is kept.
  const closed = await post('planning', `${PAGES}/${t}/close`, { result: 'partly_resolved', text: '일부 합의', confirmed: '1' });
  assert.equal(closed.status, 303);
  const body = await json(await api('jeonju', `${API}/${t}`));
  assert.equal(body.status, 'closed');
  assert.equal(body.result, 'partly_resolved');
  assert.equal(body.result_text, '일부 합의');
  assert.deepEqual(body.available, []);
  assert.match(await (await (await signedIn('jeonju')).get('/notifications')).text(), /문제해결형 TFT 활동이 종료되었습니다/);
  // Every change is in the history, the plan with its text before and after.
  const history = (await json(await api('admin', `/api/v1/history?record_type=suggestion_task_force&record_id=${t}`))).items;
  const actions = history.map((e) => e.action);
  for (const a of ['create', 'add_member', 'remove_member', 'add_expert', 'remove_expert', 'plan', 'start', 'report', 'close']) {
    assert.ok(actions.includes(a), `history has ${a}: ${actions}`);
  }
  const plan = history.find((e) => e.action === 'plan');
  assert.equal(plan.after.plan, '팀원이 쓴 방안');
  assert.equal(plan.login_id, 'wanju');
});

test('the plan keeps every version in the history', async () => {
  const before = (await json(await api('jeonju', `${API}/${tf}`))).plan;
  const page = await (await signedIn('wanju')).get(`${PAGES}/${tf}/plan`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, new RegExp(secret.plan), 'the form holds the current text');
  const saved = await (await signedIn('wanju')).postForm(`${PAGES}/${tf}/plan`, { _csrf: csrfFrom(html), plan: `${before}\n2. 주민설명회` });
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${PAGES}/${tf}#plan`);
  const history = (await json(await api('admin', `/api/v1/history?record_type=suggestion_task_force&record_id=${tf}&action=plan`))).items;
  assert.equal(history[0].before.plan, before);
  assert.equal(history[0].after.plan, `${before}\n2. 주민설명회`);
  assert.equal(history[1].after.plan, before);
});

test('every bad field is refused with 422 and a Korean message beside it, changing nothing', async () => {
  const snapshot = async () => {
    const b = await json(await api('coordinator', `${API}/${tf}`));
    return JSON.stringify([b.name, b.issue, b.suggestions, b.plan, b.members, b.experts, b.field_checks, b.reports, b.status]);
  };
  const unchanged = await snapshot();
  const tomorrow = new Date(Date.now() + 9 * 3600 * 1000 + 86400 * 1000).toISOString().slice(0, 10);
  const pageCases = [
    [PAGES, { name: ' ', issue: '과제' }, /TFT 이름을 입력해 주십시오/],
    [PAGES, { name: '가'.repeat(101), issue: '과제' }, /TFT 이름은 100자 이하로 입력해 주십시오/],
    [PAGES, { name: `이름 ${run}`, issue: '' }, /해결할 과제를 입력해 주십시오/],
    [PAGES, { name: `이름 ${run}`, issue: '과제', suggestion_ids: '열둘' }, /건의 번호는 12처럼 숫자로/],
    [PAGES, { name: `이름 ${run}`, issue: '과제', suggestion_ids: '999999999' }, /999999999번 건의가 없습니다/],
    [`${PAGES}/${tf}`, { name: '', issue: '과제' }, /TFT 이름을 입력해 주십시오/],
    [`${PAGES}/${tf}/plan`, { plan: '  ' }, /해결 방안을 입력해 주십시오/],
    [`${PAGES}/${tf}/plan`, { plan: '가'.repeat(10001) }, /해결 방안은 10000자 이하로 입력해 주십시오/],
    [`${PAGES}/${tf}/members`, { account_id: '', role: 'member' }, /팀원으로 등록할 사람을 목록에서 골라 주십시오/],
    [`${PAGES}/${tf}/members`, { account_id: String(account.jeonju), role: 'member' }, /이미 이 TFT의 팀원입니다/],
    [`${PAGES}/${tf}/members`, { account_id: String(account.iksan), role: 'leader' }, /팀장은 한 사람입니다/],
    [`${PAGES}/${tf}/members`, { account_id: String(account.iksan), role: 'boss' }, /역할을 팀장, 간사, 팀원 가운데에서/],
    [`${PAGES}/${tf}/members`, { account_id: '999999', role: 'member' }, /팀원으로 등록할 사람을 목록에서 골라 주십시오/],
    [`${PAGES}/${tf}/experts`, { name: '', affiliation: '소속', field: '분야', role: 'adviser' }, /이름을 입력해 주십시오/],
    [`${PAGES}/${tf}/experts`, { name: '이름', affiliation: '소속', field: '분야', role: 'leader' }, /자문위원이나 팀원 가운데에서/],
    [`${PAGES}/${tf}/field-checks`, { date: '2026-02-30', place: '장소', participants: 'x', findings: 'x' }, /현지확인 일자는 2026-10-08처럼/],
    [`${PAGES}/${tf}/field-checks`, { date: tomorrow, place: '장소', participants: 'x', findings: 'x' }, /오늘이나 그 앞의 날짜로/],
    [`${PAGES}/${tf}/field-checks`, { date: today(), place: '', participants: 'x', findings: 'x' }, /장소를 입력해 주십시오/],
    [`${PAGES}/${tf}/field-checks`, { date: today(), place: '장소', participants: 'x', findings: '' }, /확인 결과를 입력해 주십시오/],
    [`${PAGES}/${tf}/reports`, { date: today(), text: '내용', percent: '101' }, /추진율은 0부터 100까지의 정수로/],
    [`${PAGES}/${tf}/reports`, { date: today(), text: '내용', percent: '5.5' }, /추진율은 0부터 100까지의 정수로/],
    [`${PAGES}/${tf}/reports`, { date: today(), text: ' ', percent: '10' }, /추진 내용을 입력해 주십시오/],
    [`${PAGES}/${tf}/close`, { result: 'won', text: '결과', confirmed: '1' }, /결과를 해결, 일부 해결, 해결하지 못함 가운데에서/],
    [`${PAGES}/${tf}/close`, { result: 'resolved', text: '', confirmed: '1' }, /결과 내용을 입력해 주십시오/],
  ];
  for (const [path, fields, message] of pageCases) {
    const res = await post('coordinator', path, fields);
    const html = await res.text();
    assert.equal(res.status, 422, `${path} ${JSON.stringify(fields).slice(0, 80)}: ${res.status}`);
    assert.match(html, message, path);
    assert.match(html, /class="form-hint-invalid"/, `${path}: beside the field`);
    assert.match(html, /aria-invalid="true"/, `${path}: the field is marked`);
  }
  const apiCases = [
    [API, { name: '', issue: '과제' }, 'name'],
    [API, { name: '이름', issue: '과제', suggestion_ids: ['12'] }, null],
    [`${API}/${tf}/plan`, { plan: '' }, 'plan'],
    [`${API}/${tf}/members`, { account_id: account.iksan, role: 'adviser' }, 'role'],
    [`${API}/${tf}/experts`, { name: '이름', affiliation: '', field: '분야', role: 'adviser' }, 'affiliation'],
    [`${API}/${tf}/field-checks`, { date: 'yesterday', place: '장소', participants: 'x', findings: 'x' }, 'date'],
    [`${API}/${tf}/reports`, { date: today(), text: '내용', percent: -1 }, 'percent'],
    [`${API}/${tf}/close`, { result: 'resolved', text: '   ' }, 'text'],
    [`${API}/${tf}/reports`, { date: today(), text: '내용', percent: 10, extra: 1 }, null],
  ];
  for (const [path, body, field] of apiCases) {
    const res = await api('coordinator', path, body);
    assert.equal(res.status, 422, `${path} ${JSON.stringify(body)}`);
    const error = await res.json();
    assertErrorJson(error, 'invalid_input', path);
    if (field) assert.match(error.error.fields[field] ?? '', /[가-힣]/, `${path}: ${field} explained`);
  }
  assert.equal(await snapshot(), unchanged, 'nothing changed');
  const listed = (await json(await api('coordinator', API))).items;
  assert.ok(!listed.some((t) => t.name === `이름 ${run}`), 'nothing formed');
});

test('the status decides: nothing is filed before the team starts, and nothing changes once it is closed', async () => {
  const t = (await form({ name: `상태 TFT ${run}` })).id;
  const formed = await json(await api('coordinator', `${API}/${t}`));
  assert.equal(formed.status, 'formed');
  assert.deepEqual(formed.available, ['edit', 'manage_team', 'edit_plan', 'start']);
  const early = await api('coordinator', `${API}/${t}/field-checks`, { date: today(), place: '장소', participants: 'x', findings: 'x' });
  assert.equal(early.status, 409);
  assert.match((await early.json()).error.message, /활동을 시작한 뒤에/);
  assert.equal((await api('coordinator', `${API}/${t}/reports`, { date: today(), text: '내용', percent: 1 })).status, 409);
  assert.equal((await api('coordinator', `${API}/${t}/close`, { result: 'resolved', text: '결과' })).status, 409);
  assert.equal((await api('coordinator', `${API}/${t}/plan`, { plan: '구성 때 쓴 방안' })).status, 200, 'the plan may be drafted early');
  assert.equal((await api('coordinator', `${API}/${t}/start`, undefined, 'POST')).status, 200);
  assert.equal((await api('coordinator', `${API}/${t}/start`, undefined, 'POST')).status, 409);
  assert.equal((await api('coordinator', `${API}/${t}/close`, { result: 'not_resolved', text: '협의 결렬' })).status, 200);
  for (const [method, path, body] of [
    ['POST', `${API}/${t}`, { name: '닫힌 뒤', issue: '과제' }],
    ['POST', `${API}/${t}/plan`, { plan: '닫힌 뒤' }],
    ['POST', `${API}/${t}/members`, { account_id: account.iksan, role: 'member' }],
    ['POST', `${API}/${t}/experts`, { name: '닫힌 뒤', affiliation: 'x', field: 'x', role: 'adviser' }],
    ['POST', `${API}/${t}/field-checks`, { date: today(), place: '닫힌 뒤', participants: 'x', findings: 'x' }],
    ['POST', `${API}/${t}/reports`, { date: today(), text: '닫힌 뒤', percent: 1 }],
    ['POST', `${API}/${t}/close`, { result: 'resolved', text: '닫힌 뒤' }],
    ['POST', `${API}/${t}/start`, undefined],
  ]) {
    const res = await api('coordinator', path, body, method);
    assert.equal(res.status, 409, `${method} ${path}`);
    assertErrorJson(await res.json(), 'conflict', path);
  }
  assert.equal((await (await signedIn('coordinator')).get(`${PAGES}/${t}/edit`)).status, 409);
  const closed = await json(await api('coordinator', `${API}/${t}`));
  assert.equal(closed.name, `상태 TFT ${run}`);
  assert.equal(closed.plan, '구성 때 쓴 방안');
  assert.equal(closed.result, 'not_resolved');
  const filtered = (await json(await api('gunsan', `${API}?status=closed`))).items;
  assert.ok(filtered.some((x) => x.id === t) && filtered.every((x) => x.status === 'closed'));
  for (const bad of ['status=done', 'after=abc', 'after=-3']) {
    const res = await api('gunsan', `${API}?${bad}`);
    assert.equal(res.status, 422, bad);
    assertErrorJson(await res.json(), 'invalid_input', bad);
  }
});

test('the coordinator forms a task force from a suggestion’s page, and the suggestion’s page names it', async () => {
  const coordinator = await signedIn('coordinator');
  const suggestionPage = await (await coordinator.get(`/suggestions/${jeonjuItem}`)).text();
  assert.match(suggestionPage, new RegExp(`href="${PAGES}/${tf}">상생 TFT ${run}</a> <span class="krds-badge [^"]*">활동중`));
  assert.match(suggestionPage, new RegExp(`href="${PAGES}/new\\?suggestion=${jeonjuItem}"`));
  const formPage = await (await coordinator.get(`${PAGES}/new?suggestion=${jeonjuItem}`)).text();
  assert.match(formPage, new RegExp(`name="suggestion_ids" class="krds-input" value="${jeonjuItem}"`));
  const created = await coordinator.postForm(PAGES, {
    _csrf: csrfFrom(formPage), name: `  폼 TFT ${run}  `, issue: '과제', suggestion_ids: `#${jeonjuItem}, ${gunsanItem}번`,
  });
  assert.equal(created.status, 303);
  const id = Number(created.headers.get('location').match(/\/suggestions\/task-forces\/(\d+)$/)[1]);
  const body = await json(await api('coordinator', `${API}/${id}`));
  assert.equal(body.name, `폼 TFT ${run}`);
  assert.deepEqual(body.suggestions.map((s) => s.id), [jeonjuItem, gunsanItem]);
  // The suggestion's page shows the task forces to whoever may see the suggestion, and to nobody else.
  const jeonjuPage = await (await (await signedIn('jeonju')).get(`/suggestions/${jeonjuItem}`)).text();
  assert.match(jeonjuPage, new RegExp(`폼 TFT ${run}`));
  assert.doesNotMatch(jeonjuPage, /이 건의로 문제해결형 TFT 등록/, 'only the coordinator forms one');
  assert.equal((await (await signedIn('gunsan')).get(`/suggestions/${jeonjuItem}`)).status, 404);
  // A draft cannot be linked: it is its organisation's alone.
  const draft = await json(await api('jeonju', '/api/v1/suggestions', { title: `초안 ${run}`, domain: 'project', submit: false }));
  const refused = await api('coordinator', API, { name: `초안 TFT ${run}`, issue: '과제', suggestion_ids: [draft.id] });
  assert.equal(refused.status, 422);
  assert.match((await refused.json()).error.fields.suggestion_ids, new RegExp(`${draft.id}번 건의가 없습니다`));
});

test('the demo data holds the two standing conflicts, each with its team and its work', async () => {
  const items = (await json(await api('coordinator', `${API}?status=active`))).items;
  for (const [name, member, outsider] of [['35사단 임실 이전', 'imsil', 'muju'], ['무주-금산 광역상수도', 'muju', 'imsil']]) {
    const row = items.find((t) => t.name === name);
    assert.ok(row, name);
    const body = await json(await api(member, `${API}/${row.id}`));
    assert.equal(body.status, 'active');
    assert.ok(body.members.some((m) => m.role === 'leader') && body.members.length >= 4, `${name}: a team`);
    assert.equal(body.experts.length, 1);
    assert.equal(body.field_checks.length, 1);
    assert.equal(body.field_checks[0].photos.length, 1);
    assert.ok(body.plan.length > 0 && body.reports.length >= 1 && body.progress > 0);
    const outside = await json(await api(outsider, `${API}/${row.id}`));
    assert.deepEqual(Object.keys(outside).sort(), SUMMARY_KEYS, `${outsider} is not on ${name}`);
  }
});

test('every JSON operation answers each status openapi.json declares, with the body it declares', async () => {
  const assertDocumented = await openApiChecker();
  const fresh = async (name) => (await form({ name: `${name} ${run}` })).id;
  const open = await fresh('명세 TFT');
  await api('coordinator', `${API}/${open}/members`, { account_id: account.jeonju, role: 'member' });
  await api('coordinator', `${API}/${open}/start`, undefined, 'POST');
  const expertId = (await json(await api('coordinator', `${API}/${open}/experts`, { name: '명세 위원', affiliation: 'x', field: 'x', role: 'adviser' }))).experts[0].id;
  const closed = await fresh('명세 종료 TFT');
  await api('coordinator', `${API}/${closed}/start`, undefined, 'POST');
  await api('coordinator', `${API}/${closed}/close`, { result: 'resolved', text: '해결' });
  const toClose = await fresh('명세 종료할 TFT');
  await api('coordinator', `${API}/${toClose}/start`, undefined, 'POST');
  const fc = { date: today(), place: '장소', participants: '참석자', findings: '결과' };
  const cases = {
    [`GET ${API}`]: {
      200: () => api('gunsan', API),
      401: () => apiCall('GET', API),
      403: () => api('expert', API),
      422: () => api('gunsan', `${API}?status=done`),
    },
    [`POST ${API}`]: {
      201: () => api('coordinator', API, { name: `명세 등록 ${run}`, issue: '과제', suggestion_ids: [gunsanItem] }),
      401: () => apiCall('POST', API, { body: { name: 'x', issue: 'x' } }),
      403: () => api('planning', API, { name: 'x', issue: 'x' }),
      422: () => api('coordinator', API, { name: '', issue: 'x' }),
    },
    [`GET ${API}/{id}`]: {
      200: () => api('economy', `${API}/${open}`),
      401: () => apiCall('GET', `${API}/${open}`),
      403: () => api('expert', `${API}/${open}`),
      404: () => api('coordinator', `${API}/999999999`),
    },
    [`POST ${API}/{id}`]: {
      200: () => api('coordinator', `${API}/${open}`, { name: `명세 TFT ${run}`, issue: '고친 과제' }),
      401: () => apiCall('POST', `${API}/${open}`, { body: { name: 'x', issue: 'x' } }),
      403: () => api('jeonju', `${API}/${open}`, { name: 'x', issue: 'x' }),
      404: () => api('coordinator', `${API}/999999999`, { name: 'x', issue: 'x' }),
      409: () => api('coordinator', `${API}/${closed}`, { name: 'x', issue: 'x' }),
      422: () => api('coordinator', `${API}/${open}`, { name: 'x', issue: '' }),
    },
    [`POST ${API}/{id}/plan`]: {
      200: () => api('jeonju', `${API}/${open}/plan`, { plan: '명세 방안' }),
      401: () => apiCall('POST', `${API}/${open}/plan`, { body: { plan: 'x' } }),
      403: () => api('expert', `${API}/${open}/plan`, { plan: 'x' }),
      404: () => api('gunsan', `${API}/${open}/plan`, { plan: 'x' }),
      409: () => api('coordinator', `${API}/${closed}/plan`, { plan: 'x' }),
      422: () => api('jeonju', `${API}/${open}/plan`, { plan: '' }),
    },
    [`POST ${API}/{id}/members`]: {
      200: () => api('coordinator', `${API}/${open}/members`, { account_id: account.wanju, role: 'leader' }),
      401: () => apiCall('POST', `${API}/${open}/members`, { body: { account_id: 1, role: 'member' } }),
      403: () => api('jeonju', `${API}/${open}/members`, { account_id: account.iksan, role: 'member' }),
      404: () => api('gunsan', `${API}/${open}/members`, { account_id: account.iksan, role: 'member' }),
      409: () => api('coordinator', `${API}/${closed}/members`, { account_id: account.iksan, role: 'member' }),
      422: () => api('coordinator', `${API}/${open}/members`, { account_id: account.iksan, role: 'chair' }),
    },
    [`DELETE ${API}/{id}/members/{account_id}`]: {
      200: () => api('coordinator', `${API}/${open}/members/${account.wanju}`, undefined, 'DELETE'),
      401: () => apiCall('DELETE', `${API}/${open}/members/${account.jeonju}`),
      403: () => api('jeonju', `${API}/${open}/members/${account.jeonju}`, undefined, 'DELETE'),
      404: () => api('coordinator', `${API}/${open}/members/${account.gunsan}`, undefined, 'DELETE'),
      409: () => api('coordinator', `${API}/${closed}/members/${account.jeonju}`, undefined, 'DELETE'),
    },
    [`POST ${API}/{id}/experts`]: {
      200: () => api('coordinator', `${API}/${open}/experts`, { name: '위원', affiliation: '대학', field: '수자원', role: 'member' }),
      401: () => apiCall('POST', `${API}/${open}/experts`, { body: {} }),
      403: () => api('jeonju', `${API}/${open}/experts`, { name: 'x', affiliation: 'x', field: 'x', role: 'adviser' }),
      404: () => api('economy', `${API}/${open}/experts`, { name: 'x', affiliation: 'x', field: 'x', role: 'adviser' }),
      409: () => api('coordinator', `${API}/${closed}/experts`, { name: 'x', affiliation: 'x', field: 'x', role: 'adviser' }),
      422: () => api('coordinator', `${API}/${open}/experts`, { name: 'x', affiliation: 'x', field: '', role: 'adviser' }),
    },
    [`DELETE ${API}/{id}/experts/{expert_id}`]: {
      200: () => api('coordinator', `${API}/${open}/experts/${expertId}`, undefined, 'DELETE'),
      401: () => apiCall('DELETE', `${API}/${open}/experts/${expertId}`),
      403: () => api('jeonju', `${API}/${open}/experts/${expertId}`, undefined, 'DELETE'),
      404: () => api('coordinator', `${API}/${open}/experts/${expertId}`, undefined, 'DELETE'),
      409: () => api('coordinator', `${API}/${closed}/experts/${expertId}`, undefined, 'DELETE'),
    },
    [`POST ${API}/{id}/field-checks`]: {
      201: () => api('jeonju', `${API}/${open}/field-checks`, fc),
      401: () => apiCall('POST', `${API}/${open}/field-checks`, { body: fc }),
      403: () => api('expert', `${API}/${open}/field-checks`, fc),
      404: () => api('economy', `${API}/${open}/field-checks`, fc),
      409: () => api('coordinator', `${API}/${closed}/field-checks`, fc),
      422: () => api('jeonju', `${API}/${open}/field-checks`, { ...fc, place: '' }),
    },
    [`POST ${API}/{id}/reports`]: {
      201: () => api('jeonju', `${API}/${open}/reports`, { date: today(), text: '보고', percent: 10 }),
      401: () => apiCall('POST', `${API}/${open}/reports`, { body: {} }),
      403: () => api('expert', `${API}/${open}/reports`, { date: today(), text: '보고', percent: 10 }),
      404: () => api('gunsan', `${API}/${open}/reports`, { date: today(), text: '보고', percent: 10 }),
      409: () => api('coordinator', `${API}/${closed}/reports`, { date: today(), text: '보고', percent: 10 }),
      422: () => api('jeonju', `${API}/${open}/reports`, { date: today(), text: '보고', percent: 1000 }),
    },
    [`POST ${API}/{id}/start`]: {
      200: async () => api('coordinator', `${API}/${await fresh('명세 시작 TFT')}/start`, undefined, 'POST'),
      401: () => apiCall('POST', `${API}/${open}/start`),
      403: () => api('jeonju', `${API}/${open}/start`, undefined, 'POST'),
      404: () => api('gunsan', `${API}/${open}/start`, undefined, 'POST'),
      409: () => api('coordinator', `${API}/${open}/start`, undefined, 'POST'),
    },
    [`POST ${API}/{id}/close`]: {
      200: () => api('coordinator', `${API}/${toClose}/close`, { result: 'resolved', text: '해결' }),
      401: () => apiCall('POST', `${API}/${open}/close`, { body: {} }),
      403: () => api('jeonju', `${API}/${open}/close`, { result: 'resolved', text: '해결' }),
      404: () => api('gunsan', `${API}/${open}/close`, { result: 'resolved', text: '해결' }),
      409: () => api('coordinator', `${API}/${closed}/close`, { result: 'resolved', text: '해결' }),
      422: () => api('coordinator', `${API}/${open}/close`, { result: 'maybe', text: '해결' }),
    },
  };
  for (const [operation, byStatus] of Object.entries(cases)) {
    assert.deepEqual(Object.keys(byStatus).map(Number), assertDocumented.declared(operation), `${operation}: a case per declared status`);
    for (const [status, call] of Object.entries(byStatus)) {
      const res = await call();
      assert.equal(res.status, Number(status), `${operation} ${status}: ${res.status === Number(status) ? '' : await res.text()}`);
      await assertDocumented(operation, res);
    }
  }
});
