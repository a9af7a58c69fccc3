// Service Bus namespace (Standard: scheduled messages and dead-lettering, which webhook retries use)
// with the queues named in ../app-resources.json. SAS keys are disabled: only Entra identities connect.
param location string
param tags object
param namespaceName string

var appResources = loadJsonContent('../app-resources.json')

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [for queue in appResources.serviceBus.queues: {
  parent: namespace
  name: queue.name
  properties: {
    maxDeliveryCount: queue.maxDeliveryCount
    deadLetteringOnMessageExpiration: queue.deadLetteringOnMessageExpiration
    lockDuration: queue.lockDuration
    defaultMessageTimeToLive: queue.defaultMessageTimeToLive
    // A re-run of the webhook fan-out sends the same message ids again: Service Bus drops the duplicates.
    requiresDuplicateDetection: queue.requiresDuplicateDetection
    duplicateDetectionHistoryTimeWindow: queue.duplicateDetectionHistoryTimeWindow
  }
}]

output namespaceName string = namespace.name
