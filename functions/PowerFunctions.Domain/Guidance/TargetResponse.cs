namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// What the target of guidance answered at the follow-up: accepted or refused (API codes <c>accepted</c>,
/// <c>refused</c>). Guidance is voluntary: a refusal brings no adverse measure. This type is read only by
/// the guidance register and its quarterly report; no other code may depend on it, which
/// <c>GuidanceIsolationTests</c> checks over the compiled assemblies. Source: seed 003 (行政指导方案: 自愿).
/// </summary>
public enum TargetResponse
{
    Accepted,
    Refused,
}
