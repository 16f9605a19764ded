// 현장감사·감사협의 in the browser: the auditor plans an audit of 전주시 from the list, a close plan comes back with
// the warning and 「그래도 저장」, 전주시 gives its opinion and agrees (the KRDS confirm dialog), the auditor
// records a finding and 전주시 reports on it; the calendar, the findings and the figures. Each page is
// axe-clean at 1366 and 360 px (never wider than the screen), and screenshots are kept for each role.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, expectVisible, expectFlash,
} from './lib/browser.mjs';
import { runSuffix as run } from '../http/lib/client.mjs';

const chrome = useBrowser();
const year = 2032; // away from the demo data and the HTTP test's audits
let auditUrl;
let findingUrl;

async function fits(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${label}: the page is ${overflow} px wider than the screen`);
}

async function look(page, name, { width }) {
  await checkA11y(page, `${name} at ${width}`);
  if (width <= 400) await fits(page, name);
  await screenshot(page, `audit-field-${name}-${width}`);
}

test('the auditor plans an audit, is warned of a close one and saves it anyway', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'auditor');
  await page.goto(`${BASE}/audit`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '현장감사·감사협의', exact: true }).last(), { url: /\/audit\/field$/, status: 200 });
  await look(page, 'list-auditor', { width: 1366 });
  await clickAndWaitForPage(page, page.getByRole('link', { name: '감사 계획 등록' }), { url: /\/audit\/field\/new$/, status: 200 });
  const fill = async (title, start, end) => {
    await page.selectOption('#field-organization_id', { label: '전주시 (시·군)' });
    await page.fill('#field-title', title);
    await page.selectOption('#field-kind', 'general');
    await page.fill('#field-purpose', '주요 사업의 추진 과정을 점검합니다.');
    await page.fill('#field-areas', '예산 집행, 계약');
    await click(page.locator('label[for="field-method-mixed"]'));
    await page.fill('#field-start_date', start);
    await page.fill('#field-end_date', end);
    await page.fill('#field-team', '감사팀 4명');
  };
  await look(page, 'plan-form', { width: 1366 });
  await fill(`전주시 종합감사 ${run}`, `${year}-03-02`, `${year}-03-06`);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { url: /\/audit\/field\/\d+$/, status: 200 });
  await expectFlash(page, '감사 계획을 등록했습니다. 감사받을 기관에 협의를 요청했습니다.');
  auditUrl = page.url();

  await page.goto(`${BASE}/audit/field/new`);
  await fill(`전주시 복무감사 ${run}`, `${year}-03-16`, `${year}-03-18`);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { url: /\/audit\/field$/, status: 422 });
  await expectVisible(page.locator('#hint-confirm_conflict').getByText(/간격이 10일입니다/));
  await look(page, 'plan-warning', { width: 1366 });
  await click(page.locator('label[for="field-confirm_conflict"]'));
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { url: /\/audit\/field\/\d+$/, status: 200 });
  await expectVisible(page.getByText('같은 기관의 다른 감사와 30일 안에 있습니다.'));
  await look(page, 'detail-auditor', { width: 1366 });
  await page.goto(`${BASE}/audit/calendar?year=${year}`);
  await expectVisible(page.getByText(/한 기관의 감사가 가까운 경우 1건/));
  await look(page, 'calendar-auditor', { width: 1366 });
  await page.context().close();
});

test('전주시 gives its opinion and agrees through the confirm dialog', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'jeonju');
  await page.goto(auditUrl);
  await page.selectOption('#field-topic', 'schedule');
  await page.fill('#field-body', '시의회 임시회 기간이라 하루 늦춰 주시기 바랍니다.');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '의견 제출' }), { url: auditUrl, status: 200 });
  await expectFlash(page, '의견을 제출했습니다. 감사관실에 알렸습니다.');
  await look(page, 'detail-jeonju', { width: 1366 });
  await click(page.getByRole('button', { name: '계획에 동의' }));
  const dialog = page.getByRole('alertdialog');
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '동의' }), { url: auditUrl, status: 200 });
  await expectFlash(page, '감사 계획에 동의했습니다. 협의를 마쳤습니다.');
  await expectVisible(page.locator('.detail-list').getByText('협의 완료'));
  await page.context().close();
});

test('the auditor records a finding and 전주시 reports what it did', async () => {
  const auditor = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(auditor, 'auditor');
  await auditor.goto(auditUrl);
  await clickAndWaitForPage(auditor, auditor.getByRole('link', { name: '지적사항 등록' }), { url: /\/findings\/new$/, status: 200 });
  await auditor.fill('#field-title', `보조금 정산 누락 ${run}`);
  await auditor.selectOption('#field-case_type', 'subsidy');
  await auditor.fill('#field-description', '민간위탁 사업비 정산 때 잔액 반납을 빠뜨렸습니다.');
  await auditor.fill('#field-amount', '48,200,000');
  await auditor.fill('#field-recommendation', '정산 점검표를 만들어 확인하십시오.');
  await auditor.selectOption('#field-action', 'correction');
  await auditor.fill('#field-due_date', `${year}-06-30`);
  await look(auditor, 'finding-form', { width: 1366 });
  await clickAndWaitForPage(auditor, auditor.getByRole('button', { name: '등록' }), { url: /\/audit\/field\/findings\/\d+$/, status: 200 });
  await expectFlash(auditor, '지적사항을 등록했습니다. 감사받은 기관에 조치를 요청했습니다.');
  findingUrl = auditor.url();
  await auditor.context().close();

  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'jeonju');
  await clickAndWaitForPage(page, page.getByRole('link', { name: /조치 보고를 기다리는 지적사항/ }), { url: /status=waiting$/, status: 200 });
  await look(page, 'findings-jeonju', { width: 1366 });
  await page.goto(findingUrl);
  await page.fill('#field-body', '잔액 48,200,000원을 반납받았습니다.');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '조치 보고' }), { url: findingUrl, status: 200 });
  await expectFlash(page, '조치 결과를 보고했습니다. 감사관실에 알렸습니다.');
  await look(page, 'finding-jeonju', { width: 1366 });
  await page.context().close();
});

test('every page reads at 360 px for each role that may see it, and the figures at 1366', async () => {
  for (const [login_, pages] of [
    ['auditor', ['/audit/field', auditUrl, `/audit/calendar?year=${year}`, '/audit/calendar?year=2026', findingUrl, '/audit/field/findings?status=overdue', '/audit/field/figures?year=2026', '/audit/field/new']],
    ['jeonju', ['/audit/field', auditUrl, `/audit/calendar?year=${year}`, findingUrl, '/audit/field/figures?year=2026']],
  ]) {
    for (const width of [360, 1366]) {
      const page = await newPage(chrome.browser, { viewport: { width, height: 800 } });
      await login(page, login_);
      for (const path of pages) {
        const url = path.startsWith('http') ? path : `${BASE}${path}`;
        const res = await page.goto(url);
        assert.equal(res.status(), 200, url);
        const name = `${login_}-${new URL(url).pathname.replace(/\/(\d+)/g, '-id').replace(/\//g, '_')}${new URL(url).search.replace(/[?=&]/g, '_')}`;
        await look(page, name, { width });
      }
      await page.context().close();
    }
  }
});
