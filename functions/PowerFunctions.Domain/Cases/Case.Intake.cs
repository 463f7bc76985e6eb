using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>The commands from receipt to acceptance (行政许可法 第三十二条), and withdrawal.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Receives an application and answers its first draft event. An application that lacks required
    /// materials is received all the same, with what it lacks recorded: the acceptor then has 5 wd for
    /// the one correction notice (行政许可法 第三十二条). Only an application that names no applicant
    /// (name, id type and number, contact phone) or carries a material without a code is refused, every
    /// problem at once (<c>application.invalid</c>).
    /// </summary>
    public static Result<CaseEventDraft> Submit(ItemTerms terms, Applicant applicant, string applicantSubject, IReadOnlyList<MaterialRef> materials, string? form, string queryCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(materials);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(applicant.Name))
        {
            errors["applicant.name"] = ["申请人姓名不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.IdType))
        {
            errors["applicant.idType"] = ["证件类型不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.IdNumber))
        {
            errors["applicant.idNumber"] = ["证件号码不能为空"];
        }

        if (string.IsNullOrWhiteSpace(applicant.Phone))
        {
            errors["applicant.phone"] = ["联系电话不能为空"];
        }

        if (materials.Any(m => string.IsNullOrWhiteSpace(m.Code)))
        {
            errors["materials"] = ["每份材料须有编码"];
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation("application.invalid", "申请内容不完整", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
        }

        var missing = CaseRules.MissingRequired(terms, materials);
        return new CaseEventDraft(new CaseEventData.Submitted(terms, applicant, applicantSubject, materials, form, ChinaTime.DateOf(now), queryCode, missing.Count == 0 ? null : missing));
    }

    /// <summary>
    /// The one correction notice of a receipt, within 5 wd of it, listing every missing or defective
    /// material at once: each line names a material of the item (unknown codes are refused) with a
    /// reason, and every required material the case lacks must be among them.
    /// Source: 行政许可法 第三十二条
    /// </summary>
    public Result<CaseEventDraft> RequestCorrection(IReadOnlyList<MissingMaterial> missing, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.CorrectionNotice) is { } error)
        {
            return error;
        }

        var problems = new List<string>();
        if (missing.Count == 0)
        {
            problems.Add("须一次性列明全部缺少或不合格的材料");
        }
        else if (missing.Any(m => string.IsNullOrWhiteSpace(m.Code) || string.IsNullOrWhiteSpace(m.Reason)))
        {
            problems.Add("每项须有材料编码和原因");
        }
        else if (missing.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count() != missing.Count)
        {
            problems.Add("材料编码不能重复");
        }
        else
        {
            var known = Terms.Materials.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(missing.Where(m => !known.Contains(m.Code)).Select(m => $"“{m.Code}”不是本事项的申请材料"));
            var named = missing.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
            var unnamed = MissingMaterials.Where(m => !named.Contains(m.Code)).ToArray();
            if (unnamed.Length > 0)
            {
                problems.Add($"须一次性告知全部缺少的必需材料，未列明：{string.Join("、", unnamed.Select(m => $"{m.Name}（{m.Code}）"))}");
            }
        }

        if (problems.Count > 0)
        {
            return CaseErrors.Invalid(new Dictionary<string, string[]> { ["missing"] = [.. problems] });
        }

        var due = CorrectionDue(context.Calendar);
        if (context.Today > due)
        {
            return CaseErrors.Conflict("case.correction_period_expired", "补正告知期限已过，依法视为受理", $"the 5 working days ended on {due:yyyy-MM-dd}; the application counts as accepted as of {ReceiptOn:yyyy-MM-dd}");
        }

        var lines = missing.Select(m => new MissingMaterial(m.Code.Trim(), m.Reason.Trim())).ToArray();
        return new CaseEventDraft(new CaseEventData.CorrectionRequested(ReceiptNo, lines), CaseNotices.Correction(this, lines));
    }

    /// <summary>The applicant supplements every material the notice listed; acceptance restarts from today. Source: 行政许可法 第三十二条</summary>
    public Result<CaseEventDraft> Supplement(IReadOnlyList<MaterialRef> materials, CaseActor actor, CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Supplement) is { } error)
        {
            return error;
        }

        if (!IsApplicant(actor))
        {
            return CaseErrors.NotApplicant();
        }

        var given = materials.Where(m => !string.IsNullOrWhiteSpace(m.Code)).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var stillMissing = LastCorrectionMissing.Where(m => !given.Contains(m.Code)).Select(m => $"缺少补正材料 {m.Code}").ToArray();
        if (materials.Count == 0 || stillMissing.Length > 0)
        {
            return CaseErrors.Invalid("materials", stillMissing.Length > 0 ? string.Join("；", stillMissing) : "须提交补正材料");
        }

        return new CaseEventDraft(new CaseEventData.Supplemented(materials, context.Today));
    }

    /// <summary>
    /// Acceptance, with a sealed dated notice giving the decision due date and the query code. An
    /// application still lacking a required material cannot be accepted: it gets the correction notice.
    /// Source: 行政许可法 第三十二条
    /// </summary>
    public Result<CaseEventDraft> Accept(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.Accept) is { } error)
        {
            return error;
        }

        if (MissingMaterials is { Count: > 0 } missing)
        {
            return CaseErrors.Conflict("case.materials_incomplete", "申请材料不齐全，应当一次性告知补正", $"missing required material(s): {string.Join(", ", missing.Select(m => m.Code))}");
        }

        var due = CaseDeadlines.DecisionDueAtAcceptance(context.Calendar, Terms, ReceiptOn, context.Today);
        return new CaseEventDraft(new CaseEventData.Accepted(context.Today), CaseNotices.Acceptance(this, context.Today, due));
    }

    /// <summary>
    /// No notice and no acceptance within 5 wd of the receipt: accepted as of the receipt date, even
    /// with materials missing. Source: 行政许可法 第三十二条
    /// </summary>
    public Result<CaseEventDraft> DeemAccepted(CaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Check(CaseAction.DeemedAcceptance) is { } error)
        {
            return error;
        }

        var due = CorrectionDue(context.Calendar);
        if (context.Today <= due)
        {
            return CaseErrors.Conflict("case.correction_period_running", "受理审查期限尚未届满", $"the 5 working days run until {due:yyyy-MM-dd}");
        }

        var decisionDue = CaseDeadlines.DecisionDueAtAcceptance(context.Calendar, Terms, ReceiptOn, ReceiptOn);
        return new CaseEventDraft(new CaseEventData.DeemedAccepted(ReceiptOn, due), CaseNotices.DeemedAcceptance(this, ReceiptOn, decisionDue));
    }

    /// <summary>Refusal with a reason, in writing with the seal and date. Source: 行政许可法 第三十二条</summary>
    public Result<CaseEventDraft> Refuse(string? reason)
    {
        if (Check(CaseAction.Refuse) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return CaseErrors.Invalid("reason", "不予受理须说明理由");
        }

        return new CaseEventDraft(new CaseEventData.Refused(reason.Trim()), CaseNotices.Refusal(this, reason.Trim()));
    }

    /// <summary>Withdrawal by the applicant, before the decision.</summary>
    public Result<CaseEventDraft> Withdraw(string? reason, CaseActor actor)
    {
        if (Check(CaseAction.Withdraw) is { } error)
        {
            return error;
        }

        if (!IsApplicant(actor))
        {
            return CaseErrors.NotApplicant();
        }

        return new CaseEventDraft(new CaseEventData.Withdrawn(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
    }
}
