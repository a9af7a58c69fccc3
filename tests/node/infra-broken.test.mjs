// The offline infra checks must fail when the templates are wrong. Each test copies infra/ into a
// temporary folder, breaks one thing, and shows which layer catches it (and, for the strict schema
// pass, that a plain schema validation would not have).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { armSchemasDir, infraDir } from './lib/paths.mjs';
import { loadArmSchemas } from './lib/arm-schemas.mjs';
import { requirementChecks, schemaCheck, syntaxCheck, deployedResources } from './lib/infra-checks.mjs';

let workDir;
let copies = 0;
const strictSchemas = loadArmSchemas(armSchemasDir(), { strict: true });
const plainSchemas = loadArmSchemas(armSchemasDir(), { strict: false });

before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'orgfunctions-infra-'));
});
after(() => rmSync(workDir, { recursive: true, force: true }));

/** A copy of infra/ with `replace` applied to one file; fails if the text to replace isn't there. */
function brokenCopy(file, from, to) {
  const dir = join(workDir, `copy-${++copies}`);
  cpSync(infraDir, dir, { recursive: true });
  const path = join(dir, file);
  const source = readFileSync(path, 'utf8');
  assert.ok(source.includes(from), `${file} no longer contains ${JSON.stringify(from)}: update this test`);
  writeFileSync(path, source.replace(from, to));
  return dir;
}

const failures = (problems, pattern) => problems.filter((p) => pattern.test(p));

