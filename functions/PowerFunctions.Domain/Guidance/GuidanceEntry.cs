using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Deadlines;

namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// One entry of the guidance register (行政指导登记): who gave what guidance to whom, on what basis, when
/// it is to be followed up, and the follow-ups (回访复查) with the target's answer. Immutable: every
/// change answers a new entry. Rules: <see cref="GuidanceRules"/>.
/// </summary>
public sealed record GuidanceEntry(
    string Id,
    string DepartmentCode,
    string Target,
    GuidanceMeasure Measure,
    string Content,
    string Basis,
    DateOnly GivenOn,
    string GivenBy,
    int FollowUpWorkingDays,
    IReadOnlyList<GuidanceFollowUp> FollowUps)
{
    /// <summary>A register entry from its raw parts, or <c>guidance.validation_failed</c> listing every bad field. Source: seed 003 (行政指导 登记).</summary>
    public static Result<GuidanceEntry> Register(
        string id,
        string? departmentCode,
        string? target,
        GuidanceMeasure? measure,
        string? content,
        string? basis,
        int? followUpWorkingDays,
        string givenBy,
        DateOnly givenOn)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(departmentCode) || departmentCode.Trim().Length > 32)
        {
            errors["department"] = ["须写明实施指导的部门"];
        }

        if (string.IsNullOrWhiteSpace(target) || target.Trim().Length > 200)
        {
            errors["target"] = ["须写明指导对象（不超过200字）"];
        }

        if (measure is null || !Enum.IsDefined(measure.Value))
        {
            errors["measure"] = ["指导方式须为 advice（建议）、prompt（提示）或 warning（告诫）"];
        }

        if (string.IsNullOrWhiteSpace(content) || content.Length > GuidanceRules.MaxTextLength)
        {
            errors["content"] = [$"须写明指导内容（不超过{GuidanceRules.MaxTextLength}字）"];
        }

        if (string.IsNullOrWhiteSpace(basis) || basis.Length > GuidanceRules.MaxTextLength)
        {
            errors["basis"] = ["须写明指导依据"];
        }

        if (followUpWorkingDays is not { } days || days < GuidanceRules.MinFollowUpWorkingDays || days > GuidanceRules.MaxFollowUpWorkingDays)
        {
            errors["followUpWorkingDays"] = [$"回访复查期限须为 {GuidanceRules.MinFollowUpWorkingDays} 至 {GuidanceRules.MaxFollowUpWorkingDays} 个工作日"];
        }

        if (errors.Count > 0)
        {
            return GuidanceErrors.Invalid(errors);
        }

        return new GuidanceEntry(id, departmentCode!.Trim(), target!.Trim(), measure!.Value, content!.Trim(), basis!.Trim(), givenOn, givenBy, followUpWorkingDays!.Value, []);
    }

    /// <summary>
    /// Records a follow-up and the target's answer. Any answer resolves the follow-up clock the same way;
    /// later follow-ups are kept too. Source: seed 003 (回访复查; 自愿, 拒绝不产生不利后果).
    /// </summary>
    public Result<GuidanceEntry> RecordFollowUp(TargetResponse? response, string? note, string by, DateOnly on)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (response is null || !Enum.IsDefined(response.Value))
        {
            errors["result"] = ["回访结果须为 accepted（接受指导）或 refused（不接受指导）"];
        }

        if (note is { Length: > GuidanceRules.MaxTextLength })
        {
            errors["note"] = [$"回访记录不超过{GuidanceRules.MaxTextLength}字"];
        }

        if (on < GivenOn)
        {
            errors["on"] = ["回访日期不能早于指导日期"];
        }

        if (errors.Count > 0)
        {
            return GuidanceErrors.Invalid(errors);
        }

        return this with { FollowUps = [.. FollowUps, new GuidanceFollowUp(on, by, response!.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim())] };
    }

    /// <summary>The day the first follow-up was made, or null.</summary>
    public DateOnly? FirstFollowUpOn => FollowUps.Count == 0 ? null : FollowUps.Min(f => f.On);

    /// <summary>The target's latest answer, or null before any follow-up.</summary>
    public TargetResponse? LatestResponse => FollowUps.Count == 0 ? null : FollowUps.OrderBy(f => f.On).Last().Response;

    /// <summary>The follow-up due date under <paramref name="calendar"/>. Source: seed 003 (回访复查).</summary>
    public CalendarDate FollowUpDue(IWorkingCalendar calendar) => GuidanceRules.FollowUpDue(calendar, GivenOn, FollowUpWorkingDays);

    /// <summary>The follow-up clock's level at <paramref name="now"/>. Source: seed 003; municipal 电子监察 rules.</summary>
    public DeadlineStatus FollowUpStatus(IWorkingCalendar calendar, DateTimeOffset now) =>
        GuidanceRules.FollowUpStatus(calendar, FollowUpDue(calendar).Date, FirstFollowUpOn, now);
}
