// Attachments (첨부파일) on an organisation: multipart upload of several files with Korean names, byte-identical
// download under the RFC 5987 name, the allow-list checked by content (a renamed .exe stores nothing), the
// per-file and per-request limits, a non-admin refused, and deletion that leaves the history behind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Client, createToken, csrfFrom, fetch, hangul, runSuffix } from './lib/client.mjs';
import { TIMEOUT } from './lib/poll.mjs';

let admin;
let adminToken;
let orgId;
const page = () => `/admin/organizations/${orgId}`;

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The attachments listed on the organisation's page as [{id, name}]. */
async function listed(client = admin) {
  const res = await client.get(page());
  assert.equal(res.status, 200);
  const html = await res.text();
  return [...html.matchAll(/<a href="\/attachments\/(\d+)" download>([^<]*)<\/a>/g)].map((m) => ({
    id: Number(m[1]),
    name: decode(m[2]),
  }));
}

/** Posts files (objects {name, bytes}) as multipart/form-data with the page's CSRF token. */
async function upload(files, { client = admin, ownerId = orgId, ownerType = 'organization' } = {}) {
  const form = new FormData();
  form.append('_csrf', await client.csrf(page()));
  form.append('owner_type', ownerType);
  form.append('owner_id', String(ownerId));
  for (const f of files) form.append('files', new Blob([f.bytes]), f.name);
  return client.request('/attachments', { method: 'POST', body: form, headers: { origin: client.base } });
}

async function history(query) {
  const res = await fetch(`${admin.base}/api/v1/history?${query}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${adminToken}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10]), Buffer.from(`조직도 ${runSuffix}\n%%EOF`)]);
const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);

before(async () => {
  admin = new Client();
  await admin.login('admin');
  adminToken = createToken('admin', 'attachments-test');
  const res = await admin.get('/api/v1/organizations');
  orgId = (await res.json()).items[0].id;
});

test('an admin uploads two files with Korean names and downloads them byte for byte', async () => {
  const names = [`조직도 ${runSuffix}.pdf`, `설치 근거 문서 ${runSuffix}.hwp`];
  const res = await upload([{ name: names[0], bytes: pdf }, { name: names[1], bytes: ole }]);
  assert.equal(res.status, 303, await res.text());
  assert.equal(res.headers.get('location'), page());
  const shown = await listed();
  for (const [i, name] of names.entries()) {
    const item = shown.find((a) => a.name === name);
    assert.ok(item, `${name} is listed`);
    const dl = await admin.get(`/attachments/${item.id}`);
    assert.equal(dl.status, 200);
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), i === 0 ? pdf : ole);
    assert.equal(dl.headers.get('content-type'), i === 0 ? 'application/pdf' : 'application/x-hwp');
    const cd = dl.headers.get('content-disposition');
    assert.match(cd, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]+$/);
    assert.equal(decodeURIComponent(cd.match(/filename\*=UTF-8''(.+)$/)[1]), name);
    const access = await history(`kind=access&action=download&record_type=attachment&record_id=${item.id}`);
    assert.equal(access.length, 1, 'the download is in the access log');
    assert.equal(access[0].login_id, 'admin');
  }
});

test('a name sent as filename*= (RFC 5987) is stored decoded and composed', async () => {
  const _csrf = await admin.csrf(page());
  const b = `----sotong${runSuffix}`;
  const name = `회의록 ${runSuffix}.txt`;
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${_csrf}\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="owner_type"\r\n\r\norganization\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="owner_id"\r\n\r\n${orgId}\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="files[]"; filename="x.txt"; filename*=UTF-8''${encodeURIComponent(name.normalize('NFD'))}\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from('안건: 예산\r\n'),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const res = await admin.request('/attachments', {
    method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${b}`, origin: admin.base },
  });
  assert.equal(res.status, 303, await res.text());
  const item = (await listed()).find((a) => a.name === name);
  assert.ok(item, 'stored under the NFC name');
  const dl = await admin.get(`/attachments/${item.id}`);
  assert.equal(await dl.text(), '안건: 예산\r\n');
});

