namespace PowerFunctions.Domain.Cases;

/// <summary>A material handed in: the item's material code and its name.</summary>
public sealed record MaterialRef(string Code, string Name);
