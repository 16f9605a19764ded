// Browser-test helpers: Debian's Chromium through playwright-core, login, axe-core checks, screenshots.
// Modules resolve from web/node_modules through the tests/node_modules symlink the scripts create.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

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

/** A page in a fresh context (own cookies) set up like a Korean user's browser. */
export async function newPage(browser) {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  return context.newPage();
}

/** Signs in through the login form and waits for the page it leads to; throws if it stays on /login. */
export async function login(page, loginId, password = DEMO_PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.fill('#field-login_id', loginId);
  await page.fill('#field-password', password);
  try {
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form:has(#field-password) [type=submit]').first().click(),
    ]);
  } catch (e) {
    throw new Error(`login as ${loginId} failed: ${e.message}`);
  }
  if (new URL(page.url()).pathname === '/login') throw new Error(`login as ${loginId} failed: still on /login`);
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
