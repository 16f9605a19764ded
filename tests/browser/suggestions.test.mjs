// One suggestion walked through three sign-ins in Chromium, as the people who carry it would: 전주시 files it
// from the menu (a draft first, then submitted, a similar suggestion offered while typing the title), the
// coordinator triages and adopts it with planning as the lead bureau, planning starts it, reports progress,
// resolves and answers it, and 전주시 reads the answer and rates it. Every page is checked with axe-core and
// photographed at 1366 px; the list and the page again at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible, expectFlash,
  eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const title = `전주역 환승주차장 확충 지원 ${suffix}`;

/** Ticks a KRDS checkbox or radio button as a person does: by its label (the input itself is drawn over). */
async function tick(scope, label) {
  await click(scope.locator('label').getByText(label, { exact: true }));
  assert.ok(await scope.getByLabel(label, { exact: true }).isChecked(), `${label} is ticked`);
}

/** Opens the decision panel named `label` on the suggestion's page. */
async function openPanel(page, label) {
  const panel = page.locator('details.decision-panel', { has: page.locator('summary').getByText(label, { exact: true }) });
  await click(panel.locator('summary'));
  await expectVisible(panel.locator('form'));
  return panel;
}

test('a suggestion goes from 전주시 through the coordinator and planning back to 전주시, who rates the answer', async () => {
  let id;
  {
    const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
    await login(page, 'jeonju');
    await clickAndWaitForPage(page, page.locator('.krds-main-menu').getByRole('link', { name: '건의사항' }), { url: '/suggestions' });
    await checkA11y(page, 'suggestion list as 전주시');
    await clickAndWaitForPage(page, page.getByRole('link', { name: '건의 등록' }), { url: '/suggestions/new' });
    await page.fill('#field-title', title);
    await page.fill('#field-content', '전주역 이용객이 늘어 환승주차장이 늘 부족합니다.\n도비 지원을 건의합니다.');
    await page.selectOption('#field-domain', 'budget');
    await tick(page, '완주군');
    await page.selectOption('#field-addressed_bureau', { label: '건설교통국' });
    await checkA11y(page, 'filing form');
    await screenshot(page, 'suggestion-form-1366');
    await clickAndWaitForPage(page, page.getByRole('button', { name: '임시 저장' }));
    await expectFlash(page, '임시 저장했습니다. 제출하기 전까지 우리 기관만 봅니다.');
    id = Number(new URL(page.url()).pathname.split('/').pop());
    await expectVisible(page.locator('.detail-list').getByText('작성중'));
    await clickAndWaitForPage(page, page.getByRole('button', { name: '제출' }));
    await expectFlash(page, '건의를 제출했습니다.');
    await expectVisible(page.locator('.detail-list').getByText('접수', { exact: true }));
    await checkA11y(page, 'submitted suggestion as 전주시');
    await screenshot(page, 'suggestion-submitted-1366');

    // While typing a title like it, the suggestion just filed is offered so that it is not filed twice.
    await page.goto(`${BASE}/suggestions/new`);
    await page.locator('#field-title').pressSequentially(`환승주차장 ${suffix}`, { delay: 10 });
    await expectVisible(page.locator('#similar-suggestions').getByRole('link', { name: title }), 'the similar suggestion');
    await page.context().close();
  }
  {
    const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
    await login(page, 'coordinator');
    await expectVisible(page.getByText('접수를 기다리는 건의'), 'the triage queue is on the home page');
    await clickAndWaitForPage(page, page.getByRole('link', { name: '접수 대기' }).or(page.locator('a[href="/suggestions?state=received"]')).first());
    await clickAndWaitForPage(page, page.getByRole('link', { name: title }), { url: `/suggestions/${id}` });
    await checkA11y(page, 'suggestion as the coordinator');
    let panel = await openPanel(page, '검토 시작');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '검토 시작' }));
    await expectFlash(page, '검토 시작을 처리했습니다.');
    panel = await openPanel(page, '의제화');
    await panel.locator('#adopt-lead').selectOption({ label: '기획조정실' });
    await tick(panel, '건설교통국');
    await panel.locator('#adopt-days').fill('10');
    await panel.locator('#adopt-level').selectOption('vice_mayors');
    await checkA11y(page, 'adoption form');
    await screenshot(page, 'suggestion-adopt-1366');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '의제화' }));
    await expectFlash(page, '의제화를 처리했습니다.');
    await expectVisible(page.locator('.detail-list').getByText('기획조정실'));
    panel = await openPanel(page, '내부 메모');
    await panel.locator('textarea').fill('@planning 내년 본예산 반영 여부를 먼저 확인해 주십시오.');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '내부 메모' }));
    await expectFlash(page, '메모를 남겼습니다.');
    await expectVisible(page.locator('.timeline-entry.is-internal'));
    await page.context().close();
  }
  {
    const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
    await login(page, 'planning');
    await page.goto(`${BASE}/suggestions?view=open`);
    await clickAndWaitForPage(page, page.getByRole('link', { name: title }), { url: `/suggestions/${id}` });
    let panel = await openPanel(page, '추진 시작');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '추진 시작' }));
    panel = await openPanel(page, '추진상황 보고');
    await panel.locator('#progress-percent').fill('70');
    await panel.locator('#progress-text').fill('부지 매입 협의를 마쳤습니다.');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '추진상황 보고' }));
    await expectFlash(page, '추진상황을 보고했습니다.');
    panel = await openPanel(page, '해결');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '해결' }));
    panel = await openPanel(page, '회신');
    await panel.locator('textarea').fill('2027년 본예산에 환승주차장 조성비 30억 원을 반영했습니다.');
    await checkA11y(page, 'answer form');
    await clickAndWaitForPage(page, panel.getByRole('button', { name: '회신' }));
    await expectFlash(page, '회신을 처리했습니다.');
    await screenshot(page, 'suggestion-answered-1366');
    await page.context().close();
  }
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'jeonju');
    await page.goto(`${BASE}/suggestions/${id}`);
    await expectVisible(page.getByText('2027년 본예산에 환승주차장 조성비 30억 원을 반영했습니다.').first());
    assert.equal(await page.locator('.timeline-entry.is-internal').count(), 0, 'the internal note is not shown to 전주시');
    assert.doesNotMatch(await page.content(), /본예산 반영 여부를 먼저 확인/);
    if (width === 1366) {
      const panel = await openPanel(page, '만족도 평가');
      await tick(panel, '5점 매우 만족');
      await panel.locator('textarea').fill('빠르게 반영해 주셔서 고맙습니다.');
      await clickAndWaitForPage(page, panel.getByRole('button', { name: '만족도 평가' }));
      await expectFlash(page, '만족도를 평가했습니다. 고맙습니다.');
      await expectVisible(page.locator('p', { hasText: '만족도:' }).getByText('5점', { exact: true }));
    }
    await checkA11y(page, `answered suggestion as 전주시 at ${width}`);
    await screenshot(page, `suggestion-timeline-${width}`);
    await page.goto(`${BASE}/suggestions`);
    await checkA11y(page, `suggestion list at ${width}`);
    await screenshot(page, `suggestion-list-${width}`);
    await eventually(async () => (await page.locator('tbody tr').count()) > 0, 'the list has rows');
    await page.context().close();
  }
});
