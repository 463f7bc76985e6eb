using PowerFunctions.App.Auth;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// The real-name rule at submission (<see cref="RealNameRules.CheckApplicant"/>): where <c>Auth:RequireRealName</c>
/// is on (the Production default), the caller must hold a proven identity of at least
/// <c>Auth:RealName:MinimumLevel</c> and be the applicant named in the body — 403 <c>auth.real_name_required</c>
/// or <c>auth.applicant_mismatch</c>. Off, nothing is checked (development tokens of the <c>token</c> command
/// carry no identity). The one call into sign-in from <c>Features/Applications</c>.
/// </summary>
public sealed class RealNameGate(RealNamePolicy policy, IdentityFingerprints fingerprints)
{
    public void Check(Caller caller, string? applicantName, string? applicantIdType, string? applicantIdNumber) =>
        RealNameRules.CheckApplicant(policy, caller.RealName, applicantName ?? string.Empty, applicantIdType ?? string.Empty, applicantIdNumber ?? string.Empty, fingerprints.Matches).OrThrow();
}
