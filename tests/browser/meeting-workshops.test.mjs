// 정책협력 워크숍 in Chromium: the coordinator (the secretariat) convenes a workshop for today, adds a session and
// a case presentation, records an opinion of two 시·군 and turns it into a suggestion through the confirmation
// dialog, landing on the link; 전주시's officer proposes its own case presentation and submits its opinion, and is
// offered no secretariat form. axe-core clean on each page, photographed into test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, expectVisible, expectFlash,
  expectCount,
} from './lib/browser.mjs';

const chrome = useBrowser();
const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
const run = Date.now().toString(36);

let meetingPath;

test('the secretariat shapes a workshop, records an opinion and turns it into a suggestion', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'coordinator');
  await page.goto(`${BASE}/meetings`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '정책협력 워크숍', exact: true }), { url: /\/meetings\/bodies\/\d+$/ });
  await page.fill('#field-convene-date', today);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '회의 만들기' }), { url: /\/meetings\/\d+$/ });
  meetingPath = new URL(page.url()).pathname;

  await page.fill('#field-session-title', `세션 1: 시·군 협업 사례 ${run}`);
  await page.fill('#field-session-start', '14:00');
  await page.fill('#field-session-end', '15:30');
  await page.fill('#field-session-moderator', '정책기획관');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '세션 등록' }));
  await expectFlash(page, '세션을 등록했습니다.');
  await expectVisible(page.getByRole('rowheader', { name: `세션 1: 시·군 협업 사례 ${run}` }));

  await page.fill('#field-presentation-title', `순환버스 공동 운행 ${run}`);
  await page.selectOption('#field-presentation-organization', { label: '군산시' });
  await page.fill('#field-presentation-presenter', '정군산 주무관');
  await page.fill('#field-presentation-summary', '노선을 잇고 운영비를 나눈 사례');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '사례발표 등록' }).last());
  await expectFlash(page, '사례발표를 등록했습니다.');
  await expectVisible(page.getByRole('heading', { name: new RegExp(`순환버스 공동 운행 ${run}`) }));

  await page.fill('#field-opinion-title', `경계 도로 관리 ${run}`);
  await page.fill('#field-opinion-content', '경계 도로의 관리 주체를 정해 주기를 바랍니다.');
  await page.selectOption('#field-opinion-domain', 'budget');
  // KRDS draws each checkbox under its label.
  for (const name of ['군산시', '전주시']) {
    await click(page.locator('.workshop-organizations label', { hasText: new RegExp(`^${name}$`) }));
    assert.ok(await page.getByLabel(name, { exact: true }).isChecked(), `${name} is checked`);
  }
  await clickAndWaitForPage(page, page.getByRole('button', { name: '의견 기록' }));
  await expectFlash(page, '의견을 등록했습니다.');
  await checkA11y(page, 'a workshop as its secretariat');
  await screenshot(page, 'meeting-workshop-secretariat-1366');

  const row = page.locator('tr', { hasText: `경계 도로 관리 ${run}` });
  await click(row.getByRole('button', { name: /건의사항으로 만들기/ }));
  const dialog = page.getByRole('alertdialog', { name: '건의사항으로 만들기' });
  await expectVisible(dialog);
  await checkA11y(page, 'the turn dialog');
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '만들기' }));
  await expectVisible(page.locator('.sotong-alert-message', { hasText: /^의견을 건의사항 \d+번으로 만들었습니다\.$/ }));
  const link = page.locator('tr', { hasText: `경계 도로 관리 ${run}` }).getByRole('link', { name: /건의사항 \d+번/ });
  await expectVisible(link);
  await expectCount(page.locator('tr', { hasText: `경계 도로 관리 ${run}` }).getByRole('button', { name: /건의사항으로 만들기/ }), 0, 'turned once');
  await clickAndWaitForPage(page, link, { url: /\/suggestions\/\d+$/ });
  await expectVisible(page.getByText('정책협력 워크숍에서 제기'));
  await page.context().close();
});

test('a member proposes its case presentation and submits its opinion, with no secretariat form', async () => {
  assert.ok(meetingPath, 'the secretariat’s test made the workshop');
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'jeonju');
  await page.goto(`${BASE}${meetingPath}`);
  await expectCount(page.getByRole('button', { name: '세션 등록' }), 0, 'no session form');
  await expectCount(page.getByRole('button', { name: /건의사항으로 만들기/ }), 0, 'no turning');
  await page.fill('#field-presentation-title', `청년 귀농 정착 ${run}`);
  await page.fill('#field-presentation-presenter', '최전주');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '사례발표 제안' }).last());
  await expectFlash(page, '사례발표를 등록했습니다.');
  await expectVisible(page.getByRole('heading', { name: new RegExp(`청년 귀농 정착 ${run}`) }));
  await page.fill('#field-opinion-title', `공동 축제 홍보 ${run}`);
  await page.fill('#field-opinion-content', '같은 시기 축제를 함께 알리면 좋겠습니다.');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '의견 제출' }));
  await expectFlash(page, '의견을 등록했습니다.');
  await expectVisible(page.locator('tr', { hasText: `공동 축제 홍보 ${run}` }).getByRole('cell', { name: '전주시' }));
  await checkA11y(page, 'a workshop as a member');
  await screenshot(page, 'meeting-workshop-member-1366');
  await page.context().close();
});
