using PowerFunctions.App.Features.Evaluations;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Features.Cases;

/// <summary>What evaluations (好差评) see of a case: who applied, item, department, state, and whether the service reached a result (refused, decided or later).</summary>
public sealed class CaseSummaries(CaseStore store) : ICaseSummaries
{
    public async Task<CaseSummary?> FindAsync(string caseNo, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }

        var c = loaded.Case;
        var concluded = c.State is CaseState.Refused or CaseState.Decided or CaseState.InPublicity or CaseState.AwaitingDelivery or CaseState.Delivered or CaseState.Closed;
        return new CaseSummary(c.CaseNo, c.Terms.ItemCode, c.Terms.ItemName, c.Terms.DepartmentCode, c.Terms.DepartmentName, c.ApplicantSubject, c.Applicant.Name, CaseNames.Of(c.State), concluded);
    }
}
