namespace PowerFunctions.App.Hosting;

/// <summary>
/// The body media types an HTTP function reads itself instead of JSON (a PDF to verify, an Open311 form). Without
/// it a function takes JSON only: the pipeline answers 415 to any other non-empty body and checks a JSON one
/// against <see cref="Http.JsonLimits"/> before the function runs. With it the function checks the type itself.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
