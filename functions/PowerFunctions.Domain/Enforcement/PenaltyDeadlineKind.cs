namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The clocks of a penalty case (API kinds <c>penalty-decision</c>, <c>hearing-request</c>,
/// <c>penalty-delivery</c>, <c>penalty-publication</c>, <c>penalty-payment</c>); computed by <see cref="PenaltyDeadlines"/>.
/// </summary>
public enum PenaltyDeadlineKind
{
    /// <summary>90 cd from opening, less hearing time where the item excludes it (行政处罚法 第六十条, 第八十五条).</summary>
    Decision,

    /// <summary>5 wd from the notice for the party to ask for a hearing — the party's window, no supervision alert (第六十四条(一), 第八十五条).</summary>
    HearingRequest,

    /// <summary>7 wd from the decision to deliver it (第六十一条, 第八十五条).</summary>
    Delivery,

    /// <summary>7 wd from a penalty decision to make it public (国办发〔2018〕118号).</summary>
    Publication,

    /// <summary>15 cd from delivery to pay a fine or confiscation (第六十七条第三款, 第八十五条).</summary>
    Payment,
}
