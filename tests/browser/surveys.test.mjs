// The cooperation index in Chromium as the people who run and answer it: a bureau officer opens their own feedback
// from the menu (first, while every demo survey is closed); the coordinator makes a survey and
// starts it; a 시·군 official answers it on a phone by the secret address (chooses bureaus, answers one in full
// and one in part, comes back to the same address, finishes and submits); the coordinator reads the reports
// (tables, charts, the withheld group of 2024, a 반영내용 note, the print layout, a bureau's feedback); a bureau
// officer opens their own feedback from the menu. axe-core on every page, photographed at 1366 and 360 px; at
// 360 px nothing runs off the screen and every answer option is large enough to tap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, click, clickAndWaitForPage, checkA11y, screenshot, useBrowser, expectVisible, expectCount,
  expectFlash, expectText, eventually,
} from './lib/browser.mjs';

const chrome = useBrowser();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const korea = (days = 0) => new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
const desk = { viewport: { width: 1366, height: 900 } };
const phone = { viewport: { width: 360, height: 740 } };
const title = `정책소통협력지수 화면 점검 ${suffix}`;
const SCALE = ['1 전혀 그렇지 않다', '2 그렇지 않다', '3 보통이다', '4 그렇다', '5 매우 그렇다', '모름'];

/** At phone width the page itself never scrolls sideways (a wide table scrolls in its own region). */
async function fitsThePhone(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${label}: the page is ${width} px wide at 360 px`);
}

/** The page is accessible and photographed. */
async function look(page, name, label = name) {
  await checkA11y(page, label);
  await screenshot(page, name);
}

/** Opens `path` at 360 px in the signed-in context of `page`, checks it fits and photographs it. */
async function alsoOnPhone(page, path, name) {
  const small = await page.context().newPage();
  await small.setViewportSize(phone.viewport);
  await small.goto(`${BASE}${path}`);
  await fitsThePhone(small, path);
  await look(small, name, `${path} at 360`);
  await small.close();
}

// First, while every survey of the demo is closed: 「협력지수 피드백」 leads to the latest yearly result.
test('a bureau officer opens their own feedback from the menu', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'planning');
  await clickAndWaitForPage(page, page.locator('#krds-header').getByRole('link', { name: '협력지수 피드백' }).first(),
    { url: /\/surveys\/campaigns\/\d+\/bureaus\/\d+$/ });
  await expectVisible(page.getByRole('heading', { name: /기획조정실/ }).first(), 'their own bureau');
  await expectVisible(page.getByText(/2026년 정책소통협력지수 조사에서/).first(), 'the 2026 yearly survey');
  await expectText(page.locator('.survey-figures .figure-value').first(), /^\d+\.\d점$/);
  await expectCount(page.locator('.sotong-chart svg'), 1, 'the chart drawn');
  await look(page, 'surveys-feedback-planning-1366');
  await alsoOnPhone(page, new URL(page.url()).pathname, 'surveys-feedback-planning-360');
  await page.context().close();
});

// Filled in by the next test, used by the one after it.
let campaignPath;

test('the coordinator makes a survey and starts it', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'coordinator');
  await page.goto(`${BASE}/surveys`);
  await expectVisible(page.getByRole('link', { name: '보고서 보기' }).first(), 'the demo surveys with their reports');
  await look(page, 'surveys-home-1366');
  await alsoOnPhone(page, '/surveys', 'surveys-home-360');

  await clickAndWaitForPage(page, page.getByRole('link', { name: '설문조사 만들기' }), { url: '/surveys/campaigns/new' });
  const bureaus = page.locator('#field-subjects input[type=checkbox]');
  assert.ok((await bureaus.count()) >= 5, 'the bureaus to rate are offered');
  for (const box of await bureaus.all()) assert.ok(await box.isChecked(), 'every bureau is checked to begin with');
  await page.fill('#field-title', title);
  await page.fill('#field-year', korea().slice(0, 4));
  await page.fill('#field-opens_on', korea());
  await page.fill('#field-closes_on', korea(30));
  await page.fill('#field-max_subjects', '2');
  await look(page, 'surveys-new-1366');
  await alsoOnPhone(page, '/surveys/campaigns/new', 'surveys-new-360');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '만들기' }), { url: /\/surveys\/campaigns\/\d+$/ });
  campaignPath = new URL(page.url()).pathname;
  await expectFlash(page, '설문조사를 만들었습니다. 내용을 확인한 뒤 「조사 시작」을 누르십시오.');
  await expectText(page.locator('h1').first(), new RegExp(suffix));
  await look(page, 'surveys-campaign-draft-1366');

  // Started after the confirmation dialog; every 시·군 official is invited.
  await click(page.getByRole('button', { name: '조사 시작' }));
  const dialog = page.getByRole('alertdialog', { name: '조사를 시작할까요?' });
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '조사 시작' }), { url: campaignPath });
  const flash = await eventually(async () => (await page.locator('.sotong-alert-message').allTextContents())
    .map((t) => t.trim()).find((t) => /^조사를 시작했습니다\. \d+명에게 응답 요청을 보냈습니다\.$/.test(t)), 'the invitations sent');
  assert.ok(Number(flash.match(/(\d+)명/)[1]) > 0, flash);
  await expectVisible(page.getByRole('button', { name: '마감' }), 'an open survey can be closed');
  await look(page, 'surveys-campaign-open-1366');
  await alsoOnPhone(page, campaignPath, 'surveys-campaign-open-360');
  await page.context().close();
});

test('a 시·군 official answers on a phone, saves, comes back to the same address and submits', async () => {
  assert.ok(campaignPath, 'the survey of the first test');
  const page = await newPage(chrome.browser, phone);
  await login(page, 'jeonju');
  await page.goto(`${BASE}/surveys/mine`);
  const row = page.getByRole('row').filter({ hasText: title });
  await expectVisible(row, 'the invitation');
  await fitsThePhone(page, '내 설문');
  const answer = row.getByRole('button', { name: /^응답하기/ });
  const box = await answer.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `「응답하기」 is on the screen (${JSON.stringify(box)})`);
  await look(page, 'surveys-mine-360');
  await clickAndWaitForPage(page, answer, { url: /\/s\/[^/]+$/ });
  const sheet = new URL(page.url()).pathname;
  await fitsThePhone(page, 'the sheet');
  await look(page, 'surveys-sheet-empty-360');

  // Two bureaus (the survey allows two).
  const choices = page.locator('#field-subjects input[type=checkbox]');
  const names = [];
  for (const i of [0, 1]) {
    const id = await choices.nth(i).getAttribute('id');
    names.push((await page.locator(`label[for="${id}"]`).textContent()).trim());
    await click(page.locator(`label[for="${id}"]`));
    assert.ok(await choices.nth(i).isChecked(), `${names[i]} chosen`);
  }
  await clickAndWaitForPage(page, page.getByRole('button', { name: '고른 실국 저장' }), { url: (u) => u.pathname === sheet });
  await expectFlash(page, '평가할 실국을 저장했습니다. 실국마다 답해 주십시오.');
  const progress = page.locator('#progress + .task-list li');
  await expectCount(progress, 2, 'a line for each chosen bureau');
  await fitsThePhone(page, 'the sheet with progress');
  await look(page, 'surveys-sheet-chosen-360');

  // The first bureau in full: every scale question (some 「모름」) and an open comment.
  await clickAndWaitForPage(page, progress.filter({ hasText: names[0] }).getByRole('link'));
  const questions = page.locator('fieldset.survey-question');
  const count = await questions.count();
  assert.ok(count >= 10, `the scale questions (${count})`);
  await fitsThePhone(page, 'the first bureau');
  // Every option is a target a thumb can hit: its label at least 24 px tall and as wide as its text.
  for (const label of await questions.first().locator('label').all()) {
    const box = await label.boundingBox();
    assert.ok(box && box.height >= 24, `the option ${await label.textContent()} is ${box?.height} px tall`);
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `the option ${await label.textContent()} is on the screen`);
  }
  const chosen = [];
  for (let i = 0; i < count; i++) {
    const answer = i % 7 === 6 ? '모름' : SCALE[(i * 3) % 5];
    const label = questions.nth(i).locator('label').filter({ hasText: new RegExp(`^${answer}$`) });
    await click(label);
    chosen.push(answer);
  }
  const comment = `도비 협의 때 일정을 미리 알려 주어 좋았습니다 ${suffix}`;
  await page.locator('textarea.krds-input').first().fill(comment);
  await look(page, 'surveys-subject-360');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장', exact: true }), { url: (u) => u.pathname === sheet });
  await expectFlash(page, '답을 저장했습니다. 같은 주소로 언제든 이어서 할 수 있습니다.');
  await expectText(progress.filter({ hasText: names[0] }).locator('.task-count'), `${count} / ${count}문항 · 다 답함`);
  await expectText(progress.filter({ hasText: names[1] }).locator('.task-count'), `0 / ${count}문항`);

  // The same address opened on a desk computer (it needs no sign-in): the sheet and the second bureau at 1366.
  const desktop = await newPage(chrome.browser, desk);
  await desktop.goto(`${BASE}${sheet}`);
  await look(desktop, 'surveys-sheet-1366');
  await clickAndWaitForPage(desktop, desktop.locator('#progress + .task-list li').filter({ hasText: names[1] }).getByRole('link'));
  await look(desktop, 'surveys-subject-1366');
  await desktop.context().close();

  // The second bureau, half of it.
  const half = Math.floor(count / 2);
  await clickAndWaitForPage(page, progress.filter({ hasText: names[1] }).getByRole('link'));
  for (let i = 0; i < half; i++) await click(questions.nth(i).locator('label').filter({ hasText: /^4 그렇다$/ }));
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장', exact: true }), { url: (u) => u.pathname === sheet });
  await expectText(progress.filter({ hasText: names[1] }).locator('.task-count'), `${half} / ${count}문항`);
  // Not finished: the submission says so.
  await expectVisible(page.getByText('모든 실국의 문항에 답해야 제출할 수 있습니다.', { exact: false }));

  // Another day, the same address: the answers are where they were left.
  await page.goto(`${BASE}${sheet}`);
  await clickAndWaitForPage(page, progress.filter({ hasText: names[0] }).getByRole('link'));
  for (let i = 0; i < count; i++) {
    const label = questions.nth(i).locator('label').filter({ hasText: new RegExp(`^${chosen[i]}$`) });
    const id = await label.getAttribute('for');
    assert.ok(await page.locator(`#${id}`).isChecked(), `question ${i + 1} of ${names[0]} still ${chosen[i]}`);
  }
  assert.equal(await page.locator('textarea.krds-input').first().inputValue(), comment, 'the comment kept');
  await page.goto(`${BASE}${sheet}`);
  await clickAndWaitForPage(page, progress.filter({ hasText: names[1] }).getByRole('link'));
  for (let i = 0; i < count; i++) {
    const checked = await questions.nth(i).locator('input:checked').count();
    assert.equal(checked, i < half ? 1 : 0, `question ${i + 1} of ${names[1]}`);
  }
  // Finish the second bureau.
  for (let i = half; i < count; i++) await click(questions.nth(i).locator('label').filter({ hasText: /^3 보통이다$/ }));
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장', exact: true }), { url: (u) => u.pathname === sheet });
  await expectText(progress.filter({ hasText: names[1] }).locator('.task-count'), `${count} / ${count}문항 · 다 답함`);
  await fitsThePhone(page, 'the finished sheet');
  await look(page, 'surveys-sheet-done-360');

  // Submitted after the confirmation dialog.
  await click(page.getByRole('button', { name: '응답 제출' }));
  const dialog = page.getByRole('alertdialog', { name: '응답을 제출할까요?' });
  await expectVisible(dialog);
  await screenshot(page, 'surveys-submit-dialog-360');
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '제출' }), { url: '/surveys/thanks' });
  await expectVisible(page.getByText('응답해 주셔서 고맙습니다.', { exact: false }));
  await fitsThePhone(page, 'thanks');
  await look(page, 'surveys-thanks-360');
  // The address is spent; 내 설문 says the survey was submitted.
  await page.goto(`${BASE}/surveys/mine`);
  await expectVisible(page.getByRole('row').filter({ hasText: title }).getByText('제출함'));
  await page.context().close();
});

