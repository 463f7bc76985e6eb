namespace PowerFunctions.App.Http;

/// <summary>
/// The one check of an idempotency key, wherever it comes from (the <c>Idempotency-Key</c> header, a queued
/// message's <c>idempotencyKey</c>): 1 to <see cref="MaxLength"/> printable characters, else 400
/// <c>request.idempotency_key_required</c>.
/// </summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 200;

    /// <summary>The key when it is usable; throws the 400 otherwise.</summary>
    public static string Require(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength || HasControl(key))
        {
            throw new ProblemException(400, "request.idempotency_key_required", "缺少或无效的幂等键", $"the Idempotency-Key header is required (1-{MaxLength} printable characters)");
        }

        return key;
    }

    private static bool HasControl(string key)
    {
        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
