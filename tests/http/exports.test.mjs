// List pages as files: ?format=csv|xlsx sends exactly the rows the page shows for the same filters, as an
// Excel-friendly CSV (BOM, CRLF, Korean header) or an XLSX workbook, named in Korean (RFC 5987) with an ASCII
// fallback; the page's download links carry its filters; roles that may not see the list get no file.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Client } from './lib/client.mjs';

let admin;

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Codes of the organisations the HTML list shows, in order. */
function htmlOrganizationCodes(html) {
  return [...html.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<th scope="row"><a href="\/admin\/organizations\/\d+">/g)].map((m) => decode(m[1]));
}

/** Login ids of the accounts the HTML list shows, in order. */
function htmlLogins(html) {
  return [...html.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<th scope="row"><a href="\/admin\/accounts\/\d+">/g)].map((m) => decode(m[1]));
}

/** RFC 4180 rows of a CSV text (quoted fields with doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

/** Fetches `path` as a file and checks the download headers; returns the response and its bytes. */
async function download(path, { type, name, ascii }) {
  const res = await admin.get(path);
  assert.equal(res.status, 200, `GET ${path}`);
  assert.equal(res.headers.get('content-type'), type);
  assert.match(res.headers.get('cache-control'), /no-store/);
  const disposition = res.headers.get('content-disposition');
  const m = disposition.match(/^attachment; filename="([ -~]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/);
  assert.ok(m, `Content-Disposition: ${disposition}`);
  assert.match(m[1], ascii, 'an ASCII-only fallback name');
  assert.match(decodeURIComponent(m[2]), name, 'the Korean name, percent-encoded UTF-8');
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  admin = new Client();
  await admin.login('admin');
});

const today = /\d{4}-\d{2}-\d{2}/.source;

test('CSV of the organisations list has the BOM, the Korean header and exactly the filtered rows', async () => {
  for (const query of ['kind=municipality', 'kind=municipality&q=%EC%A0%84%EC%A3%BC', 'status=active&q=52000', '']) {
    const page = await admin.get(`/admin/organizations?${query}`);
    assert.equal(page.status, 200);
    const expected = htmlOrganizationCodes(await page.text());
    assert.ok(expected.length > 0, `the page shows organisations for "${query}"`);
    const { bytes } = await download(`/admin/organizations?${query}&format=csv`, {
      type: 'text/csv; charset=utf-8',
      name: new RegExp(`^기관 목록_${today}\\.csv$`),
      ascii: new RegExp(`^organizations_${today}\\.csv$`),
    });
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(rows[0], ['기관코드', '기관명', '유형', '상위 기관', '상태', '등록일시', '최종 수정']);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), expected, `same rows as the page for "${query}"`);
    for (const r of rows.slice(1)) assert.equal(r.length, 7);
  }
  const { bytes } = await download('/admin/organizations?kind=municipality&format=csv', {
    type: 'text/csv; charset=utf-8', name: /\.csv$/, ascii: /\.csv$/,
  });
  const rows = parseCsv(bytes.subarray(3).toString('utf8')).slice(1);
  assert.equal(rows.length, 14, 'the 14 시·군');
  assert.deepEqual(rows.find((r) => r[0] === '52110').slice(1, 3), ['전주시', '시·군']);
  assert.ok(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[5])), 'dates in Korean time');
});

test('XLSX of a list is a zip workbook with the right type, a Korean RFC 5987 name and the rows', async () => {
  const { bytes } = await download('/admin/organizations?kind=municipality&format=xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: new RegExp(`^기관 목록_${today}\\.xlsx$`),
    ascii: new RegExp(`^organizations_${today}\\.xlsx$`),
  });
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
  // Read the workbook with Python's zipfile, independent of the writer.
  const read = (part) =>
    execFileSync('python3', ['-c', 'import sys, zipfile, io; sys.stdout.write(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read(sys.argv[1]).decode())', part], { input: bytes, encoding: 'utf8' });
  const strings = read('xl/sharedStrings.xml');
  for (const s of ['기관코드', '기관명', '전주시', '부안군']) assert.ok(strings.includes(`<t>${s}</t>`), s);
  assert.ok(!strings.includes('<t>전북연구원</t>'), 'an agency is not a 시·군');
  assert.match(read('xl/workbook.xml'), /<sheet name="기관 목록"/);
  const sheet = read('xl/worksheets/sheet1.xml');
  assert.match(sheet, /state="frozen"/);
  assert.match(sheet, /<autoFilter ref="A1:G15"\/>/, 'header plus 14 rows under an autofilter');
});

