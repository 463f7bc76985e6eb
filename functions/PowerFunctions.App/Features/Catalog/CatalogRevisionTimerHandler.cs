using PowerFunctions.App.Features.Supervision;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>
/// At the end of an entry's 7-day revision deadline: when the legal-basis change is still pending
/// (unrevised), a red supervision alert of kind <c>catalog-revision</c> is raised for the item (target =
/// the item code), once — the alert store keeps one record per target, kind and level. A revision
/// published meanwhile, or a deadline moved later by a calendar change, makes the timer do nothing.
/// Source: seed 002 第十条 (rule in <see cref="PowerItemRules.RevisionAlertAt"/>).
/// </summary>
public sealed class CatalogRevisionTimerHandler(CatalogStore store, IAlertSink alerts, TimeProvider clock) : ITimerHandler
{
    public string Kind => CatalogStore.RevisionTimerKind;

    public async Task<bool> FireAsync(DurableTimer timer, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync(timer.TargetId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (record?.Published is not { PendingBasisChange: { } pending } item || PowerItemRules.RevisionAlertAt(item) is not { } at || now < at)
        {
            return false;
        }

        await alerts.RaiseAsync(new AlertRaised(item.Code, item.Department.Code, item.Code, PowerItemRules.RevisionAlertKind, AlertLevel.Red, pending.RevisionDue, now), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
