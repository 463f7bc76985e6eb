namespace PowerFunctions.App.Tests.SignIn;

/// <summary>One scripted answer of the fake platform: after <see cref="Delay"/>, an HTTP status, an errcode, a raw body, or (none of them) the usual answer.</summary>
public sealed record PlatformAnswer(TimeSpan Delay = default, int? HttpStatus = null, int? ErrorCode = null, string ErrorMessage = "error", string? Raw = null)
{
    public static PlatformAnswer Error(int errcode, string errmsg) => new(ErrorCode: errcode, ErrorMessage: errmsg);

    public static PlatformAnswer Busy() => Error(-1, "system error");

    public static PlatformAnswer Status(int status) => new(HttpStatus: status);

    public static PlatformAnswer Slow(TimeSpan delay) => new(Delay: delay);

    public static PlatformAnswer Usual() => new();
}
