using System.ComponentModel;
using System.Reflection;
using System.Text.Json;

namespace PowerFunctions.Domain.Common;

/// <summary>
/// The API spelling of a domain enum, in one place for every vocabulary: the member name in kebab case
/// (<c>ExpertReview</c> → <c>expert-review</c>, <c>InPerson</c> → <c>in-person</c>), the same spelling
/// the JSON of the API and of stored events uses. The Chinese name is the member's
/// <see cref="DescriptionAttribute"/> (the name itself when it has none).
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
public static class ApiCode<T>
    where T : struct, Enum
{
    private static readonly (T Value, string Code, string Chinese)[] Members = Enum.GetValues<T>()
        .Select(v => (v, JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()), typeof(T).GetField(v.ToString())!.GetCustomAttribute<DescriptionAttribute>()?.Description ?? v.ToString()))
        .ToArray();

    /// <summary>Every member, in declaration order.</summary>
    public static IReadOnlyList<T> All { get; } = Members.Select(m => m.Value).ToArray();

    /// <summary>Every API code, in declaration order.</summary>
    public static IReadOnlyList<string> Codes { get; } = Members.Select(m => m.Code).ToArray();

    /// <summary>The API code of <paramref name="value"/>.</summary>
    public static string Of(T value) => Members.First(m => m.Value.Equals(value)).Code;

    /// <summary>The Chinese name of <paramref name="value"/>.</summary>
    public static string Chinese(T value) => Members.First(m => m.Value.Equals(value)).Chinese;

    /// <summary>The member whose API code is exactly <paramref name="code"/>, or null.</summary>
    public static T? Parse(string? code)
    {
        foreach (var m in Members)
        {
            if (string.Equals(m.Code, code, StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        return null;
    }
}
