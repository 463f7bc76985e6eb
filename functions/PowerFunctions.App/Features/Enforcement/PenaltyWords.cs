using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// The words the API reads for the enums of a penalty case: the API codes (kebab case, as the answers
/// write them) and the Chinese words a form or a scenario may send (罚款, 一般, 直接送达, 同意…). Unknown
/// words read as null, which the command refuses with the field named.
/// </summary>
public static class PenaltyWords
{
    private static readonly Dictionary<string, PenaltyType> PenaltyTypeWords = Words<PenaltyType>(PenaltyTypes.ChineseName);

    public static PenaltyType? PenaltyType(string? text) => Find(PenaltyTypeWords, text);

    public static Circumstance? Circumstance(string? text) => Normal(text) switch
    {
        "minor" or "轻微" or "情节轻微" => Domain.Catalog.Circumstance.Minor,
        "ordinary" or "一般" or "情节一般" => Domain.Catalog.Circumstance.Ordinary,
        "serious" or "严重" or "情节严重" => Domain.Catalog.Circumstance.Serious,
        "first-offence" or "首违" => Domain.Catalog.Circumstance.FirstOffence,
        _ => null,
    };

    public static PenaltyOutcome? Outcome(string? text) => Normal(text) switch
    {
        "penalty" or "处罚" or "给予处罚" or "给予行政处罚" => PenaltyOutcome.Penalty,
        "no-penalty" or "不予处罚" or "不予行政处罚" => PenaltyOutcome.NoPenalty,
        _ => null,
    };

    public static NoPenaltyGround? Ground(string? text) => Normal(text) switch
    {
        "first-offence" or "首违不罚" => NoPenaltyGround.FirstOffence,
        "minor-corrected" => NoPenaltyGround.MinorCorrected,
        "no-fault" => NoPenaltyGround.NoFault,
        "not-established" => NoPenaltyGround.NotEstablished,
        _ => null,
    };

    public static DeliveryMethod? Delivery(string? text) => Normal(text) switch
    {
        "in-person" or "direct" or "直接送达" or "当面送达" or "当场交付" => DeliveryMethod.InPerson,
        "post" or "mail" or "邮寄" or "邮寄送达" => DeliveryMethod.Post,
        "electronic" or "电子送达" => DeliveryMethod.Electronic,
        _ => null,
    };

    public static Vote? Vote(string? text) => Normal(text) switch
    {
        "agree" or "approve" or "for" or "yes" or "同意" or "赞成" => Domain.Enforcement.Vote.Agree,
        "disagree" or "deny" or "against" or "no" or "oppose" or "不同意" or "反对" => Domain.Enforcement.Vote.Disagree,
        "abstain" or "弃权" => Domain.Enforcement.Vote.Abstain,
        _ => null,
    };

    public static PenaltySourceKind? SourceKind(string? text) => Normal(text) switch
    {
        "inspection" or "检查" or "日常检查" or "监督检查" or "巡查" => PenaltySourceKind.Inspection,
        "complaint" or "report" or "投诉" or "举报" or "投诉举报" => PenaltySourceKind.Complaint,
        "referral" or "移送" or "交办" => PenaltySourceKind.Referral,
        _ => null,
    };

    private static string? Normal(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-');

    private static TValue? Find<TValue>(Dictionary<string, TValue> words, string? text)
        where TValue : struct =>
        Normal(text) is { } key && words.TryGetValue(key, out var value) ? value : null;

    private static Dictionary<string, T> Words<T>(Func<T, string> chinese)
        where T : struct, Enum
    {
        var words = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            words[System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString())] = value;
            words[chinese(value)] = value;
        }

        return words;
    }
}
