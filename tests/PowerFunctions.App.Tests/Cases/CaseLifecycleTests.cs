namespace PowerFunctions.App.Tests.Cases;

/// <summary>The lifecycle scenarios on the embedded store (SQLite).</summary>
public sealed class CaseLifecycleTests : CaseLifecycleScenarios
{
    protected override Task<CaseApp> StartAppAsync() => CaseApp.StartAsync();
}
