// The pages around a suggestion, each opened as the role that works there, checked with axe-core and
// photographed at 1366 and 360 px: the meeting hand-off list (the coordinator), the reply templates with their
// form (planning), and a suggestion's relations — sub-items, a related item, a merged duplicate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible, expectFlash,
} from './lib/browser.mjs';
import { createToken } from '../http/lib/client.mjs';
import { apiCall } from '../http/lib/refusals.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const api = (login, path, body) => apiCall(body ? 'POST' : 'GET', path, { token: createToken(login, 'browser-pages'), body });

async function organizations() {
  return Object.fromEntries((await (await api('admin', '/api/v1/organizations')).json()).items.map((o) => [o.code, o.id]));
}

async function decide(login, id, body) {
  const res = await api(login, `/api/v1/suggestions/${id}/decisions`, body);
  const json = await res.json();
  assert.equal(res.status, 200, `${body.action}: ${JSON.stringify(json)}`);
  return json;
}

test('the coordinator plans a meeting from the items due for review', async () => {
  const org = await organizations();
  const s = await (await api('jeonju', '/api/v1/suggestions', { title: `점검 화면 ${suffix}`, content: '내용', domain: 'project' })).json();
  await decide('coordinator', s.id, { action: 'start_review' });
  const review = new Date(Date.now() + 9 * 3600e3 + 7 * 86400e3).toISOString().slice(0, 10);
  await decide('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 20, review_level: 'vice_mayors', next_review: review });
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'coordinator');
    await page.goto(`${BASE}/suggestions`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: '회의 점검 대상' }), { url: '/suggestions/reviews' });
    await expectVisible(page.getByRole('link', { name: `점검 화면 ${suffix}` }));
    await checkA11y(page, `reviews at ${width}`);
    await screenshot(page, `suggestion-reviews-${width}`);
    await page.context().close();
  }
});

test('a bureau officer keeps a reply template and uses it to answer', async () => {
  const org = await organizations();
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'planning');
  await page.goto(`${BASE}/suggestions`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '회신 서식' }), { url: '/suggestions/templates' });
  await clickAndWaitForPage(page, page.getByRole('link', { name: '서식 등록' }), { url: '/suggestions/templates/new' });
  await page.fill('#field-title', `본예산 반영 ${suffix}`);
  await page.fill('#field-body', '{건의기관}에서 건의하신 ‘{제목}’ 건은 {주관실국}에서 본예산에 반영했습니다.');
  await checkA11y(page, 'reply template form');
  await screenshot(page, 'suggestion-template-form-1366');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }));
  await expectFlash(page, '회신 서식을 등록했습니다.');
  await checkA11y(page, 'reply templates');
  await screenshot(page, 'suggestion-templates-1366');

  const s = await (await api('jeonju', '/api/v1/suggestions', { title: `서식 회신 화면 ${suffix}`, content: '내용', domain: 'budget' })).json();
  await decide('coordinator', s.id, { action: 'start_review' });
  await decide('coordinator', s.id, { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 5 });
  await decide('planning', s.id, { action: 'start_progress' });
  await decide('planning', s.id, { action: 'resolve' });
  await page.goto(`${BASE}/suggestions/${s.id}`);
  const panel = page.locator('details.decision-panel', { has: page.locator('summary').getByText('회신', { exact: true }) });
  await click(panel.locator('summary'));
  await clickAndWaitForPage(page, panel.getByRole('link', { name: `본예산 반영 ${suffix}` }));
  await expectVisible(page.locator('details.decision-panel[open] textarea'));
  assert.equal(await page.locator('details.decision-panel[open] textarea').inputValue(),
    `전주시에서 건의하신 ‘서식 회신 화면 ${suffix}’ 건은 기획조정실에서 본예산에 반영했습니다.`);
  await checkA11y(page, 'reply filled from a template');
  await screenshot(page, 'suggestion-reply-filled-1366');
  await page.context().close();

  const phone = await newPage(chrome.browser, { viewport: { width: 360, height: 800 } });
  await login(phone, 'planning');
  await phone.goto(`${BASE}/suggestions/templates`);
  await checkA11y(phone, 'reply templates at 360');
  await screenshot(phone, 'suggestion-templates-360');
  await phone.context().close();
});

test('a suggestion shows its sub-items, related items and merged duplicates', async () => {
  const org = await organizations();
  const file = async (login, title) => (await api(login, '/api/v1/suggestions', { title, content: '내용', domain: 'project' })).json();
  const parent = await file('jeonju', `광역 교통 ${suffix}`);
  const related = await file('jeonju', `버스 정류장 ${suffix}`);
  const duplicate = await file('jeonju', `광역 교통 중복 ${suffix}`);
  await decide('coordinator', parent.id, { action: 'start_review' });
  await decide('coordinator', parent.id, { action: 'adopt', lead_bureau_id: org['52000-B08'], working_days: 30 });
  await decide('coordinator', parent.id, { action: 'sub_item', title: `노선 신설 ${suffix}`, lead_bureau_id: org['52000-B04'], working_days: 20 });
  await decide('coordinator', parent.id, { action: 'link', target_id: related.id });
  await decide('coordinator', duplicate.id, { action: 'merge', target_id: parent.id, reason: '같은 내용' });
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'jeonju');
    await page.goto(`${BASE}/suggestions/${parent.id}`);
    await expectVisible(page.getByRole('heading', { name: '하위 과제' }));
    await expectVisible(page.getByRole('link', { name: `#${related.id} 버스 정류장 ${suffix}` }));
    await expectVisible(page.getByRole('link', { name: `#${duplicate.id} 광역 교통 중복 ${suffix}` }));
    await checkA11y(page, `relations at ${width}`);
    await screenshot(page, `suggestion-relations-${width}`);
    assert.match(await page.locator('.timeline').textContent(), /중복 건의 합침/);
    await page.goto(`${BASE}/suggestions/${duplicate.id}`);
    await expectVisible(page.getByText('에 병합되어 함께 처리합니다'));
    assert.doesNotMatch(await page.content(), /merged_in/, 'every timeline entry has a Korean name');
    await page.context().close();
  }
});
