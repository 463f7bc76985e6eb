namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>Every Azure test class shares one Azurite (started once, in memory, on free ports).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
