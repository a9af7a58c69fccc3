// The infra checks must fail when the templates are wrong. Each test copies infra/ into a temporary
// folder, plants one mistake, and shows which check catches it: the Bicep compiler (with the specific
// diagnostic code; several are only warnings with exit code 0, which the check fails on too), the strict
// ARM-schema pass over the compiled template, or the README's promises read from the compiled template.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armSchemasDir, infraDir } from './lib/paths.mjs';
import { loadArmSchemas } from './lib/arm-schemas.mjs';
import { formatDiagnostic, lintFile } from './lib/bicep-cli.mjs';
import { compileInfra, requirementChecks, schemaCheck } from './lib/infra-checks.mjs';

let workDir;
let copies = 0;
const strictSchemas = loadArmSchemas(armSchemasDir(), { strict: true });

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'orgfunctions-infra-'));
});
after(() => rmSync(workDir, { recursive: true, force: true }));

/** A copy of infra/ with `from` replaced by `to` in one file; fails if the text to replace isn't there. */
function brokenCopy(file, from, to) {
  const dir = join(workDir, `copy-${++copies}`);
  cpSync(infraDir, dir, { recursive: true });
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  assert.ok(source.includes(from), `${file} no longer contains ${JSON.stringify(from)}: update this test`);
  writeFileSync(path, source.replace(from, to));
  return dir;
}

/** bicep lint on the broken file of a copy (it reports what bicep build would, too) must fail with `code`. */
function assertCompilerFails(dir, code, file) {
  const diagnostics = lintFile(join(dir, file));
  const lines = diagnostics.map(formatDiagnostic);
  assert.ok(diagnostics.length > 0, 'the compiler check passed a broken template');
  assert.ok(diagnostics.some((d) => d.code === code && d.file.endsWith(file)), `expected ${code} in ${file}, got:\n${lines.join('\n')}`);
  return diagnostics;
}

const readme = (dir) => JSON.parse(readFileSync(join(dir, 'app-resources.json'), 'utf8'));
const checksOf = (dir) => requirementChecks(compileInfra(dir, { lint: false }).resources, readme(dir), dir);

describe('a planted mistake fails the Bicep compiler check with its diagnostic', () => {
  test('a misspelled property (BCP089, a warning: bicep exits 0)', () => {
    const dir = brokenCopy('modules/storage.bicep', 'isSftpEnabled: true', 'isSftpEnable: true');
    const diagnostics = assertCompilerFails(dir, 'BCP089', 'modules/storage.bicep');
    assert.ok(diagnostics.some((d) => d.code === 'BCP089' && d.level === 'Warning'), 'BCP089 is expected to be a warning');
  });

  test('a value of the wrong type (BCP036)', () => {
    const dir = brokenCopy('modules/servicebus.bicep', 'maxDeliveryCount: queue.maxDeliveryCount', "maxDeliveryCount: '10'");
    assertCompilerFails(dir, 'BCP036', 'modules/servicebus.bicep');
  });

  test('an API version the Bicep types do not know (BCP081)', () => {
    const dir = brokenCopy('modules/keyvault.bicep', "'Microsoft.KeyVault/vaults@2023-07-01'", "'Microsoft.KeyVault/vaults@2099-01-01'");
    assertCompilerFails(dir, 'BCP081', 'modules/keyvault.bicep');
  });

  test('a misspelled parameter (BCP057: the name does not exist)', () => {
    const dir = brokenCopy('modules/functionapp.bicep', 'instanceMemoryMB: instanceMemoryMB', 'instanceMemoryMB: instanceMemoryMb');
    assertCompilerFails(dir, 'BCP057', 'modules/functionapp.bicep');
  });

  test('a module output that does not exist (BCP053)', () => {
    const dir = brokenCopy('main.bicep', 'blobEndpoint: storage.outputs.blobEndpoint', 'blobEndpoint: storage.outputs.blobEndpointUri');
    assertCompilerFails(dir, 'BCP053', 'main.bicep');
  });

  test('a conditional module read without .? or ! (BCP318, a warning)', () => {
    const dir = brokenCopy('main.bicep', "keyVaultUri: keyVault.?outputs.keyVaultUri ?? ''", "keyVaultUri: deployKeyVault ? keyVault.outputs.keyVaultUri : ''");
    assertCompilerFails(dir, 'BCP318', 'main.bicep');
  });
});

