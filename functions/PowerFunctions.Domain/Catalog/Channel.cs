namespace PowerFunctions.Domain.Catalog;

/// <summary>A supervision or complaint channel: its name (e.g. 12345 热线) and how to reach it.</summary>
public sealed record Channel(string Name, string Contact);
