using PowerFunctions.App.Hosting;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Calendar;

/// <summary>Creates table <c>calendar</c> before the app listens.</summary>
public sealed class CalendarTableStartup(IStorageAccount storage) : IStartupTask
{
    public int Order => 0;

    public Task RunAsync(CancellationToken cancellationToken) =>
        storage.GetTableClient(StoredCalendarProvider.TableName).CreateIfNotExistsAsync(cancellationToken);
}
