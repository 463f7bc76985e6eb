using PowerFunctions.Domain.Cases;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// How a filer's contact appears in every list (and in any text a log might catch): the name as the
/// public sees applicants (张小三 → 张*三, <see cref="NameMask"/>), the phone with only its first three and
/// last four digits (13800001234 → 138****1234), the e-mail with only its first character and domain.
/// Source: 信访工作条例 (2022) (the filer's particulars are protected); seed 002 (监督检查办法 第十三条: no personal privacy).
/// </summary>
public static class ContactMask
{
    /// <summary>张小三 → 张*三, 张三 → 张*.</summary>
    public static string Name(string? name) => NameMask.Mask(name ?? string.Empty);

    /// <summary>
    /// The digits of <paramref name="phone"/> with all but the first three and last four starred
    /// (13800001234 → 138****1234; separators dropped); a number of fewer than eight digits is starred whole.
    /// </summary>
    public static string Phone(string? phone)
    {
        var digits = new string((phone ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 8)
        {
            return new string('*', Math.Max(4, digits.Length));
        }

        return digits[..3] + new string('*', digits.Length - 7) + digits[^4..];
    }

    /// <summary>zhang.san@example.cn → z***@example.cn.</summary>
    public static string Email(string? email)
    {
        var text = email ?? string.Empty;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : text[0] + "***" + text[at..];
    }
}
