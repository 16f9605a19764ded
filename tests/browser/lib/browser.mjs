// Browser-test helpers: Debian's Chromium through playwright-core, login, axe-core checks, screenshots, and
// the waiting habits every browser test keeps (tests/README.md): an action waits for what it produces (the new
// page, the htmx swap), and an assertion waits until it holds (playwright-core has no `expect`).
// Modules resolve from web/node_modules through the tests/node_modules symlink the scripts create.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { AssertionError } from 'node:assert';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { TIMEOUT, pollUntil } from '../../http/lib/poll.mjs';

export { TIMEOUT, pollUntil };

export const BASE = process.env.SOTONG_URL;
if (!BASE) throw new Error('SOTONG_URL is not set: run the tests through scripts/test-browser.sh');

export const DEMO_PASSWORD = 'sotong-demo-2026';
const resultsDir = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/** Starts headless Chromium; never a downloaded browser (no `npx playwright install`). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox', // we run as root in containers
      '--disable-gpu',
      '--disable-background-networking', // no calls home: tests must not need the internet
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** One Chromium for a whole test file: started before its first test, closed after its last.
 * Use `const chrome = useBrowser();` at the top of the file and `chrome.browser` in the tests. */
export function useBrowser() {
  const holder = { browser: undefined };
  before(async () => {
    holder.browser = await launch();
  });
  after(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/** A fresh context (own cookies) set up like a Korean user's browser, with the suite's timeouts; `options` add
 * to or override the defaults (e.g. `{ javaScriptEnabled: false }`, a phone's `viewport`). */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', ...options });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  if (options.javaScriptEnabled === false) scriptless.add(context);
  context.on('response', keepPageForValidation);
  return context;
}

// Every HTML page the suite loads is kept in test-results/html/, one file per distinct page, for the Nu HTML
// Checker that runs after the suite (scripts/check-html.sh). htmx fragments are parts of pages already kept.
const htmlDir = `${resultsDir}html/`;
async function keepPageForValidation(response) {
  try {
    if (response.request().resourceType() !== 'document') return;
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
    const body = await response.body();
    const name = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const path = new URL(response.url()).pathname.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 60);
    mkdirSync(htmlDir, { recursive: true });
    writeFileSync(`${htmlDir}${path}-${name}.html`, body);
  } catch {
    // A redirect or a page closed before its body was read has nothing to check.
  }
}

const scriptless = new WeakSet(); // contexts made with JavaScript off: no page script reacts to scrolling

/** A page in a fresh context (see newContext). Close it with `page.context().close()`. */
export async function newPage(browser, options = {}) {
  return (await newContext(browser, options)).newPage();
}

/** Signs in through the login form and waits for the page it leads to; throws if it stays on /login. */
export async function login(page, loginId, password = DEMO_PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.fill('#field-login_id', loginId);
  await page.fill('#field-password', password);
  try {
    await clickAndWaitForPage(page, page.locator('form:has(#field-password) [type=submit]').first());
  } catch (e) {
    throw new Error(`login as ${loginId} failed: ${e.message}`);
  }
  if (new URL(page.url()).pathname === '/login') throw new Error(`login as ${loginId} failed: still on /login`);
}

// ───────────── Actions that wait for what they produce ─────────────

/** `url` as the helpers take it: a RegExp tested on the whole address, a string starting with "/" compared with
 * the path and query, any other string with the whole address, or a predicate on a URL. */
function urlMatches(actual, url) {
  if (url === undefined) return true;
  if (url instanceof RegExp) return url.test(actual);
  if (typeof url === 'function') return url(new URL(actual));
  if (url.startsWith('/')) {
    const { pathname, search } = new URL(actual);
    return pathname + search === url;
  }
  return actual === url;
}

