// The Bicep compiler, as the NuGet package Azure.Bicep.CommandLine.linux-x64 ships it (a standalone
// executable under tools/). tests/OrgFunctions.Testing restores it with a <PackageDownload>, so the
// first `dotnet build` (./test.sh) puts it in the NuGet global packages folder. BICEP_PATH overrides.
// See docs/decisions/0010-bicep-compiler-in-tests.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';

export const bicepPackage = 'azure.bicep.commandline.linux-x64';

/** The version the test project downloads (one place: tests/OrgFunctions.Testing/OrgFunctions.Testing.csproj). */
export function bicepVersion() {
  const csproj = readFileSync(join(repoRoot, 'tests/OrgFunctions.Testing/OrgFunctions.Testing.csproj'), 'utf8');
  const match = /<PackageDownload\s+Include="Azure\.Bicep\.CommandLine\.linux-x64"\s+Version="\[([^\]]+)\]"/.exec(csproj);
  if (!match) throw new Error('no PackageDownload of Azure.Bicep.CommandLine.linux-x64 in OrgFunctions.Testing.csproj');
  return match[1];
}

function globalPackagesFolder() {
  if (process.env.NUGET_PACKAGES) return process.env.NUGET_PACKAGES;
  const out = execFileSync('dotnet', ['nuget', 'locals', 'global-packages', '--list'], { cwd: repoRoot, encoding: 'utf8' });
  const match = /global-packages:\s*(.+)/.exec(out);
  if (!match) throw new Error(`unexpected output of dotnet nuget locals: ${out}`);
  return match[1].trim();
}

let cached;
/** Absolute path of the bicep executable (made executable if the package extraction lost the bit). */
export function bicepPath() {
  if (cached) return cached;
  const path = process.env.BICEP_PATH || join(globalPackagesFolder(), bicepPackage, bicepVersion(), 'tools', 'bicep');
  if (!existsSync(path)) {
    throw new Error(`Bicep compiler not found at ${path}: run ./test.sh or \`dotnet restore tests/OrgFunctions.Testing\` first (or set BICEP_PATH)`);
  }
  try {
    accessSync(path, constants.X_OK);
  } catch {
    chmodSync(path, 0o755);
  }
  return (cached = path);
}

// "<file>(line,col) : Warning BCP318: message [link]"
const DIAGNOSTIC = /^(.+)\((\d+),(\d+)\) : (Error|Warning|Info) ([^:\s]+): (.*)$/;

/** Diagnostics in bicep's default format, as { file, line, column, level, code, message }. */
export function parseDiagnostics(text) {
  return text.split('\n').map((line) => DIAGNOSTIC.exec(line.trim())).filter(Boolean)
    .map(([, file, line, column, level, code, message]) => ({ file, line: Number(line), column: Number(column), level, code, message }));
}

function run(args) {
  const result = spawnSync(bicepPath(), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  if (result.error) throw result.error;
  const diagnostics = parseDiagnostics(result.stderr);
  // A failure bicep reports without a parseable diagnostic is still a failure, never a pass.
  if (result.status !== 0 && !diagnostics.some((d) => d.level === 'Error')) {
    diagnostics.push({ file: args.at(-1), line: 0, column: 0, level: 'Error', code: 'EXIT', message: `bicep ${args[0]} exited ${result.status}: ${result.stderr.trim()}` });
  }
  return { status: result.status, stdout: result.stdout, diagnostics };
}

/** `bicep build --stdout main.bicep`: the compiled ARM template (null when it fails) and every diagnostic. */
export function buildTemplate(mainBicep) {
  const { stdout, diagnostics } = run(['build', '--stdout', mainBicep]);
  let template = null;
  try {
    template = stdout.trim() ? JSON.parse(stdout) : null;
  } catch {
    template = null;
  }
  return { template, diagnostics };
}

/** `bicep lint` on every .bicep file under dir (main.bicep and every module), in one process. */
export function lintAll(dir) {
  return run(['lint', '--pattern', join(dir, '**', '*.bicep')]).diagnostics;
}

/** `bicep lint` on one file (it compiles the modules that file uses, too). */
export function lintFile(path) {
  return run(['lint', path]).diagnostics;
}

/** A diagnostic as one line, for assertion messages. */
export const formatDiagnostic = (d) => `${d.file}(${d.line},${d.column}) ${d.level} ${d.code}: ${d.message}`;
