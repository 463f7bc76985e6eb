using System.Diagnostics;

namespace PowerFunctions.App.Tests.Documents;

/// <summary>Runs qpdf, pdftotext and pdffonts (Debian packages installed by tests/prerequisites.sh) on a PDF.</summary>
internal static class PdfTools
{
    /// <summary><c>qpdf --check</c>: exit code and output.</summary>
    public static (int ExitCode, string Output) Check(byte[] pdf) => WithFile(pdf, path => Run("qpdf", "--check", path));

    /// <summary>The text <c>pdftotext</c> extracts (UTF-8).</summary>
    public static string ExtractText(byte[] pdf) => WithFile(pdf, path =>
    {
        var (code, output) = Run("pdftotext", "-enc", "UTF-8", "-layout", path, "-");
        Assert.True(code == 0, "pdftotext failed: " + output);
        return output;
    });

    /// <summary><c>pdffonts</c>: the font table.</summary>
    public static string Fonts(byte[] pdf) => WithFile(pdf, path => Run("pdffonts", path).Output);

    private static T WithFile<T>(byte[] pdf, Func<string, T> action)
    {
        var path = Path.Combine(Path.GetTempPath(), "pf-doc-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return action(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
