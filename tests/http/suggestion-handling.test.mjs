// 건의사항 handling: one suggestion carried from 접수 to 종결 through the API by the coordinator, the lead bureau
// and the submitter, with the timeline, the deadline in working days and the notifications each step owes; every
// step the rule forbids is refused (wrong state 409, wrong person 403, missing reason 422) and changes nothing;
// internal notes never reach the 시·군; a due date is extended at most twice with the reason told; a transfer
// restarts the clock and moves who may act; the submitter appeals once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, demoTokens, runSuffix as run } from './lib/client.mjs';
import { apiCall, assertErrorJson } from './lib/refusals.mjs';

const token = demoTokens('suggestion-handling-test');
const api = (login, path, body) => apiCall(body ? 'POST' : 'GET', path, { token: token(login), body });
let org; // code → id

async function file(login, fields) {
  const res = await api(login, '/api/v1/suggestions', { domain: 'project', content: '내용', ...fields });
  const body = await res.json();
  assert.equal(res.status, 201, JSON.stringify(body));
  return body;
}

/** Takes a decision; returns [status, body]. */
async function decide(login, id, body) {
  const res = await api(login, `/api/v1/suggestions/${id}/decisions`, body);
  return [res.status, await res.json()];
}

async function ok(login, id, body) {
  const [status, json] = await decide(login, id, body);
  assert.equal(status, 200, `${login} ${body.action}: ${JSON.stringify(json)}`);
  return json;
}

const read = async (login, id) => (await api(login, `/api/v1/suggestions/${id}`)).json();

/** The working day `n` working days after `from` (YYYY-MM-DD), by the platform calendar's own API. */
async function addWorkingDays(from, n) {
  const res = await api('admin', `/api/v1/working-days/add?start=${from}&days=${n}`);
  assert.equal(res.status, 200);
  return (await res.json()).date;
}

const todayInKorea = () => new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);

/** The titles of the person's notifications. */
async function inbox(login) {
  const c = new Client();
  await c.login(login);
  return (await c.get('/notifications')).text();
}

before(async () => {
  org = Object.fromEntries((await (await api('admin', '/api/v1/organizations')).json()).items.map((o) => [o.code, o.id]));
});

test('a suggestion goes from 접수 to 종결 through the coordinator, the lead bureau and the submitter', async () => {
  const s = await file('jeonju', { title: `도심 공영주차장 확충 ${run}`, addressed_bureau_id: org['52000-B01'] });
  assert.deepEqual(s.available, [], 'the submitter has nothing to do while it waits');
  assert.deepEqual((await read('coordinator', s.id)).available, ['start_review', 'reject', 'note', 'merge', 'link']);
  await ok('coordinator', s.id, { action: 'start_review' });
  const adopted = await ok('coordinator', s.id, {
    action: 'adopt', lead_bureau_id: org['52000-B01'], cooperating_ids: [org['52000-B04'], org['52000-B01']],
    working_days: 10, review_level: 'vice_mayors',
  });
  assert.equal(adopted.state, 'adopted');
  assert.equal(adopted.lead_bureau.id, org['52000-B01']);
  assert.deepEqual(adopted.cooperating.map((o) => o.id), [org['52000-B04']], 'the lead is not also cooperating');
  assert.equal(adopted.due_date, await addWorkingDays(todayInKorea(), 10), 'ten working days from today');
  assert.match(await inbox('planning'), /주관 건의사항이 배정되었습니다/, 'the lead bureau is told');
  assert.match(await inbox('jeonju'), /건의사항이 의제화되었습니다/, 'the submitter is told');

  assert.deepEqual((await read('planning', s.id)).available, ['start_progress', 'extend', 'note', 'link']);
  await ok('planning', s.id, { action: 'start_progress' });
  const reported = await ok('planning', s.id, { action: 'progress', percent: 60, reason: '부지 매입 협의 중입니다.' });
  assert.equal(reported.progress, 60);
  await ok('planning', s.id, { action: 'resolve' });
  const answered = await ok('planning', s.id, { action: 'answer', reason: '2027년 본예산에 주차장 조성비를 반영했습니다.' });
  assert.equal(answered.state, 'answered');
  assert.match(await inbox('jeonju'), /건의사항에 회신이 왔습니다/);

  const seen = await read('jeonju', s.id);
  assert.equal(seen.answer, '2027년 본예산에 주차장 조성비를 반영했습니다.');
  assert.deepEqual(seen.available, ['appeal', 'rate']);
  const rated = await ok('jeonju', s.id, { action: 'rate', rating: 5, reason: '빠른 회신 고맙습니다.' });
  assert.equal(rated.satisfaction, 5);
  const [again] = await decide('jeonju', s.id, { action: 'rate', rating: 1 });
  assert.equal(again, 409, 'a reply is rated once');
  const closed = await ok('coordinator', s.id, { action: 'close' });
  assert.equal(closed.state, 'closed');
  assert.deepEqual(closed.timeline.map((e) => e.kind),
    ['submit', 'start_review', 'adopt', 'start_progress', 'progress', 'resolve', 'answer', 'rate', 'close']);
  assert.deepEqual(closed.timeline.map((e) => e.to_state),
    ['received', 'reviewing', 'adopted', 'in_progress', null, 'resolved', 'answered', null, 'closed']);
  const history = await (await api('admin', `/api/v1/history?record_type=suggestion&record_id=${s.id}&kind=change`)).json();
  assert.ok(history.items.length >= 9, `every step is in the history (${history.items.length})`);
});