test('the list pages link their downloads with the current filters', async () => {
  const html = await (await admin.get('/admin/organizations?kind=municipality&status=active&q=%EA%B5%B0')).text();
  assert.ok(html.includes('href="/admin/organizations?kind=municipality&amp;status=active&amp;q=%EA%B5%B0&amp;format=csv">CSV 내려받기</a>'), 'CSV link');
  assert.ok(html.includes('href="/admin/organizations?kind=municipality&amp;status=active&amp;q=%EA%B5%B0&amp;format=xlsx">엑셀 내려받기</a>'), 'XLSX link');
  const accounts = await (await admin.get('/admin/accounts?role=municipal')).text();
  assert.ok(accounts.includes('href="/admin/accounts?role=municipal&amp;format=csv"'), 'accounts CSV link');
  // An htmx filter swap renders the links for the new filters too.
  const fragment = await (await admin.get('/admin/accounts?status=inactive', { 'hx-request': 'true' })).text();
  assert.ok(fragment.includes('href="/admin/accounts?status=inactive&amp;format=xlsx"'), 'fragment XLSX link');
});

test('CSV of the accounts list has exactly the filtered accounts', async () => {
  for (const query of ['role=municipal', 'q=admin', 'status=active']) {
    const expected = htmlLogins(await (await admin.get(`/admin/accounts?${query}`)).text());
    assert.ok(expected.length > 0, `the page shows accounts for ${query}`);
    const { bytes } = await download(`/admin/accounts?${query}&format=csv`, {
      type: 'text/csv; charset=utf-8',
      name: new RegExp(`^계정 목록_${today}\\.csv$`),
      ascii: new RegExp(`^accounts_${today}\\.csv$`),
    });
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.equal(rows[0][0], '아이디');
    assert.deepEqual(rows.slice(1).map((r) => r[0]), expected, query);
  }
  const { bytes } = await download('/admin/accounts?role=municipal&format=csv', { type: 'text/csv; charset=utf-8', name: /csv$/, ascii: /csv$/ });
  const jeonju = parseCsv(bytes.subarray(3).toString('utf8')).find((r) => r[0] === 'jeonju');
  assert.deepEqual(jeonju.slice(0, 5), ['jeonju', '최전주', '정책소통담당관', 'jeonju@sotong.example', '전주시']);
});

test('each download is recorded in the access log: who, which list, its filter, format and rows', async () => {
  const latest = async (recordType) => {
    const res = await admin.get(`/api/v1/history?kind=access&action=download&record_type=${recordType}&login=admin`, { accept: 'application/json' });
    assert.equal(res.status, 200);
    return (await res.json()).items[0];
  };
  const before = (await latest('organization'))?.id ?? 0;
  await download('/admin/organizations?kind=municipality&q=%EA%B5%B0&format=xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: /xlsx$/, ascii: /xlsx$/,
  });
  const entry = await latest('organization');
  assert.ok(entry.id > before, 'a new access entry');
  assert.equal(entry.login_id, 'admin');
  assert.equal(entry.subject, '기관 목록');
  assert.equal(entry.action, 'download');
  assert.ok(entry.remote_address, 'the client address');
  assert.deepEqual(entry.after, { format: 'xlsx', filter: 'kind=municipality&q=%EA%B5%B0', count: 9 }, "the 8 군 and 군산시");

  await download('/admin/accounts?role=municipal&format=csv', { type: 'text/csv; charset=utf-8', name: /csv$/, ascii: /csv$/ });
  const accounts = await latest('account');
  assert.equal(accounts.subject, '계정 목록');
  assert.equal(accounts.after.format, 'csv');
  assert.equal(accounts.after.filter, 'role=municipal');
  assert.ok(accounts.after.count >= 2, 'jeonju and gunsan at least');

  // A refused download leaves no entry.
  const c = new Client();
  await c.login('jeonju');
  assert.equal((await c.get('/admin/accounts?format=csv')).status, 403);
  assert.equal((await latest('account')).id, accounts.id);
});

test('an unknown format is refused with a Korean message', async () => {
  const res = await admin.get('/admin/organizations?format=pdf');
  assert.equal(res.status, 422);
  assert.match(await res.text(), /csv 또는 xlsx/);
});

test('roles that may not manage the lists get no file (403)', async () => {
  for (const login of ['coordinator', 'jeonju', 'auditor']) {
    const c = new Client();
    await c.login(login);
    for (const path of ['/admin/organizations?format=csv', '/admin/organizations?format=xlsx', '/admin/accounts?format=csv']) {
      const res = await c.get(path);
      assert.equal(res.status, 403, `${login} ${path}`);
      assert.doesNotMatch(res.headers.get('content-type'), /csv|spreadsheet/);
      assert.equal(res.headers.get('content-disposition'), null);
    }
  }
  const anonymous = await new Client().get('/admin/accounts?format=csv');
  assert.equal(anonymous.status, 303, 'not signed in: to the login page');
});

test('a page reached as //admin/organizations links its downloads to this site, not to a host named admin', async () => {
  for (const path of ['//admin/organizations?kind=municipality', '///admin/organizations']) {
    const res = await admin.get(path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const hrefs = [...html.matchAll(/href="([^"]*format=(?:csv|xlsx)[^"]*)"/g)].map((m) => m[1]);
    assert.equal(hrefs.length, 2, path);
    for (const href of hrefs) {
      assert.match(href, /^\/admin\/organizations\?/, href);
      assert.doesNotMatch(href, /^\/\//, href);
    }
  }
});
