namespace PowerFunctions.Domain.Supervision.Accountability;

/// <summary>The API codes and Chinese names of the measures.</summary>
public static class AccountabilityNames
{
    public static string Of(AccountabilityMeasure measure) => measure switch
    {
        AccountabilityMeasure.Criticism => "criticism",
        AccountabilityMeasure.Admonishment => "admonishment",
        AccountabilityMeasure.WrittenExamination => "written-examination",
        AccountabilityMeasure.OrganisationalAdjustment => "organisational-adjustment",
        AccountabilityMeasure.Referral => "referral",
        AccountabilityMeasure.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static string ChineseName(AccountabilityMeasure measure) => measure switch
    {
        AccountabilityMeasure.Criticism => "通报批评",
        AccountabilityMeasure.Admonishment => "诫勉谈话",
        AccountabilityMeasure.WrittenExamination => "责令作出书面检查",
        AccountabilityMeasure.OrganisationalAdjustment => "调离岗位等组织调整",
        AccountabilityMeasure.Referral => "移送纪检监察机关依法处理",
        AccountabilityMeasure.Withdrawn => "撤销追究",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static AccountabilityMeasure? ParseMeasure(string? code) => code switch
    {
        "criticism" => AccountabilityMeasure.Criticism,
        "admonishment" => AccountabilityMeasure.Admonishment,
        "written-examination" => AccountabilityMeasure.WrittenExamination,
        "organisational-adjustment" => AccountabilityMeasure.OrganisationalAdjustment,
        "referral" => AccountabilityMeasure.Referral,
        "withdrawn" => AccountabilityMeasure.Withdrawn,
        _ => null,
    };
}
