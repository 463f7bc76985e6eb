namespace PowerFunctions.Domain.Catalog;

/// <summary>Whether a material is handed in as the original, a copy, or both.</summary>
public enum MaterialForm
{
    Original,
    Copy,
    OriginalAndCopy,
}
