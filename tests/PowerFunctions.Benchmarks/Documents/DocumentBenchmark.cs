using System.Diagnostics;
using System.Globalization;
using PowerFunctions.App.Features.Documents;
using PowerFunctions.App.Features.Documents.Pdf;
using PowerFunctions.App.Features.Documents.Rendering;
using PowerFunctions.App.Features.Documents.Sealing;

namespace PowerFunctions.Benchmarks.Documents;

/// <summary>
/// Documents rendered (PDF with a subset CJK font, seal mark, QR code) and sealed (SM3 + SM2) per
/// second, on all cores: <c>dotnet run -c Release --project tests/PowerFunctions.Benchmarks -- documents [seconds]</c>.
/// Storage is not included (it is the embedded or Azure store's own number).
/// </summary>
public sealed class DocumentBenchmark : IBenchmarkCommand
{
    public string Name => "documents";

    public string Description => "documents rendered and SM2-sealed per second (arg: seconds, default 10)";

    public Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 10;
        var loading = Stopwatch.StartNew();
        var font = new PdfFontSet(BundledFonts.LoadLatin(), BundledFonts.LoadCjk());
        var first = loading.Elapsed;
        loading.Restart();
        _ = BundledFonts.LoadCjk();
        Console.WriteLine($"bundled fonts loaded in {first.TotalMilliseconds:0} ms, the CJK font again in {loading.Elapsed.TotalMilliseconds:0} ms (JIT done) ({font.Cjk.GlyphCount} CJK glyphs, {font.Latin.GlyphCount} Latin glyphs)");
        var (privateKey, publicKey) = SealCrypto.GenerateKey();
        var now = new DateTimeOffset(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(8));
        var key = new SealKey
        {
            KeyId = "D01-BENCH",
            SealId = "D01-BENCH",
            DepartmentCode = "D01",
            DepartmentName = "示例市市场监督管理局",
            ValidFrom = now.AddYears(-1),
            ValidTo = now.AddYears(4),
            PublicKey = publicKey,
            PrivateKey = privateKey,
        };
        var types = Enum.GetValues<DocumentType>();

        // Warm up every path once.
        long bytes = 0;
        foreach (var type in types)
        {
            bytes = One(font, key, type, 0, now).Length;
        }

