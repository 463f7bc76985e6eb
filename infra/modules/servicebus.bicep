// Service Bus (Standard) for the hotline: tickets arrive on the queue `hotline-tickets` (drained in
// batches by the timer function HotlineIntake through the app's messaging port), ticket status leaves on
// the topic `ticket-status`, which the hotline reads through its subscription `hotline`. Local (SAS key)
// auth is off: the hotline and the app use Microsoft Entra ID. Messages that expire or fail
// maxDeliveryCount times go to the dead-letter subqueue (`<entity>/$deadletterqueue`), where operators
// read them; duplicate detection (MessageId, 1 hour) drops a resent ticket or event.
param location string
param tags object
param name string
param workspaceId string

@description('Deliveries before a message is dead-lettered.')
param maxDeliveryCount int = 10

var queueNames = [
  'hotline-tickets'
]

var topicNames = [
  'ticket-status'
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

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: namespace
  name: topicNames[0]
  properties: {
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    enableBatchedOperations: true
    maxSizeInMegabytes: 1024
    supportOrdering: true
  }
}

resource hotlineSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: topic
  name: 'hotline'
  properties: {
    lockDuration: 'PT1M'
    maxDeliveryCount: maxDeliveryCount
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
    defaultMessageTimeToLive: 'P14D'
    requiresSession: false
    enableBatchedOperations: true
  }
}

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
output topicNames array = [topic.name]
output subscriptionNames array = ['${topic.name}/${hotlineSubscription.name}']
