namespace PowerFunctions.Domain.Common;

/// <summary>
/// An expected failure: a stable machine <see cref="Code"/> (e.g. <c>case.invalid_transition</c>), a
/// Chinese <see cref="Title"/> for people, an optional <see cref="Detail"/>, and per-field
/// <see cref="Errors"/> that list every problem at once.
/// </summary>
public sealed record DomainError(
    ErrorKind Kind,
    string Code,
    string Title,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static DomainError Validation(string code, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(ErrorKind.Validation, code, title, detail, errors);

    public static DomainError NotFound(string code, string title, string? detail = null) =>
        new(ErrorKind.NotFound, code, title, detail);

    public static DomainError Conflict(string code, string title, string? detail = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(ErrorKind.Conflict, code, title, detail, null, extensions);

    public static DomainError Forbidden(string code, string title, string? detail = null) =>
        new(ErrorKind.Forbidden, code, title, detail);

    public static DomainError TooMany(string code, string title, string? detail = null) =>
        new(ErrorKind.TooMany, code, title, detail);
}
