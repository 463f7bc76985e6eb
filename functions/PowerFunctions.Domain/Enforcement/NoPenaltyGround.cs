namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// Why no penalty is given (API codes <c>first-offence</c>, <c>minor-corrected</c>, <c>no-fault</c>,
/// <c>not-established</c>). Source: 行政处罚法 第三十三条, 第五十七条第一款(二)(三).
/// </summary>
public enum NoPenaltyGround
{
    /// <summary>初次违法且危害后果轻微并及时改正的，可以不予行政处罚 — only where the item allows it (第三十三条第一款; 国办发〔2022〕27号 首违不罚).</summary>
    FirstOffence,

    /// <summary>违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚 (第三十三条第一款).</summary>
    MinorCorrected,

    /// <summary>当事人有证据足以证明没有主观过错的，不予行政处罚 (第三十三条第二款).</summary>
    NoFault,

    /// <summary>违法事实不能成立的，不予行政处罚 (第五十七条第一款(三)).</summary>
    NotEstablished,
}
