// 건의사항 성과 지표 in the browser: the coordinator goes from the menu to the list and from there to the figures,
// picks a year and a period, and sees three charts drawn over the tables (SVG from the server's own ECharts);
// axe-core finds nothing serious at 1366 and 360 px, where the page never gets wider than the screen; without
// script the tables alone show (the same markup axe checked).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, newPage, login, checkA11y, screenshot, useBrowser, clickAndWaitForPage, expectVisible, expectCount, eventually,
} from './lib/browser.mjs';
import { createToken, runSuffix as run } from '../http/lib/client.mjs';
import { apiCall } from '../http/lib/refusals.mjs';

const chrome = useBrowser();
const year = new Date(Date.now() + 9 * 3600 * 1000).getUTCFullYear();

before(async () => {
  // A few suggestions carried to different ends, so that the charts have bars to draw.
  const tokens = { coordinator: createToken('coordinator', 'figures-browser'), jeonju: createToken('jeonju', 'figures-browser') };
  const call = async (login, path, body) => {
    const res = await apiCall('POST', path, { token: tokens[login], body });
    const text = await res.text();
    assert.ok(res.status < 300, `${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const orgs = (await (await apiCall('GET', '/api/v1/organizations', { token: tokens.coordinator })).json()).items;
  const id = (code) => orgs.find((o) => o.code === code).id;
  const steps = {
    resolved: [['resolve'], ['answer', { reason: '해결했습니다.' }], ['rate', { rating: 5 }, 'jeonju']],
    partly: [['resolve_partly', { reason: '일부 반영' }], ['answer', { reason: '일부 해결했습니다.' }], ['rate', { rating: 3 }, 'jeonju']],
    open: [],
  };
  for (const [lead, end] of [['52000-B01', 'resolved'], ['52000-B01', 'partly'], ['52000-B04', 'resolved'], ['52000-B04', 'open']]) {
    const item = await call('jeonju', '/api/v1/suggestions', { title: `그래프 확인 ${end} ${run}`, content: '내용', domain: 'budget' });
    const decide = (action, fields = {}, login = 'coordinator') => call(login, `/api/v1/suggestions/${item.id}/decisions`, { action, ...fields });
    await decide('start_review');
    await decide('adopt', { lead_bureau_id: id(lead), working_days: 10 });
    await decide('start_progress');
    for (const [action, fields, login] of steps[end]) await decide(action, fields, login);
  }
});

/** Waits until every chart of the page has drawn its SVG and shows. */
async function expectCharts(page) {
  await expectCount(page.locator('.sotong-chart svg'), 3, 'three charts drawn as SVG');
  for (const chart of await page.locator('.sotong-chart').all()) await expectVisible(chart);
}

test('the coordinator reaches the figures from the menu and the list, and the charts draw over the tables', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 1366, height: 900 } });
  await login(page, 'coordinator');
  await clickAndWaitForPage(page, page.locator('#krds-header').getByRole('link', { name: '건의사항', exact: true }).first(), { url: /\/suggestions$/, status: 200 });
  await clickAndWaitForPage(page, page.getByRole('link', { name: '성과 지표' }), { url: /\/suggestions\/figures$/, status: 200 });
  await expectVisible(page.getByRole('heading', { name: '건의사항 성과 지표' }));
  await expectVisible(page.getByRole('table', { name: /분기별 성과 지표/ }));
  await expectCharts(page);
  // The quarter chart's bars come from the quarter table: its legend names the table's two columns.
  const legend = await page.locator('.sotong-chart').first().locator('svg').textContent();
  assert.ok(legend.includes('접수') && legend.includes('해결'), legend);
  await checkA11y(page, 'figures at 1366');
  await screenshot(page, 'suggestion-figures-1366');

  // Another period for the bureau and 시·군 tables, through the form.
  await page.selectOption('#figures-year', String(year));
  await page.selectOption('#figures-period', 'year');
  await clickAndWaitForPage(page, page.getByRole('button', { name: '보기' }), { url: /\/suggestions\/figures\?year=\d{4}&period=year$/, status: 200 });
  await expectVisible(page.getByRole('heading', { name: /주관 실국별 지표/ }));
  await expectCharts(page);
  const planning = page.getByRole('table', { name: /주관 실국별 성과 지표/ }).getByRole('row', { name: /기획조정실/ });
  await expectVisible(planning);
  await page.context().close();
});

test('at 360 px the page fits the screen, its tables scroll in labelled regions and the charts still draw', async () => {
  const page = await newPage(chrome.browser, { viewport: { width: 360, height: 740 } });
  await login(page, 'coordinator');
  await page.goto(`${BASE}/suggestions/figures?year=${year}`);
  await expectCharts(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await eventually(async () => {
    const wraps = await page.locator('.krds-table-wrap').all();
    for (const wrap of wraps) {
      if (!(await wrap.evaluate((el) => el.scrollWidth > el.clientWidth))) continue;
      if ((await wrap.getAttribute('role')) !== 'region' || !(await wrap.getAttribute('aria-label'))) return false;
    }
    return true;
  }, 'every scrolling table is a labelled region');
  await checkA11y(page, 'figures at 360');
  await screenshot(page, 'suggestion-figures-360');
  await page.context().close();
});

test('without script the tables show and the empty chart boxes stay hidden', async () => {
  const page = await newPage(chrome.browser, { javaScriptEnabled: false });
  await login(page, 'jeonju');
  await page.goto(`${BASE}/suggestions/figures`);
  await expectVisible(page.getByRole('table', { name: /시·군별 성과 지표/ }));
  assert.equal(await page.locator('.sotong-chart:visible').count(), 0);
  assert.match(await page.locator('.page-lead').textContent(), /볼 수 있는 건의만 셉니다/);
  await page.context().close();
});
