using System.Globalization;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// The identity of an alert: each alert is raised once (municipal 电子监察 rules: one record per watched clock and
/// level, however often a sweep sees it). A clock is (subject, kind, occurrence); the occurrence tells apart
/// clocks of one subject and kind that run more than once: a ticket's answer clock per round, a rectification's
/// deadline per round. <see cref="Id"/> is deterministic and readable, safe in URLs and storage keys:
/// <c>{subjectType}.{subjectId}.{kind}[.{occurrence}].{level}</c>, e.g. <c>case.D01-20260918-000123.decision.red</c>,
/// <c>ticket.T-20260918-000001.complaint-answer.2.yellow</c> (the occurrence is written from 2 on).
/// Source: municipal 电子监察 rules (public).
/// </summary>
public sealed record AlertKey(AlertSubject Subject, AlertKind Kind, AlertLevel Level, int Occurrence = 1)
{
    /// <summary>The deterministic alert id.</summary>
    public string Id
    {
        get
        {
            if (Occurrence < 1)
            {
                throw new InvalidOperationException($"occurrence {Occurrence} is not 1 or more");
            }

            var occurrence = Occurrence > 1 ? "." + Occurrence.ToString(CultureInfo.InvariantCulture) : string.Empty;
            return $"{Subject.TypeCode}.{Subject.Id}.{Kind.Code}{occurrence}.{AlertRecordRules.Name(Level)}";
        }
    }

    /// <summary>The clock this alert watches, whatever its level: red and yellow of one clock share it.</summary>
    public string ClockId => Id[..Id.LastIndexOf('.')];

    /// <summary>The key of the same clock at another level.</summary>
    public AlertKey At(AlertLevel level) => this with { Level = level };

    /// <summary>Parses an alert id; fails with <c>alert.invalid_id</c> for anything <see cref="Id"/> would not write.</summary>
    public static Result<AlertKey> Parse(string? id)
    {
        var parts = id?.Split('.') ?? [];
        if (id is null || id.Length > 256 || parts.Length is < 4 or > 5)
        {
            return AlertErrors.InvalidId(id);
        }

        var type = AlertSubject.ParseType(parts[0]);
        if (type is null || !SupervisionText.IsCode(parts[1]) || !AlertKind.TryParse(parts[2], out var kind) || !AlertRecordRules.TryParseLevel(parts[^1], out var level))
        {
            return AlertErrors.InvalidId(id);
        }

        var occurrence = 1;
        if (parts.Length == 5 && (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out occurrence) || occurrence < 2 || parts[3].StartsWith('0')))
        {
            return AlertErrors.InvalidId(id);
        }

        return new AlertKey(AlertSubject.Of(type.Value, parts[1]), kind, level, occurrence);
    }

    public override string ToString() => Id;
}
