using Microsoft.Extensions.Logging.Abstractions;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Complaints;
using PowerFunctions.App.Features.Enforcement;
using PowerFunctions.App.PersonalData;
using PowerFunctions.Domain.Complaints;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Tests.PersonalData;

/// <summary>
/// The protector on the fields added by issue 16's last findings: a penalty party's name and address (strings)
/// and a complaint's location (an object with numbers, kept whole): encrypted, byte for byte back, and through a
/// key rotation (written under k1, read with k1+k2 while k2 writes).
/// </summary>
public sealed class PersonalDataProtectorTests
{
    private const string Opened = """{"party":{"name":"东方受罚","idType":"resident-id","idNumber":"41010219880808123X","address":"郑州市二七区隐秘路八十八号"},"facts":"未培训上岗"}""";
    private const string Received = """{"category":"report","contact":{"name":"上官举报","phone":"13587654321"},"location":{"address":"郑州市中原区举报巷十七号","lat":34.7466123,"long":113.6253987},"subject":"索要好处费"}""";

    private static readonly string Key1 = Convert.ToBase64String(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
    private static readonly string Key2 = Convert.ToBase64String(Enumerable.Range(101, 16).Select(i => (byte)i).ToArray());

    private const string Delivered = """{"method":"in-person","recipient":"东方受罚","deliveredOn":"2026-10-12"}""";

    public static TheoryData<string, string, string, string[], string[]> Events() => new()
    {
        { "penalty", PenaltyEventTypes.Opened, Opened, ["东方受罚", "41010219880808123X", "郑州市二七区隐秘路八十八号"], ["\"facts\":\"未培训上岗\""] },
        { "penalty", PenaltyEventTypes.Delivered, Delivered, ["东方受罚"], ["\"deliveredOn\":\"2026-10-12\""] },
        { "complaint", ComplaintEventTypes.Received, Received, ["上官举报", "13587654321", "郑州市中原区举报巷十七号", "34.7466123", "113.6253987"], ["\"subject\":\"索要好处费\"", "\"location\":\"pd1j:sm4gcm:k"] },
    };

    [Theory]
    [MemberData(nameof(Events))]
    [Trait("Source", "个人信息保护法 第五十一条 (加密); GB/T 39786-2021")]
    public void ProtectEvent_PersonalFieldsUnderKey1_HiddenAndReadBackExactlyAfterRotationToKey2(string scope, string type, string data, string[] secrets, string[] kept)
    {
        var fields = scope == "penalty" ? PenaltyStore.PersonalFields : ComplaintStore.PersonalFields;
        var key1 = Protector(("k1", Key1));
        var rotated = Protector(("k1", Key1), ("k2", Key2));

        var (_, stored) = key1.ProtectEvent(fields, "P-1", 1, type, "enforcer", "王执法", data);
        var (_, storedLater) = rotated.ProtectEvent(fields, "P-2", 1, type, "enforcer", "王执法", data);

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, storedLater, StringComparison.Ordinal);
        }

        Assert.All(kept, k => Assert.Contains(k, stored, StringComparison.Ordinal));
        Assert.Contains(":k1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(":k1:", storedLater, StringComparison.Ordinal);
        Assert.Equal(data, rotated.RevealEvent(fields, "P-1", 1, type, "enforcer", "王执法", stored).Data);
        Assert.Equal(data, rotated.RevealEvent(fields, "P-2", 1, type, "enforcer", "王执法", storedLater).Data);
        Assert.Equal(stored, rotated.RevealEvent(fields, "P-9", 1, type, "enforcer", "王执法", stored).Data); // moved to another record: does not open
    }

    [Fact]
    public void ProtectEvent_LocationAbsentOrNull_Unchanged()
    {
        var protector = Protector(("k1", Key1));
        const string data = """{"category":"complaint","location":null,"subject":"s"}""";

        Assert.Equal(data, protector.ProtectEvent(ComplaintStore.PersonalFields, "T-1", 1, ComplaintEventTypes.Received, "hotline", "12345热线", data).Data);
    }

    private static PersonalDataProtector Protector(params (string Id, string Key)[] keys)
    {
        var options = new PersonalDataOptions { ActiveKey = keys[^1].Id };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new PersonalDataProtector(PersonalDataKeyRing.Create(options, isProduction: false), NullLogger<PersonalDataProtector>.Instance);
    }
}
