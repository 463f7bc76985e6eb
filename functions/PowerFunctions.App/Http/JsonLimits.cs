using System.Text;
using System.Text.Json;

namespace PowerFunctions.App.Http;

/// <summary>
/// The limits every JSON body meets before any function reads it (checked once by the pipeline, so no route can
/// forget): nesting depth, the length of every string and property name, the items of every array, the
/// properties of every object, and the text of the whole body as stored. One walk of the bytes
/// (<see cref="Utf8JsonReader"/>, no tree built), linear in the body.
/// <para>
/// A string or array is measured against the first table entry met walking outwards from it through the names
/// of its enclosing properties (so <c>form</c>'s limit covers every value inside the form, <c>holidays</c> the
/// holiday list); the default otherwise. Malformed JSON answers 400 <c>request.malformed_json</c>; a limit 422
/// with the JSON path in <c>errors</c> and <c>field</c>: <c>request.field_too_long</c>,
/// <c>request.too_many_items</c>, <c>request.too_deep</c>, <c>request.body_text_too_long</c>.
/// </para>
/// <para>
/// Why these numbers: a case event, a catalog entry or a complaint is stored as one JSON property, which holds
/// at most 32,768 characters (Azure Table Storage's 64 KiB string; the embedded store keeps the same rule).
/// <see cref="MaxStoredText"/> keeps a whole body, as the event's data would write it (HTML-sensitive characters
/// escaped to six), well inside that; the per-field limits keep each field at what its form on screen allows.
/// Domain rules may set tighter numbers where the law or the page needs one (holidays of a year, objections).
/// </para>
/// </summary>
public static class JsonLimits
{
    /// <summary>Deepest nesting of objects and arrays (the deepest body, a catalog item, nests 4).</summary>
    public const int MaxDepth = 16;

    /// <summary>Characters of a string value or property name with no entry in <see cref="StringLimits"/>: names, codes, dates, addresses.</summary>
    public const int DefaultMaxString = 500;

    /// <summary>Characters of free text: opinions, reasons, reports, objections, notes, descriptions.</summary>
    public const int MaxText = 5_000;

    /// <summary>Items of an array with no entry in <see cref="ArrayLimits"/>.</summary>
    public const int DefaultMaxItems = 100;

    /// <summary>Properties of one object (<c>form</c> is the only open one).</summary>
    public const int MaxProperties = 200;

    /// <summary>
    /// Characters of all strings and names of a body as stored (a character that JSON escapes for HTML counts 6):
    /// one stored property holds 32,768, and the event around the body needs room of its own.
    /// </summary>
    public const int MaxStoredText = 24_000;

    /// <summary>Longest string per property name (camelCase, as on the wire); see the class remarks for how a name is found.</summary>
    public static IReadOnlyDictionary<string, int> StringLimits { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // free text
        ["opinion"] = MaxText, ["report"] = MaxText, ["reason"] = MaxText, ["reasons"] = MaxText, ["content"] = MaxText,
        ["note"] = MaxText, ["description"] = MaxText, ["comment"] = MaxText, ["measures"] = MaxText, ["answer"] = MaxText,
        ["result"] = MaxText, ["facts"] = MaxText, ["evidence"] = MaxText, ["text"] = MaxText, ["record"] = MaxText,
        ["refusalNote"] = MaxText, ["circumstance"] = MaxText, ["ground"] = MaxText, ["departureReason"] = MaxText,
        ["measure"] = MaxText, ["basis"] = MaxText, ["conditions"] = MaxText, ["reviewStandards"] = MaxText,
        ["counterpartRights"] = MaxText, ["acceptanceStandard"] = MaxText, ["confidentialityBasis"] = MaxText,

        // an application's form: each value one field of a paper form (经营范围 runs long)
        ["form"] = 2_000,

        // tokens
        ["idToken"] = 8_192, ["refreshToken"] = 1_024,
    };

    /// <summary>Most items per array property name; see the class remarks for how a name is found.</summary>
    public static IReadOnlyDictionary<string, int> ArrayLimits { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["holidays"] = Domain.Calendar.YearSchedule.MaxHolidays,
        ["makeupWorkdays"] = Domain.Calendar.YearSchedule.MaxMakeupWorkdays,
        ["materials"] = 50,
        ["missing"] = 50,
        ["attendees"] = 30,
        ["votes"] = 30,
        ["dissent"] = 30,
        ["inspectors"] = 10,
        ["officers"] = 10,
        ["presiding"] = 5,
        ["fields"] = 20,
    };

