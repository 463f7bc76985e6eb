namespace PowerFunctions.App.Auth;

/// <summary>The validator of production tokens (<c>Auth:Authority</c>, <c>Auth:Audience</c>), registered only where they are configured.</summary>
public sealed record ProductionTokenValidator(OidcTokenValidator Validator);