        // Single-threaded split: render vs seal, so a regression shows where it is.
        var pdfSample = One(font, key, DocumentType.DenialDecision, 1, now, seal: false);
        var split = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            One(font, key, types[i % types.Length], i, now, seal: false);
        }

        var renderMs = split.Elapsed.TotalMilliseconds / 20;
        // Seal-only timing: many iterations on one thread (a seal is a few milliseconds at most, so 20 runs
        // on a shared machine are noise). Sign = SM2 over the to-be-signed block; seal adds SM3 and SHA-256 of the PDF.
        const int sealRuns = 200;
        var envelopeSample = DocumentSealer.Seal(pdfSample, "x", key, now).Value;
        var trusted = new[] { key with { PrivateKey = null } };
        var (sealMs, sealCpu) = PerRun(sealRuns, () => DocumentSealer.Seal(pdfSample, "x", key, now));
        var tbs = DocumentSealer.ToBeSigned(envelopeSample.Format, envelopeSample.Seal, envelopeSample.Signature);
        var (signMs, signCpu) = PerRun(sealRuns, () => SealCrypto.Sign(privateKey, tbs));
        var (verifyMs, verifyCpu) = PerRun(sealRuns, () => DocumentSealer.Verify(pdfSample, envelopeSample, trusted));
        split.Restart();
        for (var i = 0; i < 20; i++)
        {
            SealCrypto.Sm3Hex(pdfSample);
        }

        var sm3Ms = split.Elapsed.TotalMilliseconds / 20;
        split.Restart();
        for (var i = 0; i < 20; i++)
        {
            using var generator = new QRCoder.QRCodeGenerator();
            using var code = generator.CreateQrCode("https://powerfunctions.gov.cn/api/documents/D01-2026-000123-approval-decision-1/verify", QRCoder.QRCodeGenerator.ECCLevel.M);
        }

        var qrMs = split.Elapsed.TotalMilliseconds / 20;
        Console.WriteLine($"seal-only, CPU time per run: seal {sealCpu:0.00} ms, SM2 sign {signCpu:0.00} ms, verify {verifyCpu:0.00} ms (what an idle core would take; wall clock above)");
        Console.WriteLine($"one thread: render {renderMs:0.00} ms (QR {qrMs:0.00} ms), seal {sealMs:0.00} ms (SM2 sign {signMs:0.00} ms, SM3 {sm3Ms:0.00} ms), verify {verifyMs:0.00} ms per document (seal-only timing over {sealRuns} runs)");

        var counts = new long[Environment.ProcessorCount];
        var totalBytes = new long[Environment.ProcessorCount];
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            var n = 0L;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                totalBytes[worker] += One(font, key, types[n % types.Length], (worker * 1_000_000) + n, now).Length;
                n++;
            }

            counts[worker] = n;
        });
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var total = counts.Sum();
        Console.WriteLine($"documents: {total} rendered and sealed in {watch.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores = {total / watch.Elapsed.TotalSeconds:0.0} documents/s; mean size {totalBytes.Sum() / Math.Max(1, total) / 1024.0:0.0} KB (last warm-up {bytes / 1024.0:0.0} KB)");
        // On a shared machine wall-clock rate understates; CPU time per document says what idle cores would do.
        var cpuPerDocument = cpu.TotalMilliseconds / Math.Max(1, total);
        Console.WriteLine($"cpu: {cpuPerDocument:0.00} ms of CPU per document = {1000 / cpuPerDocument * Environment.ProcessorCount:0} documents/s on {Environment.ProcessorCount} idle cores");
        return Task.FromResult(0);
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="runs"/> times on this thread: wall-clock and process CPU milliseconds per run (CPU time is the steadier figure on a shared machine).</summary>
    private static (double WallMs, double CpuMs) PerRun(int runs, Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            action();
        }

        return (wall.Elapsed.TotalMilliseconds / runs, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs);
    }

    private static byte[] One(PdfFontSet font, SealKey key, DocumentType type, long n, DateTimeOffset now, bool seal = true)
    {
        var caseNo = $"D01-2026-{n % 1_000_000:000000}";
        var request = new DocumentRequest
        {
            DocumentId = $"{caseNo}-{type}-1",
            Type = type,
            CaseNo = caseNo,
            DepartmentCode = "D01",
            DepartmentName = key.DepartmentName,
            ApplicantName = "杭州示例餐饮管理有限公司",
            ItemName = "食品经营许可证核发",
            IssuedAt = now,
            Fields = [new("受理日期", "2026年9月18日"), new("承诺办结期限", "2026年10月23日前（10个工作日）")],
            Paragraphs = ["缺少经营场所使用证明（房屋租赁合同或产权证明复印件）。", "食品安全管理制度文本未加盖申请人公章。"],
            Acceptance = new AcceptanceFacts(new DateOnly(2026, 10, 23), "Q7K2-9XPM"),
            Suspension = new SuspensionFacts("专家评审", new DateOnly(2026, 9, 21), "预计二十个工作日"),
            Extension = new ExtensionFacts(new DateOnly(2026, 10, 23), new DateOnly(2026, 11, 6)),
        };
        var pdf = new DocumentRenderer(font).Render(request, $"https://powerfunctions.gov.cn/api/documents/{request.DocumentId}/verify", DocumentRenderer.ContentDigest(request));
        if (!seal)
        {
            return pdf;
        }

        var envelope = DocumentSealer.Seal(pdf, request.DocumentId, key, now);
        return envelope.IsSuccess ? pdf : throw new InvalidOperationException(envelope.Error!.Title);
    }
}
