namespace PowerFunctions.App.Features.Evaluations;

/// <summary>What evaluations need to know of a case: who applied, which item and department, and whether its service has concluded.</summary>
public interface ICaseSummaries
{
    Task<CaseSummary?> FindAsync(string caseNo, CancellationToken cancellationToken);
}

/// <summary>A case as evaluations see it. <see cref="Concluded"/>: the service reached a result (refused, decided or later), so it can be rated.</summary>
public sealed record CaseSummary(
    string CaseNo,
    string ItemCode,
    string ItemName,
    string DepartmentCode,
    string DepartmentName,
    string ApplicantSubject,
    string ApplicantName,
    string State,
    bool Concluded);
