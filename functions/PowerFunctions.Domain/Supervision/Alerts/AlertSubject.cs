namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>The thing an alert watches: its type and its code (a case number, ticket number, item code or rectification id).</summary>
public sealed record AlertSubject
{
    private AlertSubject(AlertSubjectType type, string id)
    {
        Type = type;
        Id = id;
    }

    public AlertSubjectType Type { get; }

    public string Id { get; }

    /// <summary>The API code of <see cref="Type"/>.</summary>
    public string TypeCode => CodeOf(Type);

    public static AlertSubject Case(string caseNo) => Of(AlertSubjectType.Case, caseNo);

    public static AlertSubject Ticket(string ticketNo) => Of(AlertSubjectType.Ticket, ticketNo);

    public static AlertSubject Item(string itemCode) => Of(AlertSubjectType.Item, itemCode);

    public static AlertSubject Rectification(string rectificationId) => Of(AlertSubjectType.Rectification, rectificationId);

    /// <summary>A subject of <paramref name="type"/>; the id must be a code (1–64 letters, digits, <c>-</c>, <c>_</c>).</summary>
    public static AlertSubject Of(AlertSubjectType type, string id) =>
        SupervisionText.IsCode(id) ? new(type, id) : throw new ArgumentException($"'{id}' is not a code (1–64 letters, digits, - or _)", nameof(id));

    public static string CodeOf(AlertSubjectType type) => type switch
    {
        AlertSubjectType.Case => "case",
        AlertSubjectType.Ticket => "ticket",
        AlertSubjectType.Item => "item",
        AlertSubjectType.Rectification => "rectification",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown subject type"),
    };

    public static AlertSubjectType? ParseType(string? code) => code switch
    {
        "case" => AlertSubjectType.Case,
        "ticket" => AlertSubjectType.Ticket,
        "item" => AlertSubjectType.Item,
        "rectification" => AlertSubjectType.Rectification,
        _ => null,
    };

    public override string ToString() => $"{TypeCode} {Id}";
}
