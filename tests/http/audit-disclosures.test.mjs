// Self-disclosure (자율적 시정·플리바겐): an official files one for their own organisation with documents and
// is shown a receipt once; only the audit office reads, lists, exports and decides them; everyone else —
// the administrator and the filer included — is answered 404 on every surface (pages, API, attachments,
// exports, search, the history viewer), the same for a filing that exists and one that does not, over a
// raw socket too; the history says only that a filing was filed or decided; everyone reads the
// province-wide figures.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { BASE, Client, createToken, csrfFrom, runSuffix as run } from './lib/client.mjs';
import { apiCall, assertRoutesRefuse, loginsWithout } from './lib/refusals.mjs';
import { openApiChecker } from './lib/openapi.mjs';

const FILE = 'audit.disclosure.file';
const READ = 'audit.disclosure.read';
const FIGURES = 'audit.disclosure.figures';
const EVERY_ROLE = ['admin', 'coordinator', 'bureau', 'municipal', 'auditor', 'budget', 'researcher', 'committee', 'hr', 'expert', 'trainer'];
// Copied from the policy rows (src/modules/audit/audit_permissions.cpp).
const GRANTED = {
  [FILE]: ['bureau', 'municipal'],
  [READ]: ['auditor'],
  [FIGURES]: EVERY_ROLE,
};
const MISSING = 987654;
const PDF = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

let assertDocumented;

/** The text with the number `id` (never part of a longer word, such as an asset's fingerprint) put as ID. */
// Only where an id stands in a path or a query (after / or =): an id of 8 must not turn the page's "utf-8" or a
// notification count of 7 into "ID".
const swap = (text, id) => text.replace(new RegExp(`(?<=[/=])${id}(?![0-9A-Za-z])`, 'g'), 'ID');
let auditorToken;
let known; // { id, attachment } of a filing made here, with its document

async function signedIn(login) {
  const c = new Client();
  await c.login(login);
  return c;
}

/** Files a disclosure through the form (multipart, with a document) as `client`; returns the response. */
async function fileForm(client, fields, files = []) {
  const _csrf = await client.csrf('/audit/disclosures/new');
  const form = new FormData();
  form.append('_csrf', _csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [name, content, type] of files) form.append('files', new Blob([content], { type }), name);
  return client.request('/audit/disclosures', { method: 'POST', body: form, headers: { origin: client.base } });
}

const filing = (title) => ({
  title,
  description: '정산 서류를 받지 않고 회계연도를 넘겼습니다.',
  period_from: '2026-03-04',
  period_to: '2026-03-31',
  mistake_kind: 'subsidy',
  amount: '1,200,000',
  corrected: '정산 서류를 받아 확인하고 남은 금액을 환수했습니다.',
  related_audit: '',
});