    /// <summary>The first problem of <paramref name="body"/> (JSON, UTF-8), or null when it is well-formed and within every limit.</summary>
    public static ProblemException? Check(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth + 1, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });

        // The open objects and arrays, outermost first.
        var path = new List<Frame>();
        string? pendingName = null;
        long stored = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (Count(path) is { } tooManyContainers)
                        {
                            return tooManyContainers;
                        }

                        if (path.Count >= MaxDepth)
                        {
                            return Limit("request.too_deep", "请求内容嵌套过深", PathOf(path, pendingName), $"nested deeper than {MaxDepth} levels");
                        }

                        path.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, pendingName));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        {
                            var name = reader.GetString()!;
                            var frame = path[^1];
                            if (++frame.Items > MaxProperties)
                            {
                                return Limit("request.too_many_items", "请求内容的字段过多", PathOf(path, null), $"more than {MaxProperties} properties");
                            }

                            if (name.Length > DefaultMaxString)
                            {
                                return Limit("request.field_too_long", "字段过长", PathOf(path, null), $"a property name is over {DefaultMaxString} characters");
                            }

                            stored += StoredLength(name);
                            pendingName = name;
                            break;
                        }

                    case JsonTokenType.String:
                        {
                            if (Count(path) is { } tooManyStrings)
                            {
                                return tooManyStrings;
                            }

                            var limit = StringLimitOf(path, pendingName);
                            var value = reader.GetString()!;
                            if (value.Length > limit)
                            {
                                return Limit("request.field_too_long", "字段过长", PathOf(path, pendingName), $"{value.Length} characters; at most {limit}");
                            }

                            stored += StoredLength(value);
                            pendingName = null;
                            break;
                        }

                    default:
                        if (Count(path) is { } tooManyValues)
                        {
                            return tooManyValues;
                        }

                        pendingName = null;
                        break;
                }

                if (stored > MaxStoredText)
                {
                    return Limit("request.body_text_too_long", "请求内容的文字总量过大", PathOf(path, pendingName), $"the body's text is over {MaxStoredText} characters as stored");
                }
            }
        }
        catch (JsonException e)
        {
            return reader.CurrentDepth > MaxDepth
                ? Limit("request.too_deep", "请求内容嵌套过深", "$", $"nested deeper than {MaxDepth} levels")
                : Problems.MalformedJson(e.Message);
        }

        return null;
    }

    /// <summary>One more item in the enclosing array (its limit checked); a property value is counted with its name.</summary>
    private static ProblemException? Count(List<Frame> path)
    {
        if (path.Count == 0 || !path[^1].IsArray)
        {
            return null;
        }

        var frame = path[^1];
        var limit = ArrayLimitOf(path);
        return ++frame.Items > limit
            ? Limit("request.too_many_items", "列表项过多", PathOf(path, null), $"more than {limit} items")
            : null;
    }

    private static int StringLimitOf(List<Frame> path, string? name)
    {
        if (name is not null && StringLimits.TryGetValue(name, out var own))
        {
            return own;
        }

        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i].Name is { } outer && StringLimits.TryGetValue(outer, out var limit))
            {
                return limit;
            }
        }

        return DefaultMaxString;
    }

    private static int ArrayLimitOf(List<Frame> path)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i].Name is { } name && ArrayLimits.TryGetValue(name, out var limit))
            {
                return limit;
            }
        }

        return DefaultMaxItems;
    }

    /// <summary>The length of <paramref name="text"/> once written into stored JSON: HTML-sensitive, control and astral characters escape to <c>\uXXXX</c>.</summary>
    private static long StoredLength(string text)
    {
        long length = 0;
        foreach (var c in text)
        {
            length += c < 0x20 || c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`' || char.IsSurrogate(c) ? 6 : 1;
        }

        return length;
    }

    /// <summary>The JSON path of the current position, e.g. <c>$.holidays[3].name</c>.</summary>
    private static string PathOf(List<Frame> path, string? name)
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < path.Count; i++)
        {
            var frame = path[i];
            if (frame.Name is { } own)
            {
                text.Append('.').Append(own);
            }

            if (frame.IsArray)
            {
                text.Append('[').Append(Math.Max(0, frame.Items - 1)).Append(']');
            }
        }

        if (name is not null)
        {
            text.Append('.').Append(name);
        }

        return text.ToString();
    }

    private static ProblemException Limit(string code, string title, string field, string detail) =>
        new(422, code, title, $"{field}: {detail}", new Dictionary<string, string[]> { [field] = [detail] }, new Dictionary<string, object?> { ["field"] = field });

    /// <summary>An open object or array: whether it is an array, the property name it is the value of, its items so far.</summary>
    private sealed class Frame(bool isArray, string? name)
    {
        public bool IsArray { get; } = isArray;

        public string? Name { get; } = name;

        public int Items { get; set; }
    }
}
