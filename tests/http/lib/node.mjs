// An extra `sotong serve` node with a configuration of its own, on the test database: for behaviour that only
// a setting turns on ([metrics], secure cookies, …). The suite's own nodes keep the defaults.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetch } from './client.mjs';
import { TIMEOUT, pollUntil } from './poll.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts a node with `config` (TOML text) on `database` (the suite's by default); resolves with { url, stop }
 * once /healthz answers. stop() sends SIGTERM and fails unless the node exits cleanly. */
export async function startNodeWith(config, { database = process.env.SOTONG_DATABASE } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sotong-node-'));
  const file = join(dir, 'sotong.toml');
  writeFileSync(file, config);
  const port = await freePort();
  const child = spawn(
    process.env.SOTONG_BIN,
    ['serve', '--listen', `127.0.0.1:${port}`, '--database', database, '--config', file],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let gone = null;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((gone = { code, signal }))));
  const url = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      async () => {
        if (gone) throw new Error(`the extra node exited during start-up (${gone.signal ?? gone.code})`);
        return (await fetch(`${url}/healthz`).catch(() => null))?.ok;
      },
      { message: 'the extra node to answer /healthz' },
    );
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  async function stop() {
    child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the extra node did not exit within ${TIMEOUT} ms`)), TIMEOUT);
    });
    const { code } = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'the extra node stops cleanly on SIGTERM');
  }
  return { url, stop };
}