/** A refused upload leads back to the owner's page at the file field, which then says why beside the field. */
async function refusal(res, client = admin) {
  assert.equal(res.status, 303, 'back to the page the upload came from');
  assert.match(res.headers.get('location'), /^\/admin\/organizations\/\d+#attachment-files$/);
  const html = decode(await (await client.follow(res)).text());
  assert.match(html, /첨부파일을 올리지 못했습니다\./, 'the message at the top');
  const beside = html.match(/<p class="form-hint-invalid" id="attachment-error" role="alert">([^<]*)<\/p>/);
  assert.ok(beside, 'the reason beside the file field');
  assert.match(html, /id="attachment-files"[^>]*aria-invalid="true"/);
  return beside[1];
}

test('a renamed .exe is refused by content, naming the file, and nothing of the request is stored', async () => {
  const before = await listed();
  const bad = `보고서 ${runSuffix}.pdf`;
  const res = await upload([{ name: `정상 ${runSuffix}.pdf`, bytes: pdf }, { name: bad, bytes: exe }]);
  const reason = await refusal(res);
  assert.ok(reason.includes(bad), 'the reason names the file');
  assert.match(reason, /확장자/);
  assert.deepEqual(await listed(), before);
  const unknown = await upload([{ name: `설치.exe`, bytes: exe }]);
  assert.match(await refusal(unknown), /올릴 수 없는 형식/);
  // The reason is shown once: a reload of the page no longer carries it.
  assert.doesNotMatch(await (await admin.get(page())).text(), /id="attachment-error"/);
});

test('files over the per-file or per-request limit are refused in Korean, beside the file field', async () => {
  const before = await listed();
  const big = await upload([{ name: `큰 파일 ${runSuffix}.txt`, bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) }]);
  const text = await refusal(big);
  assert.ok(text.includes(`큰 파일 ${runSuffix}.txt`));
  assert.match(text, /파일당 한도/);
  const nine = Buffer.alloc(9 * 1024 * 1024, 0x62);
  const total = await upload([
    { name: 'a.txt', bytes: nine }, { name: 'b.txt', bytes: nine }, { name: 'c.txt', bytes: Buffer.alloc(2200 * 1024, 0x63) },
  ]);
  assert.match(await refusal(total), /한 번에 올릴 수 있는/);
  assert.deepEqual(await listed(), before);
});

test('a non-admin may neither upload, download nor delete an organisation attachment', async () => {
  const item = (await listed())[0];
  assert.ok(item);
  const other = new Client();
  await other.login('coordinator');
  const home = await other.get('/');
  const _csrf = csrfFrom(await home.text());
  const form = new FormData();
  form.append('_csrf', _csrf);
  form.append('owner_type', 'organization');
  form.append('owner_id', String(orgId));
  form.append('files', new Blob([pdf]), '몰래.pdf');
  const up = await other.request('/attachments', { method: 'POST', body: form, headers: { origin: other.base } });
  assert.equal(up.status, 403);
  assert.match(await up.text(), hangul);
  assert.equal((await other.get(`/attachments/${item.id}`)).status, 403);
  const del = await other.postForm(`/attachments/${item.id}/delete`, { _csrf, confirmed: '1' });
  assert.equal(del.status, 403);
  assert.ok((await listed()).some((a) => a.id === item.id));
  const nobody = new Client();
  const anon = await nobody.get(`/attachments/${item.id}`);
  assert.equal(anon.status, 303);
});

test('a multipart post without the CSRF token is refused', async () => {
  const form = new FormData();
  form.append('owner_type', 'organization');
  form.append('owner_id', String(orgId));
  form.append('files', new Blob([pdf]), 'x.pdf');
  const res = await admin.request('/attachments', { method: 'POST', body: form, headers: { origin: admin.base } });
  assert.equal(res.status, 403);
});

test('deleting removes the file from the list and the download, but the history keeps it', async () => {
  const name = `삭제할 문서 ${runSuffix}.pdf`;
  assert.equal((await upload([{ name, bytes: pdf }])).status, 303);
  const item = (await listed()).find((a) => a.name === name);
  const _csrf = await admin.csrf(page());
  const res = await admin.postForm(`/attachments/${item.id}/delete`, { _csrf, confirmed: '1' });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), page());
  assert.ok(!(await listed()).some((a) => a.id === item.id));
  assert.equal((await admin.get(`/attachments/${item.id}`)).status, 404);
  const again = await admin.postForm(`/attachments/${item.id}/delete`, { _csrf, confirmed: '1' });
  assert.equal(again.status, 404);
  const changes = await history(`kind=change&record_type=attachment&record_id=${item.id}`);
  assert.deepEqual(changes.map((e) => e.action), ['delete', 'create']);
  assert.equal(changes[0].before.file_name, name);
  assert.equal(changes[0].after.deleted, true);
  assert.match(changes[1].after.sha256, /^[0-9a-f]{64}$/);
});

test('a request body over the route limit is refused by the server with 413 in Korean before it is read', async () => {
  // The server answers from the headers alone (Content-Length over the route's max_body) and closes, so the
  // request is written by hand: a fetch would fail writing the body the server no longer reads.
  const url = new URL(admin.base);
  const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const answer = await new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`POST /attachments HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\n` +
        `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${22 * 1024 * 1024}\r\n\r\n--x\r\n`);
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    setTimeout(() => { socket.destroy(); resolve(data); }, TIMEOUT).unref(); // only if the server never closes
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /요청이 너무 큽니다/);
});
