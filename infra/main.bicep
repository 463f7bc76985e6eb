// PowerFunctions on Azure: a Flex Consumption Function App (Linux, .NET isolated worker) with a
// system-assigned identity and no keys in its settings; a storage account for the host (its queue
// `applications` feeds ApplicationIntake) and the app's tables, queues and sealed documents
// (version-level WORM); Service Bus with the hotline's queue `hotline-tickets` and the topic
// `ticket-status` (dead-lettering, duplicate detection); Application Insights on Log Analytics; Key
// Vault (RBAC) for the seal's private keys; and the role assignments that let the identity reach each.
targetScope = 'resourceGroup'

@description('Short name of the deployment, used in every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param baseName string

@description('dev, test or prod: tags the resources and picks safer defaults for prod.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region of every resource (Flex Consumption must be available there).')
param location string = resourceGroup().location

@description('Storage redundancy: Standard_LRS for dev, Standard_ZRS (or GZRS) for prod.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days each sealed document version stays immutable (WORM). 行政许可 archives keep decisions for years; prod sets this from the records schedule.')
@minValue(1)
@maxValue(146000)
param documentRetentionDays int = 3650

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Flex Consumption: memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('The .NET version of the isolated worker, as Flex Consumption lists it for dotnet-isolated (the version we build: net10.0).')
param dotnetVersion string = '10.0'

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Object id of an operator group or user (optional): may manage seal secrets and read dead-lettered messages.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'Group'
  'User'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'Group'

@description('Key Vault purge protection (cannot be turned off again): on for prod.')
param keyVaultPurgeProtection bool = false

@description('OpenID Connect issuer of staff tokens (Auth:Authority), an https URL; empty: no staff token is accepted.')
param authAuthority string = ''

@description('Audience staff tokens must name (Auth:Audience); required with authAuthority.')
param authAudience string = ''

@description('The mini-program app id (MiniProgram:AppId); empty: citizen sign-in is off. Its secret is the Key Vault secret miniprogram-app-secret.')
param miniProgramAppId string = ''

@description('Key id that signs citizen tokens (Auth:Citizen:ActiveKey): letters, digits, dashes; its EC P-256 private key (PEM) is the Key Vault secret auth-citizen-key-<id>. Required with miniProgramAppId.')
param citizenKeyId string = ''

@description('Key ids rotated out of signing but kept to verify until their last access token has expired (Auth:Citizen:AccessTokenMinutes); their secrets stay until then.')
param retiredCitizenKeyIds array = []

@description('The identity service for real-name proof (Auth:RealName:Authority), an OIDC issuer; empty: off (and submissions in Production are refused, real-name filing being required).')
param realNameAuthority string = ''

@description('Our client id at the identity service (Auth:RealName:ClientId).')
param realNameClientId string = ''

@description('Key id of the identity-fingerprint key (Auth:RealName:ActiveHashKey); its value (32 random bytes, base64) is the Key Vault secret auth-realname-hash-<id>. Required with realNameAuthority.')
param realNameHashKeyId string = ''

@description('Fingerprint key ids still needed to check stored fingerprints (a citizen\'s moves to the active key at their next proof).')
param retiredRealNameHashKeyIds array = []

var suffix = uniqueString(resourceGroup().id, baseName, environmentName)
var tags = {
  application: 'PowerFunctions'
  environment: environmentName
}
var names = {
  workspace: 'log-${baseName}-${environmentName}'
  insights: 'appi-${baseName}-${environmentName}'
  storage: take('st${baseName}${environmentName}${suffix}', 24)
  serviceBus: 'sb-${baseName}-${environmentName}-${suffix}'
  keyVault: take('kv-${baseName}-${environmentName}-${suffix}', 24)
  plan: 'plan-${baseName}-${environmentName}'
  functionApp: 'func-${baseName}-${environmentName}-${suffix}'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    insightsName: names.insights
    retentionDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    name: names.storage
    sku: storageSku
    documentRetentionDays: documentRetentionDays
    workspaceId: monitoring.outputs.workspaceId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  params: {
    location: location
    tags: tags
    name: names.serviceBus
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: tags
    name: names.keyVault
    purgeProtection: keyVaultPurgeProtection
    workspaceId: monitoring.outputs.workspaceId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    tags: tags
    planName: names.plan
    name: names.functionApp
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${storage.outputs.deploymentContainerName}'
    serviceBusNamespaceHost: serviceBus.outputs.namespaceHost
    appInsightsConnectionString: monitoring.outputs.insightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    keyVaultName: keyVault.outputs.name
    authAuthority: authAuthority
    authAudience: authAudience
    miniProgramAppId: miniProgramAppId
    citizenKeyId: citizenKeyId
    retiredCitizenKeyIds: retiredCitizenKeyIds
    realNameAuthority: realNameAuthority
    realNameClientId: realNameClientId
    realNameHashKeyId: realNameHashKeyId
    retiredRealNameHashKeyIds: retiredRealNameHashKeyIds
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    dotnetVersion: dotnetVersion
    environmentName: environmentName
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    insightsName: monitoring.outputs.insightsName
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output functionAppPrincipalId string = functionApp.outputs.principalId
output storageAccountName string = storage.outputs.name
output documentsContainerName string = storage.outputs.documentsContainerName
output deploymentContainerName string = storage.outputs.deploymentContainerName
output serviceBusNamespace string = serviceBus.outputs.namespaceHost
output serviceBusQueues array = serviceBus.outputs.queueNames
output serviceBusTopics array = serviceBus.outputs.topicNames
output keyVaultName string = keyVault.outputs.name
output keyVaultUri string = keyVault.outputs.uri
output applicationInsightsName string = monitoring.outputs.insightsName
output logAnalyticsWorkspaceId string = monitoring.outputs.workspaceId
