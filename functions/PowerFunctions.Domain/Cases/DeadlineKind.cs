namespace PowerFunctions.Domain.Cases;

/// <summary>The statutory clocks of a case (API.md deadline <c>kind</c>, kebab case on the wire through <see cref="Common.ApiCode{T}"/>).</summary>
public enum DeadlineKind
{
    /// <summary>5 wd from receipt to notify corrections or accept (行政许可法 第三十二条).</summary>
    CorrectionNotice,

    /// <summary>
    /// The item's promised wd from acceptance, moved by suspensions and the extension (行政许可法 第四十二条,
    /// 第四十五条); for an immediate item (即办件) the day of receipt.
    /// </summary>
    Decision,

    /// <summary>
    /// A joint department's opinion, within its own limit from acceptance (行政许可法 第二十六条); one per
    /// department, code <c>joint-opinion-{department}</c>.
    /// </summary>
    JointOpinion,

    /// <summary>7 cd of publicity, the last day rolled to a working day (seed 000 §5(二)7).</summary>
    PublicityEnd,

    /// <summary>10 wd from the end of publicity or from a decision that is not posted (行政许可法 第四十四条; seed 000 §5(二)8).</summary>
    Delivery,

    /// <summary>10 wd from delivery (seed 002 第十三条).</summary>
    ResultPublication,
}
