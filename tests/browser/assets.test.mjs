// The pruned KRDS stylesheet (web/build/krds.css, scripts/build-web-assets.mjs) styles every page exactly as the
// full KRDS does: each page is opened twice at 1366 and 360 px, once as served and once with the pruned file
// swapped for KRDS's own output.css, and every element's computed style (and its ::before and ::after) must be
// the same. A rule pruned by mistake shows here as the element and property it no longer styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, newContext, login, click, clickAndWaitForPage, expectVisible, screenshot, useBrowser } from './lib/browser.mjs';

const chrome = useBrowser();

// Every element's computed style (and its ::before and ::after), in document order: a hash per box, or with
// `detail` the values of the boxes at those indexes. Custom properties are left out: their text is what the
// minifier shortens (".4s" for "0.4s"), and what they mean shows in the properties that use them. A
// pseudo-element without a box (content none) counts as empty.
function computedStyles(detail) {
  const elements = [...document.querySelectorAll('body, body *')];
  const props = [...getComputedStyle(document.body)].filter((p) => !p.startsWith('--'));
  const pseudos = [null, '::before', '::after'];
  const values = (i) => {
    const cs = getComputedStyle(elements[Math.floor(i / 3)], pseudos[i % 3]);
    if (i % 3 && (cs.content === 'none' || cs.content === 'normal')) return [];
    return props.map((p) => `${p}: ${cs.getPropertyValue(p)}`);
  };
  if (detail) {
    const label = (el) => {
      let s = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '');
      if (typeof el.className === 'string' && el.className.trim()) s += `.${el.className.trim().split(/\s+/).join('.')}`;
      return el.parentElement && el.parentElement !== document.body ? `${label(el.parentElement)} > ${s}` : s;
    };
    return detail.map((i) => ({ where: label(elements[Math.floor(i / 3)]) + (pseudos[i % 3] ?? ''), values: values(i) }));
  }
  const hashes = [];
  for (let i = 0; i < elements.length * 3; i++) {
    let h = 0x811c9dc5; // FNV-1a over the values
    for (const v of values(i)) for (let k = 0; k < v.length; k++) h = Math.imul(h ^ v.charCodeAt(k), 16777619);
    hashes.push(h >>> 0);
  }
  return hashes;
}

// Added as an inline <style>, which the site's CSP refuses: the contexts here bypass CSP (bypassCSP).
const noTransitions = '*, *::before, *::after { transition: none !important; animation: none !important; }';

async function settle(page) {
  await page.addStyleTag({ content: noTransitions });
  await page.evaluate(() => document.fonts.ready);
}

/** Opens a state of a page (through `open`) in two pages, one with the CSS as served and one with the full
 * KRDS instead of the pruned file, and returns the differences (at most 20 boxes, as text). */
async function compareWithFullKrds(context, open, name) {
  const pruned = await context.newPage();
  const full = await context.newPage();
  await full.route('**/static/build/krds.css*', (route) =>
    route.fulfill({ contentType: 'text/css', body: '@import url("/static/krds/css/component/output.css");' }),
  );
  await Promise.all([open(pruned).then(() => settle(pruned)), open(full).then(() => settle(full))]);
  await screenshot(pruned, `assets-${name}`);
  const a = await pruned.evaluate(computedStyles);
  const b = await full.evaluate(computedStyles);
  assert.equal(a.length, b.length, `${name}: the same page both times`);
  const differing = a.map((h, i) => (h === b[i] ? -1 : i)).filter((i) => i >= 0).slice(0, 20);
  const differences = [];
  if (differing.length) {
    const da = await pruned.evaluate(computedStyles, differing);
    const db = await full.evaluate(computedStyles, differing);
    da.forEach(({ where, values }, n) => {
      const other = new Set(db[n].values);
      const mine = new Set(values);
      const lost = db[n].values.filter((v) => !mine.has(v));
      const got = values.filter((v) => !other.has(v));
      const few = (list) => list.slice(0, 8).join('; ') + (list.length > 8 ? `; … ${list.length - 8} more` : '');
      differences.push(`${where}: full KRDS {${few(lost)}}, pruned {${few(got)}}`);
    });
  }
  await pruned.close();
  await full.close();
  return differences;
}

const goto = (path) => async (page) => {
  await page.goto(`${BASE}${path}`); // its load, and settle() waits for the fonts
};

