namespace PowerFunctions.App.Config;

/// <summary><c>Seed:*</c> settings.</summary>
public sealed class SeedOptions
{
    /// <summary>Load the sample catalog into an empty store; defaults to true outside Production.</summary>
    public bool? Catalog { get; set; }
}
