// Notifications and the job queue: an administrator's password reset puts a notification in the person's
// inbox and the header count, mark-read (one and all), the delivery choice, an immediate e-mail through a
// local SMTP receiver (Korean subject decoded), /admin/jobs for administrators only, and the kill test: a
// node with [smtp] is SIGKILLed while a message is in flight, restarted, and every message arrives once. Mail
// needs TLS unless [smtp] allow_plaintext: a smtp:// server that offers no STARTTLS never gets the message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { Client, csrfFrom, runSuffix as run } from './lib/client.mjs';
import { dropFreshDatabases, freshDatabase } from './lib/databases.mjs';
import { startNodeWith } from './lib/node.mjs';
import { startSmtpReceiver } from './lib/smtp-receiver.mjs';
import { TIMEOUT, pollUntil } from './lib/poll.mjs';

const SUBJECT = '비밀번호가 초기화되었습니다';
let admin, receiver, dir, configPath, node;
const email = `notify-${run}@korea.example`;
const loginId = `t-notify-${run}`;
let accountId, password;

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts an extra `sotong serve` node with the SMTP configuration; resolves once /healthz answers. */
async function startNode() {
  const port = await freePort();
  const child = spawn(
    process.env.SOTONG_BIN,
    ['serve', '--listen', `127.0.0.1:${port}`, '--database', process.env.SOTONG_DATABASE, '--config', configPath],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let gone = null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((gone = { code, signal }))));
  await pollUntil(
    async () => {
      if (gone) throw new Error(`the extra node exited during start-up (${gone.signal ?? gone.code})`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok;
    },
    { message: 'the extra node to answer /healthz' },
  );
  return { child, exited, port };
}

