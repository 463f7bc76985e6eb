namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>One line from <see cref="LineBreaker"/>: its text, whether it is set justified, and whether it opens its paragraph (takes the indent).</summary>
public sealed record TextLine(string Text, bool Justified, bool First);