async function auditorList(query = '') {
  const res = await apiCall('GET', `/api/v1/audit/disclosures${query}`, { token: auditorToken });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

before(async () => {
  assertDocumented = await openApiChecker();
  auditorToken = createToken('auditor', 'disclosures');
  const jeonju = await signedIn('jeonju');
  const res = await fileForm(jeonju, filing(`보조금 정산 누락 ${run}`), [[`정산서 ${run}.pdf`, PDF, 'application/pdf']]);
  assert.equal(res.status, 303, await res.text());
  const found = (await auditorList()).find((d) => d.title === `보조금 정산 누락 ${run}`);
  assert.ok(found, 'the auditor finds the filing');
  const auditor = await signedIn('auditor');
  const page = await (await auditor.get(`/audit/disclosures/${found.id}`)).text();
  const attachment = Number(page.match(/href="\/attachments\/(\d+)"/)?.[1]);
  assert.ok(attachment > 0, 'the document is listed on the filing');
  known = { id: found.id, attachment };
});

const routes = () => [
  { method: 'GET', path: '/audit/disclosures/new', action: FILE },
  { method: 'POST', path: '/audit/disclosures', action: FILE, form: filing('거절될 신고') },
  { method: 'GET', path: '/audit/disclosures/receipt', action: FILE },
  { method: 'GET', path: '/audit/disclosures/figures', action: FIGURES, everyone: true },
  { method: 'GET', path: '/audit/disclosures', action: READ, hidden: true },
  { method: 'GET', path: '/audit/disclosures?format=csv', action: READ, hidden: true },
  { method: 'GET', path: '/audit/disclosures?format=xlsx', action: READ, hidden: true },
  { method: 'GET', path: `/audit/disclosures/${known.id}`, action: READ, hidden: true },
  { method: 'POST', path: `/audit/disclosures/${known.id}/decision`, action: READ, hidden: true, form: { decision: 'reduced', reasons: '사유', confirmed: '1' } },
  { method: 'POST', path: '/api/v1/audit/disclosures', action: FILE, api: true, body: { title: '거절될 신고' } },
  { method: 'GET', path: '/api/v1/audit/disclosures', action: READ, api: true, hidden: true },
  { method: 'GET', path: `/api/v1/audit/disclosures/${known.id}`, action: READ, api: true, hidden: true },
  { method: 'POST', path: `/api/v1/audit/disclosures/${known.id}/decision`, action: READ, api: true, hidden: true, body: { decision: 'reduced', reasons: '사유' } },
  { method: 'GET', path: '/api/v1/audit/disclosure-figures', action: FIGURES, api: true, everyone: true },
];

test('every route refuses every role its policy row does not grant; the audit office’s routes answer 404', async () => {
  const checked = await assertRoutesRefuse(routes(), GRANTED);
  assert.ok(checked >= 70, `${checked} refusals`);
  // Nothing was decided by the refused posts.
  const [d] = (await auditorList()).filter((x) => x.id === known.id);
  assert.equal(d.state, 'pending');
});

test('for everyone but the audit office a filing that exists reads exactly as one that does not', async () => {
  for (const login of loginsWithout(['auditor'])) {
    const c = await signedIn(login);
    const _csrf = csrfFrom(await (await c.get('/')).text());
    const token = createToken(login, 'disclosure-probe');
    const pages = [
      (id) => c.get(`/audit/disclosures/${id}`),
      (id) => c.postForm(`/audit/disclosures/${id}/decision`, { _csrf, decision: 'reduced', reasons: '사유', confirmed: '1' }),
      (id) => c.get(`/audit/disclosures/${id}?format=csv`),
      (id) => apiCall('GET', `/api/v1/audit/disclosures/${id}`, { token }),
      (id) => apiCall('POST', `/api/v1/audit/disclosures/${id}/decision`, { token, body: { decision: 'reduced', reasons: '사유' } }),
    ];
    for (const [i, send] of pages.entries()) {
      const existing = await send(known.id);
      const missing = await send(MISSING);
      assert.equal(existing.status, 404, `${login} #${i}`);
      assert.equal(missing.status, 404, `${login} #${i} missing`);
      const a = swap(await existing.text(), known.id);
      const b = swap(await missing.text(), MISSING);
      assert.equal(a, b, `${login} #${i}: the same answer for an existing and a missing filing`);
      assert.ok(!a.includes('보조금 정산 누락'), `${login} #${i}: nothing of the filing`);
    }
    // The document's download address: the same 404 as an attachment that does not exist.
    const file = await c.get(`/attachments/${known.attachment}`);
    const noFile = await c.get(`/attachments/${MISSING}`);
    assert.equal(file.status, 404, `${login} attachment`);
    assert.equal(noFile.status, 404);
    assert.equal(swap(await file.text(), known.attachment), swap(await noFile.text(), MISSING), `${login} attachment body`);
  }
  // The audit office reads and downloads them.
  const auditor = await signedIn('auditor');
  const doc = await auditor.get(`/attachments/${known.attachment}`);
  assert.equal(doc.status, 200);
  assert.equal(await doc.text(), PDF);
});

test('the filer sees the receipt once, is told before submitting, and can never read the filing again', async () => {
  const jeonju = await signedIn('jeonju');
  const form = await (await jeonju.get('/audit/disclosures/new')).text();
  assert.match(form, /제출한 뒤에는 본인도 이 신고를 다시 열어 볼 수 없습니다/);
  assert.match(form, /enctype="multipart\/form-data"/);
  const res = await fileForm(jeonju, filing(`접수증 확인 ${run}`), [[`증빙 ${run}.pdf`, PDF, 'application/pdf']]);
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/audit/disclosures/receipt');
  const receipt = await jeonju.get('/audit/disclosures/receipt');
  assert.equal(receipt.status, 200);
  const html = await receipt.text();
  assert.match(html, /자진신고를 접수했습니다/);
  const number = html.match(/<strong>(\d{4}-\d{4,})<\/strong>/)?.[1];
  assert.ok(number, 'the receipt number');
  assert.doesNotMatch(html, new RegExp(`접수증 확인 ${run}`), 'the receipt holds nothing of the filing');
  assert.equal(receipt.headers.get('cache-control'), 'no-store');
  // Once only: the second visit, and another session of the same person, see nothing.
  assert.equal((await jeonju.get('/audit/disclosures/receipt')).status, 404);
  const found = (await auditorList()).find((d) => d.title === `접수증 확인 ${run}`);
  assert.equal(found.receipt_number, number);
  assert.equal(found.organization_name, '전주시');
  assert.equal((await jeonju.get(`/audit/disclosures/${found.id}`)).status, 404, 'the filer cannot read it back');
  assert.equal((await jeonju.get('/audit/disclosures')).status, 404);
});

test('bad input is refused beside the fields in Korean, and changes nothing', async () => {
  const gunsan = await signedIn('gunsan');
  const before = (await auditorList()).length;
  const res = await fileForm(gunsan, { ...filing(''), description: '', period_from: '2026-02-30', mistake_kind: 'bribery', amount: '열두 원', corrected: '' });
  assert.equal(res.status, 422);
  const html = await res.text();
  for (const message of ['제목을 입력해 주십시오.', '경위를 입력해 주십시오.', '시작일은 2026-03-04처럼 실제 날짜로 입력해 주십시오.',
    '잘못의 유형을 고르십시오.', '관련 금액은 원 단위 숫자로만 입력해 주십시오 (예: 1,200,000).', '자율 시정 내용을 입력해 주십시오.']) {
    assert.ok(html.includes(`<p class="form-hint-invalid">${message}</p>`), message);
  }
  assert.match(html, /value="열두 원"/, 'what was typed comes back');
  const refusedFile = await fileForm(gunsan, filing(`파일 거절 ${run}`), [['악성.exe', 'MZ\x90\x00', 'application/octet-stream']]);
  assert.equal(refusedFile.status, 422);
  assert.match(await refusedFile.text(), /<p class="form-hint-invalid">[^<]+<\/p>\s*<p class="form-hint" id="hint-files">/);
  assert.equal((await auditorList()).length, before, 'nothing was filed');

  // The decision: both fields required, nothing decided until they are right.
  const auditor = await signedIn('auditor');
  const _csrf = await auditor.csrf(`/audit/disclosures/${known.id}`);
  const refused = await auditor.postForm(`/audit/disclosures/${known.id}/decision`, { _csrf, decision: 'pardon', reasons: ' ', confirmed: '1' });
  assert.equal(refused.status, 422);
  const page = await refused.text();
  assert.ok(page.includes('감경, 면제, 해당없음 가운데 하나를 고르십시오.'));
  assert.ok(page.includes('결정 사유를 입력해 주십시오.'));
  assert.equal((await auditorList()).find((d) => d.id === known.id).state, 'pending');
});

test('the audit office lists, filters, exports and decides, asked first; the filer learns only that it was decided', async () => {
  const auditor = await signedIn('auditor');
  const list = await auditor.get('/audit/disclosures?state=pending');
  assert.equal(list.status, 200);
  const html = await list.text();
  assert.ok(html.includes(`보조금 정산 누락 ${run}`));
  assert.match(html, /CSV 내려받기/);
  const csv = await auditor.get('/audit/disclosures?state=pending&format=csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  assert.ok((await csv.text()).includes(`보조금 정산 누락 ${run}`));
  const xlsx = await auditor.get('/audit/disclosures?format=xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal((await auditor.get('/audit/disclosures?year=abc')).status, 422);

  const _csrf = await auditor.csrf(`/audit/disclosures/${known.id}`);
  const asked = await auditor.postForm(`/audit/disclosures/${known.id}/decision`, { _csrf, decision: 'reduced', reasons: '스스로 찾아 환수했습니다.' });
  assert.equal(asked.status, 200, 'without confirmed=1 the server asks first');
  const question = await asked.text();
  assert.match(question, /‘감경’으로 결정할까요\?/);
  assert.match(question, /name="confirmed" value="1"/);
  assert.equal((await auditorList()).find((d) => d.id === known.id).state, 'pending');
  const done = await auditor.postForm(`/audit/disclosures/${known.id}/decision`, { _csrf: csrfFrom(question), decision: 'reduced', reasons: '스스로 찾아 환수했습니다.', confirmed: '1' });
  assert.equal(done.status, 303);
  const page = await (await auditor.follow(done)).text();
  assert.match(page, /‘감경’ 결정을 등록했습니다/);
  assert.match(page, /강감사/);
  const again = await auditor.postForm(`/audit/disclosures/${known.id}/decision`, { _csrf, decision: 'exempted', reasons: '다시', confirmed: '1' });
  assert.equal(again.status, 409);
  const decided = (await auditorList('?decision=reduced')).find((d) => d.id === known.id);
  assert.equal(decided.decision_reasons, '스스로 찾아 환수했습니다.');

  // The filer's notification says a decision was made, never which.
  const jeonju = await signedIn('jeonju');
  const inbox = await (await jeonju.get('/notifications')).text();
  assert.match(inbox, /감사관실이 결과를 따로 알려 드립니다/);
  const notice = inbox.slice(inbox.indexOf('자진신고 결과가 정해졌습니다') - 200, inbox.indexOf('감사관실이 결과를 따로 알려 드립니다') + 40);
  for (const secret of ['감경', '환수', '보조금']) assert.ok(!notice.includes(secret), `the notification holds no ${secret}`);
});

test('nothing of a filing is found by search, for anyone', async () => {
  for (const login of ['admin', 'coordinator', 'jeonju', 'auditor']) {
    const c = await signedIn(login);
    const page = await c.get(`/search?q=${encodeURIComponent('보조금 정산 누락')}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(!html.includes(`보조금 정산 누락 ${run}`), `${login}: search page`);
    assert.doesNotMatch(html, /\/audit\/disclosures\/\d/, `${login}: no link to a filing`);
    const api = await apiCall('GET', `/api/v1/search?q=${encodeURIComponent(run)}`, { token: createToken(login, 'disclosure-search') });
    assert.equal(api.status, 200);
    const text = await api.text();
    assert.ok(!text.includes('보조금 정산 누락'), `${login}: search API`);
    assert.ok(!text.includes('/audit/disclosures'), `${login}: search API links`);
  }
});

test('the history says only that a filing was filed or decided, and only to the audit office', async () => {
  const res = await apiCall('GET', `/api/v1/history?record_type=audit_disclosure&record_id=${known.id}`, { token: auditorToken });
  assert.equal(res.status, 200);
  const entries = (await res.json()).items;
  assert.deepEqual(entries.map((e) => e.action).sort(), ['create', 'decide']);
  for (const e of entries) {
    const data = JSON.stringify([e.before, e.after]);
    for (const secret of ['보조금', '정산', '1200000', '전주', 'reduced', '감경', '환수']) assert.ok(!data.includes(secret), `${e.action}: ${secret} in ${data}`);
    assert.ok(['{"state":"pending"}', '{"state":"decided"}'].includes(JSON.stringify(e.after)), data);
  }
  const fileEntries = await (await apiCall('GET', '/api/v1/history?record_type=audit_disclosure_file', { token: auditorToken })).json();
  assert.ok(fileEntries.items.length >= 1, 'the documents’ uploads are kept under their own record type');
  const entryId = entries[0].id;
  const fileEntryId = fileEntries.items[0].id;

  for (const login of ['admin']) {
    const c = await signedIn(login);
    const token = createToken(login, 'disclosure-history');
    for (const query of ['record_type=audit_disclosure', `record_type=audit_disclosure&record_id=${known.id}`, 'record_type=audit_disclosure_file', 'record_type=attachment', '']) {
      const api = await apiCall('GET', `/api/v1/history?${query}`, { token });
      assert.equal(api.status, 200);
      const items = (await api.json()).items;
      assert.ok(!items.some((e) => e.record_type.startsWith('audit_disclosure')), `${login} API ${query}`);
      const page = await (await c.get(`/admin/history?${query}`)).text();
      assert.ok(!page.includes('자진신고'), `${login} page ${query}`);
      const csv = await c.get(`/admin/history?${query}${query ? '&' : ''}format=csv`);
      assert.equal(csv.status, 200);
      const text = await csv.text();
      assert.ok(!text.includes('자진신고') && !text.includes(`정산서 ${run}`), `${login} CSV ${query}`);
    }
    for (const id of [entryId, fileEntryId]) {
      const shown = await c.get(`/admin/history/${id}`);
      const none = await c.get(`/admin/history/${MISSING * 1000}`);
      assert.equal(shown.status, 404, `${login} entry ${id}`);
      assert.equal(swap(await shown.text(), id), swap(await none.text(), MISSING * 1000));
    }
  }
  // Roles without the history viewer are refused it as before.
  for (const login of ['coordinator', 'jeonju']) assert.equal((await (await signedIn(login)).get('/admin/history')).status, 403);
});

test('everyone reads the province-wide figures, with nothing of any one filing', async () => {
  for (const login of ['committee', 'jeonju', 'admin', 'auditor']) {
    const c = await signedIn(login);
    const page = await c.get('/audit/disclosures/figures');
    assert.equal(page.status, 200);
    const whole = await page.text();
    const html = whole.slice(whole.indexOf('<main'), whole.indexOf('</main>')); // the header names the person
    assert.match(html, /연도별 자진신고 처리 현황/);
    for (const secret of ['전주시', '군산시', '보조금 정산', '강감사']) assert.ok(!html.includes(secret), `${login}: ${secret}`);
    const api = await apiCall('GET', '/api/v1/audit/disclosure-figures', { token: createToken(login, 'figures') });
    const body = await assertDocumented('GET /api/v1/audit/disclosure-figures', api);
    const year = body.years.find((y) => y.year === new Date().getUTCFullYear()) ?? body.years[0];
    assert.ok(year.total >= 6, 'the demo filings and these are counted');
    assert.equal(year.total, year.pending + year.reduced + year.exempted + year.not_applicable);
  }
});

test('every JSON operation answers each status its OpenAPI fragment declares', async () => {
  const jeonjuToken = createToken('jeonju', 'disclosures-api');
  const adminToken = createToken('admin', 'disclosures-api');
  const seen = new Map();
  const check = async (op, res) => {
    await assertDocumented(op, res);
    if (!seen.has(op)) seen.set(op, new Set());
    seen.get(op).add(res.status);
  };
  // Filing.
  const FILE_OP = 'POST /api/v1/audit/disclosures';
  await check(FILE_OP, await apiCall('POST', '/api/v1/audit/disclosures', { token: jeonjuToken, body: { ...filing(`API 신고 ${run}`), amount: 5000, related_audit: null, period_to: null } }));
  await check(FILE_OP, await apiCall('POST', '/api/v1/audit/disclosures', { body: filing('x') }));
  await check(FILE_OP, await apiCall('POST', '/api/v1/audit/disclosures', { token: adminToken, body: filing('x') }));
  await check(FILE_OP, await apiCall('POST', '/api/v1/audit/disclosures', { token: jeonjuToken, body: { ...filing(''), amount: null } }));
  // List.
  const LIST = 'GET /api/v1/audit/disclosures';
  await check(LIST, await apiCall('GET', '/api/v1/audit/disclosures?state=pending', { token: auditorToken }));
  await check(LIST, await apiCall('GET', '/api/v1/audit/disclosures'));
  await check(LIST, await apiCall('GET', '/api/v1/audit/disclosures', { token: adminToken }));
  await check(LIST, await apiCall('GET', '/api/v1/audit/disclosures?decision=pardon', { token: auditorToken }));
  const apiFiled = (await auditorList()).find((d) => d.title === `API 신고 ${run}`);
  assert.ok(apiFiled, 'the API filing is there');
  assert.equal(apiFiled.amount, 5000);
  // One.
  const ONE = 'GET /api/v1/audit/disclosures/{id}';
  await check(ONE, await apiCall('GET', `/api/v1/audit/disclosures/${apiFiled.id}`, { token: auditorToken }));
  await check(ONE, await apiCall('GET', `/api/v1/audit/disclosures/${apiFiled.id}`));
  await check(ONE, await apiCall('GET', `/api/v1/audit/disclosures/${MISSING}`, { token: auditorToken }));
  // Decision.
  const DECIDE = 'POST /api/v1/audit/disclosures/{id}/decision';
  const path = `/api/v1/audit/disclosures/${apiFiled.id}/decision`;
  await check(DECIDE, await apiCall('POST', path, { body: { decision: 'exempted', reasons: '면제 사유' } }));
  await check(DECIDE, await apiCall('POST', path, { token: adminToken, body: { decision: 'exempted', reasons: '면제 사유' } }));
  await check(DECIDE, await apiCall('POST', path, { token: auditorToken, body: { decision: 'forgiven', reasons: '' } }));
  const ok = await apiCall('POST', path, { token: auditorToken, body: { decision: 'exempted', reasons: '손실이 없어 면제합니다.' } });
  await check(DECIDE, ok);
  await check(DECIDE, await apiCall('POST', path, { token: auditorToken, body: { decision: 'reduced', reasons: '다시' } }));
  // Figures.
  const FIG = 'GET /api/v1/audit/disclosure-figures';
  await check(FIG, await apiCall('GET', '/api/v1/audit/disclosure-figures', { token: jeonjuToken }));
  await check(FIG, await apiCall('GET', '/api/v1/audit/disclosure-figures'));

  for (const [op, statuses] of seen) assert.deepEqual([...statuses].sort(), assertDocumented.declared(op).map(Number).sort(), op);
  assert.equal(seen.size, 5);
});

/** A raw HTTP exchange on its own connection; resolves with the status and the answer without its headers' dates. */
function raw(request) {
  const { hostname, port } = new URL(BASE);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let buf = '';
    socket.setEncoding('latin1');
    socket.setTimeout(15_000, () => socket.destroy(new Error('no answer in 15 s')));
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d) => { buf += d; });
    socket.on('end', () => resolve({ status: Number(buf.match(/^HTTP\/1\.[01] (\d{3})/)?.[1]), text: buf.replace(/^Date: .*\r\n/im, '') }));
    socket.on('error', reject);
  });
}

test('over a raw socket no path trick, method or case shows a filing to anyone but the audit office', async () => {
  const admin = await signedIn('admin');
  const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const send = (method, target) => raw(`${method} ${target} HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nAccept: text/html\r\nConnection: close\r\n\r\n`);
  const tricks = (id) => [
    ['GET', `/audit/disclosures/${id}`],
    ['GET', `/audit/disclosures/${id}/../${id}`],
    ['GET', `/audit/disclosures/x/../${id}`],
    ['GET', `/audit/disclosures/%2e%2e/disclosures/${id}`],
    ['GET', `/audit/./disclosures/${id}`],
    ['GET', `/audit//disclosures/${id}`],
    ['GET', `/audit/disclosures/${id}/`],
    ['GET', `/audit/disclosures/${id}%2f`],
    ['GET', `/audit/disclosures/0${id}`],
    ['GET', `/audit/disclosures/+${id}`],
    ['GET', `/audit/disclosures/${id}%00`],
    ['GET', `/audit/disclosures/${id}?format=csv`],
    ['GET', `/AUDIT/DISCLOSURES/${id}`],
    ['GET', `/Audit/Disclosures/${id}`],
    ['GET', `/audit/disclosures/%${id}`],
    ['GET', `http://x/audit/disclosures/${id}`],
    ['GET', `/api/v1/audit/disclosures/${id}`],
    ['GET', `/api/v1/audit/disclosures/${id}/../${id}`],
    ['HEAD', `/audit/disclosures/${id}`],
    ['OPTIONS', `/audit/disclosures/${id}`],
    ['PUT', `/audit/disclosures/${id}`],
    ['DELETE', `/audit/disclosures/${id}`],
    ['PATCH', `/api/v1/audit/disclosures/${id}`],
    ['get', `/audit/disclosures/${id}`],
    ['GET', `/attachments/${id === known.id ? known.attachment : MISSING}`],
  ];
  const existing = tricks(known.id);
  const missing = tricks(MISSING);
  for (const [i, [method, target]] of existing.entries()) {
    const a = await send(method, target);
    const b = await send(...missing[i]);
    assert.ok(![200, 403, 500].includes(a.status) && a.status > 0, `${method} ${target}: ${a.status}`);
    assert.equal(a.status, b.status, `${method} ${target}: the same status for a missing filing`);
    const strip = (t, id, file) => swap(swap(t, id), file).replace(/\r\nContent-Length: \d+/i, '');
    assert.equal(strip(a.text, known.id, known.attachment), strip(b.text, MISSING, MISSING), `${method} ${target}: the same answer`);
    assert.ok(!a.text.includes('보조금'), `${method} ${target}: nothing of the filing`);
  }
});
