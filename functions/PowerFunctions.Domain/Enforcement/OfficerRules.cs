using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// 持证上岗: every enforcement action is taken by an officer who, on the day of the action, holds a
/// certificate that is valid that day (both ends of its validity included), issued for the department
/// whose power is exercised and, where the item names a field (执法类别), covering it (a certificate that
/// lists no field covers every field of its department).
/// Source: 行政处罚法 第四十二条 (具有行政执法资格的执法人员), 第五十五条 (出示执法证件); 国办发〔2018〕118号 (持证上岗、亮证执法).
/// </summary>
public static class OfficerRules
{
    /// <summary>The source every rule here cites.</summary>
    public const string Source = "行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号";

    /// <summary>The certificate's standing on <paramref name="on"/>. Source: 国办发〔2018〕118号.</summary>
    public static CertificateStatus StatusOn(Officer officer, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return on < officer.ValidFrom ? CertificateStatus.NotYetValid : on > officer.ValidTo ? CertificateStatus.Expired : CertificateStatus.Valid;
    }

    /// <summary>
    /// True when <paramref name="officer"/> holds a valid certificate for <paramref name="departmentCode"/>
    /// on <paramref name="on"/> (covering <paramref name="field"/> when one is named). A missing officer holds none.
    /// Source: 行政处罚法 第四十二条; 国办发〔2018〕118号.
    /// </summary>
    public static bool HoldsValidCertificate(Officer? officer, string departmentCode, DateOnly on, string? field = null) =>
        Problem(officer, departmentCode, on, field) is null;

    /// <summary>
    /// Null when the officer may act; otherwise 403 <c>enforcement.no_certificate</c> saying why
    /// (<paramref name="who"/> names the person in the message). Source: 行政处罚法 第四十二条, 第五十五条; 国办发〔2018〕118号.
    /// </summary>
    public static DomainError? Check(Officer? officer, string who, string departmentCode, DateOnly on, string? field = null) =>
        Problem(officer, departmentCode, on, field) is { } problem
            ? EnforcementErrors.Forbidden(EnforcementErrors.NoCertificate, "执法人员未持有效执法证件", $"{who}: {problem}")
            : null;

    private static string? Problem(Officer? officer, string departmentCode, DateOnly on, string? field)
    {
        if (officer is null)
        {
            return "not in the register of certified officers";
        }

        if (!string.Equals(officer.DepartmentCode, departmentCode, StringComparison.Ordinal))
        {
            return $"certificate {officer.CertificateNo} is for department {officer.DepartmentCode}, not {departmentCode}";
        }

        return StatusOn(officer, on) switch
        {
            CertificateStatus.NotYetValid => $"certificate {officer.CertificateNo} is valid only from {officer.ValidFrom:yyyy-MM-dd}",
            CertificateStatus.Expired => $"certificate {officer.CertificateNo} expired on {officer.ValidTo:yyyy-MM-dd}",
            _ when !string.IsNullOrEmpty(field) && officer.Fields.Count > 0 && !officer.Fields.Contains(field, StringComparer.Ordinal) =>
                $"certificate {officer.CertificateNo} does not cover the field {field}",
            _ => null,
        };
    }
}
