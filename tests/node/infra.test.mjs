// Infra checks with the Bicep compiler (Azure.Bicep.CommandLine.linux-x64, restored by the first
// `dotnet build`): `bicep build` on infra/main.bicep and `bicep lint` on it and on every module must give
// no diagnostic at all (warnings included); every resource of the compiled ARM template validates
// strictly against the official ARM schema of its type and API version; the compiled template does what
// infra/README.md promises; and it agrees with host.json, azure.yaml and the app's trigger attributes.
// See docs/decisions/0010-bicep-compiler-in-tests.md.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { armSchemasDir, infraDir, repoRoot } from './lib/paths.mjs';
import { loadArmSchemas } from './lib/arm-schemas.mjs';
import { formatDiagnostic } from './lib/bicep-cli.mjs';
import { appSettingsOf, bicepFiles, compileInfra, requirementChecks, schemaCheck, triggerUsages } from './lib/infra-checks.mjs';

const appResources = JSON.parse(readFileSync(join(infraDir, 'app-resources.json'), 'utf8'));
const hostJson = JSON.parse(readFileSync(join(repoRoot, 'host.json'), 'utf8'));
const compiled = compileInfra(infraDir);

describe('infra layer 1: the Bicep compiler', () => {
  test('bicep build main.bicep and bicep lint on every .bicep file report no diagnostic, warnings included', () => {
    assert.ok(bicepFiles(infraDir).length >= 2, 'expected main.bicep and modules');
    assert.deepEqual(compiled.diagnostics.map(formatDiagnostic), []);
    assert.ok(compiled.template, 'bicep build gave no template');
  });

  test('every module main.bicep calls is compiled in, and every .bicep file is one of them', () => {
    const modules = compiled.resources.filter((r) => r.type === 'Microsoft.Resources/deployments').map((r) => r.raw.name);
    const files = bicepFiles(join(infraDir, 'modules'));
    assert.equal(modules.length, files.length, `modules ${modules.join(', ')} vs files ${files.join(', ')}`);
  });
});

describe('infra layer 2: compiled resources against the official ARM schemas', () => {
  const schemas = loadArmSchemas(armSchemasDir(), { strict: true });
  const result = schemaCheck(compiled.resources, schemas);

  test('every resource with a schema for its type and API version validates strictly', (t) => {
    t.diagnostic(`checked: ${result.checked.join(', ')}`);
    t.diagnostic(`no schema in the shared folder, not checked: ${result.unchecked.join(', ') || 'none'}`);
    assert.deepEqual(result.problems, []);
  });

  test('the schema check covers every resource type the templates deploy, except the module deployments', () => {
    const deployedTypes = [...new Set(compiled.resources.map((r) => `${r.type}@${r.apiVersion}`))];
    const unchecked = result.unchecked;
    assert.deepEqual(unchecked.filter((id) => !id.startsWith('Microsoft.Resources/deployments@')), [], 'resource types the schema check skipped');
    assert.ok(result.checked.length >= 15, `only ${result.checked.length} types checked: ${result.checked.join(', ')}`);
    for (const id of ['Microsoft.Web/sites@2024-04-01', 'Microsoft.Web/serverfarms@2024-04-01', 'Microsoft.Storage/storageAccounts@2024-01-01',
      'Microsoft.Storage/storageAccounts/localUsers@2024-01-01', 'Microsoft.ServiceBus/namespaces@2024-01-01',
      'Microsoft.ServiceBus/namespaces/queues@2024-01-01', 'Microsoft.Authorization/roleAssignments@2022-04-01', 'Microsoft.KeyVault/vaults@2023-07-01']) {
      assert.ok(result.checked.includes(id), `${id} was not checked (deployed: ${deployedTypes.join(', ')})`);
    }
  });

  test('no resource is on a preview API version', () => {
    assert.deepEqual(compiled.resources.filter((r) => /preview/i.test(r.apiVersion)).map((r) => `${r.type}@${r.apiVersion}`), []);
  });
});

describe('infra layer 3: what the compiled template provides', () => {
  for (const [name, check] of Object.entries(requirementChecks(compiled.resources, appResources, infraDir))) {
    test(name, () => assert.deepEqual(check(), []));
  }
});

