// The app's webhook signatures (src/OrgFunctions.Domain/Webhooks/WebhookSignature.cs) against the standardwebhooks
// package: the known answers pinned in tests/OrgFunctions.Domain.Tests/Webhooks/WebhookSignatureTests.cs must be what
// the package computes, and a rotation header (two signatures) must verify with either secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

const cases = [
  { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330,
    body: '{"test": 2432232314}', signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' },
  { secret: 'whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=', id: 'msg_1', timestamp: 1700000000,
    body: '{"a":1}', signature: 'v1,OHBQOJh/RyAk1F4HTHuOYvxokKC7QzRGd6FI/ALOlYI=' },
];

test('the package signs the pinned known answers exactly as the C# tests expect', () => {
  for (const c of cases) {
    assert.equal(new Webhook(c.secret).sign(c.id, new Date(c.timestamp * 1000), c.body), c.signature);
  }
});

test('a rotation header with the new and the old signature verifies with either secret', () => {
  const timestamp = Math.floor(Date.now() / 1000);
  const body = '{"type":"org.updated"}';
  const sign = (secret) => 'v1,' + createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
    .update(`msg_rot.${timestamp}.${body}`).digest('base64');
  const header = `${sign(cases[1].secret)} ${sign(cases[0].secret)}`;
  const headers = { 'webhook-id': 'msg_rot', 'webhook-timestamp': String(timestamp), 'webhook-signature': header };
  for (const c of cases) assert.deepEqual(new Webhook(c.secret).verify(body, headers), JSON.parse(body));
  assert.throws(() => new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(body, headers));
});
