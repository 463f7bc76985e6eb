namespace PowerFunctions.Domain.Cases;

/// <summary>The applicant as given on the application. Never shown publicly except <see cref="NameMask"/>ed.</summary>
public sealed record Applicant(string Name, string IdType, string IdNumber, string Phone);
