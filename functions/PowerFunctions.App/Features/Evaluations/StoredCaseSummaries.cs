using PowerFunctions.App.Features.Cases;
using PowerFunctions.Domain.Cases;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>Case summaries read from the case store: a case can be rated once its service reached a result.</summary>
public sealed class StoredCaseSummaries(CaseStore cases) : ICaseSummaries
{
    public async Task<CaseSummary?> FindAsync(string caseNo, CancellationToken cancellationToken)
    {
        if (!CaseStore.IsCaseNo(caseNo))
        {
            return null;
        }

        var loaded = await cases.LoadAsync(caseNo, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }

        var c = loaded.Case;
        return new CaseSummary(
            c.CaseNo,
            c.Terms.ItemCode,
            c.Terms.ItemName,
            c.Terms.DepartmentCode,
            c.Terms.DepartmentName,
            c.ApplicantSubject,
            c.Applicant.Name,
            CaseNames.Of(c.State),
            IsConcluded(c.State));
    }

    /// <summary>The service has a result the applicant can judge: refused, or decided and after.</summary>
    private static bool IsConcluded(CaseState state) => state is CaseState.Refused or CaseState.Decided or CaseState.InPublicity
        or CaseState.AwaitingDelivery or CaseState.Delivered or CaseState.Closed;
}
