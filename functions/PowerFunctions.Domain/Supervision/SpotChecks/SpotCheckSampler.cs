using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Supervision.SpotChecks;

/// <summary>
/// The risk-weighted spot-check draw (随机抽查 by 风险等级). Higher-risk powers are supervised more closely (seed 003
/// 风险等级): each closed case weighs by its item's risk level, <see cref="Weights"/> A = 4, B = 2, C = 1, and is
/// included with probability proportional to its weight, without replacement, exactly <c>sampleSize</c> cases:
/// <list type="number">
/// <item>the candidates are sorted by case number (the input order does not matter), then shuffled by a Fisher–Yates
/// shuffle whose i-th index is SHA-256("{seed}:shuffle:{i}") (first 8 bytes, big-endian) modulo the rest;</item>
/// <item>a case whose share n·w/W reaches 1 (n cases still to draw, W the weight of the cases left) is taken with
/// certainty, repeatedly, as systematic πps sampling requires;</item>
/// <item>the rest are laid end to end in the shuffled order, case i as an interval of length n·wᵢ, and the cases under
/// the points u, u + W, …, u + (n−1)·W are drawn, u = SHA-256("{seed}:start") modulo W (systematic sampling with
/// probability proportional to size, Madow 1949). Integer arithmetic throughout: no rounding, same on every machine.</item>
/// </list>
/// Each case is then included with probability exactly n·w/W (over the start u; see <see cref="InclusionProbability"/>),
/// so an A case is four times as likely as a C case, and at least twice as likely whenever the sample is small enough
/// that a C case's probability is at most 1/2 (beyond that every A case is drawn with certainty; a sample that takes
/// most of the population cannot favour anyone). The seed and the population's SHA-256 are recorded, so anyone can re-run
/// the draw (<see cref="Verify"/>). Source: seed 003 (风险等级: higher-risk powers supervised more closely).
/// </summary>
public static class SpotCheckSampler
{
    public const string Source = "seed 003 (风险等级)";

    /// <summary>The weight of each risk level. Source: seed 003 (风险等级).</summary>
    public static IReadOnlyDictionary<string, int> Weights { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["A"] = 4, ["B"] = 2, ["C"] = 1 };

    /// <summary>The most candidates one draw takes (the integer arithmetic stays far inside 64 bits).</summary>
    public const int MaxPopulation = 1_000_000;

    /// <summary>Checks the population and the sample size, every problem at once.</summary>
    public static Result<bool> Validate(IReadOnlyList<SpotCheckCandidate> candidates, int sampleSize)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var errors = new Dictionary<string, string[]>();
        if (candidates.Count == 0)
        {
            errors["population"] = ["本期没有可抽查的已办结办件"];
        }
        else if (candidates.Count > MaxPopulation)
        {
            errors["population"] = [$"一次抽查的办件不超过 {MaxPopulation} 件"];
        }
        else if (candidates.Any(c => !SupervisionText.IsCode(c.CaseNo) || !SupervisionText.IsCode(c.Department) || !SupervisionText.IsCode(c.ItemCode)))
        {
            errors["population"] = ["办件编号、部门编码或事项编码格式无效"];
        }
        else if (candidates.Any(c => !Weights.ContainsKey(c.RiskLevel ?? string.Empty)))
        {
            errors["population"] = ["风险等级须为 A、B 或 C"];
        }
        else if (candidates.Select(c => c.CaseNo).Distinct(StringComparer.Ordinal).Count() != candidates.Count)
        {
            errors["population"] = ["办件编号不能重复"];
        }

        if (sampleSize < 1 || (candidates.Count > 0 && sampleSize > candidates.Count))
        {
            errors["sampleSize"] = [$"抽查数量须在 1 至 {Math.Max(1, candidates.Count)} 之间"];
        }

