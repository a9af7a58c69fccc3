// Where the checks find things. The ARM schemas live in the shared folder beside the repository
// (<repo>/../shared/arm-schemas, as CI clones it); ARM_SCHEMAS_DIR overrides that, and a worktree
// nested deeper (…/wt/<branch>) finds the nearest ancestor that has shared/arm-schemas.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const infraDir = join(repoRoot, 'infra');

export function armSchemasDir() {
  if (process.env.ARM_SCHEMAS_DIR) return resolve(process.env.ARM_SCHEMAS_DIR);
  for (let dir = dirname(repoRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'arm-schemas');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`ARM schemas not found: expected ${join(dirname(repoRoot), 'shared', 'arm-schemas')} (or set ARM_SCHEMAS_DIR)`);
}
