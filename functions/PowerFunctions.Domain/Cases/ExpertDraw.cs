using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PowerFunctions.Domain.Common;

namespace PowerFunctions.Domain.Cases;

/// <summary>
/// The random draw of experts from a department pool. Deterministic for a seed, so a supervisor who
/// re-runs it with the recorded pool, count and seed gets the same experts: a Fisher–Yates shuffle
/// whose i-th index is SHA-256("{seed}:{i}") (first 8 bytes, big-endian, unsigned) modulo the rest.
/// Source: seed 000 §5(三)2 (at least one third of the pool external; experts drawn at random).
/// </summary>
public static class ExpertDraw
{
    /// <summary>Checks the pool and the count (every problem at once).</summary>
    /// <remarks>Source: seed 000 §5(三)2 — at least one third of the pool are external experts.</remarks>
    public static Result<bool> Validate(IReadOnlyList<ExpertCandidate> pool, int count)
    {
        var errors = new Dictionary<string, string[]>();
        if (pool.Count == 0)
        {
            errors["pool"] = ["专家库不能为空"];
        }
        else
        {
            if (pool.Any(e => string.IsNullOrWhiteSpace(e.Id) || string.IsNullOrWhiteSpace(e.Name)))
            {
                errors["pool"] = ["每位专家须有编号和姓名"];
            }
            else if (pool.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() != pool.Count)
            {
                errors["pool"] = ["专家编号不能重复"];
            }
            else if (pool.Count(e => e.External) * 3 < pool.Count)
            {
                errors["pool"] = [$"外部专家须占专家库三分之一以上（现为 {pool.Count(e => e.External)}/{pool.Count}）"];
            }
        }

        if (count < 1 || count > pool.Count)
        {
            errors["count"] = [$"抽取人数须在 1 至 {Math.Max(pool.Count, 1)} 之间"];
        }

        return errors.Count == 0
            ? true
            : DomainError.Validation("case.expert_pool_invalid", "专家抽取条件不符合规定", string.Join("; ", errors.SelectMany(e => e.Value)), errors);
    }

    /// <summary>The <paramref name="count"/> experts drawn from <paramref name="pool"/> with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<ExpertCandidate> Draw(IReadOnlyList<ExpertCandidate> pool, int count, long seed)
    {
        var order = pool.ToArray();
        for (var i = 0; i < count; i++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{i}")));
            var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
            var j = i + (int)(value % (ulong)(order.Length - i));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order.Take(count).ToArray();
    }
}
