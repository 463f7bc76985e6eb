using System.Text.Encodings.Web;
using System.Text.Json;
using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Documents.Sealing;

/// <summary>
/// <c>seal-key --dept D01 --name 示例市市场监督管理局 --valid-from 2027-01-01T00:00:00+08:00
/// --valid-to 2032-01-01T00:00:00+08:00 [--key-id D01-2027] [--seal-id D01-SEAL-2027]</c>: makes a new
/// SM2 key pair (BouncyCastle) and prints the JSON a Key Vault secret version <c>seal-{dept}</c> holds
/// (the same fields as a <c>Seal:Keys:{dept}</c> block), checked as the app will read it. The private
/// key goes to standard output only; the public part and the next steps to standard error.
/// </summary>
public static class SealKeyCommand
{
    public const string Name = "seal-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Usage(error, $"unexpected argument '{args[i]}'");
            }

            options[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0)
        {
            return Usage(error, $"'{args[^1]}' has no value");
        }

        if (!options.TryGetValue("dept", out var department) || string.IsNullOrWhiteSpace(department))
        {
            return Usage(error, "--dept is required");
        }

        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var key = new SealKeyOptions
        {
            DepartmentCode = department,
            KeyId = options.GetValueOrDefault("key-id"),
            SealId = options.GetValueOrDefault("seal-id"),
            DepartmentName = options.GetValueOrDefault("name"),
            PrivateKey = privateKey,
            PublicKey = publicKey,
            ValidFrom = options.GetValueOrDefault("valid-from"),
            ValidTo = options.GetValueOrDefault("valid-to"),
        };
        SealKey parsed;
        try
        {
            parsed = SealKeyParser.Parse(key, department, field => "--" + field switch
            {
                "DepartmentName" => "name",
                "KeyId" => "key-id",
                "SealId" => "seal-id",
                "ValidFrom" => "valid-from",
                "ValidTo" => "valid-to",
                _ => field.ToLowerInvariant(),
            }, requirePrivateKey: true, "key-vault");
        }
        catch (ConfigurationException e)
        {
            return Usage(error, e.Message);
        }

        output.WriteLine(JsonSerializer.Serialize(new
        {
            departmentCode = parsed.DepartmentCode,
            keyId = parsed.KeyId,
            sealId = parsed.SealId,
            departmentName = parsed.DepartmentName,
            privateKey,
            publicKey,
            validFrom = key.ValidFrom,
            validTo = key.ValidTo,
        }, Json));
        error.WriteLine($"key {parsed.KeyId} of seal {parsed.SealId} ({parsed.DepartmentCode}), public key {parsed.PublicKey}");
        error.WriteLine($"store it as a new version of Key Vault secret {KeyVaultSealKeys.SecretName(parsed.DepartmentCode)} (README, Sealed documents: key rotation), then delete the file.");
        return 0;
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine("usage: seal-key --dept CODE --name DEPARTMENT-NAME --valid-from ISO-8601 --valid-to ISO-8601 [--key-id ID] [--seal-id ID]");
        return 2;
    }
}
