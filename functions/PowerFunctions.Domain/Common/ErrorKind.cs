namespace PowerFunctions.Domain.Common;

/// <summary>What kind of failure a <see cref="DomainError"/> is; the app maps each kind to one HTTP status in one place.</summary>
public enum ErrorKind
{
    /// <summary>Input breaks a rule (400/422).</summary>
    Validation,

    /// <summary>No such thing (404).</summary>
    NotFound,

    /// <summary>The thing is not in a state that allows this (409).</summary>
    Conflict,

    /// <summary>The caller may not do this to this thing (403).</summary>
    Forbidden,

    /// <summary>Too many of these, from this caller or on this thing, for now (429).</summary>
    TooMany,
}
