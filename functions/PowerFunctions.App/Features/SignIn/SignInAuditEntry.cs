namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// One audited sign-in event: <see cref="Kind"/> <c>mini-program</c>, <c>refresh</c>, <c>sign-out</c> or
/// <c>real-name</c>; <see cref="Result"/> <c>ok</c> or why not (<c>code-invalid</c>, <c>platform-rate-limited</c>,
/// <c>platform-unavailable</c>, <c>user-blocked</c>, <c>refresh-invalid</c>, <c>refresh-expired</c>,
/// <c>refresh-revoked</c>, <c>refresh-reuse</c>, <c>id-token-invalid</c>, <c>nonce-invalid</c>,
/// <c>identity-conflict</c>); the subject where known. Never a code, token, session key or identity number.
/// </summary>
public sealed record SignInAuditEntry(DateTimeOffset At, string Kind, string Result, string? Subject, string? SessionId, bool NewSubject, string CorrelationId);
