// Data linkage (전산감사) through a live server: every route refused to every role but the audit office and to an
// anonymous caller; an auditor uploads two CSV files with Korean headers (one in EUC-KR), maps their columns on
// a preview that masks resident numbers, imports them, runs the seed's scenario and finds the refund paid after
// the death, opens its evidence and downloads the result; bad files and bad mappings are refused with Korean
// messages and change nothing; an upload cannot be read from another session; the upload's size limit holds on
// a raw socket; the JSON operations answer every status the OpenAPI fragment declares.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Client, createToken, csrfFrom, fetch, runSuffix as run } from './lib/client.mjs';
import { openApiChecker } from './lib/openapi.mjs';
import { assertRoutesRefuse } from './lib/refusals.mjs';

const LINKAGE = 'audit.linkage';
const GRANTED = { [LINKAGE]: ['auditor'] };

let auditor;
const api = (path, token) =>
  fetch(new Client().base + path, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });

// Two people: 900101-1234567 died on 2025-03-01 and was refunded on 2025-05-10 (the case) and on 2025-02-01
// (in life); 850505-2345678 is alive; one refund falls on the day of death (not a case).
const refundsCsv = [
  '환급번호,주민등록번호,시군구코드,지급일자,환급액',
  `R-${run}-1,900101-1234567,52110,2025-05-10,"1,500,000"`,
  `R-${run}-2,900101-1234567,52110,2025-02-01,20000`,
  `R-${run}-3,850505-2345678,52130,2025-05-10,30000`,
  `R-${run}-4,770707-1111111,52140,2025-04-04,45000`,
].join('\r\n');
const deathsCsv = ['주민등록번호,사망일자', '900101-1234567,2025-03-01', '770707-1111111,2025-04-04'].join('\n');

/** The bytes of `text` in EUC-KR (CP949), as older Excel saves CSV. Node has no EUC-KR encoder, so the few
 * syllables of these headers are looked up in their EUC-KR codes (checked with iconv); the rest is ASCII. */
function eucKr(text) {
  const table = { 주: [0xc1, 0xd6], 민: [0xb9, 0xce], 등: [0xb5, 0xee], 록: [0xb7, 0xcf], 번: [0xb9, 0xf8], 호: [0xc8, 0xa3], 사: [0xbb, 0xe7], 망: [0xb8, 0xc1], 일: [0xc0, 0xcf], 자: [0xc0, 0xda] };
  const bytes = [];
  for (const ch of text) {
    if (table[ch]) bytes.push(...table[ch]);
    else bytes.push(ch.charCodeAt(0));
  }
  return new Uint8Array(bytes);
}

async function upload(client, kind, name, bytes) {
  const page = await client.get('/audit/linkage/datasets/new');
  const form = new FormData();
  form.append('_csrf', csrfFrom(await page.text()));
  form.append('kind', kind);
  form.append('file', new Blob([bytes]), name);
  return client.request('/audit/linkage/uploads', { method: 'POST', body: form, headers: { origin: client.base } });
}

/** Uploads, maps by the suggested headers and imports; returns the data set's id. */
async function importFile(client, kind, name, bytes, title) {
  const sent = await upload(client, kind, name, bytes);
  assert.equal(sent.status, 303, await sent.text());
  const mapping = sent.headers.get('location');
  assert.match(mapping, /^\/audit\/linkage\/uploads\/\d+$/);
  const html = await (await client.get(mapping)).text();
  const fields = { _csrf: csrfFrom(html), title, purpose: '사망자 환급 확인', legal_basis: '공공감사에 관한 법률 제20조', retention_until: `${new Date().getFullYear() + 1}-12-31` };
  for (const m of html.matchAll(/<select id="map-(\w+)" name="(map_\w+)"[\s\S]*?<\/select>/g)) {
    const selected = m[0].match(/<option value="([^"]*)" selected>/);
    fields[m[2]] = selected ? selected[1] : '';
  }
  const res = await client.postForm(mapping, fields);
  assert.equal(res.status, 303, await res.text());
  return Number(res.headers.get('location').match(/\/datasets\/(\d+)$/)[1]);
}

let refundsId;
let deathsId;
let runId;