        return errors.Count == 0 ? true : SpotCheckErrors.Invalid(errors);
    }

    /// <summary>Draws <paramref name="sampleSize"/> of <paramref name="candidates"/> with <paramref name="seed"/> for <paramref name="period"/>. Source: seed 003 (风险等级).</summary>
    public static Result<SpotCheckDraw> Draw(string period, IReadOnlyList<SpotCheckCandidate> candidates, int sampleSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (Validate(candidates, sampleSize) is { IsSuccess: false } invalid)
        {
            return Result<SpotCheckDraw>.Failure(invalid.Error);
        }

        var order = Shuffle(candidates, seed);
        var certain = new List<SpotCheckCandidate>();
        var rest = order.ToList();
        long n = sampleSize;
        while (n > 0)
        {
            long total = rest.Sum(c => (long)Weights[c.RiskLevel]);
            var sure = rest.Where(c => n * Weights[c.RiskLevel] >= total).ToList();
            if (sure.Count == 0)
            {
                break;
            }

            certain.AddRange(sure.Take((int)n));
            n -= Math.Min(n, sure.Count);
            rest = [.. rest.Except(sure)];
        }

        var drawn = new List<SpotCheckPick>(certain.Select(c => new SpotCheckPick(c, Weights[c.RiskLevel], 1.0)));
        if (n > 0)
        {
            long total = rest.Sum(c => (long)Weights[c.RiskLevel]);
            drawn.AddRange(Systematic(rest, n, total, Start(seed, total)).Select(c => new SpotCheckPick(c, Weights[c.RiskLevel], (double)(n * Weights[c.RiskLevel]) / total)));
        }

        return new SpotCheckDraw(
            period,
            seed,
            sampleSize,
            candidates.Count,
            PopulationSha256(candidates),
            Weights,
            [.. drawn.OrderBy(p => p.CaseNo, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Re-runs a recorded draw over <paramref name="candidates"/>: the same population (by SHA-256) and the same cases,
    /// or <c>spot_check.not_reproduced</c> saying what differs.
    /// </summary>
    public static Result<bool> Verify(SpotCheckDraw recorded, IReadOnlyList<SpotCheckCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(candidates);
        var digest = PopulationSha256(candidates);
        if (!string.Equals(digest, recorded.PopulationSha256, StringComparison.Ordinal))
        {
            return SpotCheckErrors.NotReproduced($"the population hashes to {digest}, the draw recorded {recorded.PopulationSha256}");
        }

        var again = Draw(recorded.Period, candidates, recorded.SampleSize, recorded.Seed);
        if (!again.IsSuccess)
        {
            return Result<bool>.Failure(again.Error);
        }

        var a = again.Value.Picks.Select(p => p.CaseNo);
        var b = recorded.Picks.Select(p => p.CaseNo);
        return a.SequenceEqual(b, StringComparer.Ordinal)
            ? true
            : SpotCheckErrors.NotReproduced($"re-drawn {string.Join(",", a)}; recorded {string.Join(",", b)}");
    }

    /// <summary>
    /// The exact inclusion probability (numerator, denominator) of a case of each risk level present in
    /// <paramref name="candidates"/> for a sample of <paramref name="sampleSize"/>: 1/1 for the levels taken with
    /// certainty, n·w/W for the others. Source: seed 003 (风险等级).
    /// </summary>
    public static IReadOnlyDictionary<string, (long Numerator, long Denominator)> InclusionProbability(IReadOnlyList<SpotCheckCandidate> candidates, int sampleSize)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var counts = candidates.GroupBy(c => c.RiskLevel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var result = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        long n = sampleSize;
        var left = new Dictionary<string, long>(counts, StringComparer.Ordinal);
        while (n > 0 && left.Count > 0)
        {
            long total = left.Sum(l => l.Value * Weights[l.Key]);
            var sure = left.Keys.Where(level => n * Weights[level] >= total).ToList();
            if (sure.Count == 0)
            {
                foreach (var level in left.Keys)
                {
                    var num = n * Weights[level];
                    var gcd = (long)System.Numerics.BigInteger.GreatestCommonDivisor(num, total);
                    result[level] = (num / gcd, total / gcd);
                }

                return result;
            }

            foreach (var level in sure)
            {
                result[level] = (1, 1);
                n -= left[level];
                left.Remove(level);
            }
        }

        foreach (var level in left.Keys)
        {
            result[level] = (0, 1);
        }

        return result;
    }

    /// <summary>The SHA-256 (lower-case hex) of the population: one line <c>caseNo|department|itemCode|risk</c> per case, sorted by case number.</summary>
    public static string PopulationSha256(IEnumerable<SpotCheckCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var text = new StringBuilder();
        foreach (var c in candidates.OrderBy(c => c.CaseNo, StringComparer.Ordinal))
        {
            text.Append(c.CaseNo).Append('|').Append(c.Department).Append('|').Append(c.ItemCode).Append('|').Append(c.RiskLevel).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The systematic step on its own, for tests: in <paramref name="order"/>, case i covers [Cᵢ₋₁, Cᵢ) with length
    /// n·wᵢ; the cases under the points start + j·total (j &lt; n) are drawn. Every n·wᵢ must be below total.
    /// </summary>
    public static IReadOnlyList<SpotCheckCandidate> Systematic(IReadOnlyList<SpotCheckCandidate> order, long n, long total, long start)
    {
        ArgumentNullException.ThrowIfNull(order);
        var drawn = new List<SpotCheckCandidate>();
        long from = 0;
        var point = start;
        foreach (var c in order)
        {
            var to = from + (n * Weights[c.RiskLevel]);
            if (point < to && drawn.Count < n)
            {
                drawn.Add(c);
                point += total;
            }

            from = to;
        }

        return drawn;
    }

    private static List<SpotCheckCandidate> Shuffle(IReadOnlyList<SpotCheckCandidate> candidates, long seed)
    {
        var order = candidates.OrderBy(c => c.CaseNo, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < order.Length - 1; i++)
        {
            var j = i + (int)(Hash(seed, $"shuffle:{i.ToString(CultureInfo.InvariantCulture)}") % (ulong)(order.Length - i));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return [.. order];
    }

    private static long Start(long seed, long total) => (long)(Hash(seed, "start") % (ulong)total);

    private static ulong Hash(long seed, string label) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{label}"))));
}
