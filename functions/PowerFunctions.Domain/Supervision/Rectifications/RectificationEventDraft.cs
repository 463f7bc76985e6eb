using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.Rectifications;

/// <summary>What a rectification command decided, before it is sealed into the chain: the data and, for an issue, the notice to seal first (then <see cref="WithDocument"/>).</summary>
public sealed record RectificationEventDraft(RectificationEventData Data, RectificationNotice? Document = null)
{
    public string Type => RectificationEventTypes.TypeOf(Data);

    public RectificationEventDraft WithDocument(RecordedDocument issued) => this with { Data = Data with { Document = issued } };
}
