// A module's settings section ([attachments] in the config file) is checked at start: an unknown key, a value
// out of range or a section that names no module stops the server with a Korean message naming it; a valid
// section starts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const BIN = process.env.SOTONG_BIN;
const dir = mkdtempSync(join(tmpdir(), 'sotong-settings-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function serveWith(config, port = 0) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.toml`);
  writeFileSync(file, config);
  return ['serve', '--config', file, '--database', `sqlite:${join(dir, 'settings.db')}`, '--listen', `127.0.0.1:${port}`];
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

for (const [config, expected] of [
  ['[attachments]\nmax_file_mb = 3\n', /\[attachments\]에 알 수 없는 항목 max_file_mb가 있습니다/],
  ['[attachments]\nmax_file_mib = 30\n', /\[attachments\] max_file_mib.*1 이상 10 이하/],
  ['[attachments]\nmax_file_mib = "big"\n', /\[attachments\] max_file_mib.*정수/],
  ['[suggestionz]\nreply_days = 14\n', /알 수 없는 구역 \[suggestionz\]가 있습니다/],
]) {
  test(`the server refuses to start with ${config.trim().replace(/\n/g, ' ')}`, () => {
    const run = spawnSync(BIN, serveWith(config), { encoding: 'utf8', timeout: 20000 });
    assert.notEqual(run.status, 0, 'it stops');
    assert.match(run.stderr + run.stdout, expected);
  });
}

test('a valid section (lowering the attachment limits) starts the server', async () => {
  const port = await freePort();
  const child = spawn(BIN, serveWith('[attachments]\nmax_file_mib = 1\nmax_request_mib = 2\n', port), { stdio: 'ignore' });
  try {
    let ok = false;
    for (const deadline = Date.now() + 20000; Date.now() < deadline && !ok; ) {
      ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ok, 'the server answers /healthz');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
