// Offline checks of infra/ (no Bicep compiler or Azure needed): the Bicep parses, every resource body
// matches the official ARM schema of its type and API version (strictly: unknown property names fail),
// the templates do what the infrastructure issue asks, and they agree with host.json, azure.yaml and
// the app's trigger attributes. See docs/decisions/0002-offline-infra-checks.md.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { armSchemasDir, infraDir, repoRoot } from './lib/paths.mjs';
import { loadArmSchemas } from './lib/arm-schemas.mjs';
import { appSettingsOf, bicepFiles, deployedResources, requirementChecks, schemaCheck, syntaxCheck, triggerUsages } from './lib/infra-checks.mjs';
import { bicepFilesOf } from './lib/bicep-eval.mjs';

const appResources = JSON.parse(readFileSync(join(infraDir, 'app-resources.json'), 'utf8'));
const hostJson = JSON.parse(readFileSync(join(repoRoot, 'host.json'), 'utf8'));

describe('infra layer 1: Bicep syntax (tree-sitter-bicep)', () => {
  test('every .bicep file parses without ERROR or MISSING nodes', () => {
    assert.ok(bicepFiles(infraDir).length >= 2, 'expected main.bicep and modules');
    assert.deepEqual(syntaxCheck(infraDir), []);
  });

  test('every module main.bicep calls exists, and every .bicep file is reached from main.bicep', () => {
    const reached = bicepFilesOf(join(infraDir, 'main.bicep'));
    for (const path of reached) assert.ok(existsSync(path), `${path} is referenced but missing`);
    assert.deepEqual(bicepFiles(infraDir).filter((p) => !reached.includes(p)), []);
  });
});

describe('infra layer 2: resource bodies against the official ARM schemas', () => {
  const schemas = loadArmSchemas(armSchemasDir(), { strict: true });

  test('every resource body validates strictly for its type and API version', () => {
    assert.deepEqual(schemaCheck(infraDir, schemas), []);
  });

  test('every resource type is one the shared schemas cover, so none is skipped', () => {
    for (const resource of deployedResources(infraDir)) {
      assert.ok(schemas.apiVersionsOf(resource.type).includes(resource.apiVersion), `${resource.type}@${resource.apiVersion}`);
    }
  });
});

describe('infra layer 3: what the templates provide', () => {
  for (const [name, check] of Object.entries(requirementChecks(infraDir))) {
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
    const settings = appSettingsOf(deployedResources(infraDir));
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
