namespace PowerFunctions.Domain.Guidance;

/// <summary>
/// The measure of administrative guidance (行政指导方式): advice (建议), prompt (提示) or warning (告诫).
/// API codes <c>advice</c>, <c>prompt</c>, <c>warning</c>. Source: seed 003 (行政指导方案).
/// </summary>
public enum GuidanceMeasure
{
    Advice,
    Prompt,
    Warning,
}
