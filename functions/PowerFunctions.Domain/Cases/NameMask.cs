namespace PowerFunctions.Domain.Cases;

/// <summary>
/// How an applicant's name appears in public (progress page, publicity, results): first and last
/// character kept, the rest starred (张三 → 张*, 张小三 → 张*三). Id numbers and phones never appear.
/// Source: seed 002 (监督检查办法 第十三条: results are published except personal privacy); seed 000 §5(二)7.
/// </summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        var text = (name ?? string.Empty).Trim();
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var elements = new List<string>();
        while (chars.MoveNext())
        {
            elements.Add(chars.GetTextElement());
        }

        return elements.Count switch
        {
            0 => "*",
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }
}
