// The change history and access log in Chromium: the administrator changes an organisation, opens an account,
// then finds both in 변경·접속 기록 through the menu and the search form and opens an entry; the auditor reads
// the log too, a 시·군 officer cannot. axe-core checks every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, clickAndWaitForSwap, clickAndDownload,
  expectVisible, expectText, expectCount, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();

const suffix = Date.now().toString(36).slice(-5);
const orgDetail = /\/admin\/organizations\/\d+$/;

test('an administrator finds a change and a view of personal data in the log', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');

  // A change: a new division, renamed.
  await page.goto(`${BASE}/admin/organizations/new`);
  await page.fill('#field-code', `H-${suffix}`);
  await page.fill('#field-name', `기록시험과${suffix}`);
  await page.selectOption('#field-kind', 'division');
  await page.selectOption('#field-parent_id', { label: '기획조정실 (실국)' });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: orgDetail, status: 200 });
  const orgId = new URL(page.url()).pathname.split('/').pop();
  await clickAndWaitForPage(page, page.getByRole('link', { name: '수정' }), { url: `/admin/organizations/${orgId}/edit` });
  await page.fill('#field-name', `기록확인과${suffix}`);
  await page.fill('#field-rename_reason', '직제 개편');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: `/admin/organizations/${orgId}`, status: 200 });

  // A view of personal data: 최전주's account page, through the list's link.
  await page.goto(`${BASE}/admin/accounts`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '최전주', exact: true }).first(), { url: /\/admin\/accounts\/\d+$/, status: 200 });

  // The log, through the menu.
  await clickAndWaitForPage(page, page.getByRole('link', { name: '변경·접속 기록' }).first(), { url: '/admin/history' });
  await expectVisible(page.getByRole('heading', { level: 1, name: '변경·접속 기록' }));
  await checkA11y(page, 'history');
  await screenshot(page, 'history');

  // Search by record (htmx swaps the list in): the organisation's two changes, newest first, with before → after.
  await page.selectOption('#field-record_type', 'organization');
  await page.fill('#field-record_id', orgId);
  await page.selectOption('#field-kind', 'change');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { url: /record_id=\d+/, status: 200 });
  const rows = page.locator('tbody tr');
  await expectCount(rows, 2);
  await expectVisible(rows.first().getByText('수정', { exact: true }));
  await expectVisible(rows.first().getByText('기관명, 명칭 변경 사유 변경'));
  await expectVisible(rows.first().getByRole('link', { name: `기관 기록확인과${suffix}` }));
  await expectVisible(rows.nth(1).getByText('등록'));
  await expectCount(page.locator('h1'), 1, 'the htmx fragment brought no second page shell');
  await checkA11y(page, 'history filtered by record');

  // One entry in detail.
  await clickAndWaitForPage(page, rows.first().getByRole('link', { name: /^기록 \d+ 자세히$/ }), { url: /\/admin\/history\/\d+$/, status: 200 });
  await expectVisible(page.getByRole('cell', { name: `기록시험과${suffix}`, exact: true }));
  await expectVisible(page.getByRole('cell', { name: `기록확인과${suffix}`, exact: true }));
  await checkA11y(page, 'history entry');
  await screenshot(page, 'history-entry');

  // Search by person and action: the view of jeonju's account.
  await page.goto(`${BASE}/admin/history`);
  await page.fill('#field-login', 'admin');
  await page.fill('#field-subject', 'jeonju');
  await page.selectOption('#field-action', 'view');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { url: /subject=jeonju/, status: 200 });
  await expectVisible(page.locator('tbody tr').first().getByText('최전주 (jeonju)', { exact: true }));
  await expectVisible(page.locator('tbody tr').first().getByText('조회'));

  // A period that ends before it starts is a field error, shown in place (htmx swaps it in as a 200).
  await page.fill('#field-from', '2026-03-01');
  await page.fill('#field-to', '2026-02-01');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { status: 200 });
  await expectVisible(page.getByText('종료일은 시작일과 같거나 뒤여야 합니다.').first());
  assert.equal(await page.locator('#field-to').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'history with a field error (htmx)');
  // And without htmx: a wrong date in the address.
  const res = await page.goto(`${BASE}/admin/history?from=2026-02-30`);
  assert.equal(res.status(), 422);
  await expectVisible(page.getByText('시작일은 2026-01-31 형식의 날짜로 입력해 주십시오.').first());
  await checkA11y(page, 'history with a field error');
  await page.context().close();
});

