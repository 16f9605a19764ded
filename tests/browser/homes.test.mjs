// Every role has a home that says what it can do: a walk through the home page and the menu of each demo
// login at 1366 px and at 360 px. The home lists what waits first, then what the person can do here (every
// entry of their menu, each with what it is for); the organisation directory and the working-day calculator
// are in every menu; the dashboard's figures link to the lists they count, and those lists agree.
// (The previous sign-in and the waiting tasks are checked in tests/http/home.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, expectVisible, expectText,
} from './lib/browser.mjs';

const chrome = useBrowser();

// One login per role of the demo data, with an entry its menu must offer beyond the ones every role has.
const roles = [
  ['jeonju', '시·군 담당자', '직원 찾기'],
  ['coordinator', '시·군정책협력담당', '직원 찾기'],
  ['auditor', '감사관실', '변경·접속 기록'],
  ['expert', '외부 전문가', '검색'],
  ['admin', '시스템 관리자', '계정 관리'],
];

for (const [loginId, role, special] of roles) {
  for (const width of [1366, 360]) {
    test(`${loginId} (${role}) at ${width} px: a home that says what to do, and a menu that reaches it`, async () => {
      const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
      await login(page, loginId);
      await expectVisible(page.getByRole('heading', { level: 2, name: '처리할 일' }));
      const can = page.locator('.capability-list');
      for (const name of ['기관 안내', '공휴일·근무일', '검색', special]) {
        await expectVisible(can.getByRole('link', { name, exact: true }), `${loginId}: ${name} on the home page`);
      }
      assert.ok((await can.locator('li p').count()) >= 4, 'each thing to do is explained');
      await checkA11y(page, `${loginId} home ${width}`);
      await screenshot(page, `home-${loginId}-${width}`);
      if (width === 1366) {
        // The menu in the header offers the same entries.
        const menu = page.locator('.krds-main-menu');
        for (const name of ['기관 안내', '공휴일·근무일']) await expectVisible(menu.getByRole('link', { name, exact: true }));
      }
      await page.context().close();
    });
  }
}

test('the directory: a 시·군 officer finds 군산시\'s contact from the home page', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'jeonju');
  await clickAndWaitForPage(page, page.locator('.capability-list').getByRole('link', { name: '기관 안내' }), {
    url: /\/organizations$/,
  });
  await expectVisible(page.getByRole('heading', { level: 1, name: '기관 안내' }));
  await clickAndWaitForPage(page, page.getByRole('link', { name: '군산시', exact: true }), { url: /\/organizations\/\d+$/ });
  await expectVisible(page.getByRole('heading', { level: 1, name: '군산시' }));
  await expectText(page.locator('.detail-list'), /전북특별자치도 군산시 시청로 17/);
  await expectVisible(page.getByRole('link', { name: 'https://www.gunsan.go.kr' }));
  assert.equal(await page.getByRole('link', { name: '연락처 수정' }).count(), 0, 'no edit for a 시·군 officer');
  await checkA11y(page, 'directory entry');
  await screenshot(page, 'directory-entry');
  await page.setViewportSize({ width: 360, height: 800 });
  await screenshot(page, 'directory-entry-360');
  await page.context().close();
});

test('the dashboard\'s organisation counts open the directory list they count', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'coordinator');
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: '기관 현황' }) });
  const figure = card.locator('dt', { hasText: '시·군' }).locator('xpath=following-sibling::dd//a');
  const shown = Number((await figure.textContent()).replace(/\D/g, ''));
  await clickAndWaitForPage(page, figure, { url: /\/organizations\?kind=municipality$/ });
  await expectText(page.getByRole('status'), `모두 ${shown}개 기관`);
  await page.context().close();
});
