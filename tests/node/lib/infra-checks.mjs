// The infra checks, as functions of the ARM template `bicep build` compiles infra/main.bicep to, that
// return problems (empty = pass), so that the tests can run them on the real infra/ folder and on
// deliberately broken copies of it. See docs/decisions/0010-bicep-compiler-in-tests.md.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildTemplate, lintAll } from './bicep-cli.mjs';
import { asArmJson, resourcesOf, text, Unknown } from './arm-template.mjs';

/** Every .bicep file under dir. */
export function bicepFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return bicepFiles(path);
    return name.endsWith('.bicep') ? [path] : [];
  }).sort();
}

/**
 * Compiles <dir>/main.bicep and lints every .bicep file under dir: { template, resources, diagnostics }.
 * Every diagnostic counts (warnings too: BCP036, BCP089 and BCP081 are warnings with exit code 0).
 */
export function compileInfra(dir, { lint = true } = {}) {
  const { template, diagnostics } = buildTemplate(join(dir, 'main.bicep'));
  const linted = lint ? lintAll(dir) : [];
  const key = (d) => `${d.file}|${d.line}|${d.column}|${d.code}|${d.message}`;
  const unique = new Map([...diagnostics, ...linted].map((d) => [key(d), d]));
  return { template, resources: template ? resourcesOf(template) : [], diagnostics: [...unique.values()] };
}

/** The (nested) deployments a compiled template declares for its modules. */
const isDeployment = (r) => r.type.toLowerCase() === 'microsoft.resources/deployments';

/**
 * Every resource body of the compiled template (copy loops with a known count expanded) against the ARM
 * schema of its type and API version, strictly. Returns { problems, checked, unchecked }: resources
 * whose type@apiVersion has no schema in the shared folder are listed in unchecked, not failed.
 */
export function schemaCheck(resources, schemas) {
  const problems = [];
  const checked = new Set();
  const unchecked = new Set();
  for (const resource of resources) {
    const id = `${resource.type}@${resource.apiVersion}`;
    if (!schemas.apiVersionsOf(resource.type).includes(resource.apiVersion)) {
      unchecked.add(id);
      continue;
    }
    checked.add(id);
    const body = asArmJson(resource.body);
    if (isDeployment(resource)) delete body.properties?.template; // the nested resources are checked one by one
    delete body.scope; // an extension resource's scope is a template-level key (deploymentTemplate.json), not in its type's schema
    let { errors } = schemas.validate(body);
    // A child's name ("format('{0}/{1}/{2}', <account>, 'default', 'Orgs')") is validated by its known last
    // segment, as the schema describes it either as that segment or as the full name with parent segments.
    const leaf = childLeaf(resource);
    if (leaf !== null) {
      const segments = resource.type.split('/').length - 1;
      const tries = [leaf, [...Array(segments - 1).fill('parent'), leaf].join('/')]
        .map((name) => schemas.validate({ ...body, name }).errors);
      errors = tries.find((e) => e.length === 0) ?? tries[0];
    }
    for (const error of errors) {
      problems.push(`${resource.module} ${text(resource.body.name)} (${id}) ${error}`);
    }
  }
  return { problems: [...new Set(problems)], checked: [...checked].sort(), unchecked: [...unchecked].sort() };
}

const ofType = (resources, type) => resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
const nameOf = (resource) => text(resource.body.name);
/** The last segment of a child resource's name ("account/default/Orgs" -> "Orgs"), when it is known. */
const leafName = (resource) => {
  const name = resource.body.name;
  if (typeof name === 'string') return name.split('/').at(-1);
  const m = /'([^']*)'\)$/.exec(text(name));
  return m ? m[1] : text(name);
};
/** The known last segment of a child resource's compiled name, or null. */
function childLeaf(resource) {
  if (resource.type.split('/').length < 3 || !(resource.body.name instanceof Unknown)) return null;
  const m = /^format\('(?:\{\d\}\/)+\{\d\}', .*, '([^']*)'\)$/.exec(text(resource.body.name));
  return m ? m[1] : null;
}
/** The SFTP home containers: the container declarations looping over the org ids parameter. */
const sftpHomes = (resources) => ofType(resources, 'Microsoft.Storage/storageAccounts/blobServices/containers')
  .filter((r) => text(r.copy?.count).includes("parameters('sftpOrgIds')"));
