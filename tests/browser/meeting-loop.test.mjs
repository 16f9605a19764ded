// The loop the meetings exist for, in Chromium as the people who work it: a suggestion adopted for the
// 부시장·부군수 회의 is put on today's agenda from the matters due for review, the agenda is published, the meeting
// records its decision, the decision appears on the suggestion's timeline (for the coordinator and for the
// 시·군 that filed it), and an action item left open comes back on the body's next agenda as 추진상황 점검.
// axe-core on every page, photographed at 1366 and 360 px.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible,
} from './lib/browser.mjs';
import { Client, createToken } from '../http/lib/client.mjs';
import { apiCall } from '../http/lib/refusals.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const api = (login, path, body) => apiCall(body ? 'POST' : 'GET', path, { token: createToken(login, 'browser-loop'), body });
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const BODY = '부시장·부군수 회의';

let org; // code → id
let body; // the body's id
let suggestion; // { id, title }
let meeting; // today's meeting of the body
let next; // the body's next meeting

async function meetingsOf(year) {
  const res = await api('coordinator', `/api/v1/meetings?body=${body}&year=${year}`);
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

// A meeting of the body on `date`: convened as the coordinator, or the one its cadence already put there.
async function convene(date) {
  const coordinator = new Client();
  await coordinator.login('coordinator');
  const csrf = await coordinator.csrf(`/meetings/bodies/${body}`);
  const res = await coordinator.postForm(`/meetings/bodies/${body}/meetings`, { _csrf: csrf, date });
  if (res.status === 303) return Number(res.headers.get('location').match(/^\/meetings\/(\d+)$/)[1]);
  assert.equal(res.status, 409, `convening on ${date}`);
  const existing = (await meetingsOf(date.slice(0, 4))).find((m) => m.date === date);
  assert.ok(existing, `the body's meeting on ${date}`);
  return existing.id;
}

before(async () => {
  org = Object.fromEntries((await (await api('admin', '/api/v1/organizations')).json()).items.map((o) => [o.code, o.id]));
  body = (await (await api('coordinator', '/api/v1/meetings/bodies')).json()).items.find((b) => b.name === BODY).id;
  // 전주시 files; the coordinator adopts it for the 부시장·부군수 회의, due for review today.
  const title = `회의 안건 화면 ${suffix}`;
  const filed = await api('jeonju', '/api/v1/suggestions', { title, content: '현장 의견을 모아 주십시오.', domain: 'project' });
  assert.equal(filed.status, 201);
  suggestion = { id: (await filed.json()).id, title };
  for (const decision of [{ action: 'start_review' },
    { action: 'adopt', lead_bureau_id: org['52000-B01'], working_days: 10, review_level: 'vice_mayors', next_review: korea() }]) {
    const res = await api('coordinator', `/api/v1/suggestions/${suggestion.id}/decisions`, decision);
    assert.equal(res.status, 200, JSON.stringify(await res.json()));
  }
  meeting = await convene(korea());
  const later = [...await meetingsOf(Number(korea().slice(0, 4))), ...await meetingsOf(Number(korea().slice(0, 4)) + 1)]
    .filter((m) => m.date > korea() && m.state !== 'cancelled')
    .sort((a, b) => a.date.localeCompare(b.date));
  next = later.length ? later[0].id : await convene(korea(7));
});

test('a suggestion goes onto the agenda, the meeting decides, the timeline shows it, the open action comes back', async () => {
  const decision = `현장 의견을 반영해 추진하기로 함 ${suffix}`;
  const item = `부지 협의 ${suffix}`;
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'coordinator');
  await page.goto(`${BASE}/meetings/${meeting}`);
  // The matter due for review is offered; the secretariat puts it on the agenda.
  const due = page.getByRole('row').filter({ has: page.getByRole('link', { name: suggestion.title }) });
  await expectVisible(due, 'the suggestion among the matters due for review');
  await checkA11y(page, 'meeting with matters due');
  await screenshot(page, 'meeting-loop-due-1366');
  await clickAndWaitForPage(page, due.getByRole('button', { name: '안건에 올리기' }), { url: new RegExp(`/meetings/${meeting}$`) });
  await expectVisible(page.getByRole('rowheader', { name: suggestion.title }).first(), 'on the agenda');
  // Published after the confirmation dialog.
  await click(page.getByRole('button', { name: '안건 공개' }));
  const dialog = page.getByRole('alertdialog', { name: '안건 공개' });
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '공개' }));
  // The minutes of that entry: the decision takes the suggestion's own step (추진 시작).
  const entry = page.locator('section.minutes-entry').filter({ has: page.getByRole('heading', { name: new RegExp(suggestion.title) }) });
  await expectVisible(entry, 'the entry in the minutes');
  await entry.locator('textarea[name="discussion"]').fill('시·군 의견과 부지 여건을 논의함');
  await entry.locator('textarea[name="decision"]').fill(decision);
  await entry.locator('select[name="action"]').selectOption('start_progress');
  await checkA11y(page, 'minutes form');
  await screenshot(page, 'meeting-loop-minutes-1366');
  await clickAndWaitForPage(page, entry.getByRole('button', { name: '회의록 기록' }));
  await expectVisible(entry.getByRole('cell', { name: decision }), 'the decision minuted');
  // An action item, left open.
  await entry.locator('input[name="title"]').fill(item);
  await entry.locator('select[name="owner"]').selectOption(String(org['52110']));
  await entry.locator('input[name="due"]').fill(korea(30));
  await clickAndWaitForPage(page, entry.getByRole('button', { name: '조치사항 등록' }));
  await expectVisible(page.getByRole('rowheader', { name: item }).first(), 'the action item');

  // The decision is on the suggestion's timeline, which is now 추진중.
  await page.goto(`${BASE}/suggestions/${suggestion.id}`);
  await expectVisible(page.getByText(decision).first(), 'the decision on the timeline');
  await expectVisible(page.getByText('추진중').first(), 'moved to 추진중 by the meeting');
  await checkA11y(page, 'suggestion after the meeting');
  await screenshot(page, 'meeting-loop-suggestion-1366');

  // The unfinished action item is on the body's next agenda.
  await page.goto(`${BASE}/meetings/${next}`);
  await expectVisible(page.getByText(`추진상황 점검: ${item}`).first(), 'rolled over to the next meeting');
  await checkA11y(page, 'next meeting');
  await screenshot(page, 'meeting-loop-next-1366');
  await page.context().close();

  // 전주시, which filed it, reads the same decision on its own suggestion, on a phone.
  const phone = await newPage(chrome.browser, { viewport: { width: 360, height: 780 } });
  await login(phone, 'jeonju');
  await phone.goto(`${BASE}/suggestions/${suggestion.id}`);
  await expectVisible(phone.getByText(decision).first(), 'the filer sees the decision');
  await checkA11y(phone, 'suggestion for its filer at 360 px');
  await screenshot(phone, 'meeting-loop-suggestion-jeonju-360');
  await phone.goto(`${BASE}/meetings/${meeting}`);
  await checkA11y(phone, 'the meeting for a member at 360 px');
  await screenshot(phone, 'meeting-loop-meeting-jeonju-360');
  await phone.context().close();
});
