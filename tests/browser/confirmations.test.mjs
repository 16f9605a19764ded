// The shared confirmation pattern in Chromium: a destructive form opens the KRDS dialog first; Esc and 취소
// close it, change nothing and give the focus back to the button; 확인 runs the action. Without script the
// server asks on a page of its own. At 1366 and 360 px, with axe-core on the open dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, newContext, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible,
  expectHidden, expectFlash, eventually,
} from './lib/browser.mjs';
import { Client, createToken, fetch } from '../http/lib/client.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function newOrganization(key) {
  const token = createToken('admin', 'browser-confirm');
  const api = new Client();
  const province = (await (await api.apiGet('/api/v1/organizations?kind=province', token)).json()).items[0];
  const res = await fetch(`${BASE}/api/v1/organizations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: `B${suffix}${key}`.toUpperCase().slice(0, 20), name: `확인 대화상자 ${key} ${suffix}`, kind: 'agency', parent_id: province.id, sort_order: 0 }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

for (const width of [1366, 360]) {
  test(`at ${width} px a deactivation asks in a dialog: Esc keeps everything, 확인 deactivates`, async () => {
    const id = await newOrganization(`W${width}`);
    const page = await newPage(chrome.browser, { viewport: { width, height: 800 } });
    await login(page, 'admin');
    await page.goto(`${BASE}/admin/organizations/${id}`);
    const button = page.getByRole('button', { name: '비활성화', exact: true });
    await click(button);
    const dialog = page.getByRole('alertdialog', { name: '기관을 비활성화할까요?' });
    await expectVisible(dialog);
    await eventually(() => page.evaluate(() => document.activeElement?.hasAttribute('data-confirm-cancel')), 'the focus is on 취소');
    await checkA11y(page, `confirmation dialog ${width}`);
    await screenshot(page, `confirm-dialog-${width}`);
    await page.keyboard.press('Escape');
    await expectHidden(dialog);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim() === '비활성화'), 'the focus is back on the button');
    assert.match(await page.locator('.tbl').first().textContent(), /사용/, 'still active');

    await click(button);
    await expectVisible(dialog);
    await clickAndWaitForPage(page, dialog.getByRole('button', { name: '비활성화' }));
    await expectFlash(page, '기관을 비활성화했습니다.');
    await page.context().close();
  });
}

test('without script the server asks on its own page', async () => {
  const id = await newOrganization('NOJS');
  const context = await newContext(chrome.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations/${id}`);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '비활성화', exact: true }), { status: 200 });
  await expectVisible(page.getByRole('heading', { level: 1, name: '기관을 비활성화할까요?' }));
  // (axe-core needs script in the page: the same page is checked with script on, below.)
  await screenshot(page, 'confirm-page');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '비활성화', exact: true }));
  await expectFlash(page, '기관을 비활성화했습니다.');
  await context.close();
});

test('the page that asks is accessible (checked with script on, reached by a form without the dialog)', async () => {
  const id = await newOrganization('PAGE');
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations/${id}`);
  // Posting the form straight (form.submit() fires no submit event, so no dialog opens) reaches the page.
  await clickAndWaitForPage(page, async () =>
    page.evaluate(() => document.querySelector('form[data-confirm-message]').submit()), { status: 200 });
  await expectVisible(page.getByRole('heading', { level: 1, name: '기관을 비활성화할까요?' }));
  await checkA11y(page, 'confirmation page');
  await page.context().close();
});
