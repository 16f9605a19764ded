// Destructive and irreversible actions ask first: without confirmed=1 the server answers a page that asks (the
// fallback for browsers without script), posting the same fields back, and changes nothing; with it the action
// runs. The one-time password page after a create or a reset is reached by a redirect, so a reload shows it
// again instead of posting the form twice, and only the administrator's own session can read it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { BASE, Client, createToken, csrfFrom, fetch, runSuffix } from './lib/client.mjs';

let admin;
let adminToken;
before(async () => {
  admin = new Client();
  await admin.login('admin');
  adminToken = createToken('admin', 'confirmations-test');
});

async function newOrganization(key) {
  const province = (await (await admin.get('/api/v1/organizations?kind=province')).json()).items[0];
  const res = await fetch(`${BASE}/api/v1/organizations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ code: `C${runSuffix}${key}`.toUpperCase().slice(0, 20), name: `확인 시험 ${key} ${runSuffix}`, kind: 'agency', parent_id: province.id, sort_order: 0 }),
  });
  assert.equal(res.status, 201);
  return (await res.json()).id;
}

async function organization(id) {
  return (await (await admin.get(`/api/v1/organizations/${id}`)).json());
}

test('deactivating an organisation asks first and changes nothing until confirmed', async () => {
  const id = await newOrganization('A');
  const _csrf = csrfFrom(await (await admin.get(`/admin/organizations/${id}`)).text());
  const asked = await admin.postForm(`/admin/organizations/${id}/deactivate`, { _csrf });
  assert.equal(asked.status, 200);
  const page = await asked.text();
  assert.match(page, /<h1[^>]*>기관을 비활성화할까요\?<\/h1>/);
  assert.match(page, new RegExp(`<form method="post" action="/admin/organizations/${id}/deactivate"`));
  assert.match(page, /<input type="hidden" name="confirmed" value="1">/);
  assert.match(page, new RegExp(`<a class="krds-btn tertiary" href="/admin/organizations/${id}">취소</a>`));
  assert.equal((await organization(id)).active, true, 'nothing changed');

  const done = await admin.postForm(`/admin/organizations/${id}/deactivate`, { _csrf: csrfFrom(page), confirmed: '1' });
  assert.equal(done.status, 303);
  assert.equal((await organization(id)).active, false);
});

test('the fallback page never posts to another host, whatever path reached it', async () => {
  const id = await newOrganization('B');
  const _csrf = csrfFrom(await (await admin.get(`/admin/organizations/${id}`)).text());
  const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = `_csrf=${encodeURIComponent(_csrf)}`;
  const answer = await new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(BASE).port), '127.0.0.1', () =>
      socket.end(
        `POST //admin/organizations/${id}/deactivate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: ${cookie}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      ),
    );
    let text = '';
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  assert.doesNotMatch(answer, /action="\/\//, 'no protocol-relative form action');
  assert.equal((await organization(id)).active, true);
});

test('an attachment is deleted only once confirmed', async () => {
  const id = await newOrganization('C');
  const form = new FormData();
  form.append('_csrf', csrfFrom(await (await admin.get(`/admin/organizations/${id}`)).text()));
  form.append('owner_type', 'organization');
  form.append('owner_id', String(id));
  form.append('files', new Blob([`메모 ${runSuffix}`]), '메모.txt');
  assert.equal((await admin.request('/attachments', { method: 'POST', body: form, headers: { origin: admin.base } })).status, 303);
  const detail = await (await admin.get(`/admin/organizations/${id}`)).text();
  const attachment = detail.match(/action="\/attachments\/(\d+)\/delete"/)[1];
  assert.match(detail, /data-confirm-message="‘메모\.txt’ 파일을 삭제합니다/);
  const asked = await admin.postForm(`/attachments/${attachment}/delete`, { _csrf: csrfFrom(detail) });
  assert.equal(asked.status, 200);
  assert.match(await asked.text(), /첨부파일을 삭제할까요\?/);
  assert.equal((await admin.get(`/attachments/${attachment}`)).status, 200, 'still there');
  const done = await admin.postForm(`/attachments/${attachment}/delete`, { _csrf: csrfFrom(detail), confirmed: '1' });
  assert.equal(done.status, 303);
  assert.equal((await admin.get(`/attachments/${attachment}`)).status, 404);
});

test('deleting a statutory holiday says what it does to deadlines, and asks first', async () => {
  const _csrf = await admin.csrf('/admin/holidays?year=2029');
  const asked = await admin.postForm('/admin/holidays/2029-08-15/delete', { _csrf });
  assert.equal(asked.status, 200);
  const page = await asked.text();
  assert.match(page, /공휴일을 삭제할까요\?/);
  assert.match(page, /법정 공휴일입니다\. 삭제하면 이날이 근무일로 계산되어/);
  const list = await (await admin.get('/api/v1/holidays?year=2029')).json();
  assert.ok(list.items.some((h) => h.date === '2029-08-15'), 'still a holiday');
});

test('a one-time password page is reached by a redirect: a reload shows it again, another session never', async () => {
  const _csrf = await admin.csrf('/admin/accounts/new');
  const orgs = (await (await admin.get('/api/v1/organizations?kind=municipality')).json()).items;
  const login = `t-prg-${runSuffix}`;
  const created = await admin.postForm('/admin/accounts', [
    ['_csrf', _csrf], ['login_id', login], ['display_name', '재발급 시험'], ['position', '주무관'], ['email', ''],
    ['organization_id', String(orgs[0].id)], ['roles', 'municipal'],
  ]);
  assert.equal(created.status, 303);
  const location = created.headers.get('location');
  assert.match(location, /^\/admin\/accounts\/\d+\/issued$/);
  const first = await (await admin.get(location)).text();
  const password = first.match(/id="initial-password"[^>]*>([^<]+)</)?.[1];
  assert.ok(password, 'the password is shown');
  assert.match(first, /계정을 등록했습니다/);
  const reload = await (await admin.get(location)).text();
  assert.equal(reload.match(/id="initial-password"[^>]*>([^<]+)</)?.[1], password, 'F5 shows the same page');
  assert.doesNotMatch(reload, /이미 사용 중인 아이디입니다/);

  // Another administrator's session, even with the cookie copied, reads nothing.
  const other = new Client();
  await other.login('admin');
  const issuedCookie = [...admin.cookies].find(([k]) => k.endsWith('sotong_issued'));
  other.cookies.set(issuedCookie[0], issuedCookie[1]);
  const theirs = await (await other.get(location)).text();
  assert.doesNotMatch(theirs, /id="initial-password"/);
  assert.match(theirs, /10분 동안만 보입니다/);
  // Nor does the same cookie for another account's page.
  const id = Number(location.split('/')[3]);
  const wrong = await (await admin.get(`/admin/accounts/${id === 1 ? 2 : 1}/issued`)).text();
  assert.doesNotMatch(wrong, /id="initial-password"/);
});
