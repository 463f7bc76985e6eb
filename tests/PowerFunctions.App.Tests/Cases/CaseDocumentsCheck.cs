using System.Text.Json;
using System.Text.RegularExpressions;
using PowerFunctions.App.Features.Documents.Rendering;
using PowerFunctions.App.Tests.Documents;

namespace PowerFunctions.App.Tests.Cases;

/// <summary>
/// Reads back a document a case issued, over HTTP, as an official would sign it: a valid PDF, every font
/// embedded, no missing glyph, no line breaking the 禁则 rules, the case number printed once above the
/// verification box; answers that body text (whitespace removed) for the test's own checks.
/// </summary>
internal static class CaseDocumentsCheck
{
    /// <summary>The documents on a case view: type → id.</summary>
    public static Dictionary<string, string> Listed(JsonElement view) =>
        view.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("type").GetString()!, d => d.GetProperty("id").GetString()!);

    public static async Task<string> ReadAsync(HttpClient client, string documentId, string caseNo)
    {
        var pdf = await client.GetByteArrayAsync($"/api/documents/{documentId}");
        Assert.True(PdfTools.Check(pdf).ExitCode == 0, $"{documentId}: qpdf --check failed");
        DocumentQualityTests.AssertAllFontsEmbedded(pdf);
        var read = PdfReadBack.Read(pdf);
        Assert.Empty(read.Notdefs);
        var broken = read.Lines.Where(LineBreaker.Violates).ToList();
        Assert.True(broken.Count == 0, $"{documentId}: " + string.Join(" | ", broken));
        var text = DocumentRenderingTests.Squash(PdfTools.ExtractText(pdf));
        var body = text[..text.IndexOf("电子文书核验", StringComparison.Ordinal)];
        Assert.True(Regex.Matches(body, Regex.Escape(caseNo)).Count == 1, $"{documentId}: the case number is printed {Regex.Matches(body, Regex.Escape(caseNo)).Count} times");
        Assert.DoesNotContain("办件编号" + caseNo + "办件编号", body, StringComparison.Ordinal);
        return body;
    }
}
