using PowerFunctions.App.Auth;

namespace PowerFunctions.App.Http;

/// <summary>
/// What the request pipeline learnt about a call before the function ran: the function, the correlation id,
/// the buffered body (already checked against <c>Http:MaxBodyBytes</c>) and the authenticated caller.
/// Set on <see cref="HttpContext.Features"/>; functions read it through <see cref="HttpRequestExtensions"/>.
/// </summary>
public sealed class FunctionRequestFeature(string functionName, string correlationId, ReadOnlyMemory<byte> body, Caller? caller)
{
    public string FunctionName { get; } = functionName;

    public string CorrelationId { get; } = correlationId;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>The authenticated caller, or null on a public route called without a (valid) token.</summary>
    public Caller? Caller { get; } = caller;
}
