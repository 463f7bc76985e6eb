namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>The penalty scenario on the embedded store.</summary>
public sealed class PenaltyScenarioTests : PenaltyScenarios
{
    protected override Task<EnforcementApp> StartAppAsync() => EnforcementApp.StartAsync();
}