describe('a planted mistake the compiler lets through fails the schema pass or the README checks', () => {
  test('an invalid table name in app-resources.json fails the strict schema pass on the compiled template', () => {
    const dir = brokenCopy('app-resources.json', '"WebhookDeliveries"', '"WebhookDeliveries",\n      "audit-trail"');
    const { resources } = compileInfra(dir, { lint: false });
    const { problems } = schemaCheck(resources, strictSchemas);
    assert.ok(problems.some((p) => /audit-trail'\) \(Microsoft\.Storage\/storageAccounts\/tableServices\/tables@2024-01-01\) \/name/.test(p)), problems.join('\n'));
  });

  test('a wrong plan sku fails the Flex Consumption check', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "name: 'FC1'", "name: 'Y1'");
    assert.deepEqual(checksOf(dir)['the plan is Flex Consumption (FC1) on Linux'](), ['plan sku name is Y1, not FC1']);
  });

  test('an account key in an app setting fails the no-secrets check', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "value: 'Authorization=AAD'", "value: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc'");
    const problems = checksOf(dir)['app settings are identity-based and hold no keys or secret-bearing connection strings']();
    assert.ok(problems.some((p) => /APPLICATIONINSIGHTS_AUTHENTICATION_STRING looks like a secret/.test(p)), problems.join('\n'));
  });

  test('a missing role assignment fails the roles check', () => {
    const dir = brokenCopy('modules/app-access.bicep',
      "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)",
      "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)");
    const problems = checksOf(dir)["the app's identity holds the data roles it needs, each on its own resource"]();
    assert.ok(problems.some((p) => p.startsWith('Azure Service Bus Data Receiver (4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0): expected one role assignment, found 0')), problems.join('\n'));
  });

  const emailCheck = 'email goes through the SMTP relay the parameters name, over TLS, its password only as a Key Vault reference';

  test('a password written into the app setting instead of a Key Vault reference fails the email check', () => {
    const dir = brokenCopy('modules/functionapp.bicep',
      "'@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${smtpPasswordSecretName}/)'", "smtpPasswordSecretName");
    const problems = checksOf(dir)[emailCheck]();
    assert.ok(problems.some((p) => p.startsWith('Email__Password is ')), problems.join('\n'));
  });

  test('a relay reached without TLS fails the email check', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "value: 'StartTls'", "value: 'None'");
    assert.deepEqual(checksOf(dir)[emailCheck](), ['Email__TlsMode is None, not StartTls']);
  });

  const sftpCheck = 'each org gets its own SFTP home container sftp-{orgId} and one local user scoped to that container alone, key-only';

  test('a home directory outside the org container fails the SFTP check', () => {
    const dir = brokenCopy('modules/storage.bicep', 'homeDirectory: sftpHomes[i].name', "homeDirectory: 'app-package'");
    const problems = checksOf(dir)[sftpCheck]();
    assert.ok(problems.some((p) => p.startsWith('local user home directory is ')), problems.join('\n'));
  });

  test("a local user scoped to another org's container fails the SFTP check", () => {
    const dir = brokenCopy('modules/storage.bicep', 'resourceName: sftpHomes[i].name', 'resourceName: sftpHomes[0].name');
    const problems = checksOf(dir)[sftpCheck]();
    assert.ok(problems.some((p) => p.startsWith('permission scopes ')), problems.join('\n'));
  });

  test('a prefix in the app settings other than the homes\' fails the SFTP check', () => {
    const dir = brokenCopy('modules/functionapp.bicep', 'value: appResources.storage.sftpContainerPrefix', "value: 'sftp'");
    const problems = checksOf(dir)[sftpCheck]();
    assert.ok(problems.some((p) => p.startsWith('app setting FileDrops__ContainerPrefix is ')), problems.join('\n'));
  });

  test('a table added to app-resources.json is declared without touching the Bicep', () => {
    const dir = brokenCopy('app-resources.json', '"WebhookDeliveries"', '"WebhookDeliveries",\n      "AuditTrail"');
    const { resources } = compileInfra(dir, { lint: false });
    const checks = requirementChecks(resources, readme(dir), dir);
    assert.deepEqual(checks['every table, queue and container named in app-resources.json is declared'](), []);
    assert.ok(resources.some((r) => r.type === 'Microsoft.Storage/storageAccounts/tableServices/tables' && String(r.body.name).includes("'AuditTrail'")));
    assert.deepEqual(schemaCheck(resources, strictSchemas).problems, []);
  });
});
