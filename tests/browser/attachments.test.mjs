// An administrator attaches a file with a Korean name to an organisation's page (setInputFiles), sees it
// listed, downloads it under the same name with the same bytes, and deletes it; axe-core checks the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, clickAndDownload, expectVisible,
  expectCount, expectFlash, expectText, click,
} from './lib/browser.mjs';

const chrome = useBrowser();

test('an administrator uploads a file on an organisation page and downloads it', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  const orgs = await (await page.request.get(`${BASE}/api/v1/organizations?kind=municipality`)).json();
  const org = orgs.items.find((o) => o.name === '전주시');
  const orgPage = `/admin/organizations/${org.id}`;
  await page.goto(`${BASE}${orgPage}`);
  await expectVisible(page.getByRole('heading', { name: '첨부파일' }));
  await checkA11y(page, 'organisation page with the attachment form');

  // Uploading and deleting both come back to the organisation's page (POST/redirect/GET to the same address).
  const name = `전주시 조직도 ${Date.now()}.pdf`;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('조직도 시험\n%%EOF')]);
  await page.getByLabel('첨부할 파일').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '파일 올리기' }), { url: orgPage, status: 200 });
  await expectFlash(page, '첨부파일 1개를 올렸습니다.');
  await checkA11y(page, 'organisation page listing an attachment');
  await screenshot(page, 'organisation-attachments');

  const download = await clickAndDownload(page, page.getByRole('link', { name }));
  assert.equal(download.name, name);
  assert.deepEqual(download.bytes, bytes);

  // Deleting asks first, in the confirmation dialog.
  await click(page.getByRole('button', { name: `삭제 ${name}` }));
  const dialog = page.getByRole('alertdialog', { name: '첨부파일을 삭제할까요?' });
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '삭제' }), { url: orgPage, status: 200 });
  await expectFlash(page, `‘${name}’를 삭제했습니다.`); // …pdf, read 피디에프: 를
  await expectCount(page.getByRole('link', { name }), 0);
  await page.context().close();
});

test('a refused upload stays on its page, with the reason beside the file field', async () => {
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'admin');
    const orgs = await (await page.request.get(`${BASE}/api/v1/organizations?kind=municipality`)).json();
    const org = orgs.items.find((o) => o.name === '군산시');
    const orgPage = `/admin/organizations/${org.id}`;
    await page.goto(`${BASE}${orgPage}`);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
    await page.getByLabel('첨부할 파일').setInputFiles({ name: '보고서.pdf', mimeType: 'application/pdf', buffer: exe });
    await clickAndWaitForPage(page, page.getByRole('button', { name: '파일 올리기' }), { url: orgPage, status: 200 });
    await expectFlash(page, '첨부파일을 올리지 못했습니다.');
    await expectText(page.locator('#attachment-error'), /보고서\.pdf/);
    assert.equal(await page.getByLabel('첨부할 파일').getAttribute('aria-invalid'), 'true');
    await checkA11y(page, `refused upload ${width}`);
    await screenshot(page, `attachment-refused-${width}`);
    await page.context().close();
  }
});
