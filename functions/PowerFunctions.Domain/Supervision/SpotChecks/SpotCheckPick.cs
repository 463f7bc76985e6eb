namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>A drawn case, its weight and the probability the draw had of including it (1 for a case taken with certainty).</summary>
public sealed record SpotCheckPick(SpotCheckCandidate Candidate, int Weight, double InclusionProbability)
{
    public string CaseNo => Candidate.CaseNo;
}
