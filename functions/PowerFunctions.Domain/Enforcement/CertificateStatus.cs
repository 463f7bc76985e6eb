namespace PowerFunctions.Domain.Enforcement;

/// <summary>Where an officer's certificate stands on a date (API codes <c>valid</c>, <c>not-yet-valid</c>, <c>expired</c>).</summary>
public enum CertificateStatus
{
    Valid,
    NotYetValid,
    Expired,
}
