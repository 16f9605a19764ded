#!/usr/bin/env node
// Builds web/build/ — what the pages load — from the npm packages and web/static (run by `make web`):
//   krds.css    KRDS's tokens and components without the rules no template or script can use, minified
//   sotong.css  the Pretendard GOV faces the CSS uses (400 and 700, woff2 split by unicode-range) and
//               web/static/sotong.css, minified
//   fonts/      those faces' woff2 slices, copied from the package
//   krds.js     KRDS's ui-script.js, minified (its top-level names stay: sotong.js calls krds_modal & co.)
//   sotong.js   web/static/sotong.js, minified
// url()s become absolute paths under /static/, so the server can put each file's fingerprint into them.
// The server reads these files at start; nothing here runs at request time.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const require = createRequire(path.join(web, 'package.json'));
const { PurgeCSS } = require('purgecss');
const esbuild = require('esbuild');

const out = path.join(web, 'build');
const krds = path.join(web, 'node_modules/krds-uiux/resources');
const fonts = path.join(web, 'node_modules/pretendard-gov/dist/web/static');
const read = (file) => fs.readFileSync(file, 'utf8');

// Where each source folder is served (platform/operations/static_files.cpp, standard_mounts).
const mounts = [
  [krds, '/static/krds/'],
  [path.join(web, 'static'), '/static/app/'],
];
const urlOf = (file) => {
  for (const [folder, prefix] of mounts) {
    const rel = path.relative(folder, file);
    if (!rel.startsWith('..')) return prefix + rel.split(path.sep).join('/');
  }
  throw new Error(`${file} is not under a static mount`);
};

/** The CSS of `file` with its local @imports inlined and relative url()s made absolute, so the text still
 * points at the same files when it is served from /static/build/. */
function flattenCss(file) {
  const base = urlOf(file);
  return read(file)
    .replace(/^@charset[^;]*;\s*/m, '')
    .replace(/@import\s+(?:url\()?["']([^"']+)["']\)?\s*;/g, (_, href) => flattenCss(path.resolve(path.dirname(file), href)))
    .replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, quote, href) =>
      /^(?:[a-z]+:|\/|#)/i.test(href) ? whole : `url(${quote}${new URL(href, `http://x${base}`).pathname}${quote})`,
    );
}

const walk = (dir, test) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, test) : test(p) ? [p] : [];
  });

// What can put a class or attribute on the page: every template, the app's script, and what KRDS's script
// adds at run time (classList.add/toggle, className =, class="…" in the markup it builds, setAttribute).
const templates = walk(path.join(root, 'src'), (p) => /\/templates\/[^/]+\.mustache$/.test(p));
const uiScript = read(path.join(krds, 'js/component/ui-script.js'));
const appScript = read(path.join(web, 'static/sotong.js'));
const quoted = (s) => [...s.matchAll(/["'`]([^"'`]*)["'`]/g)].map((m) => m[1]);
const runtimeClasses = new Set();
for (const m of uiScript.matchAll(/classList\.(?:add|toggle|replace)\(([^)]*)\)|className\s*[+]?=\s*([^;\n]*)/g))
  for (const s of quoted(m[1] ?? m[2])) for (const c of s.split(/\s+/)) if (/^[\w-]+$/.test(c)) runtimeClasses.add(c);
for (const m of uiScript.matchAll(/class="([^"$]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) runtimeClasses.add(c);
const runtimeAttributes = new Set();
for (const m of (uiScript + appScript).matchAll(/(?:set|toggle)Attribute\(\s*["']([\w-]+)["']/g)) runtimeAttributes.add(m[1]);
// htmx's own classes (htmx.config: addedClass, settlingClass, swappingClass, requestClass, indicatorClass).
const htmxClasses = ['htmx-added', 'htmx-settling', 'htmx-swapping', 'htmx-request', 'htmx-indicator'];

async function krdsCss() {
  const [result] = await new PurgeCSS().purge({
    content: [
      ...templates.map((file) => ({ raw: read(file), extension: 'html' })),
      { raw: appScript, extension: 'js' },
    ],
    css: [{ raw: flattenCss(path.join(krds, 'css/component/output.css')) }],
    safelist: { standard: [...runtimeClasses, ...htmxClasses] },
    dynamicAttributes: [...runtimeAttributes],
  });
  return result.css;
}

/** Pretendard GOV's dynamic-subset faces for the weights the CSS uses, woff2 only: the browser downloads only
 * the slices (about 120 per weight) holding characters the page shows. */
function fontFaces(weights) {
  const css = read(path.join(fonts, 'pretendard-gov-dynamic-subset.css'));
  fs.rmSync(path.join(out, 'fonts'), { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'fonts'), { recursive: true });
  const faces = [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((m) => m[0]);
  const kept = faces.filter((f) => weights.includes(Number(f.match(/font-weight:\s*(\d+)/)[1])));
  if (kept.length === 0) throw new Error('no Pretendard GOV faces found for ' + weights);
  // Each slice's two weights side by side: their unicode-ranges are the same text, which gzip's 32 KiB window
  // then finds (48 KB compressed grouped by weight, as the package lists them; about half interleaved).
  const slice = (f) => Number(f.match(/subset\.(\d+)\.woff2/)[1]);
  return kept
    .sort((a, b) => slice(a) - slice(b))
    .map((f) =>
      f.replace(/src:[^;]*;/, (src) => {
        const file = src.match(/woff2-dynamic-subset\/([^)]+\.woff2)/)[1];
        fs.copyFileSync(path.join(fonts, 'woff2-dynamic-subset', file), path.join(out, 'fonts', file));
        return `src: url(/static/build/fonts/${file}) format("woff2");`;
      }),
    )
    .join('\n');
}

const minify = async (code, loader) => (await esbuild.transform(code, { loader, minify: true })).code;

fs.mkdirSync(out, { recursive: true });
const outputs = {
  'krds.css': await minify(await krdsCss(), 'css'),
  // KRDS uses 400 (--krds-font-weight-regular) and 700 (--krds-font-weight-bold, <strong>, <th>); nothing 500.
  'sotong.css': await minify(fontFaces([400, 700]) + '\n' + flattenCss(path.join(web, 'static/sotong.css')), 'css'),
  'krds.js': await minify(uiScript, 'js'),
  'sotong.js': await minify(appScript, 'js'),
};
for (const [name, text] of Object.entries(outputs)) {
  fs.writeFileSync(path.join(out, name + '.tmp'), text);
  fs.renameSync(path.join(out, name + '.tmp'), path.join(out, name)); // a running server never reads half a file
  console.log(`web/build/${name}: ${text.length.toLocaleString('en')} bytes`);
}