before(async () => {
  auditor = new Client();
  await auditor.login('auditor');
  refundsId = await importFile(auditor, 'refunds', '환급.csv', new TextEncoder().encode('\ufeff' + refundsCsv), `환급 ${run}`);
  deathsId = await importFile(auditor, 'deaths', '사망.csv', eucKr(deathsCsv), `사망 ${run}`);
});

test('every route refuses every role but the audit office, and an anonymous caller', async () => {
  const routes = [
    { method: 'GET', path: '/audit/linkage', action: LINKAGE },
    { method: 'GET', path: '/audit/linkage/datasets/new', action: LINKAGE },
    { method: 'POST', path: '/audit/linkage/uploads', action: LINKAGE },
    { method: 'GET', path: '/audit/linkage/uploads/1', action: LINKAGE },
    { method: 'POST', path: '/audit/linkage/uploads/1', action: LINKAGE },
    { method: 'GET', path: `/audit/linkage/datasets/${refundsId}`, action: LINKAGE },
    { method: 'POST', path: `/audit/linkage/datasets/${refundsId}/dispose`, action: LINKAGE, form: { confirmed: '1' } },
    { method: 'GET', path: '/audit/linkage/scenarios/1', action: LINKAGE },
    { method: 'GET', path: '/audit/linkage/scenarios/1/edit', action: LINKAGE },
    { method: 'POST', path: '/audit/linkage/scenarios/1', action: LINKAGE, form: { title: 'x', note: 'x' } },
    { method: 'POST', path: '/audit/linkage/runs', action: LINKAGE, form: { scenario_id: '1', primary: String(refundsId), secondary: String(deathsId) } },
    { method: 'GET', path: '/audit/linkage/runs/1', action: LINKAGE },
    { method: 'GET', path: '/audit/linkage/flags/1', action: LINKAGE },
    { method: 'POST', path: '/audit/linkage/flags/1/finding', action: LINKAGE, form: { field_audit_id: '1', recommendation: 'x', action: 'correction', due_date: '2027-01-31' } },
    { method: 'GET', path: '/api/v1/audit/linkage/datasets', action: LINKAGE, api: true },
    { method: 'GET', path: '/api/v1/audit/linkage/scenarios', action: LINKAGE, api: true },
    { method: 'GET', path: '/api/v1/audit/linkage/runs/1', action: LINKAGE, api: true },
  ];
  const checked = await assertRoutesRefuse(routes, GRANTED);
  assert.ok(checked >= routes.length * 2);
  // The refused dispose changed nothing.
  assert.doesNotMatch(await (await auditor.get(`/audit/linkage/datasets/${refundsId}`)).text(), /폐기:/);
});

test('the preview masks resident numbers, and the imported record keeps its purpose, basis and mapping', async () => {
  const sent = await upload(auditor, 'deaths', '사망2.csv', new TextEncoder().encode(deathsCsv));
  const html = await (await auditor.get(sent.headers.get('location'))).text();
  assert.match(html, /900101-1\*{6}/);
  assert.doesNotMatch(html, /1234567/);
  const page = await (await auditor.get(`/audit/linkage/datasets/${deathsId}`)).text();
  assert.match(page, /공공감사에 관한 법률 제20조/);
  assert.match(page, /주민등록번호 ← 주민등록번호/);
  assert.match(page, /들여오기/, 'the import is the first line of its access log');
  assert.doesNotMatch(page, /900101/);
});

