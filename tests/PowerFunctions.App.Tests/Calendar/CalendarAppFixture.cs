using PowerFunctions.App.Tests.Support;

namespace PowerFunctions.App.Tests.Calendar;

/// <summary>One app shared by the read-only calendar tests.</summary>
public sealed class CalendarAppFixture : IAsyncLifetime
{
    private TestApp? _app;

    public TestApp App => _app ?? throw new InvalidOperationException("the app is not started");

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
