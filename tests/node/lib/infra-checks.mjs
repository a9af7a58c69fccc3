// The three layers of the offline infra check, as functions that return problems (empty = pass), so
// that the tests can run them on the real infra/ folder and on deliberately broken copies of it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseBicepFile, syntaxProblems } from './bicep-parser.mjs';
import { armResourceBody, isChildResource, evaluateBicepFile, evaluateDeployment, isExpr, renderBicep, SymbolRef } from './bicep-eval.mjs';

/** Every .bicep file under dir. */
export function bicepFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bicepFiles(path);
    return name.endsWith('.bicep') ? [path] : [];
  }).sort();
}

/** Layer 1: syntax. Problems as "file line:col what". */
export function syntaxCheck(infraDir) {
  return bicepFiles(infraDir).flatMap((path) =>
    syntaxProblems(parseBicepFile(path).tree).map((p) => `${relative(infraDir, path)} ${p}`));
}

/** Parameter values for a deployment evaluated offline (azd would fill environmentName and location). */
export const sampleParameters = Object.freeze({
  environmentName: 'offline-check',
  location: 'westeurope',
  sftpOrgIds: ['contoso', 'fab-rikam'],
  deployKeyVault: true,
});

/**
 * Layer 2: every resource body against the ARM schema of its type and API version. Two passes: each
 * file on its own (parameters at their defaults, or unknown), which covers files no deployment reaches;
 * and the deployment from main.bicep with sample parameters, where module parameters carry the values
 * their callers pass, so loops over org ids and the one-place JSON are expanded.
 */
export function schemaCheck(infraDir, schemas, params = sampleParameters) {
  const problems = [];
  const check = (resource, pass) => {
    if (resource.existing) return;
    let result = schemas.validate(armResourceBody(resource));
    // A child's name is validated as its own segment; a schema that describes the full name
    // ("account/default") gets a second try with placeholder parent segments.
    if (!result.ok && isChildResource(resource) && result.errors.every((e) => e.startsWith('/name'))) {
      const qualified = schemas.validate(armResourceBody(resource, { qualifiedName: true }));
      if (qualified.ok) result = qualified;
    }
    for (const error of result.errors) {
      problems.push(`${pass} ${relative(infraDir, resource.file)} ${resource.symbol} (${resource.type}@${resource.apiVersion}) ${error}`);
    }
  };
  for (const path of bicepFiles(infraDir)) {
    for (const resource of evaluateBicepFile(path).resources) check(resource, '[file]');
  }
  for (const resource of evaluateDeployment(join(infraDir, 'main.bicep'), params)) check(resource, '[deployment]');
  return [...new Set(problems)];
}

/** The deployed (non-existing, condition not false) resources of main.bicep for given parameters. */
export function deployedResources(infraDir, params = sampleParameters) {
  return evaluateDeployment(join(infraDir, 'main.bicep'), params).filter((r) => !r.existing && r.deployed);
}

const text = (value) => (isExpr(value) || value instanceof SymbolRef ? renderBicep(value) : value);
const ofType = (resources, type) => resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
const nameOf = (resource) => text(resource.body.name);