describe('infra agrees with host.json, azure.yaml and the app', () => {
  test('the Durable task hub in host.json is the one app-resources.json names', () => {
    assert.equal(hostJson.extensions?.durableTask?.hubName, appResources.durableTaskHub);
  });

  test("host.json's Service Bus settings leave message settlement and retries to the app", () => {
    // Deliveries are settled by the function (complete / abandon / dead-letter); the queue's
    // maxDeliveryCount (app-resources.json) is what bounds redelivery, not a host.json key.
    assert.equal(hostJson.extensions?.serviceBus?.autoCompleteMessages, false);
    assert.equal(hostJson.extensions?.serviceBus?.maxDeliveryCount, undefined,
      'maxDeliveryCount is a queue property: set it in infra/app-resources.json');
  });

  test('local settings use the Service Bus connection name the templates configure', () => {
    const local = JSON.parse(readFileSync(join(repoRoot, 'local.settings.sample.json'), 'utf8'));
    assert.ok(appResources.serviceBus.connectionName in local.Values, `${appResources.serviceBus.connectionName} missing from local.settings.sample.json`);
    assert.ok('AzureWebJobsStorage' in local.Values);
  });

  test("the app's trigger attributes use only queues, connections and settings the templates provide", () => {
    const settings = appSettingsOf(compiled.resources);
    const serviceBusQueues = appResources.serviceBus.queues.map((q) => q.name);
    for (const usage of triggerUsages(join(repoRoot, 'src'))) {
      const where = `${usage.attribute} in ${usage.file}`;
      if (usage.attribute.startsWith('ServiceBus') && usage.first && !usage.first.includes('%')) {
        assert.ok(serviceBusQueues.includes(usage.first), `${where}: Service Bus queue ${usage.first} is not in app-resources.json`);
      }
      if (usage.attribute.startsWith('Queue') && usage.first && !usage.first.includes('%')) {
        assert.ok(appResources.storage.queues.includes(usage.first), `${where}: storage queue ${usage.first} is not in app-resources.json`);
      }
      if (usage.connection && usage.connection !== 'AzureWebJobsStorage') {
        assert.ok(`${usage.connection}__fullyQualifiedNamespace` in settings || `${usage.connection}__serviceUri` in settings,
          `${where}: connection ${usage.connection} has no identity-based setting`);
      }
      // Linux app settings can't contain ':'; the host reads 'A__B' as the setting 'A:B'.
      for (const name of usage.settings) assert.ok(name in settings || name.replaceAll(':', '__') in settings,
        `${where}: %${name}% is not an app setting the templates set`);
    }
  });

  test('azure.yaml deploys service api (dotnet, function host) from src/OrgFunctions with the Bicep in infra/', () => {
    const azure = parseYaml(readFileSync(join(repoRoot, 'azure.yaml'), 'utf8'));
    assert.equal(azure.infra?.provider ?? 'bicep', 'bicep');
    assert.equal(azure.infra?.path ?? 'infra', 'infra');
    assert.equal(azure.infra?.module ?? 'main', 'main');
    assert.deepEqual(azure.services?.api, { project: './src/OrgFunctions', language: 'dotnet', host: 'function' });
    assert.ok(existsSync(join(repoRoot, 'src/OrgFunctions/OrgFunctions.csproj')));
  });

  test('main.parameters.json gives exactly parameters main.bicep declares, with azd environment values', () => {
    const file = JSON.parse(readFileSync(join(infraDir, 'main.parameters.json'), 'utf8'));
    const main = readFileSync(join(infraDir, 'main.bicep'), 'utf8');
    const declared = [...main.matchAll(/^param\s+(\w+)/gm)].map((m) => m[1]);
    for (const name of Object.keys(file.parameters)) assert.ok(declared.includes(name), `${name} is not a parameter of main.bicep`);
    assert.equal(file.parameters.environmentName.value, '${AZURE_ENV_NAME}');
    assert.equal(file.parameters.location.value, '${AZURE_LOCATION}');
  });
});
