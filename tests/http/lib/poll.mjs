// Waiting with a deadline, for whatever happens asynchronously (a job sends its mail, a node starts, a page
// settles). Never a fixed sleep in its place: a sleep is too short on a busy machine and wasted on an idle one.
// Used by the HTTP suite and, through tests/browser/lib/browser.mjs, by the browser suite.

/** How long a test waits for something that should happen (ms); SOTONG_TEST_TIMEOUT overrides it. Generous on
 * purpose: a passing wait returns as soon as its condition holds, so only a failure ever waits this long. */
export const TIMEOUT = Number(process.env.SOTONG_TEST_TIMEOUT) || 30_000;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` until it returns a truthy value (which is returned) or `timeout` ms have passed, then fails with
 * `message` (a string, or a function giving one) and what `fn` last returned or threw. `fn` may be async and may throw (an assertion that does not
 * hold yet): it is simply called again, after 25 ms at first and at most every 250 ms later.
 *   await pollUntil(() => receiver.accepted.length >= 3, { message: 'three mails' });
 *   const row = await pollUntil(async () => (await jobs()).find((j) => j.id === id), { message: `job ${id}` });
 */
export async function pollUntil(fn, { timeout = TIMEOUT, message = 'the condition' } = {}) {
  const deadline = Date.now() + timeout;
  let interval = 25;
  let last;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
      last = value === false ? undefined : `it returned ${value === undefined ? 'undefined' : JSON.stringify(value)}`;
    } catch (e) {
      last = `it threw: ${e?.message ?? e}`;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const what = typeof message === 'function' ? message() : message;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `; last ${last}` : ''}`);
    }
    await sleep(Math.min(interval, left));
    interval = Math.min(interval * 2, 250);
  }
}
