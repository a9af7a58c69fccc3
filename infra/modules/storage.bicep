// The storage account: Functions host storage (AzureWebJobsStorage, Durable task hub), the app's
// tables, queues and containers (named in ../app-resources.json), the Flex Consumption deployment
// container, and the SFTP drop (hierarchical namespace + SFTP, one local user per org).
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
var sftpContainerName = appResources.storage.sftpContainer

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

// One SFTP local user per org. The permission scope can only name a container, so each user's
// permissions cover the whole `sftp` container; the home directory sftp/{orgId} is where the session
// starts and keeps the org in its folder in practice, but it is not an authorization boundary: a user who
// changes directory can reach other orgs' folders. Isolation that is enforced needs ACLs on each folder
// (allowAclAuthorization with a per-user groupId and POSIX ACLs set out of band) or a container per org.
// Local user names allow lowercase letters and digits only, so the org id is lowercased and stripped of
// hyphens; the login is `<account>.<user>@<account>.blob.core.windows.net`.
// SSH public keys are added out of band (portal, `az storage account local-user update`), never here.
resource sftpUsers 'Microsoft.Storage/storageAccounts/localUsers@2024-01-01' = [for orgId in sftpOrgIds: {
  parent: account
  name: replace(toLower(orgId), '-', '')
  properties: {
    homeDirectory: '${sftpContainerName}/${orgId}'
    permissionScopes: [
      {
        permissions: 'rcwdl'
        service: 'blob'
        resourceName: sftpContainerName
      }
    ]
    hasSshPassword: false
    hasSshKey: true
    hasSharedKey: false
  }
  dependsOn: [
    containers
  ]
}]

output storageAccountName string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
