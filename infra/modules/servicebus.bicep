// Service Bus (Standard) with the two intake queues the function app binds to through its
// `ServiceBus` connection (ApplicationIntake → applications, ComplaintIntake → complaints). Local
// (SAS key) auth is off: senders and the app use Microsoft Entra ID. Messages that expire or fail
// maxDeliveryCount times go to each queue's dead-letter subqueue (`<queue>/$deadletterqueue`),
// where operators read them.
param location string
param tags object
param name string
param workspaceId string

@description('Deliveries before a message is dead-lettered.')
param maxDeliveryCount int = 10

var queueNames = [
  'applications'
  'complaints'
]

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queues 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [for queueName in queueNames: {
  parent: namespace
  name: queueName
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    requiresSession: false
    enableBatchedOperations: true
    maxSizeInMegabytes: 1024
  }
}]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = namespace.name
output namespaceHost string = '${namespace.name}.servicebus.windows.net'
output queueNames array = [for (queueName, i) in queueNames: queues[i].name]
