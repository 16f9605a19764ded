// Downloading a filtered list as CSV and XLSX from the page, and printing a detail page: the print button
// (shown only with JavaScript, no inline handler) opens the print dialog and the print stylesheet leaves
// only the content. axe-core checks every page on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newContext, newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, clickAndWaitForSwap,
  clickAndDownload, expectVisible, expectHidden, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();

/** Clicks the link named `name` and returns the download: its suggested name and its bytes. */
const downloadVia = (page, name) => clickAndDownload(page, page.getByRole('link', { name }));

test('an administrator filters the organisation list and downloads exactly those rows', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations`);
  // Filter through the form (htmx swaps the list and its download links).
  await page.selectOption('#filter-kind', 'municipality');
  await page.fill('#filter-q', '군');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { url: /kind=municipality/, status: 200 });
  await expectVisible(page.getByText('모두 9개 기관'));
  await checkA11y(page, 'organisation list with download links');
  await screenshot(page, 'organisation-list-exports');

  const csv = await downloadVia(page, 'CSV 내려받기');
  assert.match(csv.name, /^기관 목록_\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  assert.equal(lines[0], '기관코드,기관명,유형,상위 기관,상태,등록일시,최종 수정');
  assert.equal(lines.length, 1 + 9, 'the 8 군 and 군산시, as on screen');
  assert.ok(lines.slice(1).every((l) => /^\d{5},[^,]*군[^,]*,시·군,/.test(l)), lines.join('\n'));

  const xlsx = await downloadVia(page, '엑셀 내려받기');
  assert.match(xlsx.name, /^기관 목록_\d{4}-\d{2}-\d{2}\.xlsx$/);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');
  await page.context().close();
});

test('the account list downloads with its filters, and a detail page prints cleanly', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/accounts?role=municipal`);
  await checkA11y(page, 'account list with download links');
  const csv = await downloadVia(page, 'CSV 내려받기');
  assert.match(csv.name, /^계정 목록_\d{4}-\d{2}-\d{2}\.csv$/);
  const logins = csv.bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean).slice(1).map((l) => l.split(',')[0]);
  assert.ok(logins.includes('jeonju') && logins.includes('gunsan') && !logins.includes('admin'), logins.join(' '));

  for (const [path, heading] of [['/admin/accounts?q=jeonju', '최전주'], ['/admin/organizations?q=52110', '전주시']]) {
    await page.goto(`${BASE}${path}`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: heading, exact: true }), { url: /\/\d+$/, status: 200 });
    const print = page.getByRole('button', { name: '인쇄' });
    await expectVisible(print, 'the print button shows once the script runs');
    await checkA11y(page, `${heading} detail with print button`);
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await click(print);
    await eventually(async () => (await page.evaluate(() => window.__printed)) === 1, 'the button opens the print dialog');

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['#krds-header', '#krds-masthead', '#breadcrumb', '#krds-footer', '.page-actions', '[data-print]']) {
      await expectHidden(page.locator(hidden).first(), `${hidden} is not printed`);
    }
    await expectVisible(page.getByRole('heading', { level: 1, name: heading }), 'the title is printed');
    await expectVisible(page.locator('table.tbl').first(), 'the details are printed');
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    await page.emulateMedia({ media: 'screen' });
  }
  await page.context().close();
});

test('without JavaScript the print button stays hidden (a button that does nothing is never shown)', async () => {
  const context = await newContext(chrome.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations?q=52000`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '전북특별자치도', exact: true }), { url: /\/\d+$/, status: 200 });
  // Without scripts nothing can change the page after it loaded: one look is the answer.
  assert.equal(await page.locator('[data-print]').isVisible(), false);
  await context.close();
});
