using System.Globalization;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Calendar;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Hotline tickets as the complaints table keeps them: one row per ticketId (create-only, so a redelivered
/// ticket is stored once), with its answer-due date (首问负责制: 3 days, start day not counted, last day
/// rolled to a working day: <c>ComplaintRules.AnswerDue</c>).
/// </summary>
public sealed class HotlineTickets(IStorageAccount storage, TimeProvider clock, ICalendarProvider calendars, ILogger<HotlineTickets> logger)
{
    public const string TableName = "complaints";
    public const string Partition = "ticket";

    /// <summary>
    /// Records the ticket <paramref name="text"/> once: a second delivery of the same ticketId changes
    /// nothing. A message that can never be a ticket throws <see cref="PoisonMessageException"/> with the
    /// reason; anything else thrown is a passing failure (retry).
    /// </summary>
    public async Task RecordAsync(string text, string messageId, CancellationToken cancellationToken)
    {
        TicketMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<TicketMessage>(text, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            throw new PoisonMessageException($"hotline message {messageId} is not a ticket: {e.Message}", e);
        }

        if (message is null)
        {
            throw new PoisonMessageException($"hotline message {messageId} is empty");
        }

        DateTimeOffset? receivedAt = DateTimeOffset.TryParse(message.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && message.ReceivedAt!.Contains('T', StringComparison.Ordinal)
            ? at
            : null;
        var created = ComplaintTicket.Create(message.TicketId, message.Channel, message.Caller?.Name, message.Caller?.Phone, message.Subject, message.Content, message.CaseNo, message.Department, receivedAt);
        if (!created.IsSuccess)
        {
            var fields = string.Join("; ", (created.Error.Errors ?? new Dictionary<string, string[]>()).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
            throw new PoisonMessageException($"hotline message {messageId} is invalid ({created.Error.Code}): {fields}");
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
            ["messageId"] = messageId,
        };
        try
        {
            await storage.GetTableClient(TableName).AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Complaint {TicketId} recorded, answer due {AnswerDue}", ticket.TicketId, entity["answerDue"]);
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            logger.LogInformation("Complaint {TicketId} was already recorded; redelivery ignored", ticket.TicketId);
        }
    }

    private sealed record TicketMessage(string? TicketId, string? Channel, CallerMessage? Caller, string? Subject, string? Content, string? CaseNo, string? Department, string? ReceivedAt);

    private sealed record CallerMessage(string? Name, string? Phone);
}
