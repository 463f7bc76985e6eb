namespace PowerFunctions.App.Features.Cases;

/// <summary>A timer effect the case refused (stale, already done, or not yet due): the timer handled nothing.</summary>
public sealed class CaseCommandRefusedException(string code) : Exception($"the case refused the timer effect: {code}")
{
    public string Code { get; } = code;
}