test('a step the rule forbids is refused and changes nothing', async () => {
  const s = await file('jeonju', { title: `규칙 위반 시도 ${run}` });
  const before = await read('coordinator', s.id);
  const attempts = [
    ['jeonju', { action: 'start_review' }, 403, 'forbidden'], // the submitter does not triage
    ['planning', { action: 'start_review' }, 404, 'not_found'], // a bureau not involved does not see it
    ['coordinator', { action: 'resolve' }, 409, 'conflict'], // 접수 cannot be resolved
    ['coordinator', { action: 'close' }, 409, 'conflict'],
    ['coordinator', { action: 'reject' }, 422, 'invalid_input'], // no reason
    ['coordinator', { action: 'reject', reason: '   ' }, 422, 'invalid_input'],
    ['coordinator', { action: 'submit' }, 422, 'invalid_input'], // not through decisions
    ['coordinator', { action: 'fly' }, 422, 'invalid_input'],
    ['admin', { action: 'start_review' }, 403, 'forbidden'], // running the system is not deciding
    ['auditor', { action: 'note', reason: '감사 메모' }, 403, 'forbidden'],
  ];
  for (const [login, body, status, code] of attempts) {
    const [got, json] = await decide(login, s.id, body);
    assert.equal(got, status, `${login} ${JSON.stringify(body)}: ${JSON.stringify(json)}`);
    assertErrorJson(json, code, `${login} ${body.action}`);
  }
  const [, missing] = await decide('coordinator', s.id, { action: 'reject' });
  assert.match(missing.error.fields.reason, /사유/, 'the reason field says what is missing');
  await ok('coordinator', s.id, { action: 'start_review' });
  for (const [body, field] of [
    [{ action: 'adopt', working_days: 10 }, 'lead_bureau'],
    [{ action: 'adopt', lead_bureau_id: org['52110'], working_days: 10 }, 'lead_bureau'],
    [{ action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 0 }, 'working_days'],
    [{ action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 121 }, 'working_days'],
    [{ action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10, next_review: '2000-01-01', review_level: 'vice_mayors' }, 'next_review'],
  ]) {
    const [status, json] = await decide('coordinator', s.id, body);
    assert.equal(status, 422, JSON.stringify(body));
    assert.ok(json.error.fields[field], `${field}: ${JSON.stringify(json.error.fields)}`);
  }
  const after = await read('coordinator', s.id);
  assert.equal(after.state, 'reviewing');
  assert.equal(after.lead_bureau, null);
  assert.equal(after.timeline.length, before.timeline.length + 1, 'only the accepted 검토 시작 was recorded');
  // A bureau that does not lead the item may not act on it even once it can see it as cooperating.
  await ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], cooperating_ids: [org['52000-B04']], working_days: 5 });
  const [status, json] = await decide('economy', s.id, { action: 'start_progress' });
  assert.equal(status, 403, JSON.stringify(json));
  assert.deepEqual((await read('economy', s.id)).available, ['note'], 'a cooperating bureau may only write notes');
});

