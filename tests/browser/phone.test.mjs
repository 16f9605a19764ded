// The phone works: at 360 px the 알림 link with its unread count is in the header and in the full menu; the
// menu closes with Esc and gives the focus back to the button that opened it; lists and detail pages fit the
// screen (a wide table scrolls inside its own region, never the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, checkA11y, screenshot, useBrowser, expectVisible, expectHidden, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();
const phone = { viewport: { width: 360, height: 740 } };

test('at 360 px the notifications link and its count are in the header and the full menu; Esc closes the menu', async () => {
  const page = await newPage(chrome.browser, phone);
  await login(page, 'jeonju');
  const header = page.locator('#krds-header .header-actions');
  await expectVisible(header.getByRole('link', { name: /알림/ }), 'the 알림 link in the header');
  const opener = page.getByRole('link', { name: '전체메뉴' });
  await click(opener);
  const menu = page.locator('#mobile-nav');
  await expectVisible(menu.getByRole('link', { name: /알림/ }), 'the 알림 link in the full menu');
  await expectVisible(menu.getByRole('link', { name: '기관 안내' }));
  // (No full-page screenshot here: it resizes the page, and KRDS closes its menu on a resize.) The menu has
  // finished opening (KRDS moves the focus into it at the end of its transition) before a person presses a key.
  await eventually(() => page.evaluate(() => document.activeElement?.classList.contains('gnb-wrap')), 'the open menu has the focus');
  await page.keyboard.press('Escape');
  await expectHidden(menu.getByRole('link', { name: '기관 안내' }), 'Esc closes the menu');
  await eventually(() => page.evaluate(() => document.activeElement?.getAttribute('aria-controls') === 'mobile-nav'),
    'the focus is back on 전체메뉴');
  await page.context().close();
});

for (const [login_id, path] of [
  ['jeonju', '/organizations'],
  ['jeonju', '/people'],
  ['admin', '/admin/accounts'],
  ['admin', '/admin/history?kind=change'],
  ['admin', '/admin/holidays'],
]) {
  test(`at 360 px ${path} fits the screen; a wide table scrolls in its own labelled region`, async () => {
    const page = await newPage(chrome.browser, phone);
    await login(page, login_id);
    await page.goto(`${BASE}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    const wraps = page.locator('.krds-table-wrap');
    for (let i = 0; i < (await wraps.count()); i++) {
      const wrap = wraps.nth(i);
      if (await wrap.evaluate((el) => el.scrollWidth > el.clientWidth)) {
        assert.equal(await wrap.getAttribute('role'), 'region', 'a scrolling table is a region');
        assert.ok(await wrap.getAttribute('aria-label'), 'with a label');
        assert.equal(await wrap.getAttribute('tabindex'), '0', 'that the keyboard can scroll');
      }
    }
    await checkA11y(page, `${path} at 360`);
    await screenshot(page, `phone${path.replace(/[^a-z]+/g, '-')}`);
    await page.context().close();
  });
}

test('at 360 px a detail page fits: title and value stack', async () => {
  const page = await newPage(chrome.browser, phone);
  await login(page, 'admin');
  const orgs = await (await page.request.get(`${BASE}/api/v1/organizations?kind=municipality`)).json();
  await page.goto(`${BASE}/admin/organizations/${orgs.items[0].id}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await screenshot(page, 'phone-organization-detail');
  await page.context().close();
});
