namespace PowerFunctions.Domain.Catalog;

/// <summary>One fee: what is charged, the standard (amount) and the law or price document that allows it.</summary>
public sealed record Fee(string Item, string Standard, string Basis);
