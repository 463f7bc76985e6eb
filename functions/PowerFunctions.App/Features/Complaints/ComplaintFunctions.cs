using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// <c>ComplaintIntake</c> (Service Bus queue <c>complaints</c>, binding <c>message</c>): a hotline ticket
/// <c>{ticketId, channel, caller:{name, phone}, subject, content, caseNo?, department?, receivedAt}</c> is
/// recorded once (create-only, keyed by ticketId: a redelivered message changes nothing) with its
/// answer-due date (首问负责制: 3 days). <c>GET /api/complaints?status=open|overdue</c> lists them for
/// supervisors, soonest due first.
/// </summary>
public sealed class ComplaintFunctions(IStorageAccount storage, TimeProvider clock, ILogger<ComplaintFunctions> logger, ICalendarProvider calendars) : IFunctionModule
{
    public const string TableName = "complaints";
    public const string QueueName = "complaints";
    public const string Partition = "ticket";

    public IEnumerable<FunctionDeclaration> Declare()
    {
        yield return Function.ServiceBusQueue("ComplaintIntake", QueueName, IntakeAsync);
        yield return Function.Http("ComplaintsList", "GET", "complaints", Access.AnyRole(Roles.Supervisor, Roles.Admin), ListAsync);
    }

    private async Task IntakeAsync(QueueCall call, CancellationToken cancellationToken)
    {
        TicketMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<TicketMessage>(call.MessageText, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"complaint message {call.MessageId} is not a ticket: {e.Message}", e);
        }

        if (message is null)
        {
            throw new PoisonMessageException($"complaint message {call.MessageId} is empty");
        }

        DateTimeOffset? receivedAt = DateTimeOffset.TryParse(message.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && message.ReceivedAt!.Contains('T', StringComparison.Ordinal)
            ? at
            : null;
        var created = ComplaintTicket.Create(message.TicketId, message.Channel, message.Caller?.Name, message.Caller?.Phone, message.Subject, message.Content, message.CaseNo, message.Department, receivedAt);
        if (!created.IsSuccess)
        {
            var fields = string.Join("; ", (created.Error.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
            throw new PoisonMessageException($"complaint message {call.MessageId} is invalid ({created.Error.Code}): {fields}");
        }

        var ticket = created.Value;
        var calendar = await calendars.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var due = ComplaintRules.AnswerDue(ticket.ReceivedAt, calendar);
        var entity = new TableEntity(Partition, ticket.TicketId)
        {
            ["channel"] = message.Channel,
            ["callerName"] = ticket.Caller.Name,
            ["callerPhone"] = ticket.Caller.Phone,
            ["subject"] = ticket.Subject,
            ["content"] = ticket.Content,
            ["caseNo"] = ticket.CaseNo,
            ["department"] = ticket.Department,
            ["receivedAt"] = ticket.ReceivedAt,
            ["answerDue"] = due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["answerDueProvisional"] = due.Provisional,
            ["status"] = "open",
            ["recordedAt"] = clock.GetUtcNow(),
            ["messageId"] = call.MessageId,
        };
        try
        {
            await storage.GetTableClient(TableName).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Complaint {TicketId} recorded, answer due {AnswerDue}", ticket.TicketId, entity["answerDue"]);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            logger.LogInformation("Complaint {TicketId} was already recorded; redelivery {DequeueCount} ignored", ticket.TicketId, call.DequeueCount);
        }
    }

    private async Task<HttpResult> ListAsync(HttpCall call, CancellationToken cancellationToken)
    {
        var status = call.QueryValue("status");
        if (status is not (null or "" or "open" or "overdue"))
        {
            throw Problems.BadParameter("status", "status must be 'open' or 'overdue'");
        }

        var now = clock.GetUtcNow();
        var table = storage.GetTableClient(TableName);
        var views = new List<ComplaintView>();
        string? continuation = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery { PartitionKey = Partition, ContinuationToken = continuation }, cancellationToken).ConfigureAwait(false);
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

    private sealed record TicketMessage(string? TicketId, string? Channel, CallerMessage? Caller, string? Subject, string? Content, string? CaseNo, string? Department, string? ReceivedAt);

    private sealed record CallerMessage(string? Name, string? Phone);

    private sealed record ComplaintView(string TicketId, string Channel, CallerView Caller, string Subject, string? CaseNo, string? Department, DateTimeOffset? ReceivedAt, string AnswerDue, bool Provisional, string Status);

    private sealed record CallerView(string Name, string Phone);
}
