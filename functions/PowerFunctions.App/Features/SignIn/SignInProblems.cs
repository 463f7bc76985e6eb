using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>The sign-in feature's problems: stable codes, Chinese titles, nothing of the code, token or secret in them.</summary>
public static class SignInProblems
{
    public static ProblemException CodeInvalid() =>
        new(400, "auth.code_invalid", "登录凭证无效或已使用，请重新登录", "the login code is invalid, expired or already used; get a new one (wx.login) and sign in again");

    public static ProblemException PlatformRateLimited(int retryAfterSeconds) =>
        new(429, "auth.platform_rate_limited", "登录过于频繁，请稍后再试", "the platform limits how often this user may sign in", extensions: RetryAfter(retryAfterSeconds));

    public static ProblemException PlatformUnavailable(int retryAfterSeconds) =>
        new(503, "auth.platform_unavailable", "登录服务暂不可用，请稍后重试", "the platform's login service did not answer usefully", extensions: RetryAfter(retryAfterSeconds));

    public static ProblemException UserBlocked() =>
        new(403, "auth.user_blocked", "该用户暂被平台限制登录", "the platform refuses to sign this user in");

    public static ProblemException SignInRateLimited(TimeSpan retryAfter) =>
        new(429, "auth.sign_in_rate_limited", "登录请求过于频繁，请稍后再试", "too many sign-in attempts from this client or with this code", extensions: RetryAfter((int)Math.Ceiling(retryAfter.TotalSeconds)));

    public static ProblemException SignInUnavailable() =>
        new(503, "auth.sign_in_unavailable", "小程序登录未开通", "citizen sign-in is not configured here (MiniProgram:AppId, Auth:Citizen:Keys)");

    public static ProblemException RefreshInvalid() =>
        new(401, "auth.refresh_token_invalid", "登录已失效，请重新登录", "invalid token");

    public static ProblemException RealNameUnavailable() =>
        new(503, "auth.real_name_unavailable", "实名认证服务未开通", "identity proofing is not configured here (Auth:RealName:Authority, Auth:RealName:HashKeys)");

    public static ProblemException IdTokenInvalid() =>
        new(400, "auth.id_token_invalid", "实名认证结果无效，请重新认证", "invalid token");

    public static ProblemException RealNameConflict() =>
        new(409, "auth.real_name_conflict", "该账号已绑定其他实名身份", "this account has already proven another identity");

    private static Dictionary<string, object?> RetryAfter(int seconds) => new() { ["retryAfter"] = Math.Max(1, seconds) };
}
