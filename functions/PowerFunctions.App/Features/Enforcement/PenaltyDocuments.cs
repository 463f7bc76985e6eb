using System.Text.Json;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>From a penalty case's written act (<see cref="PenaltyDocument"/>, worded by the domain) to the document model's request, and the document type codes recorded on the case.</summary>
public static class PenaltyDocuments
{
    /// <summary>The longest paragraph the document model takes; longer facts or records are split at a sentence end.</summary>
    private const int MaxParagraph = 4000;

    public static DocumentType TypeOf(PenaltyDocumentKind kind) => kind switch
    {
        PenaltyDocumentKind.PenaltyNotice => DocumentType.PenaltyNotice,
        PenaltyDocumentKind.HearingNotice => DocumentType.HearingNotice,
        PenaltyDocumentKind.HearingRecord => DocumentType.HearingRecord,
        PenaltyDocumentKind.CollectiveDecisionRecord => DocumentType.CollectiveDecisionRecord,
        PenaltyDocumentKind.PenaltyDecision => DocumentType.PenaltyDecision,
        PenaltyDocumentKind.NoPenaltyDecision => DocumentType.NoPenaltyDecision,
        PenaltyDocumentKind.DeliveryReceipt => DocumentType.PenaltyDeliveryReceipt,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The type code recorded on the case, the same the verify routes answer (e.g. <c>penalty-decision</c>).</summary>
    public static string TypeCode(DocumentType type) => JsonNamingPolicy.KebabCaseLower.ConvertName(type.ToString());

    public static DocumentRequest Request(PenaltyCase c, PenaltyDocument document, DateTimeOffset now) => new()
    {
        DocumentId = document.DocumentId,
        Type = TypeOf(document.Kind),
        CaseNo = c.CaseNo,
        DepartmentCode = c.Terms.DepartmentCode,
        DepartmentName = c.Terms.DepartmentName,
        ApplicantName = c.Party.Name,
        ItemName = c.Terms.ItemName,
        IssuedAt = now,
        Fields = document.Fields.Select(f => new DocumentField(f.Key, f.Value)).ToArray(),
        Paragraphs = document.Paragraphs.SelectMany(Split).ToArray(),
        LegalBasis = document.LegalBasis,
    };

    /// <summary>A paragraph in pieces of at most <see cref="MaxParagraph"/> characters, cut after a full stop where there is one.</summary>
    private static IEnumerable<string> Split(string paragraph)
    {
        var rest = paragraph;
        while (rest.Length > MaxParagraph)
        {
            var cut = rest.LastIndexOf('。', MaxParagraph - 1);
            var length = cut > MaxParagraph / 2 ? cut + 1 : char.IsHighSurrogate(rest[MaxParagraph - 1]) ? MaxParagraph - 1 : MaxParagraph;
            yield return rest[..length];
            rest = rest[length..];
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}
