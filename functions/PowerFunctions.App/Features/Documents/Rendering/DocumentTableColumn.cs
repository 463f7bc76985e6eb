namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>A column of a <see cref="DocumentTable"/>: header, share of the width and alignment.</summary>
public sealed record DocumentTableColumn(string Header, double Weight = 1, TextAlign Align = TextAlign.Start);