// The pages of the platform as an administrator sees them, and states that only scripts reach. On a phone's
// width, the ones whose layout changes most (tables, forms, lists, the menu): each state costs a few seconds.
const signedInStates = [
  ['dashboard', goto('/')],
  ['organizations', goto('/admin/organizations')],
  [
    'organization-form-errors',
    async (page) => {
      await goto('/admin/organizations/new')(page);
      await clickAndWaitForPage(page, page.getByRole('button', { name: '저장' }), { status: 422 });
      await expectVisible(page.locator('.form-conts.is-error').first());
    },
  ],
  ['accounts', goto('/admin/accounts')],
  // Changes only: reading the log adds an access entry, so the access list grows between the two loads.
  ['history', goto('/admin/history?kind=change')],
  ['holidays', goto('/admin/holidays')],
  ['roles', goto('/admin/roles')],
  ['people', goto('/people')],
  ['search', goto('/search?q=%EC%A0%84%EC%A3%BC')],
  ['notifications', goto('/notifications')],
  ['password', goto('/password')],
  [
    'session-warning',
    async (page) => {
      await goto('/')(page);
      // What sotong.js does five minutes before the session ends.
      await page.evaluate(() => {
        const modal = document.getElementById('session-timeout-modal');
        modal.classList.add('shown', 'in');
        modal.querySelector('.modal-back').classList.add('in');
        document.body.classList.add('scroll-no');
      });
    },
  ],
];

for (const width of [1366, 360]) {
  test(`the pruned KRDS styles the login page like the full KRDS at ${width} px`, async () => {
    const context = await newContext(chrome.browser, { viewport: { width, height: 900 }, bypassCSP: true });
    const differences = await compareWithFullKrds(context, goto('/login'), `login-${width}`);
    assert.deepEqual(differences, [], 'login page');

    // A KRDS button and the header, spelled out: filled, rounded, KRDS's height and the logo's size.
    const page = await context.newPage();
    await goto('/login')(page);
    const styles = await page.evaluate(() => {
      const pick = (el, ...props) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
      return {
        button: pick(document.querySelector('.krds-btn.primary'), 'background-color', 'color', 'border-radius', 'height'),
        header: pick(document.querySelector('#krds-header .header-container'), 'border-bottom-width', 'display'),
        logo: pick(document.querySelector('#krds-header .logo-name'), 'font-size', 'font-weight', 'font-family'),
      };
    });
    assert.notEqual(styles.button['background-color'], 'rgba(0, 0, 0, 0)', 'the primary button is filled');
    assert.equal(styles.button.color, 'rgb(255, 255, 255)');
    assert.notEqual(styles.button['border-radius'], '0px');
    assert.ok(parseFloat(styles.button.height) >= 48, `a large KRDS button: ${styles.button.height}`);
    assert.equal(styles.header['border-bottom-width'], '1px');
    assert.equal(styles.logo['font-weight'], '700');
    assert.match(styles.logo['font-family'], /^"?Pretendard GOV"?/);
    assert.ok(await page.evaluate(() => document.fonts.check('16px "Pretendard GOV"', '소통')), 'the font is loaded');
    await context.close();
  });

  test(`the pruned KRDS styles every signed-in page like the full KRDS at ${width} px`, async () => {
    const context = await newContext(chrome.browser, { viewport: { width, height: 900 }, bypassCSP: true });
    await login(await context.newPage(), 'admin');
    const narrow = ['dashboard', 'organizations', 'organization-form-errors', 'history', 'people', 'session-warning'];
    const states = width === 360 ? signedInStates.filter(([name]) => narrow.includes(name)) : [...signedInStates];
    if (width === 360) {
      states.push([
        'mobile-menu',
        async (page) => {
          await goto('/')(page);
          await click(page.getByRole('link', { name: '전체메뉴' }));
          await expectVisible(page.locator('#mobile-nav .gnb-sub-list').first());
        },
      ]);
    }
    const failures = [];
    for (const [name, open] of states) {
      const differences = await compareWithFullKrds(context, open, `${name}-${width}`);
      if (differences.length) failures.push(`${name}:\n  ${differences.join('\n  ')}`);
    }
    assert.deepEqual(failures, []);
    await context.close();
  });
}
