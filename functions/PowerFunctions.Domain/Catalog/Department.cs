namespace PowerFunctions.Domain.Catalog;

/// <summary>实施主体: the department that exercises the power.</summary>
public sealed record Department(string Code, string Name);