test('the seed’s scenario finds the refund paid after the death, and only it; its evidence and exports', async () => {
  const home = await (await auditor.get('/audit/linkage')).text();
  const scenario = home.match(/<a href="(\/audit\/linkage\/scenarios\/\d+)">사망자 지방세 환급<\/a>/)?.[1];
  assert.ok(scenario, 'the shipped scenario is listed');
  const page = await (await auditor.get(scenario)).text();
  const res = await auditor.postForm('/audit/linkage/runs', {
    _csrf: csrfFrom(page), scenario_id: scenario.split('/').pop(), primary: String(refundsId), secondary: String(deathsId),
  });
  assert.equal(res.status, 303, await res.text());
  runId = Number(res.headers.get('location').split('/').pop());
  const result = await (await auditor.get(`/audit/linkage/runs/${runId}`)).text();
  assert.match(result, /분석을 마쳤습니다/);
  assert.match(result, new RegExp(`>R-${run}-1</a>`));
  for (const other of [2, 3, 4]) assert.doesNotMatch(result, new RegExp(`>R-${run}-${other}</a>`), `R-${other} is not a case`);
  assert.match(result, /전주시 \(52110\)<\/th><td class="num">1<\/td><td class="num">1,500,000<\/td>/);
  const flag = result.match(/<a href="(\/audit\/linkage\/flags\/\d+)">R-/)[1];
  const evidence = await (await auditor.get(flag)).text();
  assert.match(evidence, /2025-03-01/, 'the death row');
  assert.match(evidence, /개인 #[0-9a-f]{8}/);
  assert.doesNotMatch(evidence, /900101/);
  const xlsx = await auditor.get(`/audit/linkage/runs/${runId}?format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.match(xlsx.headers.get('content-type'), /spreadsheetml/);
  const csv = await auditor.get(`/audit/linkage/runs/${runId}?format=csv`);
  assert.match(await csv.text(), new RegExp(`R-${run}-1`));
  const log = await (await auditor.get(`/audit/linkage/datasets/${deathsId}`)).text();
  assert.match(log, /분석 실행/);
  assert.match(log, /근거 열람/);
});

test('a flagged row is handed to a field audit as a finding, once', async () => {
  const result = await (await auditor.get(`/audit/linkage/runs/${runId}`)).text();
  const flag = result.match(/<a href="(\/audit\/linkage\/flags\/\d+)">R-/)[1];
  const page = await (await auditor.get(flag)).text();
  const audit = page.match(/<select id="handoff-audit"[^>]*>\s*<option value="(\d+)"/)?.[1];
  assert.ok(audit, 'an agreed or finished demo audit to hand the row to');
  const missing = await auditor.postForm(`${flag}/finding`, { _csrf: csrfFrom(page), field_audit_id: audit, recommendation: '', action: 'correction', due_date: `${new Date().getFullYear() + 1}-03-31` });
  assert.equal(missing.status, 422);
  const res = await auditor.postForm(`${flag}/finding`, { _csrf: csrfFrom(page), field_audit_id: audit, recommendation: '환급금을 환수하고 사망 신고 자료와 대조하는 절차를 만드십시오.', action: 'correction', due_date: `${new Date().getFullYear() + 1}-03-31` });
  assert.equal(res.status, 303, await res.text());
  const finding = await (await auditor.get(res.headers.get('location'))).text();
  assert.match(finding, /지적사항으로 넘겼습니다/);
  assert.match(finding, new RegExp(`R-${run}-1`));
  assert.match(finding, /1,500,000/);
  const after = await (await auditor.get(flag)).text();
  assert.match(after, /지적사항<\/a>으로 넘겼습니다/);
  const again = await auditor.postForm(`${flag}/finding`, { _csrf: csrfFrom(after), field_audit_id: audit, recommendation: '다시', action: 'correction', due_date: `${new Date().getFullYear() + 1}-03-31` });
  assert.equal(again.status, 409);
});

test('a bad file is refused whole with the row named and nothing imported', async () => {
  const bad = '환급번호,주민등록번호,시군구코드,지급일자,환급액\nX-1,900101-1234567,52110,2025-05-10,100\nX-2,900199-1234567,52110,2025-05-10,100\n';
  const sent = await upload(auditor, 'refunds', 'bad.csv', new TextEncoder().encode(bad));
  const mapping = sent.headers.get('location');
  const html = await (await auditor.get(mapping)).text();
  const before = (await (await api('/api/v1/audit/linkage/datasets', createToken('auditor', 'linkage'))).json()).items.length;
  const fields = { _csrf: csrfFrom(html), title: `잘못된 ${run}`, purpose: '확인', legal_basis: '근거', retention_until: `${new Date().getFullYear() + 1}-12-31`,
    map_refund_id: '환급번호', map_person: '주민등록번호', map_sigungu: '시군구코드', map_paid_date: '지급일자', map_amount: '환급액' };
  const res = await auditor.postForm(mapping, fields);
  assert.equal(res.status, 422);
  const body = await res.text();
  assert.match(body, /3행/);
  assert.doesNotMatch(body, /900199/);
  const after = (await (await api('/api/v1/audit/linkage/datasets', createToken('auditor', 'linkage'))).json()).items.length;
  assert.equal(after, before);
  // A mapping that leaves a column out is refused beside the field.
  const missing = await auditor.postForm(mapping, { ...fields, map_amount: '' });
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /환급액을 담은 열을 골라 주십시오/);
  // Neither a kind nor a file.
  const empty = await upload(auditor, '', 'x.csv', new Uint8Array());
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /자료의 종류를 골라 주십시오/);
});

test('an upload opens only in the session that sent it', async () => {
  const sent = await upload(auditor, 'deaths', 'd.csv', new TextEncoder().encode(deathsCsv));
  const other = new Client();
  await other.login('auditor');
  const res = await other.get(sent.headers.get('location'));
  assert.equal(res.status, 404);
  assert.doesNotMatch(await res.text(), /900101/);
});

test('an upload over the limit is refused on a raw socket before its body is read', async () => {
  const url = new URL(auditor.base);
  const cookie = [...auditor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const answer = await new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`POST /audit/linkage/uploads HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\n` +
        `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${300 * 1024 * 1024}\r\n\r\n--x\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    setTimeout(() => { socket.destroy(); resolve(data); }, 5000).unref();
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
});

test('a scenario saved again is a new version; a bad rule is refused beside the field', async () => {
  const home = await (await auditor.get('/audit/linkage')).text();
  const scenario = home.match(/<a href="(\/audit\/linkage\/scenarios\/\d+)">수의계약 쪼개기<\/a>/)[1];
  const form = await (await auditor.get(`${scenario}/edit`)).text();
  const bad = await auditor.postForm(scenario, { _csrf: csrfFrom(form), title: '수의계약 쪼개기', window_days: '30', threshold: '20000000', min_count: '2', rule_json: '{"version":1', note: '깨진 규칙' });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /id="error-rule_json"/);
  const saved = await auditor.postForm(scenario, { _csrf: csrfFrom(form), title: '수의계약 쪼개기', window_days: '30', threshold: '20,000,000', min_count: '3', rule_json: '', note: `최소 건수 3건 ${run}` });
  assert.equal(saved.status, 303, await saved.text());
  const page = await (await auditor.get(saved.headers.get('location'))).text();
  assert.match(page, /최소 건수: 3건/);
  assert.match(page, new RegExp(`최소 건수 3건 ${run}`));
});

test('every JSON operation answers each status the OpenAPI fragment declares', async () => {
  const assertDocumented = await openApiChecker();
  const token = createToken('auditor', 'linkage');
  const jeonju = createToken('jeonju', 'linkage');
  const anonymous = (path) => fetch(new Client().base + path, { headers: { accept: 'application/json' } });
  const cases = {
    'GET /api/v1/audit/linkage/datasets': {
      200: () => api('/api/v1/audit/linkage/datasets', token),
      401: () => anonymous('/api/v1/audit/linkage/datasets'),
      403: () => api('/api/v1/audit/linkage/datasets', jeonju),
    },
    'GET /api/v1/audit/linkage/scenarios': {
      200: () => api('/api/v1/audit/linkage/scenarios', token),
      401: () => anonymous('/api/v1/audit/linkage/scenarios'),
      403: () => api('/api/v1/audit/linkage/scenarios', jeonju),
    },
    'GET /api/v1/audit/linkage/runs/{id}': {
      200: () => api(`/api/v1/audit/linkage/runs/${runId}`, token),
      401: () => anonymous(`/api/v1/audit/linkage/runs/${runId}`),
      403: () => api(`/api/v1/audit/linkage/runs/${runId}`, jeonju),
      404: () => api('/api/v1/audit/linkage/runs/999999999', token),
    },
  };
  for (const [operation, byStatus] of Object.entries(cases)) {
    assert.deepEqual(Object.keys(byStatus).map(Number), assertDocumented.declared(operation), `${operation}: a case per declared status`);
    for (const [status, call] of Object.entries(byStatus)) {
      const res = await call();
      assert.equal(res.status, Number(status), operation);
      await assertDocumented(operation, res);
    }
  }
  const body = await (await api(`/api/v1/audit/linkage/runs/${runId}`, token)).json();
  assert.equal(body.flagged, 1);
  assert.equal(body.total_amount, 1500000);
});
