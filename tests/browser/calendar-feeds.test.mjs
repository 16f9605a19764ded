// Calendar subscriptions (일정 구독) in Chromium, at 1366 and 360 px: the page from the menu, 「구독 주소 만들기」 for
// the holidays showing the new address once, a calendar client (no cookie) reading it, and 「폐기」 asking in the
// dialog before the address stops answering. axe-core on each state; the page never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible, expectHidden,
  expectFlash, expectCount, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();

async function fitsTheScreen(page) {
  await eventually(async () => {
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    return scroll <= inner;
  }, 'the page is no wider than the screen');
}

for (const [width, person] of [[1366, 'planning'], [360, 'economy']]) {
  test(`at ${width} px a person makes an address for the holidays, a calendar reads it, and revoking it asks first`, async () => {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, person);
    if (width === 1366) {
      await clickAndWaitForPage(page, page.locator('.krds-main-menu').getByRole('link', { name: '일정 구독' }).first(), { url: '/calendar/feeds' });
    } else {
      await page.goto(`${BASE}/calendar/feeds`);
    }
    await expectVisible(page.getByRole('heading', { level: 1, name: '일정 구독' }));
    await expectVisible(page.getByRole('heading', { name: '캘린더에 추가하는 방법' }));
    await expectVisible(page.getByText('URL로 추가', { exact: true }));
    await fitsTheScreen(page);
    await checkA11y(page, `calendar feeds ${width}`);
    await screenshot(page, `calendar-feeds-${width}`);

    await clickAndWaitForPage(page, page.getByRole('button', { name: '공휴일 구독 주소 만들기' }), { url: '/calendar/feeds', status: 200 });
    await expectFlash(page, '구독 주소를 만들었습니다. 이 화면에서 10분 동안만 보입니다.');
    const address = page.getByRole('textbox', { name: '구독 주소' });
    await expectVisible(address);
    const url = await address.inputValue();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/calendar\/feeds\/stc_[A-Za-z0-9_-]{43}\.ics$/);
    assert.equal(await address.getAttribute('readonly'), '');
    const table = page.getByRole('table', { name: /내 구독 주소/ });
    await expectVisible(table.getByRole('row', { name: /공휴일 \(새 주소\)/ }));
    await fitsTheScreen(page);
    await checkA11y(page, `calendar feeds with a new address ${width}`);
    await screenshot(page, `calendar-feeds-new-${width}`);

    // A calendar client has no cookie: the address alone is enough.
    const feed = await fetch(url, { redirect: 'manual' });
    assert.equal(feed.status, 200);
    assert.equal(feed.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n[\s\S]*SUMMARY:추석\r\n/);

    // 폐기 asks in the dialog; Esc keeps the address, 폐기 revokes it.
    const revoke = table.getByRole('button', { name: '공휴일 구독 주소 폐기' }).first();
    await click(revoke);
    const dialog = page.getByRole('alertdialog', { name: '구독 주소를 폐기할까요?' });
    await expectVisible(dialog);
    await checkA11y(page, `revoke dialog ${width}`);
    await screenshot(page, `calendar-feeds-revoke-${width}`);
    await page.keyboard.press('Escape');
    await expectHidden(dialog);
    assert.equal((await fetch(url, { redirect: 'manual' })).status, 200, 'still answering');
    await click(revoke);
    await expectVisible(dialog);
    await clickAndWaitForPage(page, dialog.getByRole('button', { name: '폐기' }), { url: '/calendar/feeds', status: 200 });
    await expectFlash(page, '‘공휴일’의 구독 주소를 폐기했습니다.');
    await expectCount(page.getByRole('textbox', { name: '구독 주소' }), 0);
    const gone = await fetch(url, { redirect: 'manual' });
    assert.equal(gone.status, 404);
    await fitsTheScreen(page);
    await checkA11y(page, `calendar feeds after revoking ${width}`);
    await page.context().close();
  });
}
