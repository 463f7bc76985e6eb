using PowerFunctions.Tests.Shared;
namespace PowerFunctions.Storage.Tests.AzureStorage;

/// <summary>Every Azure test class shares one Azurite (started once, in memory, on free ports).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "Azurite";
}