test('the auditor reads the log; a 시·군 officer is refused', async () => {
  const auditor = await newPage(chrome.browser);
  await login(auditor, 'auditor');
  await clickAndWaitForPage(auditor, auditor.getByRole('link', { name: '변경·접속 기록' }).first(), { url: '/admin/history' });
  await auditor.selectOption('#field-kind', 'access');
  await clickAndWaitForSwap(auditor, auditor.getByRole('button', { name: '검색' }), { url: /kind=access/, status: 200 });
  await expectVisible(auditor.locator('tbody tr').first());
  await checkA11y(auditor, 'history for the auditor');
  const download = await clickAndDownload(auditor, auditor.getByRole('link', { name: '검색 결과 CSV 내려받기' }));
  assert.match(download.name, /\.csv$/);
  await auditor.context().close();

  const officer = await newPage(chrome.browser);
  await login(officer, 'jeonju');
  await expectCount(officer.getByRole('link', { name: '변경·접속 기록' }), 0);
  const res = await officer.goto(`${BASE}/admin/history`);
  assert.equal(res.status(), 403);
  await officer.context().close();
});

/** Makes a division under 기획조정실 and renames it with a long reason, through the forms; returns its id and names. */
async function renamedDivision(page, tag) {
  const code = `HW-${tag}-${suffix}`.toUpperCase().slice(0, 20);
  const first = `표시시험과${tag}${suffix}`;
  const second = `표시확인과${tag}${suffix}`;
  await page.goto(`${BASE}/admin/organizations/new`);
  await page.fill('#field-code', code);
  await page.fill('#field-name', first);
  await page.selectOption('#field-kind', 'division');
  await page.selectOption('#field-parent_id', { label: '기획조정실 (실국)' });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: orgDetail, status: 200 });
  const id = new URL(page.url()).pathname.split('/').pop();
  await page.goto(`${BASE}/admin/organizations/${id}/edit`);
  await page.fill('#field-name', second);
  await page.fill('#field-rename_reason', '도 행정기구 설치 조례 개정에 따라 과의 이름을 업무에 맞게 바꾸고 정원과 분장 사무를 다시 정함');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: `/admin/organizations/${id}`, status: 200 });
  return { id, first, second };
}

/** How many lines the element's text takes. */
function lines(locator) {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

for (const width of [1366, 360]) {
  test(`at ${width} px the log reads as Korean: names, labels, a short summary, dates on one line, the whole change in the entry`, async () => {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'admin');
    const org = await renamedDivision(page, String(width));

    await page.goto(`${BASE}/admin/history?record_type=organization&record_id=${org.id}`);
    const rows = page.locator('tbody tr');
    await expectCount(rows, 2);
    const update = rows.first();
    await expectVisible(update.getByRole('link', { name: `기관 ${org.second}` }));
    await expectVisible(update.getByText('기관명, 명칭 변경 사유 변경'));
    await expectVisible(rows.nth(1).getByText('새 기록 (항목 6개)'));
    await eventually(async () => (await lines(update.locator('td').first())) === 1, 'the date on one line');
    if (width === 1366) {
      // The list fits the screen: no sideways scrolling of its table.
      const wrap = page.locator('.krds-table-wrap').filter({ has: page.locator('caption', { hasText: '변경·접속 기록' }) });
      await eventually(async () => {
        const [scroll, client] = await wrap.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        return scroll <= client;
      }, 'the table fits its frame without sideways scrolling');
    }
    // The page itself never scrolls sideways (a phone scrolls the table inside its frame).
    await eventually(async () => {
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      return scroll <= inner;
    }, 'the page is no wider than the screen');
    await checkA11y(page, `history list ${width}`);
    await screenshot(page, `history-list-${width}`);

    // The entry holds the whole change, every value readable: the parent by its name, not a number.
    await clickAndWaitForPage(page, update.getByRole('link', { name: /^기록 \d+ 자세히$/ }), { url: /\/admin\/history\/\d+$/, status: 200 });
    await expectVisible(page.getByRole('cell', { name: org.first, exact: true }));
    await expectVisible(page.getByRole('cell', { name: org.second, exact: true }));
    await expectVisible(page.getByRole('cell', { name: /^도 행정기구 설치 조례 개정에 따라/ }));
    await expectVisible(page.getByRole('rowheader', { name: '명칭 변경 사유' }));
    await expectCount(page.getByText('(rename_reason)'), 0);
    await checkA11y(page, `history entry ${width}`);
    await screenshot(page, `history-entry-${width}`);
    await page.goto(`${BASE}/admin/history?record_type=organization&record_id=${org.id}&action=create`);
    await clickAndWaitForPage(page, page.locator('tbody tr').first().getByRole('link', { name: /^기록 \d+ 자세히$/ }), { url: /\/admin\/history\/\d+$/, status: 200 });
    await expectVisible(page.getByRole('row', { name: '상위 기관 기획조정실' }));
    await expectVisible(page.getByRole('row', { name: '유형 과' }));
    await screenshot(page, `history-entry-created-${width}`);

    // The record's name leads to its page.
    await page.goto(`${BASE}/admin/history?record_type=organization&record_id=${org.id}`);
    await clickAndWaitForPage(page, page.locator('tbody tr').first().getByRole('link', { name: `기관 ${org.second}` }), { url: `/organizations/${org.id}`, status: 200 });
    await expectVisible(page.getByRole('heading', { level: 1, name: org.second }));
    await page.context().close();
  });
}
