// The storage account: Functions host storage (AzureWebJobsStorage, Durable task hub), the app's
// tables, queues and containers (named in ../app-resources.json), the Flex Consumption deployment
// container, and the SFTP drops (hierarchical namespace + SFTP, one container and one local user per org).
// Shared-key access is off: the app and the host use their managed identity; SFTP users use SSH keys.
param location string
param tags object
param storageAccountName string
param sftpOrgIds array

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string = 'Standard_LRS'

var appResources = loadJsonContent('../app-resources.json')
var sftpContainerPrefix = appResources.storage.sftpContainerPrefix

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    isHnsEnabled: true
    isSftpEnabled: true
    isLocalUserEnabled: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [for name in appResources.storage.blobContainers: {
  parent: blobService
  name: name
  properties: {
    publicAccess: 'None'
  }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {}
}

// The Durable task hub's tables (OrgFunctionsHubHistory, OrgFunctionsHubInstances) are created by the
// runtime itself, like its control and work-item queues and lease containers: the identity's data roles
// on the account cover them.
resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [for name in appResources.storage.tables: {
  parent: tableService
  name: name
  properties: {}
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {}
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [for name in appResources.storage.queues: {
  parent: queueService
  name: name
  properties: {
    metadata: {}
  }
}]

// Each org's SFTP home is a container of its own, sftp-{orgId} (the app makes it when it provisions the
// org and removes it with the org; it is declared here too, so a local user never names a missing
// container). Each org's local user is scoped to its own container only: a permission scope names one
// container, so that is the boundary the service enforces; nothing else in the account is reachable with
// that org's key, and the app takes a file's org from its container, never from a path. Remove a deleted
// org's id from sftpOrgIds, or the next deployment makes its container again (its drops are then refused).
// Local user names allow lowercase letters and digits only, so the org id is lowercased and stripped of
// hyphens; the login is `<account>.<user>@<account>.blob.core.windows.net`.
// SSH public keys are added out of band (portal, `az storage account local-user update`), never here.
resource sftpHomes 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [for orgId in sftpOrgIds: {
  parent: blobService
  name: '${sftpContainerPrefix}${orgId}'
  properties: {
    publicAccess: 'None'
  }
}]

resource sftpUsers 'Microsoft.Storage/storageAccounts/localUsers@2024-01-01' = [for (orgId, i) in sftpOrgIds: {
  parent: account
  name: replace(toLower(orgId), '-', '')
  properties: {
    homeDirectory: sftpHomes[i].name
    permissionScopes: [
      {
        permissions: 'rcwdl'
        service: 'blob'
        resourceName: sftpHomes[i].name
      }
    ]
    hasSshPassword: false
    hasSshKey: true
    hasSharedKey: false
  }
}]

output storageAccountName string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
