using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// What a command decided should happen, before it is sealed into the chain: the data and, for a written
/// act, the document the app must issue and seal first (then <see cref="WithDocument"/>).
/// </summary>
public sealed record PenaltyEventDraft(PenaltyEventData Data, PenaltyDocument? Document = null)
{
    public string Type => PenaltyEventTypes.TypeOf(Data);

    public PenaltyEventDraft WithDocument(RecordedDocument issued) => this with { Data = Data with { Document = issued } };
}
