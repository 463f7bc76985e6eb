namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// <c>MiniProgram:*</c>: the platform's code exchange (<c>GET {BaseUrl}/sns/jscode2session</c>) with the
/// app's id and secret. The secret comes from configuration — in Azure an app setting that is a Key Vault
/// reference — and is never logged or put in a message. No <see cref="AppId"/> means sign-in is off.
/// </summary>
public sealed class MiniProgramOptions
{
    public const string DefaultBaseUrl = "https://api.weixin.qq.com";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>Each attempt's timeout, in seconds (1–30).</summary>
    public double TimeoutSeconds { get; set; } = 3;

    /// <summary>Further attempts after a transient failure (timeout, connection failure, 5xx, errcode -1): 0–5.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Pause before the first retry, in milliseconds; doubled for each further one.</summary>
    public int RetryDelayMilliseconds { get; set; } = 200;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId);
}
