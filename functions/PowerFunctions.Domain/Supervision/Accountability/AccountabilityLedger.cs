namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>
/// Reading the records: chains of a record and its corrections, and the listing per department and year (the
/// department of the record in force, the year of the original decision, so a correction made in January keeps a
/// December decision in its year). Nothing is left out: a withdrawn measure is listed as withdrawn.
/// Source: seed 002, seed 004 (责任追究).
/// </summary>
public static class AccountabilityLedger
{
    /// <summary>
    /// Every chain, by original decision time then id. A correction whose original is not among <paramref name="records"/>
    /// starts its own chain, and so does a second correction of one record (two supervisors at once): nothing is hidden.
    /// </summary>
    public static IReadOnlyList<AccountabilityChain> Chains(IEnumerable<AccountabilityRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var all = records.ToList();
        var ids = all.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var next = all.Where(r => r.Corrects is not null)
            .GroupBy(r => r.Corrects!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.DecidedAt).ThenBy(r => r.Id, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var chains = new List<AccountabilityChain>();
        foreach (var root in all.Where(r => r.Corrects is null || !ids.Contains(r.Corrects) || next[r.Corrects] != r))
        {
            var chain = new List<AccountabilityRecord> { root };
            while (next.TryGetValue(chain[^1].Id, out var correction) && chain.Count <= all.Count)
            {
                chain.Add(correction);
            }

            chains.Add(new AccountabilityChain(chain));
        }

        return [.. chains.OrderBy(c => c.Original.DecidedAt).ThenBy(c => c.Original.Id, StringComparer.Ordinal)];
    }

    /// <summary>The chains of <paramref name="department"/> decided in <paramref name="year"/>. Source: seed 002, seed 004.</summary>
    public static IReadOnlyList<AccountabilityChain> For(IEnumerable<AccountabilityRecord> records, string department, int year) =>
        [.. Chains(records).Where(c => string.Equals(c.Current.Department, department, StringComparison.Ordinal) && c.Original.Year == year)];
}