test('internal notes reach the province side and the people mentioned, never the 시·군', async () => {
  const s = await file('jeonju', { title: `내부 메모 확인 ${run}`, concerned_ids: [org['52710']] });
  await ok('coordinator', s.id, { action: 'start_review' });
  await ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10 });
  const note = `@planning 예산 반영 가능 여부를 먼저 봐 주십시오 ${run}`;
  await ok('coordinator', s.id, { action: 'note', reason: note });
  assert.match(await inbox('planning'), /님이 메모에서 언급했습니다/, 'the person mentioned is told');
  const province = await read('planning', s.id);
  assert.ok(province.timeline.some((e) => e.kind === 'note' && e.internal && e.body === note));
  for (const login of ['jeonju', 'wanju']) {
    const seen = await read(login, s.id);
    assert.ok(!seen.timeline.some((e) => e.kind === 'note'), `${login} sees no note`);
    const c = new Client();
    await c.login(login);
    assert.doesNotMatch(await (await c.get(`/suggestions/${s.id}`)).text(), new RegExp(run + '.*예산 반영|예산 반영 가능 여부'), `${login}'s page`);
    const csv = await (await c.get(`/suggestions?format=csv&q=${encodeURIComponent(`내부 메모 확인 ${run}`)}`)).text();
    assert.doesNotMatch(csv, /예산 반영 가능 여부/);
  }
  // The 시·군 may not write one, and a mention of someone who may not read it is refused before anything is written.
  const [refused] = await decide('jeonju', s.id, { action: 'note', reason: '우리도 메모' });
  assert.equal(refused, 403);
  const [status, json] = await decide('coordinator', s.id, { action: 'note', reason: `@jeonju 확인 바랍니다 ${run}` });
  assert.equal(status, 422);
  assert.match(json.error.fields.reason, /@jeonju/);
  const [unknown] = await decide('coordinator', s.id, { action: 'note', reason: '@nobody-here 확인' });
  assert.equal(unknown, 422);
  assert.equal((await read('coordinator', s.id)).timeline.filter((e) => e.kind === 'note').length, 1);
});

test('a due date is extended at most twice, each to a later date with a reason the submitter is told', async () => {
  const s = await file('jeonju', { title: `기한 연장 ${run}` });
  await ok('coordinator', s.id, { action: 'start_review' });
  const adopted = await ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 5 });
  const [early] = await decide('planning', s.id, { action: 'extend', due_date: adopted.due_date, reason: '같은 날' });
  assert.equal(early, 422, 'not after the current due date');
  const [noReason] = await decide('planning', s.id, { action: 'extend', due_date: '2099-01-05' });
  assert.equal(noReason, 422);
  const first = await ok('planning', s.id, { action: 'extend', due_date: '2099-01-05', reason: `관계 부처 협의가 길어지고 있습니다 ${run}` });
  assert.equal(first.due_date, '2099-01-05');
  assert.equal(first.extensions, 1);
  assert.match(await inbox('jeonju'), new RegExp(`사유: 관계 부처 협의가 길어지고 있습니다 ${run}`), 'the submitter is told the reason');
  const second = await ok('coordinator', s.id, { action: 'extend', due_date: '2099-02-02', reason: '예산 심의 일정' });
  assert.equal(second.extensions, 2);
  assert.ok(!second.available.includes('extend'));
  const [third, json] = await decide('planning', s.id, { action: 'extend', due_date: '2099-03-02', reason: '또 연장' });
  assert.equal(third, 409);
  assert.match(json.error.message, /두 번까지만/);
  assert.equal((await read('planning', s.id)).due_date, '2099-02-02', 'unchanged');
});

