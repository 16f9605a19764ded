// Static files as a slow office PC receives them: compressed in the coding it asks for, named by fingerprinted
// URLs it may keep for a year, and few enough bytes that the login page's first visit stays under 350 KB.
// Requests go through node:http, which (unlike fetch) leaves the body as it came over the wire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { BASE } from './lib/client.mjs';

/** GET `path` with `headers`; the body exactly as sent (not decoded). */
function raw(path, headers = {}, base = BASE) {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = (res) =>
  res.headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(res.body)
    : res.headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(res.body)
      : res.body;

/** The URLs the login page links in its <head> (stylesheets, scripts, the preloaded font, the icon). */
async function linkedAssets(base = BASE) {
  const html = (await raw('/login', {}, base)).body.toString();
  return [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="(\/static\/[^"]+)"/g)].map((m) =>
    m[1].replace(/&amp;/g, '&'),
  );
}

const immutable = 'public, max-age=31536000, immutable';

test('an asset goes out as br, gzip or as it is, as the browser asks, with Vary and its own ETag', async () => {
  const css = (await linkedAssets()).find((u) => u.startsWith('/static/build/krds.css?v='));
  assert.ok(css, 'the layout links the pruned KRDS stylesheet by a fingerprinted URL');
  const plain = await raw(css);
  const br = await raw(css, { 'accept-encoding': 'gzip, deflate, br' });
  const gzip = await raw(css, { 'accept-encoding': 'gzip, deflate' });
  const refused = await raw(css, { 'accept-encoding': 'gzip;q=0, br;q=0' });
  const noBr = await raw(css, { 'accept-encoding': 'br;q=0, gzip' });
  for (const [name, res, coding] of [
    ['no Accept-Encoding', plain, undefined],
    ['gzip, deflate, br', br, 'br'],
    ['gzip, deflate', gzip, 'gzip'],
    ['gzip;q=0, br;q=0', refused, undefined],
    ['br;q=0, gzip', noBr, 'gzip'],
  ]) {
    assert.equal(res.status, 200, name);
    assert.equal(res.headers['content-encoding'], coding, name);
    assert.equal(res.headers.vary, 'Accept-Encoding', name);
    assert.equal(Number(res.headers['content-length']), res.body.length, `${name}: Content-Length is what is sent`);
    assert.equal(res.headers['content-type'], 'text/css; charset=utf-8', name);
    assert.ok(decoded(res).equals(plain.body), `${name}: decodes to the stylesheet`);
  }
  assert.ok(br.body.length < plain.body.length / 5, `br: ${br.body.length} of ${plain.body.length} bytes`);
  assert.ok(gzip.body.length < plain.body.length / 5, `gzip: ${gzip.body.length} of ${plain.body.length} bytes`);
  const etags = new Set([plain, br, gzip].map((r) => r.headers.etag));
  assert.equal(etags.size, 3, `one ETag per coding: ${[...etags]}`);

  // A revalidation is answered for the representation the ETag names.
  assert.equal((await raw(css, { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers.etag })).status, 304);
  assert.equal((await raw(css, { 'accept-encoding': 'br', 'if-none-match': gzip.headers.etag })).status, 200);

  // Fonts are compressed already: sent as they are, to every browser.
  const font = (await linkedAssets()).find((u) => u.includes('.woff2'));
  const woff2 = await raw(font, { 'accept-encoding': 'gzip, br' });
  assert.equal(woff2.headers['content-encoding'], undefined);
  assert.equal(woff2.headers['content-type'], 'font/woff2');
});

test('every asset the layout links is fingerprinted and immutable; other URLs revalidate', async () => {
  const assets = await linkedAssets();
  assert.ok(assets.length >= 6, `stylesheets, scripts, font and icon: ${assets}`);
  for (const url of assets) {
    assert.match(url, /\?v=[0-9a-f]{16}$/, url);
    const res = await raw(url, { 'accept-encoding': 'gzip, br' });
    assert.equal(res.status, 200, url);
    assert.equal(res.headers['cache-control'], immutable, url);
  }

  const css = assets.find((u) => u.startsWith('/static/build/krds.css'));
  const path = css.slice(0, css.indexOf('?'));
  // Without its fingerprint, or with last release's: the same file, to be asked about again before each use.
  for (const url of [path, `${path}?v=0000000000000000`, `${path}?v=`, `${css}&x=1`]) {
    const res = await raw(url);
    assert.equal(res.status, 200, url);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
    assert.ok(res.headers.etag, url);
    assert.equal((await raw(url, { 'if-none-match': res.headers.etag })).status, 304, url);
  }
  // The full KRDS stylesheet the layout used to link is still there for anything that names it.
  const legacy = await raw('/static/krds/css/component/output.css', { 'accept-encoding': 'gzip' });
  assert.equal(legacy.status, 200);
  assert.equal(legacy.headers['content-encoding'], 'gzip');
  // KRDS's bundles no page uses are not served.
  assert.equal((await raw('/static/krds/cdn/krds.min.css')).status, 404);
});

test('every node of a cluster names and serves the same fingerprints', { skip: !process.env.SOTONG_URL_2 }, async () => {
  // A page from one node, its assets from the other (behind a load balancer): still immutable hits.
  const second = process.env.SOTONG_URL_2;
  const assets = await linkedAssets();
  assert.deepEqual(await linkedAssets(second), assets);
  for (const url of assets) assert.equal((await raw(url, {}, second)).headers['cache-control'], immutable, url);
});

test('the stylesheets name what they load (icons, font slices) by fingerprinted URLs too', async () => {
  for (const css of (await linkedAssets()).filter((u) => u.includes('.css'))) {
    const text = decoded(await raw(css, { 'accept-encoding': 'br' })).toString();
    const urls = [...text.matchAll(/url\(\s*["']?([^"')]+)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    for (const url of urls) assert.match(url, /^\/static\/.+\?v=[0-9a-f]{16}(#.*)?$/, `${css} names ${url}`);
  }
});

test("the login page's first visit transfers less than 350 KB", async () => {
  // An upper bound of what a browser fetches: the HTML, everything the head links, every icon the stylesheets
  // name, and for each character of the page's text the font slice holding it, in both weights.
  const accept = { 'accept-encoding': 'gzip, deflate, br' };
  const page = await raw('/login', accept);
  const text = page.body
    .toString()
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;/g, '');
  const urls = new Set(await linkedAssets());
  for (const css of [...urls].filter((u) => u.includes('.css'))) {
    const sheet = decoded(await raw(css, accept)).toString();
    for (const face of sheet.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const url = face.match(/url\(\s*["']?([^"')]+)/)[1];
      const ranges = face
        .match(/unicode-range:\s*([^;}]*)/)[1]
        .split(',')
        .map((r) => r.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16)));
      const covers = (c) => ranges.some(([from, to = from]) => c >= from && c <= to);
      if ([...text].some((ch) => covers(ch.codePointAt(0)))) urls.add(url);
    }
    const withoutFaces = sheet.replace(/@font-face\s*{[^}]*}/g, '');
    for (const m of withoutFaces.matchAll(/url\(\s*["']?([^"')#]+)/g)) urls.add(m[1]);
  }
  let total = page.body.length;
  const sizes = [];
  for (const url of urls) {
    const res = await raw(url, accept);
    assert.equal(res.status, 200, url);
    total += res.body.length;
    sizes.push(`${res.body.length} ${url}`);
  }
  assert.ok(total < 350 * 1024, `${total} bytes:\n${sizes.join('\n')}`);
});
