// 회의 (meetings) in Chromium as the coordinator reads them: the bodies, one body, a meeting convened there,
// and the calendar's month, week and list views with that meeting on its day — at 1366 px and again at 360 px
// (where the month becomes a list of days), axe-core clean on every page, photographed into test-results/.
import { test } from 'node:test';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, expectVisible, expectCount,
} from './lib/browser.mjs';

const chrome = useBrowser();

// A day of its own in a month ahead, so that reruns against the same database never meet.
const now = new Date(Date.now() + 9 * 3600 * 1000);
const ahead = new Date(Date.UTC(now.getUTCFullYear() + 1 + Math.floor(Math.random() * 20), Math.floor(Math.random() * 12), 10 + Math.floor(Math.random() * 10)));
const date = ahead.toISOString().slice(0, 10);
const month = date.slice(0, 7);

test('the coordinator opens the bodies, a body, a meeting and the calendar at 1366 and 360 px', async () => {
  let meetingPath;
  {
    const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
    await login(page, 'coordinator');
    await clickAndWaitForPage(page, page.locator('.krds-main-menu').getByRole('link', { name: '회의', exact: true }), { url: '/meetings' });
    await checkA11y(page, 'meeting bodies');
    await screenshot(page, 'meetings-bodies-1366');
    await clickAndWaitForPage(page, page.getByRole('link', { name: '지방자치정책협의회' }), { url: /\/meetings\/bodies\/\d+$/ });
    await checkA11y(page, 'a body');
    await screenshot(page, 'meetings-body-1366');
    await page.fill('#field-convene-date', date);
    await clickAndWaitForPage(page, page.getByRole('button', { name: '회의 만들기' }), { url: /\/meetings\/\d+$/ });
    meetingPath = new URL(page.url()).pathname;
    await checkA11y(page, 'a meeting');
    await screenshot(page, 'meetings-meeting-1366');

    await page.goto(`${BASE}/meetings/calendar?month=${month}`);
    await expectVisible(page.locator(`.sotong-month-table a[href="${meetingPath}"]`), 'the meeting on its day');
    await checkA11y(page, 'calendar month');
    await screenshot(page, 'meetings-calendar-month-1366');
    await clickAndWaitForPage(page, page.getByRole('link', { name: '주', exact: true }), { url: /view=week/ });
    await checkA11y(page, 'calendar week');
    await screenshot(page, 'meetings-calendar-week-1366');
    await page.goto(`${BASE}/meetings/calendar?view=list&month=${month}`);
    await expectVisible(page.getByRole('table').getByRole('link', { name: /지방자치정책협의회/ }).first());
    await checkA11y(page, 'calendar list');
    await screenshot(page, 'meetings-calendar-list-1366');
    await page.goto(`${BASE}/meetings/figures`);
    // The three charts (meetings held per body, attendance rate per organisation, action items) drawn as SVG.
    await expectCount(page.locator('.sotong-chart svg'), 3, 'three charts drawn as SVG');
    for (const chart of await page.locator('.sotong-chart').all()) await expectVisible(chart);
    await checkA11y(page, 'meeting figures');
    await screenshot(page, 'meetings-figures-1366');
    await page.context().close();
  }
  {
    const page = await newPage(chrome.browser, { viewport: { width: 360, height: 780 } });
    await login(page, 'coordinator');
    for (const [path, name] of [['/meetings', 'bodies'], [meetingPath, 'meeting'], [`/meetings/calendar?month=${month}`, 'calendar-month']]) {
      await page.goto(`${BASE}${path}`);
      await checkA11y(page, `${name} at 360 px`);
      await screenshot(page, `meetings-${name}-360`);
    }
    await expectVisible(page.locator(`.sotong-month-table a[href="${meetingPath}"]`), 'the meeting on a phone');
    await page.goto(`${BASE}/meetings`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: '지방자치정책협의회' }), { url: /\/meetings\/bodies\/\d+$/ });
    await checkA11y(page, 'a body at 360 px');
    await screenshot(page, 'meetings-body-360');
    await page.context().close();
  }
});