test('the coordinator reads the reports, notes a measure, prints, and opens a bureau\'s feedback', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'coordinator');
  await page.goto(`${BASE}/surveys/campaigns/4/report`);
  assert.ok(await page.locator('.figures-table').count() >= 3, 'the report\'s tables');
  await expectCount(page.locator('.sotong-chart svg'), 2, 'two charts drawn as SVG');
  for (const chart of await page.locator('.sotong-chart').all()) await expectVisible(chart);
  // A wide table scrolls inside its own region, never the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the report is ${overflow} px wider than the screen`);
  await look(page, 'surveys-report-1366');
  await alsoOnPhone(page, '/surveys/campaigns/4/report', 'surveys-report-360');

  // A 반영내용 for a bureau.
  const bureau = (await page.locator('#note-bureau option').nth(1).textContent()).trim();
  await page.selectOption('#note-kind', 'measure');
  await page.selectOption('#note-bureau', { label: bureau });
  const measure = `실국 간담회를 분기마다 열기로 함 ${suffix}`;
  await page.fill('#note-text', measure);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '보고서에 더하기' }), { url: /\/surveys\/campaigns\/4\/report#notes$/ });
  await expectFlash(page, '보고서에 더했습니다.');
  await expectVisible(page.locator('#notes ~ ul li').filter({ hasText: measure }), 'the note in the report');

  // The print layout.
  await clickAndWaitForPage(page, page.getByRole('link', { name: '인쇄용 보고서' }), { url: '/surveys/campaigns/4/report/print' });
  await expectVisible(page.getByRole('heading', { name: /평가보고서/ }).first());
  assert.ok(await page.locator('.figures-table').count() >= 3, 'the tables in print');
  await look(page, 'surveys-report-print-1366');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'surveys-report-print-media');
  await page.emulateMedia({ media: 'screen' });

  // A bureau's feedback, with the measure just noted.
  await page.goto(`${BASE}/surveys/campaigns/4/report`);
  await clickAndWaitForPage(page, page.locator('.plain-list a').filter({ hasText: new RegExp(`^${bureau}$`) }).first(),
    { url: /\/surveys\/campaigns\/4\/bureaus\/\d+$/ });
  await expectCount(page.locator('.sotong-chart svg'), 1, 'the chart drawn');
  await expectVisible(page.getByText(measure), 'the measure on the bureau\'s page');
  const feedbackPath = new URL(page.url()).pathname;
  await look(page, 'surveys-feedback-1366');
  await alsoOnPhone(page, feedbackPath, 'surveys-feedback-360');

  // 2024: 감사관실 was rated by fewer than five, so nothing of it is shown.
  await page.goto(`${BASE}/surveys/campaigns/1/report`);
  const audit = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '감사관실' }) });
  await expectVisible(audit.first(), '감사관실 in 2024');
  assert.ok((await audit.first().textContent()).includes('공개 기준(5명) 미만'), 'its figures withheld');
  assert.ok(!/\d+\.\d/.test(await audit.first().locator('td.muted').first().textContent()), 'no figure in a withheld cell');
  await look(page, 'surveys-report-2024-1366');
  await page.context().close();
});

