namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>
/// The measures of 责任追究 the supervision centre records (API codes in kebab case). The centre records what was
/// decided; sanctions on a person under 《中华人民共和国公职人员政务处分法》 are for the competent organ, so the
/// centre records their referral, not the sanction itself.
/// </summary>
public enum AccountabilityMeasure
{
    /// <summary><c>criticism</c>: 通报批评.</summary>
    Criticism,

    /// <summary><c>admonishment</c>: 诫勉谈话.</summary>
    Admonishment,

    /// <summary><c>written-examination</c>: 责令作出书面检查.</summary>
    WrittenExamination,

    /// <summary><c>organisational-adjustment</c>: 调离岗位等组织调整.</summary>
    OrganisationalAdjustment,

    /// <summary><c>referral</c>: 移送纪检监察机关依法处理.</summary>
    Referral,

    /// <summary><c>withdrawn</c>: only in a correction: the measure corrected is withdrawn (撤销追究).</summary>
    Withdrawn,
}
