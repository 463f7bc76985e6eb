using System.Text.RegularExpressions;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Enforcement;

/// <summary>
/// The party of a penalty case (当事人): name, identity document and address (the decision names the
/// party and its address, 行政处罚法 第五十九条(一)). A person's name and id number are personal data:
/// they never appear in public (<see cref="PenaltyPublication"/>).
/// </summary>
public sealed partial record Party(string Name, PartyIdType IdType, string IdNumber, string? Address)
{
    /// <summary>True for an organisation (法人或者其他组织), false for a person (公民).</summary>
    public bool IsOrganisation => IdType == PartyIdType.CreditCode;

    /// <summary>A party from its raw parts, or a validation error naming every bad field.</summary>
    public static Result<Party> Create(string? name, string? idType, string? idNumber, string? address)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            errors["party.name"] = ["须写明当事人姓名或名称（不超过200字）"];
        }

        var type = ParseIdType(idType);
        if (type is null)
        {
            errors["party.idType"] = ["证件类型须为 resident-id（身份证）、passport（护照）、other-personal 或 credit-code（统一社会信用代码）"];
        }

        var number = idNumber?.Trim().ToUpperInvariant() ?? string.Empty;
        if (type == PartyIdType.ResidentId && !ResidentIdPattern().IsMatch(number))
        {
            errors["party.idNumber"] = ["居民身份证号码须为18位（末位可为X）"];
        }
        else if (type == PartyIdType.CreditCode && !CreditCodePattern().IsMatch(number))
        {
            errors["party.idNumber"] = ["统一社会信用代码须为18位数字或大写字母（不含I、O、Z、S、V）"];
        }
        else if (type is not null && (number.Length == 0 || number.Length > 64))
        {
            errors["party.idNumber"] = ["须写明证件号码"];
        }

        if (address is { Length: > 500 })
        {
            errors["party.address"] = ["地址不超过500字"];
        }

        if (errors.Count > 0)
        {
            return EnforcementErrors.Invalid(errors);
        }

        return new Party(name!.Trim(), type!.Value, number, string.IsNullOrWhiteSpace(address) ? null : address.Trim());
    }

    /// <summary>The id type an API code or Chinese name means, or null.</summary>
    public static PartyIdType? ParseIdType(string? text) => text?.Trim() switch
    {
        "resident-id" or "id-card" or "身份证" or "居民身份证" => PartyIdType.ResidentId,
        "passport" or "护照" => PartyIdType.Passport,
        "other-personal" or "其他证件" => PartyIdType.OtherPersonal,
        "credit-code" or "uscc" or "统一社会信用代码" or "营业执照" => PartyIdType.CreditCode,
        _ => null,
    };

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex ResidentIdPattern();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CreditCodePattern();
}
