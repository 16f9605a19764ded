// Search in Chromium as an official would use it: the menu's 검색, a query typed into the box, marked
// matches, the next page, the empty state and the Korean message for an empty query, with axe-core on each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, clickAndWaitForSwap, expectVisible,
  expectText, expectCount, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();

test('an administrator searches from the menu, sees marked matches and opens a result', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await clickAndWaitForPage(page, page.getByRole('link', { name: '검색', exact: true }).first(), { url: '/search' });
  await expectVisible(page.getByRole('heading', { level: 1, name: '검색' }));
  await checkA11y(page, 'search form');

  // The form is htmx's: the results are swapped into the page (the address follows, before the swap).
  await page.getByLabel('검색어').fill('전북 연구');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색', exact: true }), { url: /\/search\?q=/, status: 200 });
  const status = page.getByRole('status').filter({ hasText: '검색 결과' });
  await expectText(status, /‘전북 연구’ 검색 결과 \d+건/);
  // 전북연구원 holds both words (side by side in its name): it comes first, the two marked as one.
  const first = page.locator('.sotong-search-results > li').first();
  await expectText(first.locator('.c-tit'), '전북연구원');
  assert.deepEqual(await first.locator('.c-tit mark').allTextContents(), ['전북연구']);
  await eventually(async () => (await page.locator('mark').count()) > 2, 'snippets are marked too');
  await checkA11y(page, 'search results');
  await screenshot(page, 'search-results');

  // Page 2 through the pagination (plain links), then back to a result's page.
  await page.getByLabel('검색어').fill('기관');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색', exact: true }), { url: /q=%EA%B8%B0%EA%B4%80/, status: 200 });
  await expectText(status, /‘기관’ 검색 결과 \d+건/);
  const pages = page.getByRole('navigation', { name: '검색 결과 쪽 이동' });
  await clickAndWaitForPage(page, pages.getByRole('link', { name: '2' }), { url: /[?&]page=2/, status: 200 });
  await expectText(page.locator('.page-link.active'), '현재 쪽 2');
  await checkA11y(page, 'search results page 2');
  const link = page.locator('.sotong-search-results a.c-text').first();
  const href = await link.getAttribute('href');
  await clickAndWaitForPage(page, link, { url: href, status: 200 });
  assert.match(new URL(page.url()).pathname, /^\/organizations\/\d+$/, 'an organisation opens in the directory');
  await page.context().close();
});

test('a 시·군 officer finds 군산시 in the directory, gets the empty state for a word found nowhere, and an empty query a Korean message', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'jeonju');
  await page.goto(`${BASE}/search?q=${encodeURIComponent('군산시')}`);
  await expectVisible(page.locator('.sotong-search-results a[href^="/organizations/"]').filter({ hasText: '군산시' }).first());
  await screenshot(page, 'search-officer');
  await page.goto(`${BASE}/search?q=${encodeURIComponent('숨은그림찾기')}`);
  // Nothing matches: said in Korean, with what search covers.
  await expectVisible(page.getByText('‘숨은그림찾기’에 대한 검색 결과가 없습니다.'));
  await expectCount(page.locator('mark'), 0);
  await checkA11y(page, 'search empty state');
  await screenshot(page, 'search-empty');

  await page.getByLabel('검색어').fill('');
  // htmx swaps only a 200 in: the fragment with the message comes as one.
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색', exact: true }), { status: 200 });
  await expectVisible(page.getByText('검색어를 입력해 주십시오.'));
  assert.equal(await page.getByLabel('검색어').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'search with an empty query');
  await page.context().close();
});
