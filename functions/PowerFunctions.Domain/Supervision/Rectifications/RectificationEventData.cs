using System.Text.Json.Serialization;
using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>The data of one rectification event, by type. Dates are China dates. <see cref="Document"/> is set once the notice is sealed.</summary>
public abstract record RectificationEventData
{
    [JsonPropertyOrder(100)]
    public RecordedDocument? Document { get; init; }

    /// <summary>The notice was issued to <paramref name="Department"/>: report by <paramref name="Due"/>.</summary>
    public sealed record Issued(
        string Department,
        string DepartmentName,
        string? CaseNo,
        string? TicketNo,
        string? AlertId,
        string? SpotCheckId,
        string Finding,
        string Requirement,
        int WorkingDays,
        DateOnly IssuedOn,
        DateOnly Due,
        bool DueProvisional) : RectificationEventData;

    /// <summary>The department reported its measures for round <paramref name="Round"/>; <paramref name="Late"/> after the due date.</summary>
    public sealed record Reported(string Measures, DateOnly On, int Round, bool Late) : RectificationEventData;

    /// <summary>The supervisor accepted the measures.</summary>
    public sealed record Accepted(string? Note, DateOnly On) : RectificationEventData;

    /// <summary>The supervisor sent the measures back: round <paramref name="Round"/> reports by <paramref name="Due"/>.</summary>
    public sealed record SentBack(string Reason, DateOnly On, int Round, int WorkingDays, DateOnly Due) : RectificationEventData;

    /// <summary>Round <paramref name="Round"/> passed its due date unreported: the <paramref name="Occurrence"/>-th overdue of the notice.</summary>
    public sealed record Overdue(int Round, DateOnly Due, int Occurrence, bool FlagsAccountability) : RectificationEventData;
}
