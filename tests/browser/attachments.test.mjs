// An administrator attaches a file with a Korean name to an organisation's page (setInputFiles), sees it
// listed, downloads it under the same name with the same bytes, and deletes it; axe-core checks the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, newPage, login, checkA11y, screenshot, useBrowser } from './lib/browser.mjs';

const chrome = useBrowser();

test('an administrator uploads a file on an organisation page and downloads it', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  const orgs = await (await page.request.get(`${BASE}/api/v1/organizations?kind=municipality`)).json();
  const org = orgs.items.find((o) => o.name === '전주시');
  await page.goto(`${BASE}/admin/organizations/${org.id}`);
  await page.getByRole('heading', { name: '첨부파일' }).waitFor();
  await checkA11y(page, 'organisation page with the attachment form');

  const name = `전주시 조직도 ${Date.now()}.pdf`;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('조직도 시험\n%%EOF')]);
  await page.getByLabel('첨부할 파일').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
  await Promise.all([page.waitForURL(`${BASE}/admin/organizations/${org.id}`), page.getByRole('button', { name: '파일 올리기' }).click()]);
  await page.getByText('첨부파일 1개를 올렸습니다.').waitFor();
  await checkA11y(page, 'organisation page listing an attachment');
  await screenshot(page, 'organisation-attachments');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  assert.equal(download.suggestedFilename(), name);
  assert.deepEqual(readFileSync(await download.path()), bytes);

  await page.getByRole('button', { name: `삭제 ${name}` }).click();
  await page.getByText(`‘${name}’을(를) 삭제했습니다.`).waitFor();
  assert.equal(await page.getByRole('link', { name }).count(), 0);
  await page.close();
});
