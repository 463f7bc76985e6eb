using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// When a year's schedule is loaded or replaced: re-dates the revision deadlines of every item with a
/// pending legal-basis change (the rule is <see cref="Domain.Catalog.PowerItem.RedateRevision"/>); the
/// store schedules the moved alert timer before writing. Answers how many items moved.
/// </summary>
public sealed class CatalogCalendarObserver(CatalogStore store, ILogger<CatalogCalendarObserver> logger) : ICalendarObserver
{
    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var record in await store.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            var published = record.Public?.RedateRevision(calendar);
            var draft = record.Draft?.RedateRevision(calendar);
            if (published is null && draft is null)
            {
                continue;
            }

            var snapshots = new[] { published, draft }.OfType<Domain.Catalog.PowerItem>().ToList();
            try
            {
                await store.ReplaceAsync(record, published ?? record.Public, draft ?? record.Draft, snapshots, cancellationToken).ConfigureAwait(false);
                moved++;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                logger.LogInformation("catalog item {Code} changed while re-dating; left as it is", record.Code);
            }
        }

        return moved;
    }
}
