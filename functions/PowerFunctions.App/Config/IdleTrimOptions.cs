namespace PowerFunctions.App.Config;

/// <summary>
/// <c>IdleTrim:*</c> settings: once no HTTP request has been served for <see cref="Delay"/>, the app gives
/// back the memory a burst of load left it holding (see <see cref="Hosting.IdleTrimmer"/>).
/// </summary>
public sealed class IdleTrimOptions
{
    /// <summary>Whether the idle trimmer runs (<c>IdleTrim:Enabled</c>, default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the app must have served no request before it trims (<c>IdleTrim:Delay</c>, hh:mm:ss, default 30 s).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(30);
}