test('a transfer restarts the clock on the day of transfer and moves who may act', async () => {
  const s = await file('gunsan', { title: `이송 확인 ${run}` });
  await ok('coordinator', s.id, { action: 'start_review' });
  await ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 7 });
  const [byBureau] = await decide('planning', s.id, { action: 'transfer', organization_id: org['52000-B04'], reason: '소관' });
  assert.equal(byBureau, 403, 'only the coordinator transfers');
  const [same] = await decide('coordinator', s.id, { action: 'transfer', organization_id: org['52000-B01'], reason: '소관' });
  assert.equal(same, 422);
  const moved = await ok('coordinator', s.id, { action: 'transfer', organization_id: org['52000-B04'], reason: '산업단지 소관이라 경제산업국으로 이송합니다.' });
  assert.equal(moved.lead_bureau.id, org['52000-B04']);
  assert.equal(moved.due_date, await addWorkingDays(todayInKorea(), 7), 'the same clock, started today');
  assert.match(await inbox('economy'), /건의사항이 이송되어 왔습니다/);
  assert.match(await inbox('gunsan'), /건의사항이 이송되었습니다/);
  const [old] = await decide('planning', s.id, { action: 'start_progress' });
  assert.equal(old, 404, 'the former lead no longer sees it');
  await ok('economy', s.id, { action: 'start_progress' });
  const transfer = moved.timeline.find((e) => e.kind === 'transfer');
  assert.match(transfer.detail, /기획조정실 → 경제산업국/);
});

test('the submitter appeals an answer once; the appeal reopens it with the appeal attached', async () => {
  const s = await file('jeonju', { title: `이의 신청 ${run}` });
  await ok('coordinator', s.id, { action: 'start_review' });
  await ok('coordinator', s.id, { action: 'reject', reason: '도 사무가 아닙니다.' });
  await ok('coordinator', s.id, { action: 'answer', reason: '시 자체 사업으로 추진해 주십시오.' });
  const [noReason] = await decide('jeonju', s.id, { action: 'appeal' });
  assert.equal(noReason, 422);
  const appealed = await ok('jeonju', s.id, { action: 'appeal', reason: '도비 매칭 사업이므로 다시 검토를 요청합니다.' });
  assert.equal(appealed.state, 'reviewing');
  assert.equal(appealed.appealed, true);
  assert.equal(appealed.timeline.at(-1).body, '도비 매칭 사업이므로 다시 검토를 요청합니다.');
  assert.match(await inbox('coordinator'), /회신에 이의가 신청되었습니다/);
  await ok('coordinator', s.id, { action: 'reject', reason: '재검토 결과도 같습니다.' });
  await ok('coordinator', s.id, { action: 'answer', reason: '재검토 결과를 알려 드립니다.' });
  const [twice, json] = await decide('jeonju', s.id, { action: 'appeal', reason: '한 번 더' });
  assert.equal(twice, 409);
  assert.match(json.error.message, /한 번만/);
  assert.ok(!(await read('jeonju', s.id)).available.includes('appeal'));
});

test('the pages show each person only the steps they may take, and a refused step comes back with its reason', async () => {
  const s = await file('jeonju', { title: `화면 확인 ${run}` });
  const coordinator = new Client();
  await coordinator.login('coordinator');
  const page = await (await coordinator.get(`/suggestions/${s.id}`)).text();
  const offered = [...page.matchAll(/<summary>([^<]*)<\/summary>/g)].map((m) => m[1]);
  assert.deepEqual(offered, ['검토 시작', '수용불가', '내부 메모', '중복 병합', '관련 건의 연결']);
  const jeonju = new Client();
  await jeonju.login('jeonju');
  const own = await (await jeonju.get(`/suggestions/${s.id}`)).text();
  assert.doesNotMatch(own, /<summary>/, 'nothing to take while it waits');
  assert.match(own, /지금 이 건의에서 처리할 일이 없습니다/);
  const csrf = page.match(/name="_csrf" value="([^"]+)"/)[1];
  const refused = await coordinator.postForm(`/suggestions/${s.id}/decisions`, { _csrf: csrf, action: 'reject', reason: '' });
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /‘수용불가’에는 사유를 적어야 합니다/);
  const done = await coordinator.postForm(`/suggestions/${s.id}/decisions`, { _csrf: csrf, action: 'start_review' });
  assert.equal(done.status, 303);
  assert.match(await (await coordinator.follow(done)).text(), /검토 시작을 처리했습니다/);
});

