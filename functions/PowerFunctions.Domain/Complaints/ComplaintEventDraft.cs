using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// What a ticket command decided should happen, before it is sealed into the chain: the data and, for an
/// answer, the 答复意见书 the app must issue first (then <see cref="WithDocument"/>).
/// </summary>
public sealed record ComplaintEventDraft(ComplaintEventData Data, ComplaintDocumentToIssue? Document = null)
{
    public string Type => ComplaintEventTypes.TypeOf(Data);

    public ComplaintEventDraft WithDocument(RecordedDocument issued) => this with { Data = Data with { Document = issued } };
}
