// The people directory (직원 찾기) in Chromium as a 시·군 officer uses it: from the menu, a search that
// narrows the list in place, a colleague's page, and another 시·군's person not found — axe-core on each page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, newPage, login, checkA11y, screenshot, useBrowser } from './lib/browser.mjs';

const chrome = useBrowser();

test('a 시·군 officer finds a colleague of his 시·군 from the menu', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'jeonju');
  await page.getByRole('link', { name: '직원 찾기', exact: true }).first().click();
  await page.waitForURL('**/people');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '직원 찾기' }).waitFor());
  const table = page.getByRole('table', { name: /직원 목록/ });
  assert.ok(await table.getByRole('link', { name: '최전주' }).isVisible(), 'himself');
  assert.ok(await table.getByRole('link', { name: '송다온' }).isVisible(), 'a colleague of his 시·군');
  assert.equal(await table.getByRole('link', { name: '정군산' }).count(), 0, 'nobody of 군산시');
  await checkA11y(page, 'people list');
  await screenshot(page, 'people-list');

  await page.getByLabel('이름·직위·소속').fill('정책기획과');
  await page.getByRole('button', { name: '검색', exact: true }).last().click();
  await page.waitForURL(/\/people\?q=/);
  await assert.doesNotReject(page.getByRole('status').filter({ hasText: '모두 1명' }).waitFor());
  assert.deepEqual(await table.locator('tbody th a').allTextContents(), ['송다온']);
  await checkA11y(page, 'people search');

  await table.getByRole('link', { name: '송다온' }).click();
  await page.waitForURL(/\/people\/\d+$/);
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: '송다온' }).waitFor());
  assert.ok(await page.getByRole('cell', { name: '전주시 정책기획과' }).isVisible());
  assert.ok(await page.getByRole('link', { name: 'jj.policy@sotong.example' }).isVisible());
  await checkA11y(page, 'person');
  await screenshot(page, 'person');
  await page.context().close();
});

test("another 시·군's person is not found", async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'coordinator');
  await page.goto(`${BASE}/people?q=${encodeURIComponent('정군산')}`);
  const href = await page.getByRole('link', { name: '정군산' }).getAttribute('href');
  await page.context().close();

  const jeonju = await newPage(chrome.browser);
  await login(jeonju, 'jeonju');
  const res = await jeonju.goto(`${BASE}${href}`);
  assert.equal(res.status(), 404);
  assert.equal(await jeonju.getByText('정군산').count(), 0);
  await checkA11y(jeonju, 'person not found');
  await jeonju.context().close();
});