/** The built-in roles the app's identity needs, by the ids Azure gives them in every cloud. */
export const expectedRoles = Object.freeze([
  { role: 'Storage Blob Data Owner', id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b', scope: 'Microsoft.Storage/storageAccounts' },
  { role: 'Storage Table Data Contributor', id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', scope: 'Microsoft.Storage/storageAccounts' },
  { role: 'Storage Queue Data Contributor', id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88', scope: 'Microsoft.Storage/storageAccounts' },
  { role: 'Azure Service Bus Data Sender', id: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39', scope: 'Microsoft.ServiceBus/namespaces' },
  { role: 'Azure Service Bus Data Receiver', id: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0', scope: 'Microsoft.ServiceBus/namespaces' },
  { role: 'Monitoring Metrics Publisher', id: '3913510d-42f4-4e42-8a64-420c390055eb', scope: 'Microsoft.Insights/components' },
]);
export const keyVaultSecretsUser = Object.freeze({ role: 'Key Vault Secrets User', id: '4633458b-17de-408a-b874-0445c86b69e6', scope: 'Microsoft.KeyVault/vaults' });

/** App settings of the (single) function app as a name -> value map (values rendered as Bicep text when unknown). */
export function appSettingsOf(resources) {
  const [site] = ofType(resources, 'Microsoft.Web/sites');
  const settings = site?.body.properties?.siteConfig?.appSettings;
  if (!Array.isArray(settings)) return null;
  return Object.fromEntries(settings.map((s) => [text(s.name), text(s.value)]));
}

function expect(problems, condition, message) {
  if (!condition) problems.push(message);
}

function roleAssignmentProblems(resources, expected) {
  const problems = [];
  const assignments = ofType(resources, 'Microsoft.Authorization/roleAssignments');
  for (const role of expected) {
    const matches = assignments.filter((a) => String(text(a.body.properties?.roleDefinitionId)).includes(role.id));
    if (matches.length !== 1) {
      problems.push(`${role.role} (${role.id}): expected one role assignment, found ${matches.length}`);
      continue;
    }
    const [assignment] = matches;
    const scope = assignment.body.scope;
    const scoped = scope instanceof SymbolRef
      ? resources.concat(evaluateBicepFile(assignment.file).resources).find((r) => r.file === assignment.file && r.symbol === scope.name)
      : null;
    expect(problems, scoped && scoped.type.toLowerCase() === role.scope.toLowerCase(),
      `${role.role}: scope should be the ${role.scope} resource, is ${text(scope)}`);
    expect(problems, text(assignment.body.properties.principalId) === 'functionApp.outputs.principalId',
      `${role.role}: principal should be the function app's identity, is ${text(assignment.body.properties.principalId)}`);
    expect(problems, assignment.body.properties.principalType === 'ServicePrincipal', `${role.role}: principalType should be ServicePrincipal`);
    expect(problems, String(text(assignment.body.properties.roleDefinitionId)).startsWith("subscriptionResourceId('Microsoft.Authorization/roleDefinitions'"),
      `${role.role}: roleDefinitionId should be subscriptionResourceId('Microsoft.Authorization/roleDefinitions', id)`);
  }
  return problems;
}

const SECRET_MARKERS = [/AccountKey=/i, /SharedAccessKey/i, /listKeys\(/i, /listConnectionStrings\(/i, /\.listKeys\b/i, /SharedAccessSignature/i];
const FLEX_UNSUPPORTED_SETTINGS = ['FUNCTIONS_EXTENSION_VERSION', 'FUNCTIONS_WORKER_RUNTIME', 'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', 'WEBSITE_CONTENTSHARE', 'AzureWebJobsStorage'];

/**
 * Layer 3: what the issue asks of the templates, one named check each. `infraDir` is the folder with
 * main.bicep and app-resources.json.
 */
export function requirementChecks(infraDir) {
  const appResources = JSON.parse(readFileSync(join(infraDir, 'app-resources.json'), 'utf8'));
  const deployed = (params = {}) => deployedResources(infraDir, { ...sampleParameters, ...params });
  return {
    'the plan is Flex Consumption (FC1) on Linux'() {
      const problems = [];
      const plans = ofType(deployed(), 'Microsoft.Web/serverfarms');
      expect(problems, plans.length === 1, `expected one plan, found ${plans.length}`);
      for (const plan of plans) {
        expect(problems, plan.body.sku?.name === 'FC1', `plan sku name is ${text(plan.body.sku?.name)}, not FC1`);
        expect(problems, plan.body.sku?.tier === 'FlexConsumption', `plan sku tier is ${text(plan.body.sku?.tier)}, not FlexConsumption`);
        expect(problems, plan.body.properties?.reserved === true, 'plan is not Linux (properties.reserved true)');
      }
      return problems;
    },

    'the function app runs .NET 10 isolated on the plan, with a system-assigned identity and identity-based deployment storage'() {
      const problems = [];
      const sites = ofType(deployed(), 'Microsoft.Web/sites');
      expect(problems, sites.length === 1, `expected one function app, found ${sites.length}`);
      const [site] = sites;
      if (!site) return problems;
      const config = site.body.properties?.functionAppConfig ?? {};
      expect(problems, site.body.kind === 'functionapp,linux', `kind is ${text(site.body.kind)}`);
      expect(problems, site.body.identity?.type === 'SystemAssigned', `identity is ${JSON.stringify(text(site.body.identity?.type))}`);
      expect(problems, text(site.body.properties?.serverFarmId) === 'plan.id', 'serverFarmId is not the plan');
      expect(problems, config.runtime?.name === 'dotnet-isolated', `runtime name is ${text(config.runtime?.name)}`);
      expect(problems, config.runtime?.version === '10.0', `runtime version is ${text(config.runtime?.version)}`);
      const storage = config.deployment?.storage ?? {};
      expect(problems, storage.type === 'blobContainer', `deployment storage type is ${text(storage.type)}`);
      expect(problems, storage.authentication?.type === 'SystemAssignedIdentity', `deployment storage authentication is ${text(storage.authentication?.type)}`);
      expect(problems, String(text(storage.value)).endsWith(`${appResources.storage.deploymentContainer}'`),
        `deployment storage ${text(storage.value)} is not the ${appResources.storage.deploymentContainer} container`);
      expect(problems, config.scaleAndConcurrency?.maximumInstanceCount !== undefined && config.scaleAndConcurrency?.instanceMemoryMB !== undefined,
        'scaleAndConcurrency needs maximumInstanceCount and instanceMemoryMB');
      expect(problems, site.body.tags?.['azd-service-name'] === 'api', "tag azd-service-name is not 'api' (azd deploys service api there)");
      return problems;
    },

    'the storage account has hierarchical namespace and SFTP, no shared keys, TLS 1.2 and no public blobs'() {
      const problems = [];
      const accounts = ofType(deployed(), 'Microsoft.Storage/storageAccounts');
      expect(problems, accounts.length === 1, `expected one storage account, found ${accounts.length}`);
      for (const account of accounts) {
        const p = account.body.properties ?? {};
        expect(problems, account.body.kind === 'StorageV2', `kind is ${text(account.body.kind)}`);
        for (const [key, value] of Object.entries({ isHnsEnabled: true, isSftpEnabled: true, isLocalUserEnabled: true,
          allowSharedKeyAccess: false, allowBlobPublicAccess: false, minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true })) {
          expect(problems, p[key] === value, `${key} is ${JSON.stringify(text(p[key]))}, expected ${JSON.stringify(value)}`);
        }
      }
      return problems;
    },

    'each org gets one SFTP local user, at home in sftp/{orgId}, scoped to the sftp container, key-only'() {
      const problems = [];
      const orgIds = ['contoso', 'fab-rikam'];
      const users = ofType(deployed({ sftpOrgIds: orgIds }), 'Microsoft.Storage/storageAccounts/localUsers');
      expect(problems, users.length === orgIds.length, `expected ${orgIds.length} local users, found ${users.length}`);
      const sftp = appResources.storage.sftpContainer;
      for (const orgId of orgIds) {
        const user = users.find((u) => u.body.properties?.homeDirectory === `${sftp}/${orgId}`);
        if (!user) {
          problems.push(`no local user has home directory ${sftp}/${orgId}`);
          continue;
        }
        expect(problems, /^[a-z0-9]{3,64}$/.test(nameOf(user)), `local user name ${nameOf(user)} is not 3-64 lowercase letters and digits`);
        const scopes = user.body.properties.permissionScopes ?? [];
        expect(problems, scopes.length === 1 && scopes[0].service === 'blob' && scopes[0].resourceName === sftp,
          `${orgId}: permission scopes ${JSON.stringify(scopes)} are not exactly the ${sftp} blob container`);
        expect(problems, user.body.properties.hasSshPassword === false, `${orgId}: hasSshPassword is not false`);
        expect(problems, user.body.properties.hasSshKey === true, `${orgId}: hasSshKey is not true`);
        expect(problems, user.body.properties.hasSharedKey !== true, `${orgId}: hasSharedKey is true`);
      }
      const none = ofType(deployed({ sftpOrgIds: [] }), 'Microsoft.Storage/storageAccounts/localUsers');
      expect(problems, none.length === 0, `with no org ids there should be no local users, found ${none.length}`);
      return problems;
    },

    'every table, queue and container named in app-resources.json is declared'() {
      const problems = [];
      const resources = deployed();
      const declared = (type) => ofType(resources, type).map(nameOf);
      const want = [
        ['Microsoft.Storage/storageAccounts/tableServices/tables', appResources.storage.tables],
        ['Microsoft.Storage/storageAccounts/queueServices/queues', appResources.storage.queues],
        ['Microsoft.Storage/storageAccounts/blobServices/containers', appResources.storage.blobContainers],
        ['Microsoft.ServiceBus/namespaces/queues', appResources.serviceBus.queues.map((q) => q.name)],
      ];
      for (const [type, names] of want) {
        const have = declared(type);
        for (const name of names) expect(problems, have.includes(name), `${type} ${name} is named in app-resources.json but not declared`);
        for (const name of have) expect(problems, names.includes(name), `${type} ${name} is declared but not named in app-resources.json`);
      }
      for (const key of ['sftpContainer', 'deploymentContainer']) {
        expect(problems, appResources.storage.blobContainers.includes(appResources.storage[key]), `${key} is not in blobContainers`);
      }
      return problems;
    },

    'Service Bus is Standard, without SAS keys, and each queue has the settings app-resources.json gives it'() {
      const problems = [];
      const resources = deployed();
      const namespaces = ofType(resources, 'Microsoft.ServiceBus/namespaces');
      expect(problems, namespaces.length === 1, `expected one namespace, found ${namespaces.length}`);
      for (const ns of namespaces) {
        expect(problems, ns.body.sku?.name === 'Standard', `sku is ${text(ns.body.sku?.name)}`);
        expect(problems, ns.body.properties?.disableLocalAuth === true, 'disableLocalAuth is not true');
      }
      const queues = ofType(resources, 'Microsoft.ServiceBus/namespaces/queues');
      for (const spec of appResources.serviceBus.queues) {
        const queue = queues.find((q) => nameOf(q) === spec.name);
        if (!queue) continue; // reported by the one-place check
        for (const [key, value] of Object.entries(spec).filter(([k]) => k !== 'name')) {
          expect(problems, queue.body.properties?.[key] === value, `${spec.name}.${key} is ${JSON.stringify(text(queue.body.properties?.[key]))}, expected ${JSON.stringify(value)}`);
        }
      }
      const deliveries = appResources.serviceBus.queues.find((q) => q.name === 'webhook-deliveries');
      expect(problems, deliveries?.maxDeliveryCount === 10 && deliveries?.deadLetteringOnMessageExpiration === true,
        'webhook-deliveries should dead-letter expired messages and allow 10 deliveries');
      return problems;
    },

    'Application Insights is workspace-based and wired to the app with Entra ID ingestion'() {
      const problems = [];
      const resources = deployed();
      expect(problems, ofType(resources, 'Microsoft.OperationalInsights/workspaces').length === 1, 'no Log Analytics workspace');
      const [component] = ofType(resources, 'Microsoft.Insights/components');
      expect(problems, component && text(component.body.properties?.WorkspaceResourceId) === 'logAnalytics.id', 'Application Insights is not tied to the workspace');
      expect(problems, component?.body.properties?.DisableLocalAuth === true, 'Application Insights still accepts key-only ingestion');
      const settings = appSettingsOf(resources) ?? {};
      expect(problems, settings.APPLICATIONINSIGHTS_CONNECTION_STRING === 'monitoring.outputs.applicationInsightsConnectionString',
        `APPLICATIONINSIGHTS_CONNECTION_STRING is ${settings.APPLICATIONINSIGHTS_CONNECTION_STRING}`);
      expect(problems, settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING === 'Authorization=AAD', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING is not Authorization=AAD');
      return problems;
    },

    "the app's identity holds the data roles it needs, each on its own resource"() {
      return roleAssignmentProblems(deployed(), expectedRoles);
    },

    'Key Vault is optional, RBAC-authorized, and readable by the app only when deployed'() {
      const problems = [];
      const without = deployed({ deployKeyVault: false });
      expect(problems, ofType(without, 'Microsoft.KeyVault/vaults').length === 0, 'a vault is deployed although deployKeyVault is false');
      expect(problems, !ofType(without, 'Microsoft.Authorization/roleAssignments').some((a) =>
        String(text(a.body.properties?.roleDefinitionId)).includes(keyVaultSecretsUser.id)), 'Key Vault Secrets User is assigned without a vault');
      const withVault = deployed({ deployKeyVault: true });
      const vaults = ofType(withVault, 'Microsoft.KeyVault/vaults');
      expect(problems, vaults.length === 1, `expected one vault with deployKeyVault true, found ${vaults.length}`);
      for (const vault of vaults) {
        expect(problems, vault.body.properties?.enableRbacAuthorization === true, 'the vault does not use RBAC authorization');
        expect(problems, !vault.body.properties?.accessPolicies?.length, 'the vault has access policies');
      }
      problems.push(...roleAssignmentProblems(withVault, [keyVaultSecretsUser]));
      return problems;
    },

    'app settings are identity-based and hold no keys or secret-bearing connection strings'() {
      const problems = [];
      for (const keyVault of [false, true]) {
        const resources = deployed({ deployKeyVault: keyVault });
        const settings = appSettingsOf(resources);
        if (!settings) return ['the function app has no literal appSettings array to check'];
        const site = ofType(resources, 'Microsoft.Web/sites')[0];
        expect(problems, site.body.properties?.siteConfig?.connectionStrings === undefined, 'siteConfig.connectionStrings is set');
        for (const [name, value] of Object.entries(settings)) {
          for (const marker of SECRET_MARKERS) {
            expect(problems, !marker.test(String(value)), `app setting ${name} looks like a secret (${marker})`);
          }
        }
        for (const name of FLEX_UNSUPPORTED_SETTINGS) expect(problems, !(name in settings), `app setting ${name} is set`);
        const sb = appResources.serviceBus.connectionName;
        for (const name of ['AzureWebJobsStorage__blobServiceUri', 'AzureWebJobsStorage__queueServiceUri', 'AzureWebJobsStorage__tableServiceUri',
          `${sb}__fullyQualifiedNamespace`]) {
          expect(problems, name in settings, `identity-based setting ${name} is missing`);
        }
        expect(problems, settings.AzureWebJobsStorage__credential === 'managedidentity', 'AzureWebJobsStorage__credential is not managedidentity');
        expect(problems, settings[`${sb}__credential`] === 'managedidentity', `${sb}__credential is not managedidentity`);
        expect(problems, settings.AzureWebJobsStorage__accountName === 'storage.outputs.storageAccountName', 'AzureWebJobsStorage__accountName is not the storage account');
        expect(problems, /^'\$\{serviceBus\.outputs\.namespaceName\}\.servicebus\.windows\.net'$/.test(String(settings[`${sb}__fullyQualifiedNamespace`])),
          `${sb}__fullyQualifiedNamespace is ${settings[`${sb}__fullyQualifiedNamespace`]}`);
      }
      for (const path of bicepFiles(infraDir)) {
        const source = readFileSync(path, 'utf8');
        for (const marker of SECRET_MARKERS) expect(problems, !marker.test(source), `${relative(infraDir, path)} uses ${marker}`);
      }
      return problems;
    },
  };
}

/** Trigger attributes in the app's C# sources: what names they use for queues, connections and settings. */
export function triggerUsages(srcDir) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (['bin', 'obj'].includes(name)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.cs')) files.push(path);
    }
  };
  walk(srcDir);
  const usages = [];
  const pattern = /\[\s*(ServiceBusTrigger|QueueTrigger|TimerTrigger|BlobTrigger|ServiceBusOutput|QueueOutput)\s*\(([^\]]*)\)\s*\]/g;
  for (const path of files) {
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(pattern)) {
      const [, attribute, args] = match;
      const first = /^\s*"([^"]*)"/.exec(args)?.[1];
      const connection = /Connection\s*=\s*"([^"]*)"/.exec(args)?.[1];
      usages.push({ file: path, attribute, first, connection, settings: [...args.matchAll(/%([^%"]+)%/g)].map((m) => m[1]) });
    }
  }
  return usages;
}
