namespace PowerFunctions.Domain.Complaints;

/// <summary>One entry of the Open311 GeoReport v2 error list (<c>errors/error</c>): <c>code</c> and <c>description</c>.</summary>
public sealed record Open311Error(int Code, string Description);
