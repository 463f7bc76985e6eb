using PowerFunctions.App.Features.Timers;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// At the end of the 5th wd after receipt with no notice and no acceptance, the case is accepted as
/// of the receipt date, recorded as such (行政许可法 第三十二条; the rule is <see cref="Domain.Cases.Case.DeemAccepted"/>).
/// </summary>
public sealed class DeemedAcceptanceTimerHandler(CaseService cases) : ITimerHandler
{
    public string Kind => CaseTimerKinds.DeemedAcceptance;

    public Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken) =>
        cases.TryApplyTimerEffectAsync(timer, (c, ctx) => c.DeemAccepted(ctx), null, cancellationToken);
}
