// 회신 서식 (reply templates): a bureau keeps its own, the coordinator any bureau's, nobody else any; another
// bureau's template answers 404; a bad template is refused in Korean and changes nothing; on a suggestion the
// lead bureau may answer, its templates fill the reply form with the suggestion's own names.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createToken, csrfFrom, runSuffix as run, signedInClients } from './lib/client.mjs';
import { apiCall } from './lib/refusals.mjs';

const signedIn = signedInClients();
const token = (login) => createToken(login, 'reply-templates-test');
let org;

/** Saves a template through the form as `login`; returns the response. */
async function save(login, fields, path = '/suggestions/templates') {
  const c = await signedIn(login);
  const _csrf = await c.csrf('/suggestions/templates/new');
  return c.postForm(path, { _csrf, ...fields });
}

/** The ids and titles on the person's template list. */
async function listed(login) {
  const html = await (await (await signedIn(login)).get('/suggestions/templates')).text();
  return [...html.matchAll(/<a href="\/suggestions\/templates\/(\d+)\/edit">([^<]*)<\/a>/g)].map((m) => ({ id: Number(m[1]), title: m[2] }));
}

before(async () => {
  org = Object.fromEntries((await (await apiCall('GET', '/api/v1/organizations', { token: token('admin') })).json()).items.map((o) => [o.code, o.id]));
});

test('a bureau keeps its own templates; another bureau and the 시·군 cannot reach them', async () => {
  const title = `예산 반영 완료 ${run}`;
  assert.equal((await save('planning', { title, body: '{건의기관}의 ‘{제목}’ 건은 {주관실국}에서 2027년 본예산에 반영했습니다.' })).status, 303);
  const mine = (await listed('planning')).find((t) => t.title === title);
  assert.ok(mine, 'on planning’s list');
  assert.ok(!(await listed('economy')).some((t) => t.title === title), 'not on another bureau’s list');
  assert.ok((await listed('coordinator')).some((t) => t.title === title), 'the coordinator sees every bureau’s');
  const economy = await signedIn('economy');
  assert.equal((await economy.get(`/suggestions/templates/${mine.id}/edit`)).status, 404);
  const csrf = await economy.csrf('/suggestions/templates');
  assert.equal((await economy.postForm(`/suggestions/templates/${mine.id}`, { _csrf: csrf, title: '가로채기', body: 'x' })).status, 404);
  assert.equal((await economy.postForm(`/suggestions/templates/${mine.id}/delete`, { _csrf: csrf, confirmed: '1' })).status, 404);
  for (const login of ['jeonju', 'auditor', 'admin']) {
    const c = await signedIn(login);
    assert.equal((await c.get('/suggestions/templates')).status, 403, login);
    assert.equal((await c.get('/suggestions/templates/new')).status, 403, login);
  }
  const jeonju = await signedIn('jeonju');
  const refused = await jeonju.postForm('/suggestions/templates', { _csrf: await jeonju.csrf('/suggestions'), title: 'x', body: 'y' });
  assert.equal(refused.status, 403);
  assert.equal((await listed('planning')).find((t) => t.id === mine.id).title, title, 'unchanged');
});

test('bad templates are refused in Korean beside the field, and the coordinator names the bureau', async () => {
  for (const [fields, message] of [
    [{ title: ' ', body: '내용' }, /서식 이름을 입력해 주십시오/],
    [{ title: '이름', body: '  ' }, /회신 내용을 입력해 주십시오/],
    [{ title: '가'.repeat(101), body: '내용' }, /서식 이름은 100자 이하로 입력해 주십시오/],
  ]) {
    const res = await save('planning', fields);
    assert.equal(res.status, 422, JSON.stringify(fields));
    assert.match(await res.text(), message);
  }
  const noBureau = await save('coordinator', { title: `협력담당 서식 ${run}`, body: '내용' });
  assert.equal(noBureau.status, 422);
  assert.match(await noBureau.text(), /서식을 쓸 실국을 골라 주십시오/);
  assert.equal((await save('coordinator', { title: `협력담당 서식 ${run}`, body: '내용', bureau: String(org['52000-B04']) })).status, 303);
  assert.ok((await listed('economy')).some((t) => t.title === `협력담당 서식 ${run}`), 'kept for 경제산업국');
});

test('the reply form offers the lead bureau’s templates and fills the picked one in for the suggestion', async () => {
  await save('planning', { title: `채우기 시험 ${run}`, body: '{건의기관}의 ‘{제목}’ 건을 {주관실국}에서 처리했습니다.' });
  const mine = (await listed('planning')).find((t) => t.title === `채우기 시험 ${run}`);
  const others = (await listed('economy'))[0];
  const api = (login, path, body) => apiCall(body ? 'POST' : 'GET', path, { token: token(login), body });
  const s = await (await api('jeonju', '/api/v1/suggestions', { title: `서식 회신 ${run}`, content: '내용', domain: 'budget' })).json();
  for (const [login, body] of [
    ['coordinator', { action: 'start_review' }],
    ['coordinator', { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 5 }],
    ['planning', { action: 'start_progress' }],
    ['planning', { action: 'resolve' }],
  ])
    assert.equal((await api(login, `/api/v1/suggestions/${s.id}/decisions`, body)).status, 200, body.action);
  const planning = await signedIn('planning');
  const page = await (await planning.get(`/suggestions/${s.id}`)).text();
  assert.match(page, new RegExp(`href="/suggestions/${s.id}\\?template=${mine.id}#decide">채우기 시험 ${run}</a>`));
  const filled = await (await planning.get(`/suggestions/${s.id}?template=${mine.id}`)).text();
  assert.match(filled, new RegExp(`>전주시의 ‘서식 회신 ${run}’ 건을 기획조정실에서 처리했습니다.</textarea>`));
  assert.match(filled, /<details class="decision-panel" open>\s*<summary>회신<\/summary>/, 'the reply panel opens');
  if (others) {
    const foreign = await (await planning.get(`/suggestions/${s.id}?template=${others.id}`)).text();
    assert.doesNotMatch(foreign, /<details class="decision-panel" open>/, 'another bureau’s template is ignored');
  }
  const jeonju = await (await (await signedIn('jeonju')).get(`/suggestions/${s.id}?template=${mine.id}`)).text();
  assert.doesNotMatch(jeonju, /채우기 시험/, 'the submitter is offered no templates');
});

test('deleting asks first, then takes the template off the list', async () => {
  await save('planning', { title: `지울 서식 ${run}`, body: '내용' });
  const t = (await listed('planning')).find((x) => x.title === `지울 서식 ${run}`);
  const planning = await signedIn('planning');
  const _csrf = csrfFrom(await (await planning.get('/suggestions/templates')).text());
  const asked = await planning.postForm(`/suggestions/templates/${t.id}/delete`, { _csrf });
  assert.equal(asked.status, 200, 'asked on a page of its own first');
  assert.match(await asked.text(), /회신 서식을 삭제할까요\?/);
  assert.ok((await listed('planning')).some((x) => x.id === t.id), 'still there');
  assert.equal((await planning.postForm(`/suggestions/templates/${t.id}/delete`, { _csrf, confirmed: '1' })).status, 303);
  assert.ok(!(await listed('planning')).some((x) => x.id === t.id), 'gone');
});
