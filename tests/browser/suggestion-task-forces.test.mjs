// 문제해결형 TFT as people use it: the coordinator forms a task force, puts a 시·군 officer on the team and starts
// it; the member files a field check and puts a photo on it; someone off the team sees only the name and the
// status. axe-core checks every page, at desktop and phone width, and screenshots are kept for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, click, expectVisible, expectFlash,
  expectText, expectCount,
} from './lib/browser.mjs';

const chrome = useBrowser();
const run = Date.now().toString(36);
const name = `광역 쓰레기 매립장 TFT ${run}`;
const findings = `매립장 예정지 주민 반대 의견 확인 ${run}`;
// A 4 × 3 PNG standing in for a field photo.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000004000000030802000000' +
    '3b963991000000104944415478da63b0aa758123069c1c00e51d0bc59e43ca020000000049454e44ae426082',
  'hex',
);
let taskForcePath;

test('the coordinator forms a task force, puts a member on the team and starts it', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'coordinator');
  await page.goto(`${BASE}/suggestions`);
  await clickAndWaitForPage(page, page.getByRole('link', { name: '문제해결형 TFT' }), { url: '/suggestions/task-forces' });
  await checkA11y(page, 'task force list');
  await clickAndWaitForPage(page, page.getByRole('link', { name: 'TFT 등록' }), { url: '/suggestions/task-forces/new' });
  await checkA11y(page, 'task force form');

  // A blank form comes back with the reasons beside the fields.
  await clickAndWaitForPage(page, page.locator('form.record-form button[type=submit]'), { status: 422 });
  await expectText(page.locator('#field-name').locator('xpath=../following-sibling::p[contains(@class,"form-hint-invalid")]'), 'TFT 이름을 입력해 주십시오.');
  await checkA11y(page, 'task force form with errors');

  await page.fill('#field-name', name);
  await page.fill('#field-issue', '완주군과 전주시가 함께 쓸 광역 매립장의 위치와 주민 지원을 조정합니다.');
  await clickAndWaitForPage(page, page.locator('form.record-form button[type=submit]'), { url: /\/suggestions\/task-forces\/\d+$/ });
  await expectFlash(page, 'TFT를 등록했습니다. 팀원을 등록하고 활동을 시작해 주십시오.');
  taskForcePath = new URL(page.url()).pathname;
  await expectText(page.locator('.detail-list .krds-badge').first(), '구성');

  // The member: 전주시's liaison officer, as 팀원.
  await click(page.locator('#panel-member > summary'));
  await page.locator('#member-account').selectOption({ label: '최전주 (정책소통담당관)' });
  await page.locator('#member-role').selectOption({ label: '팀원' });
  await clickAndWaitForPage(page, page.locator('#panel-member button[type=submit]'), { url: taskForcePath });
  await expectFlash(page, '팀원을 등록했습니다.');
  await expectVisible(page.getByRole('rowheader', { name: '최전주' }));

  // An outside expert with a role.
  await click(page.locator('#panel-expert > summary'));
  await page.fill('#expert-name', '김상생');
  await page.fill('#expert-affiliation', '전북연구원');
  await page.fill('#expert-field', '폐기물 정책');
  await clickAndWaitForPage(page, page.locator('#panel-expert button[type=submit]'), { url: taskForcePath });
  await expectFlash(page, '외부 전문가를 등록했습니다.');

  await clickAndWaitForPage(page, page.getByRole('button', { name: '활동 시작' }), { url: taskForcePath });
  await expectFlash(page, 'TFT 활동을 시작했습니다.');
  await expectText(page.locator('.detail-list .krds-badge').first(), '활동중');
  await checkA11y(page, 'task force page for the coordinator');
  await screenshot(page, 'task-force-coordinator-1366');
  await page.context().close();

  // The same page on a phone, with the member's panel open as after a refused post.
  const phone = await newPage(chrome.browser, { viewport: { width: 360, height: 800 } });
  await login(phone, 'coordinator');
  await phone.goto(`${BASE}${taskForcePath}`);
  await click(phone.locator('#panel-member > summary'));
  await clickAndWaitForPage(phone, phone.locator('#panel-member button[type=submit]'), { status: 422 });
  await expectText(phone.locator('#member-account-error'), '팀원으로 등록할 사람을 목록에서 골라 주십시오.');
  await checkA11y(phone, 'task force page for the coordinator at 360, with a refused member');
  await screenshot(phone, 'task-force-coordinator-360');
  await phone.context().close();
});

test('the member files a field check and puts a photo on it', async () => {
  assert.ok(taskForcePath, 'the task force of the first test');
  for (const width of [1366, 360]) {
    const page = await newPage(chrome.browser, { viewport: { width, height: 900 } });
    await login(page, 'jeonju');
    await page.goto(`${BASE}${taskForcePath}`);
    await click(page.locator('#panel-field-check > summary'));
    await page.fill('#fc-place', `완주군 삼례읍 매립장 예정지 (${width})`);
    await page.fill('#fc-participants', '전주시 정책기획과, 완주군, 도 환경산림국');
    await page.fill('#fc-findings', `${findings} (${width})`);
    await clickAndWaitForPage(page, page.locator('#panel-field-check button[type=submit]'), {
      url: /\/suggestions\/task-forces\/field-checks\/\d+$/,
    });
    await expectFlash(page, '현지확인을 등록했습니다. 현장 사진이 있으면 아래에서 올려 주십시오.');
    const checkPath = new URL(page.url()).pathname;
    const photo = `예정지 사진 ${run} ${width}.png`;
    await page.getByLabel('첨부할 파일').setInputFiles({ name: photo, mimeType: 'image/png', buffer: PNG });
    await clickAndWaitForPage(page, page.getByRole('button', { name: '파일 올리기' }), { url: checkPath, status: 200 });
    await expectFlash(page, '첨부파일 1개를 올렸습니다.');
    await expectVisible(page.getByRole('link', { name: photo }));
    await checkA11y(page, `field check page ${width}`);
    await screenshot(page, `task-force-field-check-${width}`);

    await clickAndWaitForPage(page, page.getByRole('link', { name: 'TFT 화면으로' }), { url: taskForcePath });
    await expectVisible(page.getByRole('link', { name: photo }));
    await expectCount(page.locator('#panel-member'), 0, 'a plain member does not manage the team');
    await checkA11y(page, `task force page for a member ${width}`);
    await screenshot(page, `task-force-member-${width}`);
    await page.context().close();
  }
});

test('someone off the team sees only the name, the status and the suggestions they may see', async () => {
  assert.ok(taskForcePath, 'the task force of the first test');
  const page = await newPage(chrome.browser, { viewport: { width: 360, height: 800 } });
  await login(page, 'gunsan');
  await page.goto(`${BASE}/suggestions/task-forces`);
  await expectVisible(page.getByRole('link', { name }));
  await clickAndWaitForPage(page, page.getByRole('link', { name }), { url: taskForcePath });
  await expectText(page.locator('.detail-list .krds-badge').first(), '활동중');
  await expectVisible(page.getByText('팀원과 시·군정책협력담당만 볼 수 있습니다', { exact: false }));
  await expectCount(page.getByText(findings, { exact: false }), 0);
  await expectCount(page.getByRole('heading', { name: '해결 방안' }), 0);
  await checkA11y(page, 'task force page for someone off the team');
  await screenshot(page, 'task-force-outsider-360');
  await page.context().close();
});
