namespace PowerFunctions.App.Http;

/// <summary>
/// An error answer on its way out: thrown anywhere in the app, turned into RFC 9457 problem+json in
/// one place (<see cref="Problems"/>). Stored data is untouched by whatever threw it.
/// </summary>
public sealed class ProblemException : Exception
{
    public ProblemException(int status, string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base($"{status} {code}: {detail ?? title}")
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        Errors = errors;
        Extensions = extensions;
    }

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
