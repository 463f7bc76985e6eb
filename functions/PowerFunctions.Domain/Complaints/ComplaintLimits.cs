using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// The limits of every category, with their sources: <see cref="Defaults"/> is the table the README lists;
/// the app overrides it from configuration with <see cref="WithAnswer"/> and <see cref="WithDispatch"/>.
/// Local rules may be stricter than 信访工作条例, never looser: a petition-type override above 60 days or an
/// extension above 30 is refused. Immutable.
/// </summary>
public sealed class ComplaintLimits
{
    /// <summary>Sanity bound (not law) on a hotline category's days and extension, so a typo cannot start a year-long clock.</summary>
    public const int MaxHotlineDays = 60;

    /// <summary>Sanity bound (not law) on the dispatch working days.</summary>
    public const int MaxDispatchWorkingDays = 5;

    private readonly IReadOnlyDictionary<ComplaintCategory, AnswerLimit> _answers;

    private ComplaintLimits(int dispatchWorkingDays, IReadOnlyDictionary<ComplaintCategory, AnswerLimit> answers)
    {
        DispatchWorkingDays = dispatchWorkingDays;
        _answers = answers;
    }

    /// <summary>
    /// consultation, help 3 wd; suggestion 13 wd (local 12345 rules, no extension); complaint, report:
    /// accepted within 15 days, answered within 60 days of acceptance, once +30 (信访工作条例 (2022));
    /// dispatch 1 wd (local 12345 rules).
    /// </summary>
    public static ComplaintLimits Defaults { get; } = new(ComplaintRules.DefaultDispatchWorkingDays, new Dictionary<ComplaintCategory, AnswerLimit>
    {
        [ComplaintCategory.Consultation] = Hotline(ComplaintCategory.Consultation, ComplaintRules.HotlineConsultationAndHelpWorkingDays),
        [ComplaintCategory.Help] = Hotline(ComplaintCategory.Help, ComplaintRules.HotlineConsultationAndHelpWorkingDays),
        [ComplaintCategory.Suggestion] = Hotline(ComplaintCategory.Suggestion, ComplaintRules.HotlineSuggestionWorkingDays),
        [ComplaintCategory.Complaint] = Petition(ComplaintCategory.Complaint),
        [ComplaintCategory.Report] = Petition(ComplaintCategory.Report),
    });

    /// <summary>Working days from receipt for a ticket to reach a department.</summary>
    public int DispatchWorkingDays { get; }

    /// <summary>Every category's limit, in category order.</summary>
    public IReadOnlyList<AnswerLimit> Answers => [.. Enum.GetValues<ComplaintCategory>().Select(For)];

    /// <summary>The answer limit of <paramref name="category"/>.</summary>
    public AnswerLimit For(ComplaintCategory category) => _answers[category];

    /// <summary>The terms a ticket of <paramref name="category"/> received now runs under.</summary>
    public ComplaintTerms TermsFor(ComplaintCategory category) => new(DispatchWorkingDays, ComplaintRules.ExplanationCalendarDays, For(category));

    /// <summary>
    /// These limits with <paramref name="category"/> answered within <paramref name="days"/> (the category's
    /// unit: calendar days for petition-type matters, working days otherwise) and extendable by
    /// <paramref name="extensionDays"/> (unchanged when null). Petition-type: 1–60 days, extension 0–30
    /// (信访工作条例 (2022)); others: 1–<see cref="MaxHotlineDays"/>.
    /// </summary>
    public Result<ComplaintLimits> WithAnswer(ComplaintCategory category, int days, int? extensionDays = null)
    {
        var current = For(category);
        var extension = extensionDays ?? current.ExtensionDays;
        var maxDays = current.Petition ? ComplaintRules.PetitionHandlingDays : MaxHotlineDays;
        var maxExtension = current.Petition ? ComplaintRules.PetitionExtensionDays : MaxHotlineDays;
        var name = ComplaintNames.Of(category);
        var errors = new Dictionary<string, string[]>();
        if (days < 1 || days > maxDays)
        {
            errors[$"{name}.days"] = [current.Petition ? $"信访事项办理期限须为 1–{maxDays} 日（信访工作条例）" : $"办理时限须为 1–{maxDays} 个工作日"];
        }

        if (extension < 0 || extension > maxExtension)
        {
            errors[$"{name}.extensionDays"] = [current.Petition ? $"延长期限须为 0–{maxExtension} 日（信访工作条例）" : $"延长时限须为 0–{maxExtension} 个工作日"];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var answers = _answers.ToDictionary(a => a.Key, a => a.Value);
        answers[category] = current with { Days = days, ExtensionDays = extension, Source = current.Source + "; overridden by configuration" };
        return new ComplaintLimits(DispatchWorkingDays, answers);
    }

    /// <summary>These limits with dispatch within <paramref name="workingDays"/> (1–<see cref="MaxDispatchWorkingDays"/>).</summary>
    public Result<ComplaintLimits> WithDispatch(int workingDays) =>
        workingDays is < 1 or > MaxDispatchWorkingDays
            ? Invalid(new Dictionary<string, string[]> { ["dispatchWorkingDays"] = [$"派单时限须为 1–{MaxDispatchWorkingDays} 个工作日"] })
            : new ComplaintLimits(workingDays, _answers);

    private static DomainError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        DomainError.Validation("complaint.limits_invalid", "投诉办理时限配置无效", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    private static AnswerLimit Hotline(ComplaintCategory category, int workingDays) =>
        new(category, false, workingDays, PeriodUnit.Working, 0, null, ComplaintRules.HotlineSource);

    private static AnswerLimit Petition(ComplaintCategory category) =>
        new(category, true, ComplaintRules.PetitionHandlingDays, PeriodUnit.Calendar, ComplaintRules.PetitionExtensionDays, ComplaintRules.PetitionAcceptanceDays, ComplaintRules.PetitionSource);
}
