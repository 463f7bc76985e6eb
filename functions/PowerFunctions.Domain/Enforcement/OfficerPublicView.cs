namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// What the public sees of an officer (执法主体和人员公示): name, certificate number, department, fields,
/// validity and its standing today — what the certificate itself shows. Never the sign-in subject or any
/// other personal data. Source: 国办发〔2018〕118号 (执法人员 信息公示).
/// </summary>
public sealed record OfficerPublicView(
    string Name,
    string CertificateNo,
    string Department,
    IReadOnlyList<string> Fields,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    CertificateStatus Status)
{
    public static OfficerPublicView Of(Officer officer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return new(officer.Name, officer.CertificateNo, officer.DepartmentCode, officer.Fields, officer.ValidFrom, officer.ValidTo, OfficerRules.StatusOn(officer, today));
    }
}
