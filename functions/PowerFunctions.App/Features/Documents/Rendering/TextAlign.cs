namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>Horizontal alignment in a table cell.</summary>
public enum TextAlign
{
    Start,
    Center,
    End,
}
