// The Function App on Flex Consumption (Linux), runtime dotnet-isolated: the .NET isolated worker
// (functions/PowerFunctions.App, packaged by infra/publish.sh), deployed from a blob container that the
// app reads with its system-assigned identity. Every connection is by identity: no key or connection
// string with a secret in settings.
param location string
param tags object
param planName string
param name string
param storageAccountName string
param deploymentContainerUrl string
param serviceBusNamespaceHost string
param appInsightsConnectionString string
param keyVaultUri string
param keyVaultName string
param authAuthority string
param authAudience string
param miniProgramAppId string
param citizenKeyId string
param retiredCitizenKeyIds array
param realNameAuthority string
param realNameClientId string
param realNameHashKeyId string
param retiredRealNameHashKeyIds array
param maximumInstanceCount int
param instanceMemoryMB int
param dotnetVersion string
param environmentName string

// Sign-in (README "Citizen sign-in"): no development key in Production (the app refuses one); staff tokens from
// the OpenID Connect issuer; the mini-program's secret, the citizen token keys and the identity-fingerprint keys as
// Key Vault references, resolved by the platform with the app's identity (a reference left unresolved stops the start).
var kv = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='
var staffSettings = empty(authAuthority) ? [] : [
  {
    name: 'Auth__Authority'
    value: authAuthority
  }
  {
    name: 'Auth__Audience'
    value: authAudience
  }
]
var miniProgramSettings = empty(miniProgramAppId) ? [] : [
  {
    name: 'MiniProgram__AppId'
    value: miniProgramAppId
  }
  {
    name: 'MiniProgram__AppSecret'
    value: '${kv}miniprogram-app-secret)'
  }
  {
    name: 'Auth__Citizen__Issuer'
    value: 'https://${name}.azurewebsites.net/api'
  }
  {
    name: 'Auth__Citizen__ActiveKey'
    value: citizenKeyId
  }
]
var citizenKeySettings = [for id in (empty(citizenKeyId) ? [] : union([citizenKeyId], retiredCitizenKeyIds)): {
  name: 'Auth__Citizen__Keys__${id}__PrivateKey'
  value: '${kv}auth-citizen-key-${id})'
}]
var realNameSettings = empty(realNameAuthority) ? [] : [
  {
    name: 'Auth__RealName__Authority'
    value: realNameAuthority
  }
  {
    name: 'Auth__RealName__ClientId'
    value: realNameClientId
  }
  {
    name: 'Auth__RealName__ActiveHashKey'
    value: realNameHashKeyId
  }
]
var hashKeySettings = [for id in (empty(realNameHashKeyId) ? [] : union([realNameHashKeyId], retiredRealNameHashKeyIds)): {
  name: 'Auth__RealName__HashKeys__${id}'
  value: '${kv}auth-realname-hash-${id})'
}]
var authSettings = concat(staffSettings, miniProgramSettings, citizenKeySettings, realNameSettings, hashKeySettings)

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

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat([
        // the Functions host's own storage (timer leases, keys, and the queue `applications` of
        // ApplicationIntake's queue trigger), by identity
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        // the app's data: Azure Storage adapter, by identity (DefaultAzureCredential)
        {
          name: 'Storage__Provider'
          value: 'AzureStorage'
        }
        {
          name: 'Storage__AccountName'
          value: storageAccountName
        }
        // Service Bus for the app's messaging (hotline-tickets, ticket-status), by identity
        // (ServiceBus:Namespace; no connection string)
        {
          name: 'ServiceBus__Namespace'
          value: serviceBusNamespaceHost
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'Seal__KeyVaultUri'
          value: keyVaultUri
        }
        {
          name: 'Clock__Mode'
          value: 'System'
        }
        {
          name: 'AZURE_FUNCTIONS_ENVIRONMENT'
          value: 'Production'
        }
        {
          name: 'OTEL_SERVICE_NAME'
          value: 'powerfunctions'
        }
        {
          name: 'OTEL_RESOURCE_ATTRIBUTES'
          value: 'deployment.environment=${environmentName}'
        }
      ], authSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output principalId string = app.identity.principalId
