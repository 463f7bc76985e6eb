using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Deadlines;

/// <summary>
/// A decision limit may be extended once, with the approval of the head of the department, by at
/// most 10 working days (15 for joint handling, 联合办理), and the applicant is told the reasons.
/// Source: 行政许可法 第四十二条.
/// </summary>
public static class ExtensionRules
{
    /// <summary>The longest extension of an ordinary limit, in working days. Source: 行政许可法 第四十二条.</summary>
    public const int OrdinaryMaxWorkingDays = 10;

    /// <summary>The longest extension under joint handling (联合办理), in working days. Source: 行政许可法 第四十二条.</summary>
    public const int JointMaxWorkingDays = 15;

    public const string InvalidCode = "deadline.invalid_extension";

    public const string AlreadyExtendedCode = "deadline.already_extended";

    /// <summary>10 working days, or 15 under joint handling. Source: 行政许可法 第四十二条.</summary>
    public static int MaxWorkingDays(bool jointHandling) => jointHandling ? JointMaxWorkingDays : OrdinaryMaxWorkingDays;

    /// <summary>
    /// The extension, or an error: a conflict (<c>deadline.already_extended</c>) when the limit was
    /// already extended once, otherwise a validation error (<c>deadline.invalid_extension</c>) listing
    /// every problem: days not in 1..<see cref="MaxWorkingDays"/>, no approver, no reason.
    /// Source: 行政许可法 第四十二条.
    /// </summary>
    public static Result<Extension> Validate(int workingDays, string? approvedBy, string? reason, bool jointHandling, Extension? existing = null)
    {
        if (existing is not null)
        {
            return DomainError.Conflict(AlreadyExtendedCode, "办理期限只能延长一次", $"already extended by {existing.WorkingDays} working days");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var max = MaxWorkingDays(jointHandling);
        if (workingDays < 1 || workingDays > max)
        {
            errors["workingDays"] = [$"延长的工作日数须在 1 到 {max} 之间（行政许可法 第四十二条）"];
        }

        if (string.IsNullOrWhiteSpace(approvedBy))
        {
            errors["approvedBy"] = ["延长须经本行政机关负责人批准"];
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["须说明延长理由并告知申请人"];
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation(InvalidCode, "延长办理期限的申请无效", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
        }

        return new Extension(workingDays, approvedBy!.Trim(), reason!.Trim());
    }
}
