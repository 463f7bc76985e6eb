using System.Globalization;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Complaints;

/// <summary>
/// A ticket as the work lists and the supervisors' summary see it (a row of <c>ticketlist</c>): its state and
/// owner, its next open clock and whether one is past due, and the filer's contact ALREADY MASKED (张*三,
/// 138****1234): a list row never holds the contact whole. Whether a viewer sees even the masked contact is
/// decided by <see cref="ComplaintPrivacy"/> from the category, anonymity and owner kept here.
/// </summary>
public sealed record ComplaintListRow
{
    public required string TicketNo { get; init; }

    public required long Version { get; init; }

    public required string Category { get; init; }

    public required string Channel { get; init; }

    public required string State { get; init; }

    public string? Department { get; init; }

    public string? TransferTo { get; init; }

    public required string Subject { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ItemCode { get; init; }

    public string? CaseNo { get; init; }

    public string? HotlineTicketId { get; init; }

    public bool Anonymous { get; init; }

    /// <summary>Masked (<see cref="ContactMask"/>).</summary>
    public ComplaintContact? MaskedContact { get; init; }

    public string? NextKind { get; init; }

    public int NextRound { get; init; }

    public DateOnly? NextDue { get; init; }

    /// <summary>The earliest due date of an open clock: the ticket is overdue from the day after it.</summary>
    public DateOnly? EarliestOpenDue { get; init; }

    public bool Answered { get; init; }

    /// <summary>Some round was answered after its due date (an open answer past due shows as overdue instead).</summary>
    public bool AnswerLate { get; init; }

    /// <summary>The last follow-up's result, if any.</summary>
    public bool? Satisfied { get; init; }

    public int Round { get; init; }

    /// <summary>Past due on <paramref name="today"/> (China): an open clock whose due date is before today.</summary>
    public bool OverdueOn(DateOnly today) => EarliestOpenDue is { } due && due < today;

    public ComplaintCategory CategoryValue => ComplaintNames.ParseCategory(Category) ?? ComplaintCategory.Consultation;

    public static ComplaintListRow From(Complaint c, IReadOnlyList<ComplaintDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(deadlines);
        var open = deadlines.Where(d => d.IsOpen).OrderBy(d => d.Due).ToList();
        var next = open.FirstOrDefault();
        return new ComplaintListRow
        {
            TicketNo = c.TicketNo,
            Version = c.Version,
            Category = ComplaintNames.Of(c.Category),
            Channel = ComplaintNames.Of(c.Channel),
            State = ComplaintNames.Of(c.State),
            Department = c.Owner,
            TransferTo = c.PendingTransfer?.To,
            Subject = c.Subject,
            ReceivedAt = c.ReceivedAt,
            UpdatedAt = c.Events[^1].Instant,
            ItemCode = c.ItemCode,
            CaseNo = c.CaseNo,
            HotlineTicketId = c.HotlineTicketId,
            Anonymous = c.Anonymous,
            MaskedContact = c.Contact?.Masked(),
            NextKind = next?.Code,
            NextRound = next?.Round ?? 0,
            NextDue = next?.Due,
            EarliestOpenDue = next?.Due,
            Answered = c.Answers.Count > 0,
            AnswerLate = deadlines.Any(d => d.Kind == ComplaintDeadlineKind.Answer && d.ResolvedLate),
            Satisfied = c.FollowUps.Count > 0 ? c.FollowUps[^1].Satisfied : null,
            Round = c.Round,
        };
    }

    public static ComplaintListRow From(TableEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var name = e.GetString("ContactName");
        var phone = e.GetString("ContactPhone");
        var email = e.GetString("ContactEmail");
        return new ComplaintListRow
        {
            TicketNo = e.GetString("TicketNo") ?? string.Empty,
            Version = e.GetInt64("Version") ?? 0,
            Category = e.GetString("Category") ?? string.Empty,
            Channel = e.GetString("Channel") ?? string.Empty,
            State = e.GetString("State") ?? string.Empty,
            Department = e.GetString("Department"),
            TransferTo = e.GetString("TransferTo"),
            Subject = e.GetString("Subject") ?? string.Empty,
            ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
            ItemCode = e.GetString("ItemCode"),
            CaseNo = e.GetString("CaseNo"),
            HotlineTicketId = e.GetString("HotlineTicketId"),
            Anonymous = e.GetBoolean("Anonymous") ?? false,
            MaskedContact = name is null && phone is null && email is null ? null : new ComplaintContact(name, phone, email),
            NextKind = e.GetString("NextKind"),
            NextRound = e.GetInt32("NextRound") ?? 0,
            NextDue = Date(e.GetString("NextDue")),
            EarliestOpenDue = Date(e.GetString("EarliestOpenDue")),
            Answered = e.GetBoolean("Answered") ?? false,
            AnswerLate = e.GetBoolean("AnswerLate") ?? false,
            Satisfied = e.GetBoolean("Satisfied"),
            Round = e.GetInt32("Round") ?? 1,
        };
    }

    public TableEntity ToEntity(string partitionKey, string rowKey)
    {
        var e = new TableEntity(partitionKey, rowKey)
        {
            ["TicketNo"] = TicketNo,
            ["Version"] = Version,
            ["Category"] = Category,
            ["Channel"] = Channel,
            ["State"] = State,
            ["Subject"] = Subject,
            ["ReceivedAt"] = ReceivedAt,
            ["UpdatedAt"] = UpdatedAt,
            ["Anonymous"] = Anonymous,
            ["NextRound"] = NextRound,
            ["Answered"] = Answered,
            ["AnswerLate"] = AnswerLate,
            ["Round"] = Round,
        };
        Set(e, "Department", Department);
        Set(e, "TransferTo", TransferTo);
        Set(e, "ItemCode", ItemCode);
        Set(e, "CaseNo", CaseNo);
        Set(e, "HotlineTicketId", HotlineTicketId);
        Set(e, "ContactName", MaskedContact?.Name);
        Set(e, "ContactPhone", MaskedContact?.Phone);
        Set(e, "ContactEmail", MaskedContact?.Email);
        Set(e, "NextKind", NextKind);
        Set(e, "NextDue", NextDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Set(e, "EarliestOpenDue", EarliestOpenDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Satisfied is { } satisfied)
        {
            e["Satisfied"] = satisfied;
        }

        return e;
    }

    private static void Set(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
