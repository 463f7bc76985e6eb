namespace PowerFunctions.App.Features.Documents.Rendering;

/// <summary>How a <see cref="DocumentParagraph"/> is set.</summary>
public enum ParagraphStyle
{
    /// <summary>Body text: first line indented two characters, justified to both edges.</summary>
    Body,

    /// <summary>Body size, no indent (a closing line, a labelled line such as 法律依据：…).</summary>
    Plain,

    /// <summary>Small grey print (a source under the remedies, an explanatory note).</summary>
    Note,
}
