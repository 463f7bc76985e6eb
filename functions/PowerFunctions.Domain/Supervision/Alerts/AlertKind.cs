using System.Text.RegularExpressions;

namespace PowerFunctions.Domain.Supervision.Alerts;

/// <summary>
/// The kind of a supervision alert (API.md "Supervision centre" <c>kind</c>): a case deadline kind (then equal to
/// <c>deadlineKind</c>), <c>stage-{stage}</c>, <c>complaint-{clock}</c>, <c>catalog-revision</c>, <c>rectification</c>,
/// <c>evaluation-rectification</c>, and the enforcement families <c>enforcement-{clock}</c> and <c>guidance-{clock}</c>.
/// Parsed strictly: lower case, a known family, a suffix of lower-case words joined by <c>-</c>.
/// </summary>
public sealed partial record AlertKind
{
    /// <summary>
    /// The case deadline kinds' codes (<see cref="Cases.CaseDeadline.CodeOf"/>), from the case's own vocabulary;
    /// <c>joint-opinion</c> is the prefix of one clock per joint department (<c>joint-opinion-D06</c>).
    /// </summary>
    public static IReadOnlyList<string> CaseDeadlineCodes => Common.ApiCode<Cases.DeadlineKind>.Codes;

    private AlertKind(string code, AlertKindFamily family)
    {
        Code = code;
        Family = family;
    }

    /// <summary>The API code, e.g. <c>stage-review</c>.</summary>
    public string Code { get; }

    public AlertKindFamily Family { get; }

    /// <summary><c>catalog-revision</c>: a catalog entry not revised in time (seed 002 第十条).</summary>
    public static AlertKind CatalogRevision { get; } = new("catalog-revision", AlertKindFamily.CatalogRevision);

    /// <summary><c>rectification</c>: a rectification notice not reported by its deadline (seed 002, 004).</summary>
    public static AlertKind Rectification { get; } = new("rectification", AlertKindFamily.Rectification);

    /// <summary><c>evaluation-rectification</c>: a bad review not rectified in time (国办发〔2019〕51号).</summary>
    public static AlertKind EvaluationRectification { get; } = new("evaluation-rectification", AlertKindFamily.EvaluationRectification);

    /// <summary>
    /// True when a red alert of this kind means a case went past a statutory limit (the report's <c>overdue</c>):
    /// case deadlines and enforcement clocks. Stage overruns, tickets, rectifications and the catalog are
    /// counted as red alerts only.
    /// </summary>
    public bool IsCaseOverdue => Family is AlertKindFamily.CaseDeadline or AlertKindFamily.Enforcement;

    /// <summary>The alert kind of a case deadline code (<c>decision</c>, …).</summary>
    public static AlertKind Deadline(string code) =>
        IsCaseDeadline(code) ? new(code, AlertKindFamily.CaseDeadline) : throw new ArgumentException($"'{code}' is not a case deadline kind", nameof(code));

    /// <summary><c>stage-{stage}</c> (municipal 电子监察 rules: a stage over its own limit).</summary>
    public static AlertKind Stage(string stage) => Prefixed("stage-", stage, AlertKindFamily.Stage);

    /// <summary><c>complaint-{clock}</c> (<c>dispatch</c>, <c>acceptance</c>, <c>explanation</c>, <c>answer</c>).</summary>
    public static AlertKind Complaint(string clock) => Prefixed("complaint-", clock, AlertKindFamily.Complaint);

    /// <summary><c>enforcement-{clock}</c>, for the penalty procedure's clocks.</summary>
    public static AlertKind Enforcement(string clock) => Prefixed("enforcement-", clock, AlertKindFamily.Enforcement);

    /// <summary><c>guidance-{clock}</c>, for the follow-up of administrative guidance.</summary>
    public static AlertKind Guidance(string clock) => Prefixed("guidance-", clock, AlertKindFamily.Guidance);

    /// <summary>Parses an API kind; false for anything not of a known family.</summary>
    public static bool TryParse(string? code, out AlertKind kind)
    {
        kind = null!;
        if (code is null || code.Length > 64)
        {
            return false;
        }

        if (IsCaseDeadline(code))
        {
            kind = new(code, AlertKindFamily.CaseDeadline);
            return true;
        }

        AlertKind? fixedKind = code switch
        {
            "catalog-revision" => CatalogRevision,
            "rectification" => Rectification,
            "evaluation-rectification" => EvaluationRectification,
            _ => null,
        };
        if (fixedKind is not null)
        {
            kind = fixedKind;
            return true;
        }

        foreach (var (prefix, family) in Prefixes)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal) && SuffixPattern().IsMatch(code.AsSpan(prefix.Length)))
            {
                kind = new(code, family);
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Code;

    private static readonly (string Prefix, AlertKindFamily Family)[] Prefixes =
    [
        ("stage-", AlertKindFamily.Stage),
        ("complaint-", AlertKindFamily.Complaint),
        ("enforcement-", AlertKindFamily.Enforcement),
        ("guidance-", AlertKindFamily.Guidance),
    ];

    /// <summary>A case deadline's code (<see cref="Cases.CaseDeadline.Parse"/>): a kind, or <c>joint-opinion-{department}</c> with a department code.</summary>
    private static bool IsCaseDeadline(string code) =>
        Cases.CaseDeadline.Parse(code) is not null && (Cases.CaseDeadline.PartyOf(code) is not { } department || SupervisionText.IsCode(department));

    private static AlertKind Prefixed(string prefix, string suffix, AlertKindFamily family) =>
        suffix is not null && SuffixPattern().IsMatch(suffix)
            ? new(prefix + suffix, family)
            : throw new ArgumentException($"'{suffix}' is not a lower-case kebab-case name", nameof(suffix));

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex SuffixPattern();
}