/** Resolves with the node's exit once it has stopped; fails after TIMEOUT. */
function stopped(node) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the extra node did not exit within ${TIMEOUT} ms`)), TIMEOUT);
  });
  return Promise.race([node.exited, timeout]).finally(() => clearTimeout(timer));
}

/** The ids of the jobs /admin/jobs lists as queued or running (done jobs are not listed). */
async function openJobIds() {
  const html = await (await admin.get('/admin/jobs')).text();
  return new Set([...html.matchAll(/data-job-id="(\d+)" data-status="(queued|running)"/g)].map((m) => Number(m[1])));
}

const mine = () => receiver.accepted.filter((m) => m.envelope.to.some((t) => t.includes(email)));

async function resetPassword() {
  const detail = await (await admin.get(`/admin/accounts/${accountId}`)).text();
  const res = await admin.follow(
    await admin.postForm(`/admin/accounts/${accountId}/reset-password`, { _csrf: csrfFrom(detail), confirmed: '1' }),
  );
  assert.equal(res.status, 200);
  return (await res.text()).match(/id="initial-password"[^>]*>([^<]+)</)[1];
}

/** Signs the person in with `current` and changes it (a reset forces a change); returns a signed-in client. */
async function signIn(current) {
  const user = new Client();
  await user.login(loginId, current);
  password = `Notify-${run}-${Math.floor(Math.random() * 1e6)}!`;
  const res = await user.postForm('/password', { _csrf: await user.csrf('/password'), current, next: password, confirm: password });
  assert.equal(res.status, 303, 'password changed');
  return user;
}

const headerCount = (html) => Number(html.match(/class="[^"]*\buser-notifications\b[^"]*"[^>]*>알림 (\d+)/)?.[1]);

before(async () => {
  admin = new Client();
  await admin.login('admin');
  const orgs = (await (await admin.get('/api/v1/organizations')).json()).items;
  const _csrf = await admin.csrf('/admin/accounts/new');
  const res = await admin.follow(await admin.postForm('/admin/accounts', [
    ['_csrf', _csrf], ['login_id', loginId], ['display_name', '알림 시험'], ['position', '주무관'], ['email', email],
    ['organization_id', String(orgs.find((o) => o.code === '52110').id)], ['roles', 'municipal'],
  ]));
  const html = await res.text();
  assert.equal(res.status, 200);
  accountId = Number(html.match(/href="\/admin\/accounts\/(\d+)"/)[1]);
  password = html.match(/id="initial-password"[^>]*>([^<]+)</)[1];

  receiver = await startSmtpReceiver();
  dir = mkdtempSync(join(tmpdir(), 'sotong-notify-'));
  configPath = join(dir, 'sotong.toml');
  writeFileSync(
    configPath,
    // The receiver speaks SMTP without TLS: only an explicit allow_plaintext sends to it.
    `[smtp]\nurl = "smtp://127.0.0.1:${receiver.port}"\nfrom = "소통 <noreply@sotong.test>"\nallow_plaintext = true\n` +
      `[jobs]\nlease_seconds = 3\npoll_milliseconds = 100\n`,
  );
  node = await startNode();
});

after(async () => {
  if (node) {
    node.child.kill('SIGTERM');
    const { code } = await stopped(node);
    assert.equal(code, 0, 'the extra node stops cleanly on SIGTERM');
  }
  await receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a password reset notifies the person: inbox, header count, mark read, and one immediate mail', async () => {
  const fresh = await resetPassword();
  const user = await signIn(fresh);
  const inbox = await user.get('/notifications');
  assert.equal(inbox.status, 200);
  const html = await inbox.text();
  assert.match(html, new RegExp(SUBJECT));
  assert.equal(headerCount(html), 1, 'the header shows one unread notification');
  const id = html.match(/data-notification-id="(\d+)"/)[1];
  const read = await user.postForm(`/notifications/${id}/read`, { _csrf: csrfFrom(html) });
  assert.equal(read.status, 303);
  const after = await (await user.get('/notifications')).text();
  assert.equal(headerCount(after), 0);
  assert.doesNotMatch(after, /새 알림/);
  // Someone else cannot mark it (it is not theirs).
  const other = new Client();
  await other.login('jeonju');
  const page = await (await other.get('/notifications')).text();
  assert.equal((await other.postForm(`/notifications/${id}/read`, { _csrf: csrfFrom(page) })).status, 404);

  await pollUntil(() => mine().length >= 1, { message: 'the immediate mail' });
  const [mail] = mine();
  assert.equal(mail.subject, SUBJECT, 'the Korean subject decodes exactly');
  assert.match(mail.headers.subject, /^=\?UTF-8\?B\?/);
  assert.match(mail.text, /관리자가 비밀번호를 초기화했습니다/);
  assert.match(mail.messageId, /^<sotong-job-\d+@sotong\.test>$/);
  assert.ok(mail.headers.date && mail.headers.from && mail.headers.to.includes(email));
});

test('mark all read, and the delivery choice is kept and validated', async () => {
  await resetPassword();
  const again = await signIn(await resetPassword());
  let html = await (await again.get('/notifications')).text();
  assert.ok(headerCount(html) >= 2, 'two unread notifications');
  assert.equal((await again.postForm('/notifications/read-all', { _csrf: csrfFrom(html) })).status, 303);
  html = await (await again.get('/notifications')).text();
  assert.equal(headerCount(html), 0);

  const settings = await again.get('/notifications/settings');
  assert.equal(settings.status, 200);
  const form = await settings.text();
  assert.match(form, /value="immediate" checked/);
  assert.equal((await again.postForm('/notifications/settings', { _csrf: csrfFrom(form), delivery: 'hourly' })).status, 422);
  assert.equal((await again.postForm('/notifications/settings', { _csrf: csrfFrom(form), delivery: 'weekly' })).status, 303);
  assert.match(await (await again.get('/notifications/settings')).text(), /value="weekly" checked/);
  assert.equal((await again.postForm('/notifications/settings', { _csrf: csrfFrom(form), delivery: 'immediate' })).status, 303);
  assert.equal((await new Client().get('/notifications')).status, 303, 'anonymous visitors are sent to sign in');
  await pollUntil(() => mine().length >= 3, { message: 'three mails' });
});

test('/admin/jobs is for administrators only', async () => {
  const res = await admin.get('/admin/jobs');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /작업 대기열/);
  assert.ok((await openJobIds()).size >= 1, 'the queued digest job is listed (openJobIds reads the page)');
  assert.equal((await admin.postForm('/admin/jobs/999999999/retry', { _csrf: csrfFrom(html) })).status, 404);
  const officer = new Client();
  await officer.login('jeonju');
  assert.equal((await officer.get('/admin/jobs')).status, 403);
  const page = await (await officer.get('/notifications')).text();
  assert.equal((await officer.postForm('/admin/jobs/1/retry', { _csrf: csrfFrom(page) })).status, 403);
});

test('a node killed while sending: after restart every message arrives exactly once', async () => {
  await pollUntil(() => mine().length >= 3, { message: 'earlier mails' });
  const before = mine().length;
  // The receiver holds its 250 back, so the node is surely killed while a message is in flight.
  receiver.holding = true;
  let inFlight = 0;
  receiver.onData = (m) => {
    if (m.envelope.to.some((t) => t.includes(email))) inFlight++;
  };
  const count = 4;
  for (let i = 0; i < count; i++) await resetPassword();
  await pollUntil(() => inFlight >= 1, { message: 'a message in flight' });
  node.child.kill('SIGKILL');
  const { signal } = await stopped(node);
  assert.equal(signal, 'SIGKILL');
  await pollUntil(() => receiver.sockets.size === 0, { message: "the killed node's SMTP connection to close" });
  receiver.release();
  assert.equal(mine().length, before, 'the message in flight was not accepted');
  node = await startNode();
  await pollUntil(() => mine().length >= before + count, { timeout: 2 * TIMEOUT, message: 'every message after the restart' });
  // A message is sent again only while its job is not done: once all of them are, nothing more can arrive.
  const jobIds = mine().slice(before).map((m) => Number(m.messageId.match(/sotong-job-(\d+)@/)[1]));
  await pollUntil(async () => {
    const open = await openJobIds();
    return jobIds.every((id) => !open.has(id));
  }, { message: `mail jobs ${jobIds.join(', ')} to be done` });
  const ids = mine().map((m) => m.messageId);
  assert.equal(ids.length, before + count, 'no message twice');
  assert.equal(new Set(ids).size, ids.length, 'every Message-ID once');
  assert.ok(inFlight >= count + 1, 'the message cut off by the kill went out again after the restart');
});

test('smtp:// without allow_plaintext insists on STARTTLS: a server that does not offer it never gets the message', async () => {
  // A database of its own, so that no other node with [smtp] takes the mail job.
  const own = mkdtempSync(join(tmpdir(), 'sotong-starttls-'));
  const database = freshDatabase(own, 'starttls');
  const plain = await startSmtpReceiver();
  let tlsNode;
  try {
    for (const args of [['migrate'], ['demo-data']]) {
      const r = spawnSync(process.env.SOTONG_BIN, [...args, '--database', database], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    tlsNode = await startNodeWith(
      `[smtp]\nurl = "smtp://127.0.0.1:${plain.port}"\nfrom = "소통 <noreply@sotong.test>"\n[jobs]\nlease_seconds = 3\npoll_milliseconds = 100\n`,
      { database },
    );
    const boss = new Client(tlsNode.url);
    await boss.login('admin');
    const jeonju = (await (await boss.get('/api/v1/accounts', { accept: 'application/json' })).json()).items.find((a) => a.login_id === 'jeonju');
    const detail = await (await boss.get(`/admin/accounts/${jeonju.id}`)).text();
    assert.equal((await boss.postForm(`/admin/accounts/${jeonju.id}/reset-password`, { _csrf: csrfFrom(detail), confirmed: '1' })).status, 303);
    // The attempt fails on the missing STARTTLS and waits for its retry; nothing went out in clear.
    const error = await pollUntil(async () => {
      const html = await (await boss.get('/admin/jobs')).text();
      return [...html.matchAll(/<tr data-job-id="\d+" data-status="queued">\s*<th scope="row">\d+<\/th>\s*<td>알림 메일 발송<\/td>([\s\S]*?)<\/tr>/g)]
        .map((m) => m[1]).find((row) => /메일을 보내지 못했습니다/.test(row));
    }, { message: 'the mail job to fail its first attempt' });
    assert.match(error, /STARTTLS|SSL/i);
    assert.ok(plain.commands.includes('EHLO'), 'the node spoke to the server');
    assert.ok(!plain.commands.includes('MAIL') && !plain.commands.includes('DATA'), `no envelope, no message: ${plain.commands}`);
    assert.equal(plain.accepted.length, 0);
  } finally {
    await tlsNode?.stop();
    await plain.close();
    rmSync(own, { recursive: true, force: true });
    dropFreshDatabases();
  }
});

test('an [smtp] url that is neither smtps:// nor smtp:// stops the server with a Korean message', () => {
  const own = mkdtempSync(join(tmpdir(), 'sotong-smtp-url-'));
  try {
    const file = join(own, 'c.toml');
    writeFileSync(file, '[smtp]\nurl = "mail.example.kr:25"\nfrom = "noreply@example.kr"\n');
    const run = spawnSync(process.env.SOTONG_BIN, ['serve', '--config', file, '--database', `sqlite:${join(own, 'x.db')}`, '--listen', '127.0.0.1:0'],
      { encoding: 'utf8', timeout: 20000 });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /\[smtp\] url은 smtps:\/\/\(처음부터 TLS\) 또는 smtp:\/\/\(STARTTLS\)로 시작해야 합니다/);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});
