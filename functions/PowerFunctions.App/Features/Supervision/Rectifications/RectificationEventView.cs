using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision.Rectifications;

namespace PowerFunctions.App.Features.Supervision.Rectifications;

/// <summary>One event of a notice's chain as shown: seq, type, when (China time), who, in which capacity, and the hashes.</summary>
public sealed record RectificationEventView(long Seq, string Type, DateTimeOffset At, string Actor, string ActorName, string ActorKind, string? Department, string PreviousHash, string Hash)
{
    public static RectificationEventView Of(RectificationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Seq, e.Type, ChinaTime.InChina(e.Instant), e.Actor, e.ActorName, e.ActorKind, e.Department, e.PreviousHash, e.Hash);
    }
}
