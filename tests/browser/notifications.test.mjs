// The inbox in Chromium: after an administrator resets a person's password, the person sees "알림 1" in the
// header, opens the inbox, marks the notification read (the count drops to 0) and opens the delivery
// settings; axe-core finds nothing serious on either page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, expectVisible, expectText, expectCount,
  expectFlash,
} from './lib/browser.mjs';
import { Client, csrfFrom } from '../http/lib/client.mjs';

const chrome = useBrowser();

const suffix = Date.now().toString(36).slice(-5);

test('a person sees the unread count, reads the notification in the inbox and chooses a delivery', async () => {
  const loginId = `b-notify-${suffix}`;
  const admin = new Client();
  await admin.login('admin');
  const orgs = (await (await admin.get('/api/v1/organizations')).json()).items;
  const created = await admin.follow(await admin.postForm('/admin/accounts', [
    ['_csrf', await admin.csrf('/admin/accounts/new')], ['login_id', loginId], ['display_name', '알림 확인'],
    ['position', '주무관'], ['email', ''], ['organization_id', String(orgs.find((o) => o.code === '52110').id)],
    ['roles', 'municipal'],
  ]));
  const id = Number((await created.text()).match(/href="\/admin\/accounts\/(\d+)"/)[1]);
  const detail = await (await admin.get(`/admin/accounts/${id}`)).text();
  const reset = await admin.follow(await admin.postForm(`/admin/accounts/${id}/reset-password`, { _csrf: csrfFrom(detail), confirmed: '1' }));
  const initial = (await reset.text()).match(/id="initial-password"[^>]*>([^<]+)</)[1];

  // The reset notifies at once (in the same transaction): the first page after the password change counts it.
  const page = await newPage(chrome.browser);
  await login(page, loginId, initial);
  const chosen = `Inbox-${suffix}-7!`;
  await page.fill('#field-current', initial);
  await page.fill('#field-next', chosen);
  await page.fill('#field-confirm', chosen);
  await clickAndWaitForPage(page, page.locator('form:has(#field-next) [type=submit]').first(), { url: '/', status: 200 });

  const badge = page.locator('.header-utility a.user-notifications');
  await expectText(badge, /알림 1/);
  await clickAndWaitForPage(page, badge, { url: '/notifications', status: 200 });
  await expectVisible(page.getByRole('heading', { level: 2, name: /비밀번호가 초기화되었습니다/ }));
  await checkA11y(page, 'inbox');
  await screenshot(page, 'notifications-inbox');
  const markRead = page.getByRole('button', { name: '‘비밀번호가 초기화되었습니다’ 읽음으로 표시' });
  await clickAndWaitForPage(page, markRead, { url: '/notifications', status: 200 });
  await expectFlash(page, '알림을 읽음으로 표시했습니다.');
  await expectText(page.locator('.header-utility a.user-notifications'), /알림 0/);
  await expectCount(page.getByText('새 알림'), 0);
  await checkA11y(page, 'inbox after reading');

  await clickAndWaitForPage(page, page.getByRole('link', { name: '알림 받는 방법' }).first(), { url: '/notifications/settings' });
  await checkA11y(page, 'notification settings');
  await click(page.locator('label[for=delivery-daily]')); // KRDS draws the radio under its label
  assert.ok(await page.getByLabel('하루 한 번 모아 받기').isChecked(), 'the label checks its radio');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: '/notifications/settings', status: 200 });
  await expectFlash(page, '알림 받는 방법을 ‘하루 한 번 모아 받기’로 변경했습니다.');
  assert.ok(await page.getByLabel('하루 한 번 모아 받기').isChecked(), 'the choice is kept');
  await page.context().close();
});
