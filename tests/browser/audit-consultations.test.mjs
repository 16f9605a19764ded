// Standing consultation and the case library in Chromium, as each role works there: a 시·군 officer asks, the
// audit office moves the request through its steps, invites the expert, who adds an opinion, answers with the
// legal basis through the confirmation dialog and publishes the anonymised draft as a library entry; every
// page checked with axe-core and photographed at 1366 and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible, expectFlash,
} from './lib/browser.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const title = `전주시 청년 창업 공간 무상 사용 ${suffix}`;
let id;

/** Opens the page at both widths as `login`, checks it and photographs it as `name`. */
async function lookAt(login_, path, name) {
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, login_);
    const res = await page.goto(`${BASE}${path}`);
    assert.equal(res.status(), 200, `${login_} ${path}`);
    await checkA11y(page, `${name} at ${width}`);
    await screenshot(page, `${name}-${width}`);
    await page.context().close();
  }
}

/** Opens the decision panel named `summary` and returns it. */
async function panel(page, summary) {
  const p = page.locator('details.decision-panel', { has: page.locator('summary').getByText(summary, { exact: true }) });
  await click(p.locator('summary'));
  return p;
}

test('a 시·군 officer asks the audit office', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'jeonju');
  await page.goto(`${BASE}/audit`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '상시 감사 컨설팅' }), { url: '/audit/consultations' });
  await clickAndWaitForPage(page, page.getByRole('link', { name: '컨설팅 요청' }), { url: '/audit/consultations/new' });
  await checkA11y(page, 'consultation form');
  await screenshot(page, 'audit-consultation-form-1366');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }), { status: 422 });
  await expectVisible(page.locator('.form-hint-invalid').getByText('제목을 입력해 주십시오.'));
  await checkA11y(page, 'consultation form refused');
  await page.getByLabel('법리해석').check();
  await page.fill('#field-title', title);
  await page.fill('#field-question', '유휴 청사를 사회적협동조합에 5년간 무상으로 빌려줄 수 있는지 묻습니다. 최전주 담당관이 검토했습니다.');
  await page.fill('#field-law', '공유재산 및 물품 관리법 제24조');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '등록' }));
  await expectFlash(page, '감사 컨설팅을 요청했습니다. 관련 문서가 있으면 아래에서 올려 주십시오.');
  id = Number(page.url().match(/\/audit\/consultations\/(\d+)/)[1]);
  await checkA11y(page, 'consultation asked');
  await page.context().close();
  await lookAt('jeonju', `/audit/consultations/${id}`, 'audit-consultation-asked');
  await lookAt('jeonju', '/audit/consultations', 'audit-consultations-jeonju');
});

test('the audit office carries it through with an expert, answers and publishes a library entry', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'auditor');
  await page.goto(`${BASE}/audit/consultations/${id}`);
  for (const to of ['자료 DB 구축', '분석·추출']) {
    const steps = await panel(page, '단계 변경');
    await steps.getByLabel('옮길 단계').selectOption({ label: to });
    await clickAndWaitForPage(page, steps.getByRole('button', { name: '변경' }));
    await expectFlash(page, `‘${to}’ 단계로 옮겼습니다.`);
  }
  const invite = await panel(page, '전문가 초청');
  await invite.getByLabel('전문가').selectOption({ label: '한전문' });
  await clickAndWaitForPage(page, invite.getByRole('button', { name: '초청' }));
  await expectFlash(page, '한전문을 초청했습니다.');
  await checkA11y(page, 'consultation in analysis');
  await screenshot(page, 'audit-consultation-auditor-1366');

  const expert = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(expert, 'expert');
  await expert.goto(`${BASE}/audit/advice`);
  await checkA11y(expert, 'invitations');
  await clickAndWaitForPage(expert, expert.getByRole('link', { name: title }));
  await expert.fill('#opinion-body', '시행령 제29조의 무상 사용 대상이 아니므로 조례 근거가 먼저입니다.');
  await clickAndWaitForPage(expert, expert.getByRole('button', { name: '등록' }));
  await expectFlash(expert, '분석 의견을 등록했습니다.');
  await checkA11y(expert, 'expert page');
  await screenshot(expert, 'audit-advice-1366');
  await expert.context().close();
  await lookAt('expert', `/audit/advice/${id}`, 'audit-advice');

  await page.reload();
  const steps = await panel(page, '단계 변경');
  await steps.getByLabel('옮길 단계').selectOption({ label: '분석자료 확인' });
  await clickAndWaitForPage(page, steps.getByRole('button', { name: '변경' }));
  const answer = await panel(page, '회신 (결과통보)');
  await answer.getByLabel('법적 근거').fill('공유재산 및 물품 관리법 제24조 제2항');
  await answer.getByLabel('회신 내용').fill('조례에 감면 근거를 먼저 두고, 그 전에는 사용료를 부과하십시오.');
  await click(answer.getByRole('button', { name: '결과통보' }));
  const dialog = page.getByRole('alertdialog', { name: '결과를 통보할까요?' });
  await expectVisible(dialog);
  await checkA11y(page, 'answer confirmation');
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '결과통보' }));
  await expectFlash(page, '결과를 통보했습니다. 요청 기관에 알렸습니다.');
  await checkA11y(page, 'answered');
  await screenshot(page, 'audit-consultation-answered-1366');

  await clickAndWaitForPage(page, page.getByRole('link', { name: '사례로 등록' }), { url: `/audit/consultations/${id}/case` });
  assert.doesNotMatch(await page.locator('#case-summary').inputValue(), /전주|최전주/);
  assert.match(await page.locator('#case-title').inputValue(), /○○시 청년 창업 공간/);
  await page.getByLabel('비리유형').selectOption('budget_misuse');
  await page.getByLabel('분야').selectOption('finance');
  await page.fill('#case-prevention', '무상으로 빌려주기 전에 법령·조례의 감면 근거를 확인합니다.');
  await checkA11y(page, 'case draft');
  await screenshot(page, 'audit-case-draft-1366');
  await click(page.getByRole('button', { name: '공개' }));
  const publish = page.getByRole('alertdialog', { name: '감사사례로 공개할까요?' });
  await expectVisible(publish);
  await clickAndWaitForPage(page, publish.getByRole('button', { name: '공개' }));
  await expectFlash(page, '감사사례로 공개했습니다.');
  await checkA11y(page, 'case page');
  await page.context().close();
  await lookAt('auditor', `/audit/consultations/${id}`, 'audit-consultation-done');
  await lookAt('jeonju', `/audit/consultations/${id}`, 'audit-consultation-answer-jeonju');
  await lookAt('auditor', '/audit/consultations', 'audit-consultations-auditor');
});

test('every official reads and filters the case library', async () => {
  await lookAt('gunsan', '/audit/cases', 'audit-cases');
  await lookAt('gunsan', '/audit/cases?type=subsidy', 'audit-cases-subsidy');
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'gunsan');
  await page.goto(`${BASE}/audit/cases`);
  await page.getByLabel('검색어').fill('사망자');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '찾기' }));
  await clickAndWaitForPage(page, page.getByRole('link', { name: '사망자에게 환급된 지방세 과오납금' }));
  await expectVisible(page.getByRole('heading', { name: '예방 조언' }));
  await checkA11y(page, 'case page');
  await screenshot(page, 'audit-case-1366');
  await page.context().close();
  await lookAt('auditor', '/audit/cases/new', 'audit-case-form');
});
