// The consulting audit's front page, /audit: every signed-in role reaches it (an anonymous caller signs in
// first) and sees exactly the parts its role may use; the administrator, who runs the system and not the
// audits, is offered none of the audit office's parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from './lib/client.mjs';
import { assertRoutesRefuse } from './lib/refusals.mjs';

const OVERVIEW = 'audit.overview';
const GRANTED = {
  [OVERVIEW]: ['admin', 'coordinator', 'bureau', 'municipal', 'auditor', 'budget', 'researcher', 'committee', 'hr', 'expert', 'trainer'],
};

async function page(login) {
  const c = new Client();
  await c.login(login);
  const res = await c.get('/audit');
  assert.equal(res.status, 200, login);
  return res.text();
}

test('the front page is for every signed-in role, and an anonymous caller is sent to sign in', async () => {
  const checked = await assertRoutesRefuse([{ method: 'GET', path: '/audit', action: OVERVIEW, everyone: true }], GRANTED);
  assert.equal(checked, 1);
});

test('each role is offered the parts its policy allows, and the menu leads here', async () => {
  const auditor = await page('auditor');
  assert.match(auditor, /<a href="\/audit\/field">현장감사·감사협의<\/a>/);
  assert.match(auditor, /<a[^>]+href="\/audit"[^>]*>컨설팅 감사<\/a>/, 'the header menu entry');
  const jeonju = await page('jeonju');
  assert.match(jeonju, /<a href="\/audit\/field">/, 'a 시·군 sees the audits of its own organisation');
  const admin = await page('admin');
  assert.doesNotMatch(admin, /<a href="\/audit\/field">/, 'the administrator holds no audit part');
});
