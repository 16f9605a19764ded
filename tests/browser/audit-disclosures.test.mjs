// Self-disclosure in the browser: a 시·군 officer finds the form from /audit, reads that they will not see the
// filing again, files it with a document and is shown the receipt once; a wrong form comes back with the
// errors beside the fields; the auditor finds it in the list, opens it and decides it through the
// confirmation dialog; everyone reads the figures. axe-core finds nothing serious on any of these pages at
// 1366 and 360 px, and each is saved as a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, expectVisible, expectFlash,
} from './lib/browser.mjs';
import { runSuffix as run } from '../http/lib/client.mjs';

const chrome = useBrowser();
const WIDTHS = [1366, 360];

/** The page never gets wider than the screen. */
async function fitsWidth(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width + 1, `the page is ${scroll}px wide at ${width}px`);
}

async function fillFiling(page, title) {
  await page.getByLabel('제목 (필수)').fill(title);
  await page.getByLabel('경위 (필수)').fill('보조금을 지급한 뒤 정산 서류를 받지 않은 채 회계연도를 넘겼습니다.');
  await page.getByLabel(/시작일/).fill('2026-03-04');
  await page.getByLabel('잘못의 유형 (필수)').selectOption({ label: '보조금·복지급여 부당지급' });
  await page.getByLabel('관련 금액 (원)').fill('1,200,000');
  await page.getByLabel('자율 시정 내용 (필수)').fill('정산 서류를 받아 확인하고 남은 금액을 환수했습니다.');
  await page.getByLabel('증빙 서류').setInputFiles({ name: `정산서 ${title}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n정산서\n%%EOF') });
}

test('a 시·군 officer files from /audit, sees the receipt once, and a wrong form shows its errors', async () => {
  for (const width of WIDTHS) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'jeonju');
    await page.goto(`${BASE}/audit`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: '자진신고 제출' }), { url: /\/audit\/disclosures\/new$/, status: 200 });
    await expectVisible(page.getByText('제출한 뒤에는 본인도 이 신고를 다시 열어 볼 수 없습니다.'));
    await checkA11y(page, `filing form at ${width}`);
    await fitsWidth(page, width);
    await screenshot(page, `audit-disclosure-form-${width}`);

    // Submitted empty: the errors beside the fields, the form as it was.
    await clickAndWaitForPage(page, page.getByRole('button', { name: '제출', exact: true }), { url: /\/audit\/disclosures$/, status: 422 });
    // Beside the fields (the summary above the form lists them too).
    await expectVisible(page.locator('p.form-hint-invalid', { hasText: '제목을 입력해 주십시오.' }));
    await expectVisible(page.locator('p.form-hint-invalid', { hasText: '잘못의 유형을 고르십시오.' }));
    await checkA11y(page, `filing form with errors at ${width}`);
    await screenshot(page, `audit-disclosure-form-errors-${width}`);

    await fillFiling(page, `브라우저 신고 ${width} ${run}`);
    await clickAndWaitForPage(page, page.getByRole('button', { name: '제출', exact: true }), { url: /\/audit\/disclosures\/receipt$/, status: 200 });
    await expectFlash(page, '자진신고를 접수했습니다.');
    await expectVisible(page.getByRole('table', { name: '접수증' }));
    const number = await page.getByRole('table', { name: '접수증' }).locator('strong').textContent();
    assert.match(number, /^\d{4}-\d{4,}$/);
    await checkA11y(page, `receipt at ${width}`);
    await fitsWidth(page, width);
    await screenshot(page, `audit-disclosure-receipt-${width}`);
    // Shown once.
    const again = await page.goto(`${BASE}/audit/disclosures/receipt`);
    assert.equal(again.status(), 404);
    await page.context().close();
  }
});

test('the auditor finds a filing in the list, reads it and decides it through the confirmation dialog', async () => {
  for (const width of WIDTHS) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'auditor');
    await page.goto(`${BASE}/audit`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: '자진신고 목록·결정' }), { url: /\/audit\/disclosures$/, status: 200 });
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '결정 대기' });
    await clickAndWaitForPage(page, page.getByRole('button', { name: '찾기' }), { url: /state=pending/, status: 200 });
    await checkA11y(page, `list at ${width}`);
    await fitsWidth(page, width);
    await screenshot(page, `audit-disclosure-list-${width}`);

    const title = `브라우저 신고 ${width} ${run}`;
    await clickAndWaitForPage(page, page.getByRole('link', { name: title }), { url: /\/audit\/disclosures\/\d+$/, status: 200 });
    await expectVisible(page.getByRole('link', { name: `정산서 ${title}.pdf` }));
    await checkA11y(page, `filing at ${width}`);
    await fitsWidth(page, width);
    await screenshot(page, `audit-disclosure-detail-${width}`);

    await click(page.locator('label[for=field-decision-exempted]')); // KRDS draws the radio under its label
    assert.ok(await page.getByLabel('면제', { exact: true }).isChecked());
    await page.getByLabel('결정 사유 (필수)').fill('예산 손실이 없고 재발 방지 조치를 마쳐 면제합니다.');
    await click(page.getByRole('button', { name: '결정', exact: true }));
    const dialog = page.getByRole('alertdialog', { name: '이대로 결정할까요?' });
    await expectVisible(dialog);
    await checkA11y(page, `confirmation at ${width}`);
    await clickAndWaitForPage(page, dialog.getByRole('button', { name: '결정' }), { url: /\/audit\/disclosures\/\d+$/, status: 200 });
    await expectFlash(page, '‘면제’ 결정을 등록했습니다.');
    await expectVisible(page.getByRole('table', { name: '감사관실의 결정' }));
    await checkA11y(page, `decided filing at ${width}`);
    await screenshot(page, `audit-disclosure-decided-${width}`);
    await page.context().close();
  }
});

test('everyone reads the figures; the administrator is shown no filing', async () => {
  for (const login_id of ['committee', 'admin', 'jeonju']) {
    for (const width of WIDTHS) {
      const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
      await login(page, login_id);
      await page.goto(`${BASE}/audit`);
      await clickAndWaitForPage(page, page.getByRole('link', { name: '자진신고 통계' }), { url: /\/audit\/disclosures\/figures$/, status: 200 });
      await expectVisible(page.getByRole('table', { name: /연도별 자진신고 처리 현황/ }));
      await checkA11y(page, `figures as ${login_id} at ${width}`);
      await fitsWidth(page, width);
      await screenshot(page, `audit-disclosure-figures-${login_id}-${width}`);
      if (login_id === 'admin') {
        const list = await page.goto(`${BASE}/audit/disclosures`);
        assert.equal(list.status(), 404);
      }
      await page.context().close();
    }
  }
});
