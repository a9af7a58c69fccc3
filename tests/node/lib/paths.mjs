// Where the checks find things. The ARM schemas live in the shared folder beside the repository
// (<repo>/../shared/arm-schemas, as CI clones it); ARM_SCHEMAS_DIR overrides that, a worktree
// nested deeper (…/wt/<branch>) finds the nearest ancestor that has shared/arm-schemas, and a clone of a
// local checkout made elsewhere (git clone . /tmp/x) looks the same way from the checkout it was cloned from.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const infraDir = join(repoRoot, 'infra');

export function armSchemasDir() {
  if (process.env.ARM_SCHEMAS_DIR) return resolve(process.env.ARM_SCHEMAS_DIR);
  const found = sharedSchemasAbove(repoRoot) ?? sharedSchemasAbove(localOrigin());
  if (found) return found;
  throw new Error(`ARM schemas not found: expected ${join(dirname(repoRoot), 'shared', 'arm-schemas')} (or set ARM_SCHEMAS_DIR)`);
}

function sharedSchemasAbove(start) {
  if (!start) return null;
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'arm-schemas');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

// The checkout this one was cloned from, when that is a folder on this machine.
function localOrigin() {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    return path.startsWith('/') && existsSync(path) ? resolve(path) : null;
  } catch {
    return null;
  }
}