test('adopted items due for review are listed for the meeting of their level, and only to those who may see them', async () => {
  const s = await file('jeonju', { title: `회의 점검 대상 ${run}` });
  await ok('coordinator', s.id, { action: 'start_review' });
  const review = await addWorkingDays(todayInKorea(), 3);
  await ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10, review_level: 'vice_mayors', next_review: review });
  const page = async (login, query) => {
    const c = new Client();
    await c.login(login);
    return c.get(`/suggestions/reviews${query}`);
  };
  const coordinator = await (await page('coordinator', '?level=vice_mayors')).text();
  assert.match(coordinator, new RegExp(`<td class="nowrap">${review}</td>\\s*<th scope="row"><a href="/suggestions/${s.id}">회의 점검 대상 ${run}</a>`));
  assert.doesNotMatch(await (await page('coordinator', '?level=policy_council')).text(), new RegExp(`회의 점검 대상 ${run}`));
  assert.match(await (await page('jeonju', '')).text(), new RegExp(`회의 점검 대상 ${run}`), 'the filing 시·군 sees its own');
  assert.doesNotMatch(await (await page('gunsan', '')).text(), new RegExp(`회의 점검 대상 ${run}`), 'another 시·군 does not');
  for (const bad of ['?level=weekly', '?until=2026-13-01']) assert.equal((await page('coordinator', bad)).status, 422, bad);
});

