// Verifies webhook deliveries recorded by the end-to-end tests with the standardwebhooks package's own verifier.
// Usage: node tests/node/lib/verify-webhooks.mjs FILE   (FILE: JSON array of { secret, headers, body })
// Prints { "verified": n, "failed": [ { "id", "error" } ] } and exits 1 if any failed.
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';

const deliveries = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failed = [];
let verified = 0;
for (const d of deliveries) {
  try {
    new Webhook(d.secret).verify(d.body, d.headers);
    verified++;
  } catch (error) {
    failed.push({ id: d.headers['webhook-id'], error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify({ verified, failed }));
process.exit(failed.length === 0 ? 0 : 1);
