namespace PowerFunctions.App.Tests.Enforcement;

/// <summary>One app per test class (tests of a class run one after another and each sets the clock it needs; each works on its own case).</summary>
public sealed class EnforcementFixture : IAsyncLifetime
{
    public EnforcementApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await EnforcementApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