describe('a deliberately broken copy of infra/ fails the layer that should catch it', () => {
  test('a syntax error (a missing closing brace) fails layer 1', () => {
    const dir = brokenCopy('modules/servicebus.bicep', "    minimumTlsVersion: '1.2'\n  }\n", "    minimumTlsVersion: '1.2'\n\n");
    const problems = syntaxCheck(dir);
    assert.ok(failures(problems, /^modules\/servicebus\.bicep \d+:\d+ (ERROR|MISSING)/).length > 0, problems.join('\n'));
    assert.deepEqual(syntaxCheck(infraDir), []);
  });

  test('a stray token in an expression fails layer 1', () => {
    const dir = brokenCopy('main.bicep', "location: location\n    tags: tags\n    logAnalyticsName", "location: location +\n    tags: tags\n    logAnalyticsName");
    assert.ok(syntaxCheck(dir).some((p) => p.startsWith('main.bicep')), 'expected a syntax problem in main.bicep');
  });

  test('a misspelled property name fails the strict schema pass, and only the strict one', () => {
    const dir = brokenCopy('modules/storage.bicep', 'isSftpEnabled: true', 'isSftpEnable: true');
    const strict = schemaCheck(dir, strictSchemas);
    assert.ok(failures(strict, /storageAccounts@2023-05-01\) \/properties: unknown property "isSftpEnable"/).length > 0, strict.join('\n'));
    assert.deepEqual(schemaCheck(dir, plainSchemas), [], 'a plain (open) validation lets the typo through');
  });

  test('a misspelled property deep in functionAppConfig fails the strict schema pass', () => {
    const dir = brokenCopy('modules/functionapp.bicep', 'instanceMemoryMB: instanceMemoryMB', 'instanceMemoryMb: instanceMemoryMB');
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /\/properties\/functionAppConfig\/scaleAndConcurrency: unknown property "instanceMemoryMb"/).length > 0, problems.join('\n'));
  });

  test('a wrong storage sku name fails layer 2 (the schema lists the sku names)', () => {
    const dir = brokenCopy('modules/storage.bicep', "param skuName string = 'Standard_LRS'", "param skuName string = 'Standard_LSR'");
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /\/sku\/name: must be one of/).length > 0, problems.join('\n'));
  });

  test('a wrong plan sku fails layer 3 (the schema allows any plan sku name)', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "name: 'FC1'", "name: 'Y1'");
    assert.deepEqual(schemaCheck(dir, strictSchemas), []);
    const problems = requirementChecks(dir)['the plan is Flex Consumption (FC1) on Linux']();
    assert.deepEqual(problems, ['plan sku name is Y1, not FC1']);
  });

  test('a string where a number goes fails layer 2', () => {
    const dir = brokenCopy('modules/servicebus.bicep', 'maxDeliveryCount: queue.maxDeliveryCount', "maxDeliveryCount: '10'");
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /\/properties\/maxDeliveryCount: must be integer/).length > 0, problems.join('\n'));
  });

  test('a string where a number goes in app-resources.json fails layer 2 too (it is loaded, not trusted)', () => {
    const dir = brokenCopy('app-resources.json', '"maxDeliveryCount": 10', '"maxDeliveryCount": "10"');
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /\[deployment\].*\/properties\/maxDeliveryCount: must be integer/).length > 0, problems.join('\n'));
  });

  test('an unknown API version fails layer 2', () => {
    const dir = brokenCopy('modules/keyvault.bicep', "'Microsoft.KeyVault/vaults@2023-07-01'", "'Microsoft.KeyVault/vaults@2099-01-01'");
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /no schema for Microsoft\.KeyVault\/vaults@2099-01-01 \(known versions: 2023-07-01\)/).length > 0, problems.join('\n'));
  });

  test('a wrong enum value in a nested object fails layer 2', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "type: 'SystemAssignedIdentity'", "type: 'SystemAssigned'");
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /deployment\/storage\/authentication\/type: must be one of/).length > 0, problems.join('\n'));
  });

  test('an account key in an app setting fails layer 3', () => {
    const dir = brokenCopy('modules/functionapp.bicep', "value: 'Authorization=AAD'", "value: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc'");
    const problems = requirementChecks(dir)['app settings are identity-based and hold no keys or secret-bearing connection strings']();
    assert.ok(problems.some((p) => /APPLICATIONINSIGHTS_AUTHENTICATION_STRING looks like a secret/.test(p)), problems.join('\n'));
  });

  test('listKeys() anywhere in the templates fails layer 3', () => {
    const dir = brokenCopy('modules/storage.bicep', 'output storageAccountName string = account.name',
      'output storageAccountName string = account.name\noutput key string = account.listKeys().keys[0].value');
    const problems = requirementChecks(dir)['app settings are identity-based and hold no keys or secret-bearing connection strings']();
    assert.ok(problems.some((p) => p.includes('modules/storage.bicep uses')), problems.join('\n'));
  });

  test('a missing role assignment fails layer 3', () => {
    const dir = brokenCopy('modules/app-access.bicep', "roles.serviceBusDataReceiver)\n  scope", "roles.serviceBusDataSender)\n  scope");
    const source = readFileSync(join(dir, 'modules/app-access.bicep'), 'utf8')
      .replace("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataReceiver)",
        "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)");
    writeFileSync(join(dir, 'modules/app-access.bicep'), source);
    const problems = requirementChecks(dir)["the app's identity holds the data roles it needs, each on its own resource"]();
    assert.ok(problems.some((p) => p.startsWith('Azure Service Bus Data Receiver (4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0): expected one role assignment, found 0')), problems.join('\n'));
  });

  test('a home directory outside the org folder fails layer 3', () => {
    const dir = brokenCopy('modules/storage.bicep', "homeDirectory: '${sftpContainerName}/${orgId}'", "homeDirectory: sftpContainerName");
    const problems = requirementChecks(dir)['each org gets one SFTP local user, at home in sftp/{orgId}, scoped to the sftp container, key-only']();
    assert.ok(problems.includes('no local user has home directory sftp/contoso'), problems.join('\n'));
  });

  test('a table added to app-resources.json is declared without touching the Bicep', () => {
    const dir = brokenCopy('app-resources.json', '"WebhookDeliveries"', '"WebhookDeliveries",\n      "AuditTrail"');
    const tables = deployedResources(dir).filter((r) => r.type === 'Microsoft.Storage/storageAccounts/tableServices/tables');
    assert.ok(tables.some((t) => t.body.name === 'AuditTrail'));
    assert.deepEqual(requirementChecks(dir)['every table, queue and container named in app-resources.json is declared'](), []);
    assert.deepEqual(schemaCheck(dir, strictSchemas), []);
  });

  test('an invalid table name in app-resources.json fails layer 2', () => {
    const dir = brokenCopy('app-resources.json', '"WebhookDeliveries"', '"WebhookDeliveries",\n      "audit-trail"');
    const problems = schemaCheck(dir, strictSchemas);
    assert.ok(failures(problems, /tables@2023-05-01\) \/name/).length > 0, problems.join('\n'));
  });
});
