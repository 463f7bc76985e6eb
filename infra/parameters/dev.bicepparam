using '../main.bicep'

param baseName = 'pwrfn'
param environmentName = 'dev'
param storageSku = 'Standard_LRS'
// short retention in dev so test documents do not stay locked for years
param documentRetentionDays = 1
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param logRetentionDays = 30
param keyVaultPurgeProtection = false
