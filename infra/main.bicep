// OrgFunctions on Azure: a Flex Consumption function app with a system-assigned identity, a storage
// account with SFTP, Service Bus, monitoring and (optionally) Key Vault. Every connection the app makes
// is identity-based: no account key or secret-bearing connection string reaches an app setting.
// Deployed by `azd up` into a resource group (azd asks for one, or reads AZURE_RESOURCE_GROUP).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds the resource names and is set as the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. Pick one that offers the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Org ids that get an SFTP home (container sftp-{orgId}) and a local user scoped to it alone. Keys are added out of band.')
param sftpOrgIds array = []

@description('Deploy a Key Vault (RBAC authorization) and let the app read its secrets.')
param deployKeyVault bool = false

@description('A certificate in that Key Vault whose key encrypts the Data Protection key ring (docs/decisions/0014). Create it before provisioning (infra/README.md); empty, or without the vault, the ring is stored unencrypted in its own container.')
param keyRingCertificateName string = ''

@description('The SMTP relay emails go out through (src/OrgFunctions/Email): Azure Communication Services\' SMTP endpoint by default.')
param smtpHost string = 'smtp.azurecomm.net'

@description('The relay\'s submission port; the connection is upgraded with STARTTLS (Email__TlsMode StartTls).')
param smtpPort int = 587

@description('The relay\'s SMTP username (for Communication Services: the SMTP username made for its Entra app); empty: no authentication, which Communication Services refuses, so every email ends failed until it is set.')
param smtpUsername string = ''

@description('The Key Vault secret that holds the SMTP password (needs deployKeyVault); the app setting is a Key Vault reference to it, never the password.')
param smtpPasswordSecretName string = 'smtp-password'

@description('The sender address: one the relay may send from (for Communication Services, an address of a connected, verified domain).')
param emailFromAddress string = 'DoNotReply@example.invalid'

@description('The payment vault\'s API base URL (Spreedly, docs/decisions/0024).')
param paymentVaultUrl string = 'https://core.spreedly.com/'

@description('The payment vault\'s environment key (needs deployKeyVault); empty: no vault account, payment gateways can\'t be added (502).')
param paymentVaultEnvironmentKey string = ''

@description('The Key Vault secret that holds the payment vault\'s access secret; the app setting is a Key Vault reference to it, never the secret.')
param paymentVaultSecretName string = 'payment-vault-access-secret'

@description('Upper bound of instances the Flex Consumption plan may scale the app to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance in MB (Flex Consumption offers 512, 2048 and 4096).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: 'st${resourceToken}'
    sftpOrgIds: sftpOrgIds
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    tags: tags
    namespaceName: 'sb-${resourceToken}'
  }
}

module keyVault 'modules/keyvault.bicep' = if (deployKeyVault) {
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    keyVaultName: 'kv-${resourceToken}'
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    planName: 'plan-${resourceToken}'
    functionAppName: 'func-${resourceToken}'
    storageAccountName: storage.outputs.storageAccountName
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: keyVault.?outputs.keyVaultUri ?? ''
    keyRingCertificateName: keyRingCertificateName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUsername: smtpUsername
    smtpPasswordSecretName: smtpPasswordSecretName
    emailFromAddress: emailFromAddress
    paymentVaultUrl: paymentVaultUrl
    paymentVaultEnvironmentKey: paymentVaultEnvironmentKey
    paymentVaultSecretName: paymentVaultSecretName
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.storageAccountName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module keyVaultAccess 'modules/keyvault-access.bicep' = if (deployKeyVault) {
  name: 'keyvault-access'
  params: {
    principalId: functionApp.outputs.principalId
    keyVaultName: keyVault!.outputs.keyVaultName  // this module deploys only with the vault (same condition)
  }
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.storageAccountName
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceName
output AZURE_KEY_VAULT_URI string = keyVault.?outputs.keyVaultUri ?? ''
