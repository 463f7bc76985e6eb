namespace PowerFunctions.App.Tests.Pages;

/// <summary>The browser test classes run one after the other (each with its own browser and app): two Chromiums at once on a 2-core machine only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
