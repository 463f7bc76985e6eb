namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>One bar of a <see cref="DocumentBarChart"/>: its label and a finite value ≥ 0.</summary>
public sealed record DocumentBar(string Label, double Value);
