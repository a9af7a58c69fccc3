// The Flex Consumption plan and the function app (Linux, .NET isolated worker) with a system-assigned
// identity. Runtime, scale and the deployment package location live in functionAppConfig, so the
// classic settings FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not set (Flex rejects
// or ignores them). Every connection setting is identity-based: account and namespace names or service
// URIs, never keys.
param location string
param tags object
param planName string
param functionAppName string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param serviceBusNamespaceName string
param applicationInsightsConnectionString string
@description('Empty when no Key Vault is deployed (the setting is then empty too).')
param keyVaultUri string
@description('A certificate in the Key Vault that encrypts the Data Protection key ring; empty (or no vault): the ring is stored unencrypted.')
param keyRingCertificateName string
param maximumInstanceCount int
param smtpHost string
param smtpPort int
param smtpUsername string
@description('A secret of the Key Vault at keyVaultUri; referenced only with a username and a vault.')
param smtpPasswordSecretName string
param emailFromAddress string
@description('The payment vault\'s API (Spreedly).')
param paymentVaultUrl string
@description('The vault\'s environment key; empty: no vault account, gateway calls answer 502.')
param paymentVaultEnvironmentKey string
@description('A secret of the Key Vault at keyVaultUri holding the vault\'s access secret; referenced only with an environment key and a vault.')
param paymentVaultSecretName string
param instanceMemoryMB int

var appResources = loadJsonContent('../app-resources.json')
var serviceBusConnection = appResources.serviceBus.connectionName

var appSettings = [
  // Functions host storage (triggers, Durable task hub OrgFunctionsHub) through the managed identity.
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storageAccountName
  }
  {
    name: 'AzureWebJobsStorage__blobServiceUri'
    value: blobEndpoint
  }
  {
    name: 'AzureWebJobsStorage__queueServiceUri'
    value: queueEndpoint
  }
  {
    name: 'AzureWebJobsStorage__tableServiceUri'
    value: tableEndpoint
  }
  {
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  // Service Bus trigger and sender connection (Connection = "ServiceBusConnection").
  {
    name: '${serviceBusConnection}__fullyQualifiedNamespace'
    value: '${serviceBusNamespaceName}.servicebus.windows.net'
  }
  {
    name: '${serviceBusConnection}__credential'
    value: 'managedidentity'
  }
  // SFTP file drops: the ingest timer's schedule (%FileDropsSchedule%), every minute.
  {
    name: 'FileDropsSchedule'
    value: '0 */1 * * * *'
  }
  // Each org's SFTP home is the container {prefix}{orgId}, the same prefix the storage module's local users use.
  {
    name: 'FileDrops__ContainerPrefix'
    value: appResources.storage.sftpContainerPrefix
  }
  // Telemetry: the connection string identifies the component; ingestion is authorized with Entra ID.
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: applicationInsightsConnectionString
  }
  {
    name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
    value: 'Authorization=AAD'
  }
  // Webhooks: how often the outbox is fanned out to delivery messages (NCRONTAB with seconds).
  {
    name: 'Webhooks__FanOutSchedule'
    value: '*/5 * * * * *'
  }
  // Webhooks: how long a delivery instance trusts a subscription it read (docs/decisions/0027): a subscription
  // disabled, deleted or rotated on another instance stops or changes there within this.
  {
    name: 'Webhooks__SubscriptionCacheTtl'
    value: '00:00:15'
  }
  // Optional Key Vault: its URI, or empty when none is deployed. Secrets are read with the identity.
  {
    name: 'KeyVault__VaultUri'
    value: keyVaultUri
  }
  // Secrets at rest (docs/decisions/0014): the Data Protection key ring in a container of its own and, when a
  // certificate is named and a vault deployed, encrypted with that Key Vault certificate, read with the identity.
  {
    name: 'SecretProtection__KeyRingContainer'
    value: appResources.storage.keyRingContainer
  }
  {
    name: 'SecretProtection__KeyVaultUri'
    value: empty(keyRingCertificateName) ? '' : keyVaultUri
  }
  {
    name: 'SecretProtection__CertificateName'
    value: empty(keyVaultUri) ? '' : keyRingCertificateName
  }
  {
    name: 'SecretProtection__credential'
    value: 'managedidentity'
  }
  // Email (src/OrgFunctions/Email): the SMTP relay, always over TLS (STARTTLS on the submission port). The password
  // is a Key Vault reference the platform resolves with the app's identity: the secret itself is in no setting.
  {
    name: 'Email__Host'
    value: smtpHost
  }
  {
    name: 'Email__Port'
    value: string(smtpPort)
  }
  {
    name: 'Email__TlsMode'
    value: 'StartTls'
  }
  {
    name: 'Email__Username'
    value: smtpUsername
  }
  {
    name: 'Email__Password'
    value: empty(smtpUsername) || empty(keyVaultUri) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${smtpPasswordSecretName}/)'
  }
  {
    name: 'Email__FromAddress'
    value: emailFromAddress
  }
  {
    name: 'Email__FromName'
    value: 'OrgFunctions'
  }
  // Links in emails (invitations, set-password) point at the app's own host name.
  {
    name: 'Users__PublicBaseUrl'
    value: 'https://${functionAppName}.azurewebsites.net'
  }
  // The payment vault (src/OrgFunctions/PaymentGateways, docs/decisions/0024): card credentials go there, never to our
  // storage. The access secret is a Key Vault reference; without a key and a vault both stay empty (no vault account).
  {
    name: 'PaymentVault__BaseUrl'
    value: paymentVaultUrl
  }
  {
    name: 'PaymentVault__EnvironmentKey'
    value: empty(keyVaultUri) ? '' : paymentVaultEnvironmentKey
  }
  {
    name: 'PaymentVault__AccessSecret'
    value: empty(paymentVaultEnvironmentKey) || empty(keyVaultUri) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${paymentVaultSecretName}/)'
  }
  // How often the email outbox is sent (%Email:DispatchSchedule%, NCRONTAB with seconds).
  {
    name: 'Email__DispatchSchedule'
    value: '*/5 * * * * *'
  }
  // The caller and org-location cache (docs/decisions/0026): a revocation, role change, suspension, lockout or org
  // deletion made on one instance counts on the others within this bound.
  {
    name: 'Access__CacheStaleness'
    value: '00:00:05'
  }
  {
    name: 'Access__CacheEntries'
    value: '100000'
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: union(tags, {
    'azd-service-name': 'api'
  })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${appResources.storage.deploymentContainer}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
}

output functionAppName string = functionApp.name
output principalId string = functionApp.identity.principalId
