namespace PowerFunctions.App.Features.Documents.Pdf;

/// <summary>The document information dictionary (<c>/Info</c>); <see cref="Custom"/> keys are ASCII names.</summary>
public sealed record PdfInfo
{
    public string? Title { get; init; }

    public string? Subject { get; init; }

    public string? Author { get; init; }

    public string? Keywords { get; init; }

    public DateTimeOffset? CreationDate { get; init; }

    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>();
}
