using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The scheduled job that makes a penalty decision public (行政执法决定公示, 国办发〔2018〕118号: within 7
/// working days of the decision): fired at delivery, and at the start of the publication due date if the
/// decision is still unpublished then. It records <c>penalty-published</c> as the system; a decision already
/// published, or a no-penalty decision, is left alone.
/// </summary>
public sealed class PenaltyPublicationTimerHandler(PenaltyService penalties) : ITimerHandler
{
    public string Kind => PenaltyTimerKinds.Publication;

    public Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken) =>
        penalties.TryApplyTimerEffectAsync(timer, (c, context) => c.Publish(context), cancellationToken);
}
