using System.Globalization;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Identity;

/// <summary>
/// Who may file an application online, in one place.
/// <list type="bullet">
/// <item>An online service gives its users service only on their real identity (网络安全法 第二十四条第一款:
/// 用户不提供真实身份信息的，网络运营者不得为其提供相关服务), so where real-name filing is required
/// (<see cref="RealNamePolicy.Required"/>) a submission needs a proven identity of at least the policy's level.</item>
/// <item>The applicant answers for the truth of the application (行政许可法 第三十一条: 申请人……对其申请材料实质
/// 内容的真实性负责), so the applicant named in it must be the person who proved their identity: the same
/// identity document, the same name. Filing for another through an agent (行政许可法 第二十九条第二款) is for
/// the window, where the power of attorney is checked, not for this channel.</item>
/// </list>
/// The identity document is compared by keyed fingerprint: the caller of <see cref="CheckApplicant"/>
/// supplies <c>fingerprintMatches</c> (the app holds the keys); the rule says what is compared.
/// </summary>
public static class RealNameRules
{
    /// <summary>The rule's sources, for tests and documents.</summary>
    public const string Source = "网络安全法 第二十四条; 行政许可法 第三十一条";

    /// <summary>The canonical document type of the resident identity card (居民身份证).</summary>
    public const string ResidentIdCard = "resident-id";

    private static readonly HashSet<string> ResidentIdCardNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "身份证", "居民身份证", "二代身份证", "中华人民共和国居民身份证", "resident-id", "id-card", "idcard", "id_card",
    };

    /// <summary>
    /// The identity document as one comparable string: <c>{type}:{number}</c>, the type folded
    /// (every name of the resident identity card becomes <see cref="ResidentIdCard"/>; another type
    /// trimmed and lower-cased), the number without spaces, upper-case (a final <c>x</c> is <c>X</c>
    /// by GB 11643-1999).
    /// </summary>
    public static string CanonicalIdentity(string idType, string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idType);
        ArgumentNullException.ThrowIfNull(idNumber);
        var type = idType.Trim();
        type = ResidentIdCardNames.Contains(type) ? ResidentIdCard : type.ToLowerInvariant();
        var number = new StringBuilder(idNumber.Length);
        foreach (var c in idNumber)
        {
            if (!char.IsWhiteSpace(c))
            {
                number.Append(char.ToUpperInvariant(c));
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{type}:{number}");
    }

    /// <summary>
    /// A name as compared: without whitespace, full-width ASCII forms (U+FF01–U+FF5E) as their ASCII
    /// letters, every variant of the middle dot of minority and foreign names (· • ‧ ・ ･ .) as <c>·</c>.
    /// (Folded by hand: the app runs with invariant globalization, where Unicode normalisation is not at hand.)
    /// </summary>
    public static string CanonicalName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length);
        foreach (var original in name)
        {
            if (char.IsWhiteSpace(original))
            {
                continue;
            }

            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            result.Append(c is '•' or '‧' or '・' or '･' or '.' or '·' ? '·' : c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Whether <paramref name="proof"/> lets its holder file as this applicant under <paramref name="policy"/>.
    /// Success (true: the applicant is the proven person; false: nothing is required and nothing checked), or
    /// 403 <c>auth.real_name_required</c> (no proof, or one below the level) or 403 <c>auth.applicant_mismatch</c>
    /// (another document or another name). <paramref name="fingerprintMatches"/> answers whether a proof's
    /// fingerprint is of a canonical identity (<see cref="CanonicalIdentity"/>).
    /// Source: 网络安全法 第二十四条; 行政许可法 第三十一条.
    /// </summary>
    public static Result<bool> CheckApplicant(
        RealNamePolicy policy,
        RealNameProof? proof,
        string applicantName,
        string applicantIdType,
        string applicantIdNumber,
        Func<string, string, bool> fingerprintMatches)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(fingerprintMatches);
        if (!policy.Required)
        {
            return false;
        }

        if (proof is null || proof.Level < policy.MinimumLevel)
        {
            return DomainError.Forbidden(
                "auth.real_name_required",
                "提交申请前请先完成实名认证",
                proof is null
                    ? "submitting an application needs a verified real-name identity"
                    : $"submitting an application needs real-name level {policy.MinimumLevel}; this identity is level {proof.Level}");
        }

        var sameDocument = !string.IsNullOrWhiteSpace(applicantIdNumber)
            && fingerprintMatches(proof.Fingerprint, CanonicalIdentity(applicantIdType ?? string.Empty, applicantIdNumber));
        var sameName = string.Equals(CanonicalName(applicantName ?? string.Empty), CanonicalName(proof.Name), StringComparison.Ordinal);
        if (!sameDocument || !sameName)
        {
            return DomainError.Forbidden(
                "auth.applicant_mismatch",
                "申请人须为实名认证的本人",
                "the applicant named in the application is not the verified person who submits it (identity document and name must both match)");
        }

        return true;
    }
}
