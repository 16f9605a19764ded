// The platform's main flows in Debian's Chromium, as an official would use them, with axe-core on every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newContext, newPage, login, checkA11y, screenshot, useBrowser, click, clickAndWaitForPage, clickAndWaitForSwap,
  expectVisible, expectText, expectCount, expectFlash,
} from './lib/browser.mjs';

const chrome = useBrowser();

const suffix = Date.now().toString(36).slice(-5);
const orgDetail = /\/admin\/organizations\/\d+$/;

test('an administrator signs in, sees the dashboard, edits an organisation and signs out', async () => {
  const page = await newPage(chrome.browser);
  await page.goto(`${BASE}/login`);
  await checkA11y(page, 'login');
  await screenshot(page, 'login');
  await login(page, 'admin');
  assert.equal(new URL(page.url()).pathname, '/');
  await expectVisible(page.getByRole('heading', { level: 1, name: '홈' }));
  await expectVisible(page.getByText('기관 현황'));
  await checkA11y(page, 'dashboard');
  await screenshot(page, 'dashboard-admin');

  // Register a division under 기획조정실 through the form, after one refused attempt.
  await clickAndWaitForPage(page, page.getByRole('link', { name: '기관 관리' }).first(), { url: '/admin/organizations' });
  await checkA11y(page, 'organisation list');
  await clickAndWaitForPage(page, page.getByRole('link', { name: '기관 등록' }), { url: '/admin/organizations/new' });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { status: 422 });
  await expectVisible(page.getByText('기관명을 입력해 주십시오.').first(), 'field error shown');
  await checkA11y(page, 'organisation form with errors');
  await screenshot(page, 'organisation-form-errors');
  await page.fill('#field-code', `T-${suffix}`);
  await page.fill('#field-name', `소통협력과${suffix}`);
  await page.selectOption('#field-kind', 'division');
  await page.selectOption('#field-parent_id', { label: '기획조정실 (실국)' });
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: orgDetail, status: 200 });
  await expectFlash(page, '기관을 등록했습니다.');

  // Rename it: the reason is required and the old name stays in the history.
  await clickAndWaitForPage(page, page.getByRole('link', { name: '수정' }), { url: /\/admin\/organizations\/\d+\/edit$/ });
  await page.fill('#field-name', `도시군협력과${suffix}`);
  await page.fill('#field-rename_reason', '직제 개편');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: orgDetail, status: 200 });
  await expectVisible(page.getByRole('heading', { level: 1, name: `도시군협력과${suffix}` }));
  await expectVisible(page.getByRole('cell', { name: `소통협력과${suffix}` }), 'former name listed');
  await checkA11y(page, 'organisation detail');
  await screenshot(page, 'organisation-detail');

  await clickAndWaitForPage(page, page.getByRole('button', { name: '로그아웃' }).first(), { url: '/login' });
  await expectFlash(page, '로그아웃했습니다.');
  await page.goto(`${BASE}/`);
  assert.equal(new URL(page.url()).pathname, '/login', 'signed out: back to the login page');
  await page.context().close();
});

test('a 시·군 officer is refused the admin pages and sees their own dashboard', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'jeonju');
  await expectVisible(page.getByText('전주시').first());
  await expectCount(page.getByRole('link', { name: '기관 관리' }), 0, 'no admin menu for a municipal officer');
  await checkA11y(page, 'municipal dashboard');
  const res = await page.goto(`${BASE}/admin/organizations`);
  assert.equal(res.status(), 403);
  await expectVisible(page.getByRole('heading', { level: 1, name: '접근 권한이 없습니다' }));
  await checkA11y(page, '403 page');
  await screenshot(page, 'forbidden');
  const missing = await page.goto(`${BASE}/no-such-page`);
  assert.equal(missing.status(), 404);
  await checkA11y(page, '404 page');
  await page.context().close();
});

test('every admin page passes axe-core', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  for (const path of ['/admin/', '/admin/roles', '/admin/accounts', '/admin/accounts/new', '/admin/accounts/1',
                      '/admin/accounts/1/edit', '/admin/organizations/1/edit', '/password']) {
    const res = await page.goto(`${BASE}${path}`);
    assert.equal(res.status(), 200, path);
    await checkA11y(page, path);
  }
  await screenshot(page, 'password');
  await page.context().close();
});

test('an administrator issues an account; its owner must change the initial password first', async () => {
  const admin = await newPage(chrome.browser);
  await login(admin, 'admin');
  await admin.goto(`${BASE}/admin/accounts/new`);
  await admin.fill('#field-login_id', `b.${suffix}`);
  await admin.fill('#field-display_name', '홍길동');
  await admin.selectOption('#field-organization_id', { label: '군산시' });
  await click(admin.locator('label[for=role-municipal]')); // KRDS draws the box on the label
  assert.ok(await admin.isChecked('#role-municipal'), 'the label checks its box');
  // The initial password is shown once, on the page the form answers with.
  await clickAndWaitForPage(admin, admin.getByRole('button', { name: '저장' }), { status: 200 });
  await expectText(admin.locator('#initial-password'), /^\s*[A-Za-z]{8}-\d{4}\s*$/);
  const initial = (await admin.locator('#initial-password').textContent()).trim();
  await checkA11y(admin, 'issued account');
  await admin.context().close();

  const owner = await newPage(chrome.browser);
  await login(owner, `b.${suffix}`, initial);
  assert.equal(new URL(owner.url()).pathname, '/password');
  await owner.fill('#field-current', initial);
  await owner.fill('#field-next', 'Gunsan-Officer-7');
  await owner.fill('#field-confirm', 'Gunsan-Officer-7');
  await clickAndWaitForPage(owner, owner.getByRole('button', { name: '비밀번호 변경' }), { url: '/', status: 200 });
  await expectFlash(owner, '비밀번호를 변경했습니다.');
  await owner.context().close();
});

test('pages work with JavaScript turned off', async () => {
  const context = await newContext(chrome.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, 'coordinator');
  assert.equal(new URL(page.url()).pathname, '/');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '로그아웃' }).first(), { url: '/login' });
  await expectFlash(page, '로그아웃했습니다.');
  await context.close();
});

test('the layout holds on a phone-sized screen', async () => {
  const context = await newContext(chrome.browser, { viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await checkA11y(page, 'organisations on a phone');
  await screenshot(page, 'organisations-phone');
  await context.close();
});

test('list filters update the table in place (htmx) and keep the address', async () => {
  const page = await newPage(chrome.browser);
  await login(page, 'admin');
  await page.goto(`${BASE}/admin/organizations`);
  await page.selectOption('#filter-kind', 'municipality');
  await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { url: /kind=municipality/, status: 200 });
  assert.match(page.url(), /kind=municipality/, 'the address follows the filter');
  await expectVisible(page.getByText('모두 14개 기관'));
  await expectCount(page.locator('h1'), 1, 'the fragment did not bring a second page shell');
  await expectCount(page.locator('tbody tr'), 14);
  await checkA11y(page, 'filtered organisations');
  await page.context().close();
});
