using System.Globalization;
using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// When a year's schedule is loaded or replaced: re-dates the answer deadline of every open complaint
/// (the rule is <see cref="ComplaintRules.RedateAnswer"/>) and stores it under the row's ETag. Answers
/// how many moved.
/// </summary>
public sealed class ComplaintCalendarObserver(IStorageAccount storage, ILogger<ComplaintCalendarObserver> logger) : ICalendarObserver
{
    public async Task<int> OnCalendarChangedAsync(int year, IWorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var table = storage.GetTableClient(HotlineTickets.TableName);
        var moved = 0;
        string? continuation = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { PartitionKey = HotlineTickets.Partition, ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var row in page.Entities.Where(r => r.GetString("status") == "open"))
            {
                if (row.GetDateTimeOffset("receivedAt") is not { } receivedAt
                    || !DateOnly.TryParseExact(row.GetString("answerDue"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
                    || ComplaintRules.RedateAnswer(receivedAt, new CalendarDate(due, row.GetBoolean("answerDueProvisional") ?? false), calendar) is not { } move)
                {
                    continue;
                }

                row["answerDue"] = move.NewDue.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                row["answerDueProvisional"] = move.NewDue.Provisional;
                try
                {
                    await table.UpdateEntityAsync(row, row.ETag, cancellationToken).ConfigureAwait(false);
                    moved++;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    logger.LogInformation("complaint {TicketId} changed while re-dating; left as it is", row.RowKey);
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return moved;
    }
}