const moduleOutput = (module, output) => `reference(resourceId('Microsoft.Resources/deployments', '${module}'), '2025-04-01').outputs.${output}.value`;

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
export const keyVaultCertificateUser = Object.freeze({ role: 'Key Vault Certificate User', id: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba', scope: 'Microsoft.KeyVault/vaults' });

/** App settings of the (single) function app as a name -> value map (unknown values as their ARM expression text). */
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
    const matches = assignments.filter((a) => text(a.body.properties?.roleDefinitionId).includes(role.id));
    if (matches.length !== 1) {
      problems.push(`${role.role} (${role.id}): expected one role assignment, found ${matches.length}`);
      continue;
    }
    const [assignment] = matches;
    const scope = text(assignment.body.scope);
    expect(problems, scope.startsWith(`resourceId('${role.scope}', `),
      `${role.role}: scope should be the ${role.scope} resource, is ${scope}`);
    expect(problems, text(assignment.body.properties.principalId) === moduleOutput('functionapp', 'principalId'),
      `${role.role}: principal should be the function app's identity, is ${text(assignment.body.properties.principalId)}`);
    expect(problems, assignment.body.properties.principalType === 'ServicePrincipal', `${role.role}: principalType should be ServicePrincipal`);
    expect(problems, text(assignment.body.properties.roleDefinitionId) === `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${role.id}')`,
      `${role.role}: roleDefinitionId should be subscriptionResourceId('Microsoft.Authorization/roleDefinitions', id), is ${text(assignment.body.properties.roleDefinitionId)}`);
  }
  return problems;
}

