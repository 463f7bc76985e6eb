using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Documents.Sealing;

namespace PowerFunctions.App.Tests.Documents;

/// <summary><c>Seal:*</c> read and checked: every mistake stops the app naming the setting.</summary>
public sealed class SealSettingsTests
{
    private static readonly string Current = SealCrypto.GenerateKey().PrivateKey;
    private static readonly string RetiredPublic = SealCrypto.GenerateKey().PublicKey;

    [Fact]
    public void Read_CurrentAndRetiredKeys_OneRingWithPeriods()
    {
        var settings = Read(Keys());

        var ring = settings.Configured["D01"];
        Assert.Equal(["D01-2025", "D01-2026"], ring.Keys.Select(k => k.KeyId));
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:00+08:00"), ring.Keys[0].RetiredAt);
        Assert.Null(ring.Keys[0].PrivateKey);
        Assert.Equal("示例市市场监督管理局", ring.Keys[0].DepartmentName);   // the current key's name by default
        Assert.Equal(SealCrypto.PublicKeyOf(Current), ring.Keys[1].PublicKey);
        Assert.Null(settings.KeyVaultUri);
        Assert.Equal(SealSettings.DefaultKeyVaultRefreshInterval, settings.KeyVaultRefreshInterval);
    }

    [Fact]
    public void Read_KeyIdAndSealIdNotGiven_DerivedFromThePublicKey()
    {
        var keys = Keys();
        keys.Remove("Seal:Keys:D01:KeyId");
        keys.Remove("Seal:Keys:D01:SealId");

        var key = Read(keys).Configured["D01"].Keys[^1];

        Assert.Equal("D01-" + SealCrypto.PublicKeyOf(Current)[2..10], key.KeyId);
        Assert.Equal(key.KeyId, key.SealId);
    }

    [Theory]
    [InlineData("Seal:Keys:D01:PrivateKey", "not-a-key", "Seal:Keys:D01:PrivateKey")]
    [InlineData("Seal:Keys:D01:PrivateKey", "", "Seal:Keys:D01:PrivateKey")]
    [InlineData("Seal:Keys:D01:PublicKey", "04AB", "Seal:Keys:D01:PublicKey")]
    [InlineData("Seal:Keys:D01:KeyId", "D01 2026", "Seal:Keys:D01:KeyId")]
    [InlineData("Seal:Keys:D01:DepartmentCode", "D02", "Seal:Keys:D01:DepartmentCode")]
    [InlineData("Seal:Keys:D01:ValidTo", "2025-01-01T00:00:00+08:00", "Seal:Keys:D01:ValidTo")]
    [InlineData("Seal:Keys:D01:ValidFrom", "next year", "Seal:Keys:D01:ValidFrom")]
    [InlineData("Seal:Keys:D01:Retired:0:PublicKey", "", "Seal:Keys:D01:Retired:0:PublicKey")]
    [InlineData("Seal:Keys:D01:Retired:0:ValidFrom", "2026-06-01T00:00:00+08:00", "Seal:Keys:D01:Retired:0:ValidFrom")]
    [InlineData("Seal:Keys:D01:Retired:0:KeyId", "D01-2026", "Seal:Keys:D01")]
    [InlineData("Seal:Keys:D0 1:PrivateKey", "x", "Seal:Keys:D0 1")]
    [InlineData("Seal:KeyVaultUri", "kv-powerfunctions", "Seal:KeyVaultUri")]
    [InlineData("Seal:KeyVaultUri", "http://kv.vault.azure.net/", "Seal:KeyVaultUri")]
    [InlineData("Seal:KeyVaultRefreshInterval", "often", "Seal:KeyVaultRefreshInterval")]
    [InlineData("Seal:KeyVaultRefreshInterval", "00:00:01", "Seal:KeyVaultRefreshInterval")]
    [InlineData("Seal:GenerateDevelopmentKeys", "perhaps", "Seal:GenerateDevelopmentKeys")]
    public void Read_BadSetting_ConfigurationErrorNamingIt(string name, string value, string named)
    {
        var keys = Keys();
        keys[name] = value;

        var error = Assert.Throws<ConfigurationException>(() => Read(keys));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProductionWithNoKeySource_RefusedNamingKeyVaultUri()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read([], Environments.Production));

        Assert.Contains("Seal:KeyVaultUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("Seal:Keys", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Seal:KeyVaultUri", "https://kv-powerfunctions-prod.vault.azure.net/")]
    [InlineData("Seal:GenerateDevelopmentKeys", "true")]
    public void Read_ProductionWithAKeySource_Accepted(string name, string value)
    {
        var settings = Read(new Dictionary<string, string?> { [name] = value }, Environments.Production);

        Assert.True(settings.KeyVaultUri is not null || settings.GenerateDevelopmentKeys);
    }

    [Fact]
    public void Read_ProductionWithConfiguredKeys_AcceptedWithoutDevelopmentKeys()
    {
        var settings = Read(Keys(), Environments.Production);

        Assert.False(settings.GenerateDevelopmentKeys);
        Assert.Single(settings.Configured);
    }

    private static Dictionary<string, string?> Keys() => new()
    {
        ["Seal:Keys:D01:KeyId"] = "D01-2026",
        ["Seal:Keys:D01:SealId"] = "D01-SEAL",
        ["Seal:Keys:D01:DepartmentName"] = "示例市市场监督管理局",
        ["Seal:Keys:D01:PrivateKey"] = Current,
        ["Seal:Keys:D01:ValidFrom"] = "2026-01-01T00:00:00+08:00",
        ["Seal:Keys:D01:ValidTo"] = "2031-01-01T00:00:00+08:00",
        ["Seal:Keys:D01:Retired:0:KeyId"] = "D01-2025",
        ["Seal:Keys:D01:Retired:0:SealId"] = "D01-SEAL",
        ["Seal:Keys:D01:Retired:0:PublicKey"] = RetiredPublic,
        ["Seal:Keys:D01:Retired:0:ValidFrom"] = "2025-01-01T00:00:00+08:00",
        ["Seal:Keys:D01:Retired:0:ValidTo"] = "2030-01-01T00:00:00+08:00",
    };

    private static SealSettings Read(Dictionary<string, string?> values, string environment = "Development") =>
        SealSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), new HostingEnvironment { EnvironmentName = environment });
}
