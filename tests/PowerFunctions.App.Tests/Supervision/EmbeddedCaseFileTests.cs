using PowerFunctions.App.Tests.Cases;

namespace PowerFunctions.App.Tests.Supervision;

/// <summary>The case file scenarios on the embedded (SQLite) store, with the sample catalog and the real document issuer.</summary>
public sealed class EmbeddedCaseFileTests : CaseFileScenarios
{
    protected override Task<CaseApp> StartAppAsync() => CaseApp.StartWithSampleCatalogAsync();
}
