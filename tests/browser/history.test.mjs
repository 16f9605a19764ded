// The change history and access log in Chromium: the administrator changes an organisation, opens an account,
// then finds both in 변경·접속 기록 through the menu and the search form and opens an entry; the auditor reads
// the log too, a 시·군 officer cannot. axe-core checks every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, newPage, login, checkA11y, screenshot, useBrowser } from './lib/browser.mjs';

const chrome = useBrowser();

const suffix = Date.now().toString(36).slice(-5);

test('an administrator finds a change and a view of personal data in the log', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');

  // A change: a new division, renamed.
  await page.goto(`${BASE}/admin/organizations/new`);
  await page.fill('#field-code', `H-${suffix}`);
  await page.fill('#field-name', `기록시험과${suffix}`);
  await page.selectOption('#field-kind', 'division');
  await page.selectOption('#field-parent_id', { label: '기획조정실 (실국)' });
  await page.getByRole('button', { name: '저장' }).click();
  await page.waitForURL(/\/admin\/organizations\/\d+$/);
  const orgId = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('link', { name: '수정' }).click();
  await page.fill('#field-name', `기록확인과${suffix}`);
  await page.fill('#field-rename_reason', '직제 개편');
  await page.getByRole('button', { name: '저장' }).click();
  await page.waitForURL(/\/admin\/organizations\/\d+$/);

  // A view of personal data: 최전주's account page.
  await page.goto(`${BASE}/admin/accounts`);
  // Follow the list's link by its address: a click racing the page's scripts under load flaked here.
  const accountHref = await page.getByRole('link', { name: '최전주', exact: true }).first().getAttribute('href');
  await page.goto(`${BASE}${accountHref}`);
  assert.match(new URL(page.url()).pathname, /^\/admin\/accounts\/\d+$/);

  // The log, through the menu.
  await page.getByRole('link', { name: '변경·접속 기록' }).first().click();
  await page.waitForURL('**/admin/history');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '변경·접속 기록' }).waitFor());
  await checkA11y(page, 'history');
  await screenshot(page, 'history');

  // Search by record: the organisation's two changes, newest first, with before → after.
  await page.selectOption('#field-record_type', 'organization');
  await page.fill('#field-record_id', orgId);
  await page.selectOption('#field-kind', 'change');
  await page.getByRole('button', { name: '검색' }).click();
  await page.waitForURL(/record_id=\d+/);
  const rows = page.locator('tbody tr');
  await assert.doesNotReject(rows.first().getByText('수정').waitFor());
  assert.equal(await rows.count(), 2);
  assert.ok(await rows.first().getByText(`기관명: 기록시험과${suffix} → 기록확인과${suffix}`).isVisible());
  assert.ok(await rows.nth(1).getByText('등록').isVisible());
  assert.equal(await page.locator('h1').count(), 1, 'the htmx fragment brought no second page shell');
  await checkA11y(page, 'history filtered by record');

  // One entry in detail.
  await rows.first().getByRole('link').click();
  await page.waitForURL(/\/admin\/history\/\d+$/);
  assert.ok(await page.getByRole('cell', { name: `기록시험과${suffix}`, exact: true }).isVisible());
  assert.ok(await page.getByRole('cell', { name: `기록확인과${suffix}`, exact: true }).isVisible());
  await checkA11y(page, 'history entry');
  await screenshot(page, 'history-entry');

  // Search by person and action: the view of jeonju's account.
  await page.goto(`${BASE}/admin/history`);
  await page.fill('#field-login', 'admin');
  await page.fill('#field-subject', 'jeonju');
  await page.selectOption('#field-action', 'view');
  await page.getByRole('button', { name: '검색' }).click();
  await page.waitForURL(/subject=jeonju/);
  await assert.doesNotReject(page.locator('tbody tr').first().getByText('최전주 (jeonju)').waitFor());
  assert.ok(await page.locator('tbody tr').first().getByText('조회').isVisible());

  // A period that ends before it starts is a field error, shown in place (htmx).
  await page.fill('#field-from', '2026-03-01');
  await page.fill('#field-to', '2026-02-01');
  await page.getByRole('button', { name: '검색' }).click();
  await assert.doesNotReject(page.getByText('종료일은 시작일과 같거나 뒤여야 합니다.').first().waitFor());
  assert.equal(await page.locator('#field-to').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'history with a field error (htmx)');
  // And without htmx: a wrong date in the address.
  const res = await page.goto(`${BASE}/admin/history?from=2026-02-30`);
  assert.equal(res.status(), 422);
  assert.ok(await page.getByText('시작일은 2026-01-31 형식의 날짜로 입력해 주십시오.').first().isVisible());
  await checkA11y(page, 'history with a field error');
  await page.context().close();
});

test('the auditor reads the log; a 시·군 officer is refused', async () => {
  const auditor = await newPage(chrome.browser);
  await login(auditor, 'auditor');
  await auditor.getByRole('link', { name: '변경·접속 기록' }).first().click();
  await auditor.waitForURL('**/admin/history');
  await auditor.selectOption('#field-kind', 'access');
  await auditor.getByRole('button', { name: '검색' }).click();
  await auditor.waitForURL(/kind=access/);
  await assert.doesNotReject(auditor.locator('tbody tr').first().waitFor());
  await checkA11y(auditor, 'history for the auditor');
  const download = auditor.waitForEvent('download');
  await auditor.getByRole('link', { name: '검색 결과 CSV 내려받기' }).click();
  assert.match((await download).suggestedFilename(), /\.csv$/);
  await auditor.context().close();

  const officer = await newPage(chrome.browser);
  await login(officer, 'jeonju');
  assert.equal(await officer.getByRole('link', { name: '변경·접속 기록' }).count(), 0);
  const res = await officer.goto(`${BASE}/admin/history`);
  assert.equal(res.status(), 403);
  await officer.context().close();
});
