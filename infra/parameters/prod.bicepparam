using '../main.bicep'

param baseName = 'pwrfn'
param environmentName = 'prod'
param storageSku = 'Standard_ZRS'
// sealed decisions stay write-once for 30 years (set from the records retention schedule)
param documentRetentionDays = 10950
param maximumInstanceCount = 200
param instanceMemoryMB = 2048
param logRetentionDays = 365
param keyVaultPurgeProtection = true
// the operators' Entra ID group (object id), given at deployment: --parameters operatorPrincipalId=<id>
param operatorPrincipalId = ''
param operatorPrincipalType = 'Group'
