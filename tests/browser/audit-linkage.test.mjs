// Data linkage in Chromium as the audit office uses it: import two CSV files with Korean headers (choosing the
// kind, looking at the masked preview, mapping the columns and saying why the data is held), run the seed's
// scenario, open the flagged row's evidence and download the result as Excel. axe-core on every page,
// photographed at 1366 and 360 px; at 360 px nothing runs off the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, clickAndDownload, checkA11y, screenshot, useBrowser, expectVisible,
  expectFlash,
} from './lib/browser.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const desk = { viewport: { width: 1366, height: 900 } };
const phone = { viewport: { width: 360, height: 740 } };

const refunds = ['환급번호,주민등록번호,시군구코드,지급일자,환급액',
  `B-${suffix}-1,650303-1234567,52190,2025-06-30,"820,000,000"`,
  `B-${suffix}-2,700404-2345678,52190,2025-06-30,12000`].join('\n');
const deaths = ['주민등록번호,사망일자', '650303-1234567,2025-01-15'].join('\n');

async function look(page, name, label = name) {
  await checkA11y(page, label);
  await screenshot(page, name);
}

async function alsoOnPhone(page, name) {
  const small = await page.context().newPage();
  await small.setViewportSize(phone.viewport);
  await small.goto(page.url());
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${name}: the page is ${width} px wide at 360 px`);
  await look(small, name, `${page.url()} at 360`);
  await small.close();
}

async function importCsv(page, kind, name, text, title) {
  await page.goto(`${BASE}/audit/linkage/datasets/new`);
  await click(page.locator(`label[for=kind-${kind}]`)); // KRDS draws the radio under its label
  assert.ok(await page.locator(`#kind-${kind}`).isChecked());
  await page.getByLabel('파일').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '올리고 열 맞추기' }), { url: /\/audit\/linkage\/uploads\/\d+$/ });
  await expectVisible(page.getByText(/\d{6}-\d\*{6}/).first(), 'resident numbers masked in the preview');
  await page.getByLabel('이름').fill(title);
  await page.getByLabel('이용 목적').fill('사망자 환급 확인');
  await page.getByLabel('법적 근거').fill('공공감사에 관한 법률 제20조');
  await page.getByLabel('보유 기한').fill(`${new Date().getFullYear() + 1}-06-30`);
  return page;
}

test('an auditor imports two registers, runs the seed’s scenario, opens the flagged row and exports', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'auditor');
  await page.goto(`${BASE}/audit`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '전산감사(자료 연계 분석)' }), { url: /\/audit\/linkage$/ });
  await look(page, 'audit-linkage-home-1366');
  await alsoOnPhone(page, 'audit-linkage-home-360');

  await page.goto(`${BASE}/audit/linkage/datasets/new`);
  await look(page, 'audit-linkage-upload-1366');
  await importCsv(page, 'refunds', '환급.csv', refunds, `환급 ${suffix}`);
  // The columns were matched by their Korean headers; one is changed and put back by hand, as a person would.
  await page.getByLabel('환급액').selectOption('환급액');
  await look(page, 'audit-linkage-mapping-1366');
  await alsoOnPhone(page, 'audit-linkage-mapping-360');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '들여오기' }), { url: /\/audit\/linkage\/datasets\/\d+$/ });
  await expectFlash(page, '데이터셋을 들여왔습니다. 주민등록번호는 암호화된 값으로만 남았습니다.');
  await look(page, 'audit-linkage-dataset-1366');

  await importCsv(page, 'deaths', '사망.csv', deaths, `사망 ${suffix}`);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '들여오기' }), { url: /\/audit\/linkage\/datasets\/\d+$/ });

  await page.goto(`${BASE}/audit/linkage`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '사망자 지방세 환급' }), { url: /\/audit\/linkage\/scenarios\/\d+$/ });
  await page.getByLabel('지방세 환급 자료').selectOption({ label: `환급 ${suffix} (2행)` });
  await page.getByLabel('사망 신고 자료').selectOption({ label: `사망 ${suffix} (1행)` });
  await look(page, 'audit-linkage-scenario-1366');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '분석 실행' }), { url: /\/audit\/linkage\/runs\/\d+$/ });
  await expectFlash(page, '분석을 마쳤습니다.');
  await expectVisible(page.getByRole('rowheader', { name: /남원시/ }), 'the total of 남원시');
  await look(page, 'audit-linkage-run-1366');
  await alsoOnPhone(page, 'audit-linkage-run-360');

  const download = await clickAndDownload(page, page.getByRole('link', { name: '엑셀로 내려받기' }));
  assert.match(download.name, /\.xlsx$/);
  assert.equal(download.bytes.subarray(0, 2).toString(), 'PK');

  await clickAndWaitForPage(page, page.getByRole('link', { name: `B-${suffix}-1` }), { url: /\/audit\/linkage\/flags\/\d+$/ });
  await expectVisible(page.getByRole('cell', { name: '2025-01-15' }), 'the death row as evidence');
  await expectVisible(page.getByText(/개인 #[0-9a-f]{8}/).first(), 'the person by the hash’s short label');
  assert.doesNotMatch(await page.content(), /650303/);
  await look(page, 'audit-linkage-flag-1366');
  await alsoOnPhone(page, 'audit-linkage-flag-360');
  await page.context().close();
});

test('a 시·군 officer is offered no data linkage and is refused its pages', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'jeonju');
  await page.goto(`${BASE}/audit`);
  assert.equal(await page.getByRole('link', { name: '전산감사(자료 연계 분석)' }).count(), 0);
  const res = await page.goto(`${BASE}/audit/linkage`);
  assert.equal(res.status(), 403);
  await page.context().close();
});
