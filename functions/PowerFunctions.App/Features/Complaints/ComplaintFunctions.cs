using System.Globalization;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// <c>HotlineIntake</c> (timer, every 10 s) drains the hotline's ticket queue <c>hotline-tickets</c>
/// (<see cref="IHotlineInbox"/>): a ticket <c>{ticketId, channel, caller:{name, phone}, subject, content,
/// caseNo?, department?, receivedAt}</c> is recorded once (<see cref="HotlineTickets"/>) with its answer-due
/// date (首问负责制: 3 days). <c>GET /api/complaints?status=open|overdue</c> lists them for supervisors,
/// soonest due first.
/// </summary>
public sealed class ComplaintFunctions(IStorageAccount storage, IHotlineInbox inbox, HotlineTickets tickets, QueueOptions queues, TimeProvider clock, ILogger<ComplaintFunctions> logger)
{
    /// <summary>Every 10 seconds (NCRONTAB with seconds).</summary>
    public const string EveryTenSeconds = "*/10 * * * * *";

    /// <summary>Messages taken from the queue at a time.</summary>
    public const int BatchSize = 32;

    /// <summary>The most tickets one run handles; the rest wait for the next run, 10 s later.</summary>
    public const int MaxTicketsPerRun = 512;

    /// <summary>
    /// <c>HotlineIntake</c> (every 10 s): drains the hotline's ticket queue in batches. Each ticket is stored
    /// once however often it is delivered, then completed; a message that can never be a ticket is
    /// dead-lettered with its reason; one that failed for a passing cause (storage down) is abandoned for
    /// redelivery, and dead-lettered once it has been delivered <c>Queues:MaxDequeueCount</c> times.
    /// </summary>
    [Function("HotlineIntake")]
    public async Task DrainAsync([TimerTrigger(EveryTenSeconds)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (handled < MaxTicketsPerRun)
        {
            var messages = await inbox.ReceiveAsync(BatchSize, cancellationToken).ConfigureAwait(false);
            if (messages.Count == 0)
            {
                break;
            }

            var abandoned = false;
            foreach (var message in messages)
            {
                abandoned |= !await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                handled++;
            }

            if (abandoned)
            {
                // A passing failure (storage, calendar) hits the next message too, and the abandoned one would
                // come straight back: leave the rest to the next run, 10 s later.
                break;
            }
        }
    }

    /// <summary>Handles one delivery; false when it was abandoned for redelivery.</summary>
    private async Task<bool> HandleAsync(HotlineMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await tickets.RecordAsync(message.Body, message.MessageId, cancellationToken).ConfigureAwait(false);
        }
        catch (PoisonMessageException e)
        {
            logger.LogWarning("Hotline message {MessageId} dead-lettered: {Reason}", message.MessageId, e.Message);
            await inbox.DeadLetterAsync(message, e.Message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (message.DeliveryCount >= queues.MaxDequeueCount)
            {
                logger.LogError(e, "Hotline message {MessageId} failed {Count} deliveries; dead-lettered", message.MessageId, message.DeliveryCount);
                await inbox.DeadLetterAsync(message, $"failed {message.DeliveryCount} deliveries; last error {e.GetType().Name}: {e.Message}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning(e, "Hotline message {MessageId} failed (delivery {Count}); abandoned for redelivery", message.MessageId, message.DeliveryCount);
                await inbox.AbandonAsync(message, cancellationToken).ConfigureAwait(false);
                return false;
            }

            return true;
        }

        await inbox.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [Function("ComplaintsList")]
    [AnyRole(Roles.Supervisor, Roles.Admin)]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "complaints")] HttpRequest request, CancellationToken cancellationToken)
    {
        var status = request.QueryValue("status");
        if (status is not (null or "" or "open" or "overdue"))
        {
            throw Problems.BadParameter("status", "status must be 'open' or 'overdue'");
        }

        var now = clock.GetUtcNow();
        var table = storage.GetTableClient(HotlineTickets.TableName);
        var views = new List<ComplaintView>();
        string? continuation = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { PartitionKey = HotlineTickets.Partition, ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                var view = ToView(entity, now);
                if (string.IsNullOrEmpty(status) || view.Status == status)
                {
                    views.Add(view);
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return HttpResult.Ok(views.OrderBy(v => v.AnswerDue, StringComparer.Ordinal).ThenBy(v => v.TicketId, StringComparer.Ordinal).ToList());
    }

    private static ComplaintView ToView(TableEntity entity, DateTimeOffset now)
    {
        var answerDue = entity.GetString("answerDue") ?? string.Empty;
        var overdue = DateOnly.TryParseExact(answerDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            && entity.GetString("status") == "open"
            && ComplaintRules.IsOverdue(due, now);
        return new ComplaintView(
            entity.RowKey,
            entity.GetString("channel") ?? string.Empty,
            new CallerView(entity.GetString("callerName") ?? string.Empty, MaskPhone(entity.GetString("callerPhone"))),
            entity.GetString("subject") ?? string.Empty,
            entity.GetString("caseNo"),
            entity.GetString("department"),
            entity.GetDateTimeOffset("receivedAt") is { } received ? ChinaTime.InChina(received) : null,
            answerDue,
            entity.GetBoolean("answerDueProvisional") ?? false,
            overdue ? "overdue" : entity.GetString("status") ?? "open");
    }

    /// <summary>Only the first three and last four digits of a phone number are shown.</summary>
    private static string MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone) || phone.Length < 8)
        {
            return "****";
        }

        return phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    private sealed record ComplaintView(string TicketId, string Channel, CallerView Caller, string Subject, string? CaseNo, string? Department, DateTimeOffset? ReceivedAt, string AnswerDue, bool Provisional, string Status);

    private sealed record CallerView(string Name, string Phone);
}