/** Waits for two animation frames of the page: by then it has run its scroll handlers and laid itself out. */
async function nextFrames(page) {
  if (scriptless.has(page.context())) return;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function inViewport(locator) {
  const box = await locator.boundingBox();
  const view = locator.page().viewportSize();
  return !!box && !!view && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height;
}

/**
 * Clicks `locator` once the page has settled from scrolling to it; use it instead of `locator.click()`.
 * Playwright scrolls an element into view and presses the mouse at once, but the page answers that scroll a
 * frame later, and on a busy machine that is after the press: KRDS's header leaves the flow on the first scroll
 * down the page (#wrap.scroll-down), everything moves up by its height, and the release lands on another element,
 * so the click is lost (a label that checks nothing, a link that goes nowhere). Here the scroll comes first, the
 * page handles it, and only then the click, on an element already in view.
 */
export async function click(locator, options) {
  for (let i = 0; i < 3 && !(await inViewport(locator)); i++) {
    await locator.scrollIntoViewIfNeeded();
    await nextFrames(locator.page());
  }
  await locator.click(options);
}

/** Runs the action: clicks a Locator (see click), or calls a function (`() => field.press('Enter')`). */
async function act(action) {
  if (typeof action === 'function') await action();
  else await click(action);
}

/** Starts `wait` (a promise), runs the action, and returns the wait's result; a failed action leaves no
 * unhandled rejection behind. */
async function during(wait, action) {
  try {
    await act(action);
  } catch (e) {
    wait.catch(() => {});
    throw e;
  }
  return wait;
}

/**
 * Clicks `action` (a link or a form's button; or a function doing the action) and waits for the page it loads:
 * the navigation it starts, through any redirect, until the new document has fired `load` (styles and deferred
 * scripts, htmx included, are in). Works when the address stays the same, as for a form that answers on its own
 * address or a POST/redirect/GET back to the same list, where `waitForURL` would return at once. Returns the
 * final response. Options: `url` (see urlMatches) and `status` that the page must have.
 *   await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { url: '/admin/holidays?year=2026' });
 */
export async function clickAndWaitForPage(page, action, { url, status } = {}) {
  await page.waitForLoadState('load'); // a click must not race the current page's own scripts
  const response = await during(page.waitForNavigation({ waitUntil: 'load' }), action);
  if (!response) throw new AssertionError({ message: `the action did not load a new page (still ${page.url()})` });
  if (!urlMatches(page.url(), url)) {
    throw new AssertionError({ message: `the action led to ${page.url()}, not ${url}`, actual: page.url(), expected: url });
  }
  if (status !== undefined && response.status() !== status) {
    throw new AssertionError({
      message: `${page.url()} answered ${response.status()}, not ${status}`, actual: response.status(), expected: status,
    });
  }
  return response;
}

/**
 * Clicks `action` on an htmx form or link (or runs a function) and waits until htmx has swapped the answer in
 * and settled: the page keeps its document, so there is no navigation to wait for, and with hx-push-url the
 * address changes before the swap. Returns the fragment's response; `url` (see urlMatches) and `status` check it.
 *   await clickAndWaitForSwap(page, page.getByRole('button', { name: '검색' }), { url: /kind=municipality/ });
 */
export async function clickAndWaitForSwap(page, action, { url, status } = {}) {
  await page.waitForLoadState('load'); // before that htmx may not have taken the form over yet (a click submits it)
  const settledBefore = await page.evaluate(() => {
    if (window.sotongTestSettled === undefined) {
      window.sotongTestSettled = 0;
      document.addEventListener('htmx:afterSettle', () => { window.sotongTestSettled += 1; });
    }
    return window.sotongTestSettled;
  });
  const response = await during(
    page.waitForResponse((r) => r.request().headers()['hx-request'] === 'true' && r.frame() === page.mainFrame()),
    action,
  );
  if (!urlMatches(response.url(), url)) {
    throw new AssertionError({ message: `htmx asked for ${response.url()}, not ${url}`, actual: response.url(), expected: url });
  }
  if (status !== undefined && response.status() !== status) {
    throw new AssertionError({
      message: `${response.url()} answered ${response.status()}, not ${status}`, actual: response.status(), expected: status,
    });
  }
  await page.waitForFunction((n) => window.sotongTestSettled > n, settledBefore);
  return response;
}

/** Clicks `action` (or runs a function) and returns the download it starts: its suggested name and its bytes. */
export async function clickAndDownload(page, action) {
  const download = await during(page.waitForEvent('download'), action);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// ───────────── Assertions that wait until they hold ─────────────
// A Locator is looked up afresh on every try, so these hold across a page being replaced or swapped.

const describe = (locator) => String(locator);

/** Waits until `locator` (one element) is visible. */
export async function expectVisible(locator, message) {
  try {
    await locator.waitFor({ state: 'visible' });
  } catch (e) {
    throw new AssertionError({ message: `${message ? `${message}: ` : ''}${describe(locator)} is not visible: ${e.message}` });
  }
}

/** Waits until `locator` is hidden or gone. */
export async function expectHidden(locator, message) {
  try {
    await locator.waitFor({ state: 'hidden' });
  } catch (e) {
    throw new AssertionError({ message: `${message ? `${message}: ` : ''}${describe(locator)} is still visible: ${e.message}` });
  }
}

/** Waits until `locator` matches exactly `n` elements. */
export async function expectCount(locator, n, message) {
  let count;
  await pollUntil(async () => (count = await locator.count()) === n, {
    message: () => `${message ? `${message}: ` : ''}${describe(locator)} to match ${n} element(s) (it matches ${count})`,
  });
}

/** Waits until the text of `locator` (one element) equals `expected` (a string) or matches it (a RegExp). */
export async function expectText(locator, expected, message) {
  let texts = [];
  await pollUntil(
    async () => {
      texts = await locator.allTextContents();
      return texts.length === 1 && (expected instanceof RegExp ? expected.test(texts[0]) : texts[0] === expected);
    },
    {
      message: () => `${message ? `${message}: ` : ''}the text of ${describe(locator)} to ${expected instanceof RegExp ? 'match' : 'be'} ` +
        `${expected}; ${texts.length === 1 ? `it is ${JSON.stringify(texts[0])}` : `it matches ${texts.length} elements`}`,
    },
  );
}

/** Waits until the page shows the message a POST/redirect/GET brings ("…했습니다."), exactly `text`. */
export async function expectFlash(page, text) {
  const messages = page.locator('.sotong-alert-message');
  let shown = [];
  await pollUntil(async () => (shown = (await messages.allTextContents()).map((t) => t.trim())).includes(text), {
    message: () => `the message ${JSON.stringify(text)} (the page shows ${shown.length ? shown.map((t) => JSON.stringify(t)).join(', ') : 'none'})`,
  });
  await expectVisible(messages.filter({ hasText: text }).first(), 'the message');
}

/** Waits until `fn` (async, may throw while it does not hold) returns a truthy value, which it returns. `fn`
 * should answer at once (count(), allTextContents(), evaluate()), not wait itself. */
export function eventually(fn, message) {
  return pollUntil(fn, { message });
}

// The axe-core that @axe-core/playwright uses, with its Korean messages applied, injected into
// every frame axe runs in.
const require = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const axeSource = `${require('axe-core').source}
;axe.configure({ locale: ${readFileSync(require.resolve('axe-core/locales/ko.json'), 'utf8')} });`;
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core on the page; throws listing every serious or critical violation. Returns all results. */
export async function checkA11y(page, label = page.url()) {
  // Legacy mode runs axe inside the page itself: it works with browser.newPage() too (the default
  // mode opens a second page, which that refuses) and Sotong has no cross-origin frames to miss.
  const results = await new AxeBuilder({ page, axeSource }).withTags(axeTags).setLegacyMode().analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const lines = bad.map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, ' ')}`);
      const more = v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : [];
      return [`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n');
    });
    throw new Error(`accessibility violations on ${label}:\n${lines.join('\n')}`);
  }
  return results;
}

/** Saves a full-page screenshot as test-results/NAME.png (for people reviewing a run). */
export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const path = `${resultsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
