using System.Text.RegularExpressions;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// An enforcement officer in the register (执法人员): the token subject the officer signs in with, name,
/// department, the certificate (执法证件) number, its validity (both days included) and the fields
/// (执法类别) it covers — none listed: every field of its department (综合执法证件). Kept by an admin (<see cref="Register"/>); checked by <see cref="OfficerRules"/>;
/// shown to the public only as <see cref="OfficerPublicView"/>.
/// </summary>
public sealed partial record Officer(
    string Subject,
    string Name,
    string DepartmentCode,
    string CertificateNo,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> Fields)
{
    /// <summary>An officer's register entry from its raw parts, or <c>enforcement.invalid_officer</c> listing every bad field.</summary>
    public static Result<Officer> Register(string? subject, string? name, string? departmentCode, string? certificateNo, DateOnly? validFrom, DateOnly? validTo, IReadOnlyList<string?>? fields)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(subject) || subject.Trim().Length > 128)
        {
            errors["sub"] = ["须写明执法人员的登录标识"];
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            errors["name"] = ["须写明执法人员姓名（不超过50字）"];
        }

        if (string.IsNullOrWhiteSpace(departmentCode) || !DepartmentPattern().IsMatch(departmentCode.Trim()))
        {
            errors["department"] = ["须写明所属执法部门编码"];
        }

        if (string.IsNullOrWhiteSpace(certificateNo) || !CertificatePattern().IsMatch(certificateNo.Trim()))
        {
            errors["certificateNo"] = ["执法证号须为4至40位汉字、字母、数字、短横线或下划线"];
        }

        if (validFrom is null)
        {
            errors["validFrom"] = ["须写明证件有效期起始日"];
        }

        if (validTo is null)
        {
            errors["validTo"] = ["须写明证件有效期截止日"];
        }
        else if (validFrom is not null && validTo < validFrom)
        {
            errors["validTo"] = ["有效期截止日不能早于起始日"];
        }

        var cleaned = (fields ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (cleaned.Length != (fields?.Count ?? 0) || cleaned.Any(f => f.Length > 50))
        {
            errors["fields"] = ["证件载明的执法类别每项不为空、不重复、不超过50字（不列明的，证件适用本部门全部执法类别）"];
        }

        if (errors.Count > 0)
        {
            return DomainError.Validation(EnforcementErrors.InvalidOfficer, "执法人员信息不完整或不符合规定", string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);
        }

        return new Officer(subject!.Trim(), name!.Trim(), departmentCode!.Trim(), certificateNo!.Trim(), validFrom!.Value, validTo!.Value, cleaned);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex DepartmentPattern();

    /// <summary>A certificate number as printed: 4–40 letters, digits, Chinese characters, dashes or underscores (e.g. 豫D04-0001, 豫应急执字第0001号), nothing that could not be a storage key.</summary>
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9][\p{IsCJKUnifiedIdeographs}A-Za-z0-9_-]{3,39}$")]
    private static partial Regex CertificatePattern();
}
