namespace PowerFunctions.Domain.Enforcement;

/// <summary>An officer as recorded on a case: subject, name and the certificate shown (亮证).</summary>
public sealed record OfficerRef(string Subject, string Name, string CertificateNo)
{
    public static OfficerRef Of(Officer officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return new(officer.Subject, officer.Name, officer.CertificateNo);
    }
}
