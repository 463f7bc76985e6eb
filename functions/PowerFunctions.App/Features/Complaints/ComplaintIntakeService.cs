using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using PowerFunctions.App.Features.Cases;
using PowerFunctions.App.Features.Evaluations;
using PowerFunctions.App.Features.Messaging;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;
using PowerFunctions.Storage.Messaging;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// Takes tickets from the three channels into one aggregate:
/// <list type="bullet">
/// <item>the mini-program (<c>POST /api/complaints</c>), once per caller and <c>Idempotency-Key</c>: the same key and
/// body answer the same ticket, another body 409, as applications do;</item>
/// <item>the hotline queue, once per <c>hotlineTicketId</c> however often a ticket is delivered (the first version
/// kept); a message that can never be a ticket is dead-lettered with its reason, any other failure abandoned;</item>
/// <item>Open311 <c>POST requests</c> (a partner's api_key checked by the caller).</item>
/// </list>
/// Each is validated at once with every problem listed: the domain's rules (<see cref="Complaint.Receive"/>), and a
/// named department, item (published) and case must exist. Routing (首问负责) is the domain's
/// (<see cref="ComplaintRouting"/>) from what is found. A key is reserved (ticket number, query code, receipt) before
/// the ticket is written, so a crash between the two is completed by the retry and nothing is created twice.
/// </summary>
public sealed class ComplaintIntakeService(
    ComplaintService complaints,
    ComplaintStore store,
    TicketKeys keys,
    ComplaintDirectory directory,
    ICaseSummaries cases,
    CaseNumbers numbers,
    ComplaintOptions options,
    ILogger<ComplaintIntakeService> logger)
{
    /// <summary>The scope of hotline ticket ids among the keys.</summary>
    public const string HotlineScope = "hotline";

    /// <summary>Ticket numbers are <c>T-{yyyyMMdd}-{NNNNNN}</c>, by receipt date in China.</summary>
    public const string TicketPrefix = "T";

    /// <summary>The mini-program filer: the answer (<c>{ticketNo, queryCode, state, deadlines}</c>, as of receipt) and whether it replays an earlier submission.</summary>
    public async Task<(object Body, bool Replayed)> SubmitAsync(Auth.Caller caller, string? key, ComplaintRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        key = IdempotencyKeys.Require(key);

        var scope = "caller:" + caller.Subject;
        var hash = TicketKeys.Hash(JsonSerializer.Serialize(request, JsonDefaults.Options));
        var intake = Intake(request, ComplaintChannel.MiniProgram, null, caller.Subject);
        var actor = new ComplaintActor(caller.Subject, caller.Name, ComplaintRoles.Citizen);
        if (await keys.FindAsync(scope, key, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return (await ReplayAsync(earlier, hash, intake, actor, cancellationToken).ConfigureAwait(false), true);
        }

        var now = Milliseconds(complaints.Clock.GetUtcNow());
        var queryCode = QueryCodes.New();
        var draft = (await ValidateAsync(intake, queryCode, now, cancellationToken).ConfigureAwait(false)).OrThrow();
        var ticketNo = await numbers.NextAsync(TicketPrefix, ChinaTime.DateOf(now), cancellationToken).ConfigureAwait(false);
        var (reservation, created) = await keys.ReserveAsync(scope, key, new TicketReservation(hash, ticketNo, queryCode, now), cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            return (await ReplayAsync(reservation, hash, intake, actor, cancellationToken).ConfigureAwait(false), true);
        }

        return (await CreateAsync(reservation, draft, intake, actor, cancellationToken).ConfigureAwait(false), false);
    }

    /// <summary>
    /// One delivery of the hotline queue: complete once the ticket is stored (or was stored before: the first
    /// version is kept); dead-letter a message that can never be a ticket, with a reason code and a description
    /// that names fields, never their values (it is logged); anything thrown is a passing failure (abandoned).
    /// </summary>
    public async Task<MessageOutcome> ReceiveHotlineAsync(BusReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        HotlineTicketMessage? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<HotlineTicketMessage>(message.Body.ToMemory().Span, JsonDefaults.Options);
        }
        catch (JsonException e)
        {
            // The position, not the parser's message: that may quote the body, and a 举报 names its reporter.
            return MessageOutcome.DeadLetter("malformed-json", $"not a hotline ticket: invalid JSON at {e.Path ?? "$"} (line {e.LineNumber}, byte {e.BytePositionInLine})");
        }

        if (ticket is null)
        {
            return MessageOutcome.DeadLetter("malformed-json", "not a hotline ticket: the body is null");
        }

        var request = ticket.ToRequest();
        var intake = Intake(request, ComplaintChannel.Hotline, ticket.Id, null);
        var hash = TicketKeys.Hash(JsonSerializer.Serialize(request, JsonDefaults.Options));
        var actor = new ComplaintActor(HotlineScope, "12345热线", ComplaintRoles.Hotline);
        if (!string.IsNullOrWhiteSpace(ticket.Id) && await keys.FindAsync(HotlineScope, ticket.Id, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            await CompleteEarlierAsync(earlier, hash, intake, actor, message.MessageId, cancellationToken).ConfigureAwait(false);
            return MessageOutcome.Complete;
        }

        var now = Milliseconds(complaints.Clock.GetUtcNow());
        var queryCode = QueryCodes.New();
        var draft = await ValidateAsync(intake, queryCode, now, cancellationToken).ConfigureAwait(false);
        if (!draft.IsSuccess)
        {
            return MessageOutcome.DeadLetter("invalid-ticket", Describe(draft.Error));
        }

        var ticketNo = await numbers.NextAsync(TicketPrefix, ChinaTime.DateOf(now), cancellationToken).ConfigureAwait(false);
        var (reservation, created) = await keys.ReserveAsync(HotlineScope, ticket.Id!, new TicketReservation(hash, ticketNo, queryCode, now), cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            await CompleteEarlierAsync(reservation, hash, intake, actor, message.MessageId, cancellationToken).ConfigureAwait(false);
            return MessageOutcome.Complete;
        }

        await CreateAsync(reservation, draft.Value, intake, actor, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Hotline message {MessageId} stored as ticket {TicketNo}", message.MessageId, reservation.TicketNo);
        return MessageOutcome.Complete;
    }

    /// <summary>
    /// An Open311 <c>POST requests</c> form: checks the api_key (403), maps the form (<see cref="Open311Mapping.ToIntake"/>:
    /// the service code names the category and the department), validates and stores the ticket. Answers its
    /// number and the service, or the error in the spec's terms.
    /// </summary>
    public async Task<Result<(string TicketNo, Open311Service Service)>> FileOpen311Async(IReadOnlyDictionary<string, string> form, string? apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!KnownApiKey(apiKey))
        {
            return Open311Errors.ApiKey();
        }

        var departments = await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false);
        var mapped = Open311Mapping.ToIntake(
            new Open311Request
            {
                ServiceCode = form.GetValueOrDefault("service_code"),
                Description = form.GetValueOrDefault("description"),
                AddressString = form.GetValueOrDefault("address_string"),
                AddressId = form.GetValueOrDefault("address_id"),
                Lat = form.GetValueOrDefault("lat"),
                Long = form.GetValueOrDefault("long"),
                FirstName = form.GetValueOrDefault("first_name"),
                LastName = form.GetValueOrDefault("last_name"),
                Phone = form.GetValueOrDefault("phone"),
                Email = form.GetValueOrDefault("email"),
            },
            departments.ContainsKey);
        if (!mapped.IsSuccess)
        {
            return mapped.Error;
        }

        var now = Milliseconds(complaints.Clock.GetUtcNow());
        var intake = mapped.Value.Intake;
        var draft = await ValidateAsync(intake, QueryCodes.New(), now, cancellationToken).ConfigureAwait(false);
        if (!draft.IsSuccess)
        {
            return draft.Error;
        }

        var received = (ComplaintEventData.Received)draft.Value.Data;
        var ticketNo = await numbers.NextAsync(TicketPrefix, ChinaTime.DateOf(now), cancellationToken).ConfigureAwait(false);
        await complaints.CreateAsync(Complaint.Start(ticketNo, draft.Value, new ComplaintActor("open311", "Open311", ComplaintRoles.Partner), now), cancellationToken).ConfigureAwait(false);
        var service = Open311Mapping.Service(received.Category, departments[mapped.Value.Department], received.Terms.Answer);
        return (ticketNo, service);
    }

    /// <summary>
    /// Everything wrong with a ticket, at once: the domain's rules, and a named department, item or case that does
    /// not exist (422 <c>complaint.validation_failed</c> with <c>errors</c>); else its received event, routed.
    /// </summary>
    public async Task<Result<ComplaintEventDraft>> ValidateAsync(ComplaintIntake intake, string queryCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? caseDepartment = null;
        string? itemDepartment = null;
        if (IsCode(intake.Department) && !(await directory.DepartmentsAsync(cancellationToken).ConfigureAwait(false)).ContainsKey(intake.Department!))
        {
            missing["department"] = ["承办部门不存在"];
        }

        if (IsCode(intake.ItemCode))
        {
            var item = await directory.ItemAsync(intake.ItemCode!, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                missing["itemCode"] = ["权力事项不存在或未公布"];
            }

            itemDepartment = item?.Department.Code;
        }

        if (IsCode(intake.CaseNo))
        {
            var found = CaseStore.IsCaseNo(intake.CaseNo!) ? await cases.FindAsync(intake.CaseNo!, cancellationToken).ConfigureAwait(false) : null;
            if (found is null)
            {
                missing["caseNo"] = ["办件不存在"];
            }

            caseDepartment = found?.DepartmentCode;
        }

        var route = ComplaintRouting.Route(missing.ContainsKey("department") ? null : intake.Department, caseDepartment, itemDepartment);
        var draft = Complaint.Receive(intake, route, options.Limits, queryCode, now);
        if (missing.Count == 0)
        {
            return draft;
        }

        var errors = new Dictionary<string, string[]>(missing, StringComparer.Ordinal);
        if (!draft.IsSuccess && draft.Error.Errors is { } invalid)
        {
            foreach (var (field, messages) in invalid)
            {
                errors[field] = messages;
            }
        }

        return ComplaintErrors.Invalid(errors);
    }

    private static ComplaintIntake Intake(ComplaintRequest request, ComplaintChannel channel, string? hotlineTicketId, string? filerSubject) => new()
    {
        Channel = channel,
        Category = request.Category,
        Subject = request.Subject,
        Description = request.Description,
        Department = Blank(request.Department),
        ItemCode = Blank(request.ItemCode),
        CaseNo = Blank(request.CaseNo),
        ContactName = request.Contact?.Name,
        ContactPhone = request.Contact?.Phone,
        ContactEmail = request.Contact?.Email,
        Anonymous = request.Anonymous ?? false,
        HotlineTicketId = channel == ComplaintChannel.Hotline ? hotlineTicketId ?? string.Empty : null,
        Location = request.Location is { } l ? new ComplaintLocation(l.Address, l.Lat, l.Long) : null,
        FilerSubject = filerSubject,
    };

    /// <summary>A reservation made before: the same body answers its ticket (created now if a crash left only the key); another body 409.</summary>
    private async Task<object> ReplayAsync(TicketReservation reservation, string hash, ComplaintIntake intake, ComplaintActor actor, CancellationToken cancellationToken)
    {
        if (!string.Equals(reservation.BodyHash, hash, StringComparison.Ordinal))
        {
            throw Problems.IdempotencyConflict($"this Idempotency-Key was used for ticket {reservation.TicketNo} with another body");
        }

        return await CreateAsync(reservation, null, intake, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A hotline ticket delivered again: stored once, the first version kept; created now if a crash left only its key.</summary>
    private async Task CompleteEarlierAsync(TicketReservation reservation, string hash, ComplaintIntake intake, ComplaintActor actor, string messageId, CancellationToken cancellationToken)
    {
        if (!string.Equals(reservation.BodyHash, hash, StringComparison.Ordinal))
        {
            logger.LogWarning("Hotline message {MessageId} repeats the id of ticket {TicketNo} with other content; the first version is kept", messageId, reservation.TicketNo);
        }

        if (await store.SnapshotAsync(reservation.TicketNo, cancellationToken).ConfigureAwait(false) is null)
        {
            var draft = await ValidateAsync(intake, reservation.QueryCode, reservation.ReceivedAt, cancellationToken).ConfigureAwait(false);
            if (draft.IsSuccess)
            {
                await CreateAsync(reservation, draft.Value, intake, actor, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates the reserved ticket unless it exists; answers it as of its receipt.</summary>
    private async Task<object> CreateAsync(TicketReservation reservation, ComplaintEventDraft? validated, ComplaintIntake intake, ComplaintActor actor, CancellationToken cancellationToken)
    {
        var calendar = await complaints.CalendarAsync(cancellationToken).ConfigureAwait(false);
        var loaded = validated is null ? await store.LoadAsync(reservation.TicketNo, cancellationToken).ConfigureAwait(false) : null;
        if (loaded is null)
        {
            var draft = validated ?? (await ValidateAsync(intake, reservation.QueryCode, reservation.ReceivedAt, cancellationToken).ConfigureAwait(false)).OrThrow();
            var created = Complaint.Start(reservation.TicketNo, draft, actor, reservation.ReceivedAt);
            try
            {
                await complaints.CreateAsync(created, cancellationToken).ConfigureAwait(false);
                return ComplaintViews.Submitted(created, calendar);
            }
            catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
            {
                loaded = await store.LoadAsync(reservation.TicketNo, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"ticket {reservation.TicketNo} conflicted but cannot be read");
            }
        }

        return ComplaintViews.Submitted(Complaint.FromEvents(loaded.Complaint.TicketNo, loaded.Complaint.Events.Take(1)), calendar);
    }

    private bool KnownApiKey(string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
        var known = false;
        foreach (var key in options.Open311ApiKeys)
        {
            known |= CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return known;
    }

    /// <summary>What a dead-lettered message got wrong: the fields and the rules they break, never their values.</summary>
    private static string Describe(DomainError error) =>
        error.Errors is { Count: > 0 } fields
            ? $"{error.Code}: " + string.Join("; ", fields.Select(f => $"{f.Key}: {string.Join(", ", f.Value)}"))
            : $"{error.Code}: {error.Detail}";

    private static bool IsCode(string? code) => code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset Milliseconds(DateTimeOffset instant) => new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMillisecond), instant.Offset);
}
