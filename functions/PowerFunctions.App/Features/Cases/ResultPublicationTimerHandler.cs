using PowerFunctions.App.Features.Results;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// The scheduled job that publishes a delivered case's result on the portal (withheld for
/// confidential items) and closes the case (seed 002 第十三条). The result row is written first; a
/// repeated firing writes the same row and then finds the case closed.
/// </summary>
public sealed class ResultPublicationTimerHandler(CaseService cases, ResultRegistry results) : ITimerHandler
{
    public string Kind => CaseTimerKinds.ResultPublication;

    public Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken) =>
        cases.TryApplyTimerEffectAsync(
            timer,
            (c, ctx) => c.PublishResult(ctx),
            async c =>
            {
                if (!Domain.Cases.CaseRules.ResultWithheld(c.Terms))
                {
                    await results.PublishAsync(c, ChinaTime.Today(cases.Clock), cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken);
}