const SECRET_MARKERS = [/AccountKey=/i, /SharedAccessKey/i, /listKeys\(/i, /listConnectionStrings\(/i, /\.listKeys\b/i, /SharedAccessSignature/i];
const FLEX_UNSUPPORTED_SETTINGS = ['FUNCTIONS_EXTENSION_VERSION', 'FUNCTIONS_WORKER_RUNTIME', 'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', 'WEBSITE_CONTENTSHARE', 'AzureWebJobsStorage'];

/**
 * What infra/README.md promises, one named check each, read from the compiled template (`resources` from
 * compileInfra). `appResources` is infra/app-resources.json, `infraDir` the folder with the .bicep files.
 */
export function requirementChecks(resources, appResources, infraDir) {
  const deployments = resources.filter(isDeployment);
  const conditionOf = (module) => text(deployments.find((d) => text(d.body.name) === module)?.condition);
  return {
    'the plan is Flex Consumption (FC1) on Linux'() {
      const problems = [];
      const plans = ofType(resources, 'Microsoft.Web/serverfarms');
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
      const sites = ofType(resources, 'Microsoft.Web/sites');
      expect(problems, sites.length === 1, `expected one function app, found ${sites.length}`);
      const [site] = sites;
      const [plan] = ofType(resources, 'Microsoft.Web/serverfarms');
      if (!site || !plan) return problems;
      const config = site.body.properties?.functionAppConfig ?? {};
      expect(problems, site.body.kind === 'functionapp,linux', `kind is ${text(site.body.kind)}`);
      expect(problems, site.body.identity?.type === 'SystemAssigned', `identity is ${JSON.stringify(text(site.body.identity?.type))}`);
      expect(problems, text(site.body.properties?.serverFarmId) === `resourceId('Microsoft.Web/serverfarms', ${text(plan.body.name)})`,
        `serverFarmId ${text(site.body.properties?.serverFarmId)} is not the plan`);
      expect(problems, config.runtime?.name === 'dotnet-isolated', `runtime name is ${text(config.runtime?.name)}`);
      expect(problems, config.runtime?.version === '10.0', `runtime version is ${text(config.runtime?.version)}`);
      const storage = config.deployment?.storage ?? {};
      expect(problems, storage.type === 'blobContainer', `deployment storage type is ${text(storage.type)}`);
      expect(problems, storage.authentication?.type === 'SystemAssignedIdentity', `deployment storage authentication is ${text(storage.authentication?.type)}`);
      expect(problems, text(storage.value) === `format('{0}{1}', ${moduleOutput('storage', 'blobEndpoint')}, '${appResources.storage.deploymentContainer}')`,
        `deployment storage ${text(storage.value)} is not the ${appResources.storage.deploymentContainer} container`);
      expect(problems, config.scaleAndConcurrency?.maximumInstanceCount !== undefined && config.scaleAndConcurrency?.instanceMemoryMB !== undefined,
        'scaleAndConcurrency needs maximumInstanceCount and instanceMemoryMB');
      expect(problems, site.body.tags?.['azd-service-name'] === 'api',
        `tag azd-service-name is not 'api' (azd deploys service api there): ${text(site.body.tags)}`);
      return problems;
    },

    'the storage account has hierarchical namespace and SFTP, no shared keys, TLS 1.2 and no public blobs'() {
      const problems = [];
      const accounts = ofType(resources, 'Microsoft.Storage/storageAccounts');
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

    'each org gets its own SFTP home container sftp-{orgId} and one local user scoped to that container alone, key-only'() {
      // The org ids are a deployment parameter: the compiled template has one home container and one local user,
      // each in a copy loop over parameters('sftpOrgIds'), their names computed from the loop's org id. A permission
      // scope names one container, so a user scoped to its own org's container reaches nothing of another org.
      const problems = [];
      const orgId = "parameters('sftpOrgIds')[copyIndex()]";
      const count = "length(parameters('sftpOrgIds'))";
      const home = `format('{0}{1}', '${appResources.storage.sftpContainerPrefix}', ${orgId})`;
      const homes = sftpHomes(resources);
      expect(problems, homes.length === 1, `expected one SFTP home container declaration (a loop over the org ids), found ${homes.length}`);
      for (const container of homes) {
        expect(problems, text(container.body.name).endsWith(`, 'default', ${home})`),
          `SFTP home container ${text(container.body.name)} is not ${appResources.storage.sftpContainerPrefix}{orgId}`);
        expect(problems, container.body.properties?.publicAccess === 'None', 'an SFTP home container allows public access');
      }
      const users = ofType(resources, 'Microsoft.Storage/storageAccounts/localUsers');
      expect(problems, users.length === 1, `expected one local user declaration (a loop over the org ids), found ${users.length}`);
      for (const user of users) {
        expect(problems, text(user.copy?.count) === count, `local users loop over ${text(user.copy?.count)}, not ${count}`);
        expect(problems, text(user.body.properties?.homeDirectory) === home,
          `local user home directory is ${text(user.body.properties?.homeDirectory)}, not the org's container ${home}`);
        expect(problems, text(user.body.name).endsWith(`, replace(toLower(${orgId}), '-', ''))`),
          `local user name ${text(user.body.name)} is not the org id lowercased without hyphens`);
        const scopes = user.body.properties?.permissionScopes ?? [];
        expect(problems, scopes.length === 1 && scopes[0].service === 'blob' && text(scopes[0].resourceName) === home,
          `permission scopes ${JSON.stringify(asArmJson(scopes))} are not exactly the org's own blob container ${home}`);
        expect(problems, user.body.properties?.hasSshPassword === false, 'hasSshPassword is not false');
        expect(problems, user.body.properties?.hasSshKey === true, 'hasSshKey is not true');
        expect(problems, user.body.properties?.hasSharedKey !== true, 'hasSharedKey is true');
      }
      const storage = deployments.find((d) => text(d.body.name) === 'storage');
      expect(problems, text(storage?.body.properties?.parameters?.sftpOrgIds?.value) === "parameters('sftpOrgIds')",
        "the storage module does not get main.bicep's sftpOrgIds");
      const settings = appSettingsOf(resources) ?? {};
      expect(problems, settings.FileDrops__ContainerPrefix === appResources.storage.sftpContainerPrefix,
        `app setting FileDrops__ContainerPrefix is ${settings.FileDrops__ContainerPrefix}, not the homes' prefix ${appResources.storage.sftpContainerPrefix}`);
      return problems;
    },

    'every table, queue and container named in app-resources.json is declared'() {
      const problems = [];
      // The SFTP homes (one container per org id parameter) are checked with the local users.
      const declared = (type, except = []) => ofType(resources, type).filter((r) => !except.includes(r)).map(leafName);
      const want = [
        ['Microsoft.Storage/storageAccounts/tableServices/tables', appResources.storage.tables],
        ['Microsoft.Storage/storageAccounts/queueServices/queues', appResources.storage.queues],
        ['Microsoft.Storage/storageAccounts/blobServices/containers', appResources.storage.blobContainers, sftpHomes(resources)],
        ['Microsoft.ServiceBus/namespaces/queues', appResources.serviceBus.queues.map((q) => q.name)],
      ];
      for (const [type, names, except] of want) {
        const have = declared(type, except);
        for (const name of names) expect(problems, have.includes(name), `${type} ${name} is named in app-resources.json but not declared`);
        for (const name of have) expect(problems, names.includes(name), `${type} ${name} is declared but not named in app-resources.json`);
      }
      for (const key of ['deploymentContainer', 'keyRingContainer']) {
        expect(problems, appResources.storage.blobContainers.includes(appResources.storage[key]), `${key} is not in blobContainers`);
      }
      return problems;
    },

    'Service Bus is Standard, without SAS keys, and each queue has the settings app-resources.json gives it'() {
      const problems = [];
      const namespaces = ofType(resources, 'Microsoft.ServiceBus/namespaces');
      expect(problems, namespaces.length === 1, `expected one namespace, found ${namespaces.length}`);
      for (const ns of namespaces) {
        expect(problems, ns.body.sku?.name === 'Standard', `sku is ${text(ns.body.sku?.name)}`);
        expect(problems, ns.body.properties?.disableLocalAuth === true, 'disableLocalAuth is not true');
      }
      const queues = ofType(resources, 'Microsoft.ServiceBus/namespaces/queues');
      for (const spec of appResources.serviceBus.queues) {
        const queue = queues.find((q) => leafName(q) === spec.name);
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
      const [workspace] = ofType(resources, 'Microsoft.OperationalInsights/workspaces');
      expect(problems, workspace, 'no Log Analytics workspace');
      const [component] = ofType(resources, 'Microsoft.Insights/components');
      expect(problems, component && workspace && text(component.body.properties?.WorkspaceResourceId) === `resourceId('Microsoft.OperationalInsights/workspaces', ${text(workspace.body.name)})`,
        'Application Insights is not tied to the workspace');
      expect(problems, component?.body.properties?.DisableLocalAuth === true, 'Application Insights still accepts key-only ingestion');
      const settings = appSettingsOf(resources) ?? {};
      expect(problems, settings.APPLICATIONINSIGHTS_CONNECTION_STRING === moduleOutput('monitoring', 'applicationInsightsConnectionString'),
        `APPLICATIONINSIGHTS_CONNECTION_STRING is ${settings.APPLICATIONINSIGHTS_CONNECTION_STRING}`);
      expect(problems, settings.APPLICATIONINSIGHTS_AUTHENTICATION_STRING === 'Authorization=AAD', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING is not Authorization=AAD');
      return problems;
    },

    "the app's identity holds the data roles it needs, each on its own resource"() {
      const problems = roleAssignmentProblems(resources, expectedRoles);
      for (const role of expectedRoles) {
        const assignment = ofType(resources, 'Microsoft.Authorization/roleAssignments').find((a) => text(a.body.properties?.roleDefinitionId).includes(role.id));
        expect(problems, !assignment || conditionOf(assignment.module) === 'true', `${role.role} is assigned only under a condition`);
      }
      return problems;
    },

    'Key Vault is optional, RBAC-authorized, and readable by the app only when deployed'() {
      const problems = [];
      const vaults = ofType(resources, 'Microsoft.KeyVault/vaults');
      expect(problems, vaults.length === 1, `expected one vault, found ${vaults.length}`);
      for (const vault of vaults) {
        expect(problems, conditionOf(vault.module) === "parameters('deployKeyVault')", `the vault's module deploys under ${conditionOf(vault.module)}, not deployKeyVault`);
        expect(problems, vault.body.properties?.enableRbacAuthorization === true, 'the vault does not use RBAC authorization');
        expect(problems, !vault.body.properties?.accessPolicies?.length, 'the vault has access policies');
      }
      problems.push(...roleAssignmentProblems(resources, [keyVaultSecretsUser, keyVaultCertificateUser]));
      for (const role of [keyVaultSecretsUser, keyVaultCertificateUser]) {
        const assignment = ofType(resources, 'Microsoft.Authorization/roleAssignments').find((a) => text(a.body.properties?.roleDefinitionId).includes(role.id));
        if (assignment) {
          expect(problems, conditionOf(assignment.module) === "parameters('deployKeyVault')",
            `${role.role} is assigned under ${conditionOf(assignment.module)}, not deployKeyVault`);
        }
      }
      const settings = appSettingsOf(resources) ?? {};
      expect(problems, String(settings.KeyVault__VaultUri).includes("parameters('deployKeyVault')") && String(settings.KeyVault__VaultUri).endsWith(", '')"),
        `KeyVault__VaultUri is ${settings.KeyVault__VaultUri}, not the vault URI or '' without a vault`);
      return problems;
    },

    "the key ring has a container of its own, and a Key Vault certificate only with the vault"() {
      const problems = [];
      const ring = appResources.storage.keyRingContainer;
      expect(problems, ring !== appResources.storage.deploymentContainer && !ring.startsWith(appResources.storage.sftpContainerPrefix),
        `keyRingContainer ${ring} is shared with another use`);
      const settings = appSettingsOf(resources) ?? {};
      expect(problems, settings.SecretProtection__KeyRingContainer === ring,
        `SecretProtection__KeyRingContainer is ${settings.SecretProtection__KeyRingContainer}, not ${ring}`);
      expect(problems, String(settings.SecretProtection__CertificateName).includes("parameters('deployKeyVault')")
        && String(settings.SecretProtection__CertificateName).includes("parameters('keyRingCertificateName')"),
        `SecretProtection__CertificateName is ${settings.SecretProtection__CertificateName}, not the certificate name under deployKeyVault`);
      expect(problems, String(settings.SecretProtection__KeyVaultUri).includes('keyVaultUri'),
        `SecretProtection__KeyVaultUri is ${settings.SecretProtection__KeyVaultUri}, not the vault's URI`);
      expect(problems, settings.SecretProtection__credential === 'managedidentity', 'SecretProtection__credential is not managedidentity');
      return problems;
    },

    'email goes through the SMTP relay the parameters name, over TLS, its password only as a Key Vault reference'() {
      const problems = [];
      const settings = appSettingsOf(resources) ?? {};
      for (const [name, parameter] of [['Email__Host', 'smtpHost'], ['Email__Username', 'smtpUsername'], ['Email__FromAddress', 'emailFromAddress']]) {
        expect(problems, String(settings[name]).includes(`parameters('${parameter}')`), `${name} is ${settings[name]}, not main.bicep's ${parameter}`);
      }
      expect(problems, String(settings.Email__Port).includes("parameters('smtpPort')"), `Email__Port is ${settings.Email__Port}`);
      expect(problems, settings.Email__TlsMode === 'StartTls', `Email__TlsMode is ${settings.Email__TlsMode}, not StartTls`);
      const password = String(settings.Email__Password);
      expect(problems, password.includes('@Microsoft.KeyVault(SecretUri=') && password.includes("parameters('smtpPasswordSecretName')"),
        `Email__Password is ${password}, not a Key Vault reference to the smtpPasswordSecretName secret`);
      expect(problems, typeof settings.Email__DispatchSchedule === 'string' && settings.Email__DispatchSchedule.length > 0,
        'Email__DispatchSchedule is not set');
      return problems;
    },

    'app settings are identity-based and hold no keys or secret-bearing connection strings'() {
      const problems = [];
      const settings = appSettingsOf(resources);
      if (!settings) return ['the function app has no appSettings array to check'];
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
      expect(problems, settings.AzureWebJobsStorage__accountName === moduleOutput('storage', 'storageAccountName'), 'AzureWebJobsStorage__accountName is not the storage account');
      expect(problems, settings[`${sb}__fullyQualifiedNamespace`] === `format('{0}.servicebus.windows.net', ${moduleOutput('servicebus', 'namespaceName')})`,
        `${sb}__fullyQualifiedNamespace is ${settings[`${sb}__fullyQualifiedNamespace`]}`);
      // Anywhere in the compiled template (outputs included): no key listing, no secret-bearing strings.
      const everything = JSON.stringify(resources.filter((r) => !isDeployment(r)).map((r) => asArmJson(r.body)))
        + JSON.stringify(resources.filter(isDeployment).map((d) => d.raw.properties?.template?.outputs ?? {}));
      for (const marker of SECRET_MARKERS) expect(problems, !marker.test(everything), `the compiled template uses ${marker}`);
      for (const path of bicepFiles(infraDir)) {
        const source = readFileSync(path, 'utf8');
        for (const marker of SECRET_MARKERS) expect(problems, !marker.test(source), `${path.slice(infraDir.length + 1)} uses ${marker}`);
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
