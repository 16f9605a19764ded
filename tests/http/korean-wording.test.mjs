// Consistent Korean (docs/korean-style.md): job kinds and permissions shown by their Korean labels, never their
// codes; particles chosen by the word they follow (‘…’로, ‘….pdf’를, no "(으)로" or "을(를)"); one verb per
// action (등록, 수정, 변경, 비활성).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, csrfFrom, runSuffix as run } from './lib/client.mjs';

let admin;

const decode = (s) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The flash message on the page a POST redirected to. */
async function flashAfter(client, res) {
  assert.equal(res.status, 303, await res.text());
  const html = decode(await (await client.get(res.headers.get('location'))).text());
  return html.match(/class="sotong-alert-message">([^<]*)</)?.[1] ?? '';
}

const slashParticles = /\(으\)로|을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|과\(와\)|와\(과\)/;

before(async () => {
  admin = new Client();
  await admin.login('admin');
});

test('the job queue names each kind in Korean, not by its code', async () => {
  const html = decode(await (await admin.get('/admin/jobs')).text());
  // The digest is always queued for its next time (seeded at start), the session purge hourly.
  assert.match(html, /<td>알림 모아 보내기<\/td>/);
  for (const code of ['session_purge', 'digest', 'mail']) assert.doesNotMatch(html, new RegExp(`<td>${code}</td>`), code);
});

test('the roles page describes each permission in Korean and shows no permission code', async () => {
  const html = decode(await (await admin.get('/admin/roles')).text());
  for (const description of ['기관 등록·수정·비활성화', '계정 등록·수정·비밀번호 초기화·잠금 해제', '공휴일 등록·수정·삭제',
    '변경이력·접속기록 검색과 내려받기']) {
    assert.ok(html.includes(`<th scope="row">${description}</th>`), description);
  }
  for (const code of ['organization.manage', 'organization.view', 'account.manage', 'calendar.manage', 'history.view', 'job.manage']) {
    assert.ok(!html.includes(code), `${code} is not shown`);
  }
});

test('a particle follows its word: ‘하루 한 번 모아 받기’로 and ‘바로 받기’로 변경했습니다', async () => {
  const c = new Client();
  await c.login('budget');
  for (const [delivery, label] of [['daily', '하루 한 번 모아 받기'], ['immediate', '바로 받기']]) {
    const form = await (await c.get('/notifications/settings')).text();
    const res = await c.postForm('/notifications/settings', { _csrf: csrfFrom(form), delivery });
    assert.equal(await flashAfter(c, res), `알림 받는 방법을 ‘${label}’로 변경했습니다.`);
  }
});

test('deleting a file names it with the particle its last sound takes', async () => {
  const orgId = (await (await admin.get('/api/v1/organizations?kind=province')).json()).items[0].id;
  const page = `/admin/organizations/${orgId}`;
  const name = `어순 시험 ${run}.pdf`;
  const form = new FormData();
  form.append('_csrf', await admin.csrf(page));
  form.append('owner_type', 'organization');
  form.append('owner_id', String(orgId));
  form.append('files', new Blob([Buffer.from('%PDF-1.7\n어순\n%%EOF')]), name);
  const uploaded = await admin.request('/attachments', { method: 'POST', body: form, headers: { origin: admin.base } });
  assert.equal(uploaded.status, 303);
  const html = decode(await (await admin.get(page)).text());
  const id = html.match(new RegExp(`<a href="/attachments/(\\d+)" download>${name}</a>`))[1];
  const res = await admin.postForm(`/attachments/${id}/delete`, { _csrf: csrfFrom(html), confirmed: '1' });
  // …pdf is read 피디에프, which ends in a vowel: 를.
  assert.equal(await flashAfter(admin, res), `‘${name}’를 삭제했습니다.`);
});

test('pages say 등록, 수정, 변경 and 비활성, and no page writes a particle both ways', async () => {
  const pages = {
    '/admin/accounts': ['계정 등록', '비활성'],
    '/admin/accounts/new': ['계정 등록'],
    '/admin/holidays': ['공휴일 등록'],
    '/password': ['비밀번호 변경'],
    '/': ['비밀번호 변경'],
  };
  for (const [path, words] of Object.entries(pages)) {
    const html = decode(await (await admin.get(path)).text());
    for (const w of words) assert.ok(html.includes(w), `${path}: ${w}`);
    for (const old of ['계정 만들기', '사용 중지', '비밀번호 바꾸기', '공휴일 추가']) assert.ok(!html.includes(old), `${path}: no ${old}`);
    assert.doesNotMatch(html, slashParticles, path);
  }
});
