using PowerFunctions.App.Config;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Settings of the supervision centre (section <c>Supervision</c>), checked at start: who issues and seals its documents
/// (the 整改通知书 and the quarterly 通报: the supervision body, not the department supervised), how many cases the
/// monthly spot check draws, and how many case files go into one volume of a quarterly archive.
/// </summary>
public sealed class SupervisionOptions
{
    /// <summary>The most cases one spot-check draw samples.</summary>
    public const int MaxSpotCheckSize = 200;

    /// <summary>The supervision body's code: its seal key is <c>Seal:Keys:{IssuerCode}</c> (or Key Vault <c>seal-{IssuerCode}</c>).</summary>
    public string IssuerCode { get; set; } = "JCZX";

    /// <summary>The supervision body's name, printed as the letterhead and on the seal (at most 40 characters).</summary>
    public string IssuerName { get; set; } = "示例市行政权力电子监察中心";

    /// <summary>Cases the monthly spot check draws from the month's closed cases (1–200).</summary>
    public int MonthlySpotCheckSize { get; set; } = 10;

    /// <summary>Case files per volume of a quarterly archive (10–1,000): one volume is assembled in memory.</summary>
    public int CaseFilesPerVolume { get; set; } = 100;

    /// <summary>Reads and checks the section; a bad value stops the app naming the setting.</summary>
    public static SupervisionOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Supervision").Get<SupervisionOptions>() ?? new SupervisionOptions();
        if (options.IssuerCode is not { Length: >= 1 and <= 32 } code || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ConfigurationException($"Supervision:IssuerCode='{options.IssuerCode}' must be 1–32 letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(options.IssuerName) || options.IssuerName.Trim().Length > 40)
        {
            throw new ConfigurationException("Supervision:IssuerName must be 1–40 characters.");
        }

        if (options.MonthlySpotCheckSize is < 1 or > MaxSpotCheckSize)
        {
            throw new ConfigurationException($"Supervision:MonthlySpotCheckSize={options.MonthlySpotCheckSize} is outside 1–{MaxSpotCheckSize}.");
        }

        if (options.CaseFilesPerVolume is < 10 or > 1000)
        {
            throw new ConfigurationException($"Supervision:CaseFilesPerVolume={options.CaseFilesPerVolume} is outside 10–1000.");
        }

        options.IssuerName = options.IssuerName.Trim();
        return options;
    }
}
