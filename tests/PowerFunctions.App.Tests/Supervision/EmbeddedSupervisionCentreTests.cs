using PowerFunctions.App.Tests.Cases;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>The supervision centre's scenarios on the embedded (SQLite) store.</summary>
public sealed class EmbeddedSupervisionCentreTests : SupervisionCentreScenarios
{
    protected override Task<CaseApp> StartAppAsync() => CaseApp.StartAsync();
}
