using System.Globalization;
using System.Text.RegularExpressions;
using PowerFunctions.Domain.Supervision;
using PowerFunctions.Domain.Supervision.Alerts;

namespace PowerFunctions.App.Features.Supervision.Alerts;

/// <summary>
/// How an alert raised through <see cref="IAlertSink"/> (a subject number, a clock code and a level) becomes a domain
/// <see cref="AlertKey"/>: the clock code's family says what the subject is (a case deadline, <c>stage-…</c>,
/// <c>evaluation-rectification</c>, <c>enforcement-…</c> and <c>guidance-…</c> watch a case; <c>complaint-…</c> a ticket;
/// <c>catalog-revision</c> an item; <c>rectification</c> a notice), and a trailing <c>-{n}</c> (n ≥ 2) is the clock's
/// occurrence (<c>complaint-answer-2</c>: the answer clock of the second round).
/// </summary>
public static partial class AlertKeys
{
    /// <summary>The key, or an <see cref="ArgumentException"/> for a code no family has (a programming error of the raiser).</summary>
    public static AlertKey From(string subjectId, string clockCode, AlertLevel level)
    {
        ArgumentNullException.ThrowIfNull(clockCode);
        var code = clockCode;
        var occurrence = 1;
        if (Occurrence().Match(clockCode) is { Success: true } m)
        {
            code = m.Groups["kind"].Value;
            occurrence = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        if (!AlertKind.TryParse(code, out var kind))
        {
            throw new ArgumentException($"'{clockCode}' is not an alert kind (a case deadline, stage-…, complaint-…, catalog-revision, rectification, evaluation-rectification, enforcement-…, guidance-…)", nameof(clockCode));
        }

        var type = kind.Family switch
        {
            AlertKindFamily.Complaint => AlertSubjectType.Ticket,
            AlertKindFamily.CatalogRevision => AlertSubjectType.Item,
            AlertKindFamily.Rectification => AlertSubjectType.Rectification,
            _ => AlertSubjectType.Case,
        };
        return new AlertKey(AlertSubject.Of(type, subjectId), kind, level, occurrence);
    }

    [GeneratedRegex("^(?<kind>[a-z]+(-[a-z]+)*)-(?<n>[2-9]|[1-9][0-9]+)$")]
    private static partial Regex Occurrence();
}
