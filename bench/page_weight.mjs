// What a browser downloads for a page: Debian's Chromium (through playwright-core) opens the login page and the
// coordinator's dashboard twice each, first with an empty cache and then again in the same browser, and counts
// every response it receives over the network (Chrome's encodedDataLength: headers and the body as sent, so
// compressed). A repeat visit should fetch the HTML alone: every asset is fingerprinted and immutable, so the
// browser asks nothing about it for a year (a changed file gets a new URL), not only for an hour.
//   node bench/page_weight.mjs http://127.0.0.1:8080 [--json] [--detail]
// Prints a table; with --json one line of JSON for scripts/bench.sh. Exit status 0 unless the page fails.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const base = (process.argv[2] || process.env.SOTONG_URL || '').replace(/\/$/, '');
if (!base) throw new Error('usage: node bench/page_weight.mjs BASE_URL [--json] [--detail]');
const asJson = process.argv.includes('--json');
const detail = process.argv.includes('--detail');
const password = process.env.SOTONG_DEMO_PASSWORD || 'sotong-demo-2026';

/** Loads `path` in `page` and returns what came over the network: requests, bytes, revalidations (304). */
async function visit(page, path) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const responses = new Map();
  const finished = [];
  const cached = new Set(); // answered from Chrome's memory or disk cache, without a request
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, e.response));
  cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => finished.push(e));
  await page.goto(base + path, { waitUntil: 'load' });
  // Fonts are requested once the text is laid out, which may be after `load`: wait until the network is quiet.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await cdp.detach();
  const header = (r, name) => Object.entries(r.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  const rows = [];
  for (const f of finished) {
    const r = responses.get(f.requestId);
    if (!r || cached.has(f.requestId) || r.fromDiskCache || r.fromMemoryCache || r.url.startsWith('data:')) continue;
    const encoding = header(r, 'content-encoding');
    rows.push({ url: r.url.replace(base, ''), status: r.status, bytes: f.encodedDataLength, encoding });
  }
  return {
    requests: rows.length,
    revalidated: rows.filter((r) => r.status === 304).length,
    bytes: rows.reduce((n, r) => n + r.bytes, 0),
    rows,
  };
}

async function signIn(context) {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('#field-login_id', 'coordinator');
  await page.fill('#field-password', password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/login'),
    page.click('form:has(#field-password) [type=submit]'),
  ]);
  const cookies = await context.cookies();
  await page.close();
  return cookies.filter((c) => c.name === 'sotong_session');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results = {};
try {
  // The session is made in a throw-away context, so the dashboard's first visit starts with an empty cache.
  const session = await signIn(await browser.newContext());
  for (const [name, path, cookies] of [
    ['login', '/login', []],
    ['dashboard', '/', session],
  ]) {
    const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 768 } });
    await context.addCookies(cookies);
    const page = await context.newPage();
    const first = await visit(page, path);
    const repeat = await visit(page, path);
    results[name] = { first, repeat };
    await context.close();
  }
} finally {
  await browser.close();
}

if (asJson) {
  const brief = (v) => ({ requests: v.requests, revalidated: v.revalidated, bytes: v.bytes });
  const out = {};
  for (const [k, v] of Object.entries(results)) out[k] = { first: brief(v.first), repeat: brief(v.repeat) };
  console.log(JSON.stringify(out));
} else {
  const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
  for (const [name, { first, repeat }] of Object.entries(results)) {
    for (const [label, v] of [['first visit', first], ['repeat visit', repeat]]) {
      const bytes = `${v.bytes.toLocaleString('en')} bytes (${kb(v.bytes)})`;
      console.log(`${name} ${label}: ${v.requests} requests over the network (${v.revalidated} answered 304), ${bytes}`);
      if (!detail) continue;
      for (const r of v.rows) console.log(`  ${r.status} ${String(r.bytes).padStart(8)}  ${r.encoding.padEnd(4)} ${r.url}`);
    }
  }
}
