using PowerFunctions.Domain.Cases;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The public record of a penalty decision (行政执法决定公示): the decision document's number, the party —
/// an organisation by name and credit code, a person by masked name only (张*三), never an id number or
/// address —, the offence (the item), the penalty and its basis, the department and the date. Free-text
/// facts are not published: they may hold personal data.
/// Source: 国办发〔2018〕118号 (执法决定信息公开, 个人隐私除外); 行政处罚法 第四十八条.
/// </summary>
public sealed record PenaltyPublication(
    string CaseNo,
    string DecisionNo,
    string Party,
    string? CreditCode,
    string ItemCode,
    string Offence,
    Penalty Penalty,
    string Basis,
    string Department,
    DateOnly DecidedOn,
    DateOnly PublishedOn)
{
    /// <summary>The public record of a published penalty case, or null when there is nothing to publish yet.</summary>
    public static PenaltyPublication? Of(PenaltyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Decision is not { Outcome: PenaltyOutcome.Penalty, Penalty: { } penalty } d || c.PublishedOn is not { } published)
        {
            return null;
        }

        return new PenaltyPublication(
            c.CaseNo,
            $"{c.CaseNo}-decision",
            c.Party.IsOrganisation ? c.Party.Name : NameMask.Mask(c.Party.Name),
            c.Party.IsOrganisation ? c.Party.IdNumber : null,
            c.Terms.ItemCode,
            c.Terms.ItemName,
            penalty,
            string.Join("、", c.Terms.LegalBases.Select(b => b.Law + b.Article)),
            c.Terms.DepartmentName,
            d.DecidedOn,
            published);
    }
}
