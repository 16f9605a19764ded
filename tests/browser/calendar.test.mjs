// The holiday calendar in Chromium as an administrator uses it: the 2026 year with its substitute holidays,
// adding a newly announced 임시공휴일 (after one refused attempt), renaming and deleting it, and the working-day
// calculator, which works as a plain form; then a 시·군 officer's read-only view. axe-core on every state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, expectVisible, expectText, expectCount,
  expectFlash, click,
} from './lib/browser.mjs';

const chrome = useBrowser();

const suffix = Date.now().toString(36).slice(-5);

test('an administrator views 2026, adds a holiday, uses the calculator and removes the holiday again', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await clickAndWaitForPage(page, page.getByRole('link', { name: '공휴일·근무일' }).first(), { url: '/admin/holidays' });
  await expectVisible(page.getByRole('heading', { level: 1, name: '공휴일·근무일' }));

  await page.selectOption('#field-year', '2026');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '보기' }), { url: '/admin/holidays?year=2026' });
  const table = page.getByRole('table', { name: /2026년 공휴일/ });
  await expectVisible(table.getByRole('row', { name: /2026-10-05 \(월\) 대체공휴일\(개천절\) 대체공휴일/ }));
  await expectVisible(table.getByRole('row', { name: /2026-09-25 \(금\) 추석 법정공휴일/ }));
  await expectText(page.locator('.result-count'), /공휴일 21일\(평일 15일\) · 근무일 246일/);
  await checkA11y(page, 'holidays 2026');
  await screenshot(page, 'holidays-2026');

  // A first try without a name is refused in Korean, keeping the date typed: the form answers on its own address.
  await page.fill('#field-date', '2026-12-24');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { url: '/admin/holidays', status: 422 });
  await expectVisible(page.getByText('공휴일 이름을 입력해 주십시오.').first());
  assert.equal(await page.inputValue('#field-date'), '2026-12-24');
  await checkA11y(page, 'holiday form with errors');
  await screenshot(page, 'holidays-form-errors');

  const name = `임시공휴일(시험${suffix})`;
  await page.fill('#field-name', name);
  await page.selectOption('#field-kind', 'temporary');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { url: '/admin/holidays?year=2026', status: 200 });
  await expectFlash(page, '공휴일을 등록했습니다: 2026-12-24 (목)');
  const added = table.getByRole('row', { name: new RegExp(`2026-12-24 \\(목\\) ${name.replace(/[()]/g, '\\$&')} 임시공휴일`) });
  await expectVisible(added);

  // The calculator counts the new holiday: Wednesday 12-23 + 1 passes 24 and 25 to Monday 12-28. Each result is
  // a new page (a GET form), so each click waits for that page.
  await page.fill('#field-start', '2026-12-23');
  await page.fill('#field-days', '1');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '계산' }), { url: /[?&]calc=add/, status: 200 });
  await expectText(page.locator('#add-result'), /2026-12-23 \(수\)부터 근무일 1일째는 2026-12-28 \(월\)입니다\./);
  await page.fill('#field-from', '2026-09-23');
  await page.fill('#field-to', '2026-10-09');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '세기' }), { url: /[?&]calc=between/, status: 200 });
  await expectText(page.locator('#between-result'), /근무일은 8일입니다\./);
  await expectText(page.locator('#add-result'), /2026-12-28/, 'the first result stays');
  await checkA11y(page, 'calculator results');
  await screenshot(page, 'holidays-calculator');

  // Rename it, then delete it: it moves to the deleted list and can be brought back. Both answers come back to
  // the same address (POST/redirect/GET), so only the new page tells that the action is done.
  await clickAndWaitForPage(page, added.getByRole('link', { name: /수정/ }), { url: '/admin/holidays/2026-12-24/edit' });
  await checkA11y(page, 'holiday edit');
  await page.fill('#field-name', `${name} 변경`);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: '/admin/holidays?year=2026', status: 200 });
  await expectFlash(page, '공휴일을 수정했습니다: 2026-12-24 (목)');
  const renamed = table.getByRole('row', { name: /2026-12-24/ });
  await expectText(renamed, /변경/);
  // Deleting asks first, in the confirmation dialog.
  await click(renamed.getByRole('button', { name: /삭제/ }));
  const dialog = page.getByRole('alertdialog', { name: '공휴일을 삭제할까요?' });
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '삭제' }), { url: '/admin/holidays?year=2026', status: 200 });
  await expectFlash(page, '공휴일을 삭제했습니다: 2026-12-24 (목)');
  await expectCount(table.getByRole('row', { name: /2026-12-24/ }), 0);
  await expectVisible(page.getByRole('heading', { name: '삭제한 공휴일' }));
  await checkA11y(page, 'holidays with a deleted one');
  await page.context().close();
});

test('a 시·군 officer sees the calendar and the calculator, without the administrator\'s forms', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'jeonju');
  await expectVisible(page.locator('.krds-main-menu').getByRole('link', { name: '공휴일·근무일' }), 'every role has the calendar in its menu');
  const res = await page.goto(`${BASE}/admin/holidays?year=2026&start=2026-09-23&days=5`);
  assert.equal(res.status(), 200);
  await expectText(page.locator('#add-result'), /2026-10-02 \(금\)/);
  await expectCount(page.getByRole('button', { name: '등록' }), 0);
  await expectCount(page.getByRole('button', { name: /삭제/ }), 0);
  await checkA11y(page, 'holidays read-only');
  const bad = await page.goto(`${BASE}/admin/holidays?year=2026&from=2026-02-30&to=2026-03-01`);
  assert.equal(bad.status(), 422);
  await expectVisible(page.getByRole('link', { name: /시작일을 2026-10-02와 같이/ }), 'the error summary links to the field');
  await checkA11y(page, 'calculator error');
  await screenshot(page, 'holidays-officer');
  await page.context().close();
});
