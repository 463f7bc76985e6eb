namespace PowerFunctions.App.Tests.Complaints;

/// <summary>The three channels end to end on the embedded store (SQLite) and the embedded messaging adapter.</summary>
public sealed class ComplaintEndToEndTests : ComplaintEndToEndScenarios
{
    protected override Task<ComplaintApp> StartAppAsync() => ComplaintApp.StartAsync();
}
