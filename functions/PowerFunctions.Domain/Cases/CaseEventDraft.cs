namespace PowerFunctions.Domain.Cases;

/// <summary>
/// What a command decided should happen, before it is sealed into the chain: the data and, when the
/// act is written, the document the app must issue first (then <see cref="WithDocument"/>).
/// </summary>
public sealed record CaseEventDraft(CaseEventData Data, DocumentToIssue? Document = null)
{
    public string Type => CaseEventTypes.TypeOf(Data);

    public CaseEventDraft WithDocument(DocumentRef issued) => this with { Data = Data with { Document = issued } };
}