// While a survey is open (every September and October) the officer still reads the last finished year, not the
// running survey's empty or partial figures.
test('with a survey open, the feedback menu still leads to the last closed survey', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'planning');
  await clickAndWaitForPage(page, page.locator('#krds-header').getByRole('link', { name: '협력지수 피드백' }).first());
  const open = page.getByText(title).first();
  const onOpen = await open.count();
  await page.context().close();
  assert.equal(onOpen, 0, 'the feedback page is that of the survey still open');
});

// The questionnaires: the shipped 기본형 is in use and can only be copied; the copy takes a new question and lets
// it go again.
test('the coordinator copies the basic questionnaire into a new version and edits the copy', async () => {
  const page = await newPage(chrome.browser, desk);
  await login(page, 'coordinator');
  await page.goto(`${BASE}/surveys`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '설문지' }).first(), { url: '/surveys/questionnaires' });
  await look(page, 'surveys-questionnaires-1366');
  await alsoOnPhone(page, '/surveys/questionnaires', 'surveys-questionnaires-360');
  await clickAndWaitForPage(page, page.getByRole('link', { name: '정책소통협력지수 기본형 설문' }).last(),
    { url: /\/surveys\/questionnaires\/\d+$/ });
  await expectVisible(page.getByText(/고칠 수 없습니다\. 바꾸려면 복사하십시오\./).first(), 'the shipped version is in use');
  assert.equal(await page.locator('form[action$="/delete"]').count(), 0, 'no question of a version in use can be taken out');
  await look(page, 'surveys-questionnaire-frozen-1366');
  await page.fill('#copy-year', '2031');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '복사해 새 판 만들기' }), { url: /\/surveys\/questionnaires\/\d+$/ });
  await expectFlash(page, '설문지를 복사해 새 판을 만들었습니다.');
  const copyPath = new URL(page.url()).pathname;

  // A scale question needs its domain: refused beside the field, then added.
  const text = `올해 이 실국의 회의 자료는 미리 받았습니다 ${suffix}`;
  await page.fill('#field-section', '8. 추가');
  await page.fill('#field-text', text);
  await clickAndWaitForPage(page, page.getByRole('button', { name: '문항 더하기' }));
  await expectVisible(page.getByText('5점 척도 문항은 정책영역을 골라야 합니다.').first(), 'the missing domain');
  await page.selectOption('#field-domain', 'information');
  await page.selectOption('#field-dimension', 'communication');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '문항 더하기' }), { url: copyPath });
  await expectFlash(page, '문항을 더했습니다.');
  const row = page.getByRole('row').filter({ hasText: text });
  await expectVisible(row.first(), 'the new question listed');
  await look(page, 'surveys-questionnaire-copy-1366');
  await alsoOnPhone(page, copyPath, 'surveys-questionnaire-copy-360');

  await click(row.first().getByRole('button', { name: /빼기/ }));
  const dialog = page.getByRole('alertdialog', { name: '문항을 뺄까요?' });
  await expectVisible(dialog);
  await clickAndWaitForPage(page, dialog.getByRole('button', { name: '빼기' }));
  await expectFlash(page, '문항을 뺐습니다.');
  assert.equal(await page.getByRole('row').filter({ hasText: text }).count(), 0, 'the question taken out');
  await page.context().close();
});