/** Files and adopts one as `login` with planning leading; returns it. */
async function adopted(login, title, extra = {}) {
  const s = await file(login, { title });
  await ok('coordinator', s.id, { action: 'start_review' });
  return ok('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10, ...extra });
}

test('a duplicate is merged into the one that carries on: both submitters are told, and the duplicate’s 시·군 may follow it', async () => {
  const survivor = await file('gunsan', { title: `새만금 도로 개통 요청 ${run}` });
  const duplicate = await file('jeonju', { title: `새만금 방조제 도로 개통 ${run}` });
  const [own] = await decide('coordinator', duplicate.id, { action: 'merge', target_id: duplicate.id });
  assert.equal(own, 422, 'not into itself');
  const [byBureau] = await decide('planning', duplicate.id, { action: 'merge', target_id: survivor.id });
  assert.equal(byBureau, 404, 'a bureau not involved does not see it');
  const [missing] = await decide('coordinator', duplicate.id, { action: 'merge', target_id: 99999999 });
  assert.equal(missing, 422);
  const merged = await ok('coordinator', duplicate.id, { action: 'merge', target_id: survivor.id, reason: '같은 구간의 개통 요청' });
  assert.equal(merged.state, 'closed');
  assert.equal(merged.merged_into, survivor.id);
  assert.match(await inbox('jeonju'), /같은 내용의 건의와 합쳐 처리합니다/);
  assert.match(await inbox('gunsan'), /같은 내용의 건의를 합쳐 처리합니다/);
  const followed = await read('jeonju', survivor.id);
  assert.equal(followed.id, survivor.id, '전주시 now sees the survivor');
  assert.ok(followed.concerned.some((o) => o.id === org['52110']));
  assert.deepEqual((await read('coordinator', survivor.id)).merged_from_ids, [duplicate.id]);
  const [again] = await decide('coordinator', duplicate.id, { action: 'merge', target_id: survivor.id });
  assert.equal(again, 409, 'a merged (closed) duplicate is not merged again');
  const c = new Client();
  await c.login('jeonju');
  const duplicatePage = await (await c.get(`/suggestions/${duplicate.id}`)).text();
  assert.match(duplicatePage, new RegExp(`#${survivor.id} 새만금 도로 개통 요청 ${run}</a>에 병합되어`), duplicatePage.match(/<main[\s\S]{0,1500}/)?.[0]);
});

test('related items are linked both ways, and a link never shows what the person may not see', async () => {
  const a = await file('jeonju', { title: `연결 A ${run}` });
  const b = await file('gunsan', { title: `연결 B ${run}` });
  await ok('coordinator', a.id, { action: 'link', target_id: b.id });
  const [twice] = await decide('coordinator', b.id, { action: 'link', target_id: a.id });
  assert.equal(twice, 409, 'linked already');
  assert.deepEqual((await read('coordinator', a.id)).related_ids, [b.id]);
  assert.deepEqual((await read('coordinator', b.id)).related_ids, [a.id]);
  assert.deepEqual((await read('jeonju', a.id)).related_ids, [], '군산시’s item stays out of 전주시’s sight');
  const [forbidden] = await decide('jeonju', a.id, { action: 'link', target_id: b.id });
  assert.equal(forbidden, 403);
});

test('sub-items are adopted with their own lead and due date, and their progress rolls up to the agenda item', async () => {
  const parent = await adopted('jeonju', `광역 교통망 확충 ${run}`);
  const [badDays] = await decide('coordinator', parent.id, { action: 'sub_item', title: '버스', lead_bureau_id: org['52000-B08'], working_days: 0 });
  assert.equal(badDays, 422);
  const withOne = await ok('coordinator', parent.id, { action: 'sub_item', title: `광역버스 노선 신설 ${run}`, lead_bureau_id: org['52000-B04'], working_days: 15 });
  const withTwo = await ok('coordinator', parent.id, { action: 'sub_item', title: `환승 할인 협약 ${run}`, lead_bureau_id: org['52000-B01'], working_days: 15 });
  const [first, second] = withTwo.children_ids;
  assert.equal(withOne.children_ids.length, 1);
  const child = await read('economy', first);
  assert.equal(child.state, 'adopted');
  assert.equal(child.parent_id, parent.id);
  assert.equal(child.lead_bureau.id, org['52000-B04']);
  assert.equal(child.due_date, await addWorkingDays(todayInKorea(), 15));
  assert.match(await inbox('economy'), /주관 건의사항이 배정되었습니다/);
  await ok('economy', first, { action: 'start_progress' });
  await ok('economy', first, { action: 'progress', percent: 50, reason: '노선 협의 중' });
  assert.equal((await read('coordinator', parent.id)).progress, 25, '(50 + 0) / 2');
  await ok('planning', second, { action: 'start_progress' });
  await ok('planning', second, { action: 'resolve' });
  assert.equal((await read('coordinator', parent.id)).progress, 75, '(50 + 100) / 2');
  const [nested] = await decide('coordinator', first, { action: 'sub_item', title: '더 아래', lead_bureau_id: org['52000-B01'], working_days: 5 });
  assert.equal(nested, 409, 'one level of sub-items');
  assert.deepEqual((await read('jeonju', parent.id)).children_ids, [first, second], 'the filing 시·군 sees its sub-items');
});

test('a bureau officer’s list has a tab of what the bureau leads', async () => {
  const s = await adopted('gunsan', `주관 탭 확인 ${run}`);
  const c = new Client();
  await c.login('planning');
  const list = await (await c.get('/suggestions')).text();
  const tab = list.match(/href="(\/suggestions\?view=open&amp;lead=\d+)"[^>]*>우리 실국 주관</)?.[1];
  assert.equal(tab, `/suggestions?view=open&amp;lead=${org['52000-B01']}`);
  const led = await (await c.get(tab.replace(/&amp;/g, '&'))).text();
  assert.match(led, new RegExp(`<a href="/suggestions/${s.id}">주관 탭 확인 ${run}</a>`));
  assert.match(led, /aria-current="page">우리 실국 주관</);
  const jeonju = new Client();
  await jeonju.login('jeonju');
  assert.doesNotMatch(await (await jeonju.get('/suggestions')).text(), /우리 실국 주관/);
});
