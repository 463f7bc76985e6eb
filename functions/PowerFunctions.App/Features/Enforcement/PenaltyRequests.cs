using System.Text.Json;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;
using PowerFunctions.Domain.Enforcement;

namespace PowerFunctions.App.Features.Enforcement;

/// <summary>
/// Reads the bodies of the penalty routes as API.md writes them, and the forms the domain added: a
/// source as a string (<c>"inspection"</c>, or <c>"complaint:{ticketNo}"</c>) or an object
/// <c>{kind, reference}</c>; officers, attendees and the presiding officer as subjects/names or objects;
/// votes per attendee in several forms (<see cref="Votes"/>); dissent as <c>[{name, opinion}]</c>, as
/// opinions (<c>["…"]</c> or <c>"…"</c>, each given to a member who voted against, then to one who abstained).
/// A value the API does not know is refused here, 422 <c>enforcement.validation_failed</c> naming the
/// field and the words it takes, before anything is loaded or written.
/// </summary>
public static class PenaltyRequests
{
    /// <summary>Collects the unknown words of one body; <see cref="ThrowIfAny"/> refuses them together.</summary>
    public sealed class Errors
    {
        private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

        public T? Word<T>(string field, string? text, Func<string?, T?> read, string allowed)
            where T : struct
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var value = read(text);
            if (value is null)
            {
                _errors[field] = [$"“{text}”不是可用的取值，须为 {allowed}"];
            }

            return value;
        }

        public void Add(string field, string message) => _errors[field] = [message];

        public void ThrowIfAny()
        {
            if (_errors.Count > 0)
            {
                throw Problems.From(EnforcementErrors.Invalid(_errors));
            }
        }
    }

    public const string PenaltyTypeWords = "warning、public-criticism、fine、confiscate-gains、confiscate-property、suspend-licence、downgrade-qualification、revoke-licence、restrict-business、suspend-production、close、restrict-practice、detention（或其中文名称，如 罚款）";
    public const string CircumstanceWords = "minor（轻微）、ordinary（一般）或 serious（严重）";

    public static Penalty? Penalty(PenaltyBody? body, string field, Errors errors)
    {
        if (body is null)
        {
            return null;
        }

        var type = errors.Word($"{field}.type", body.Type, PenaltyWords.PenaltyType, PenaltyTypeWords);
        return type is { } t ? new Penalty(t, body.Amount ?? 0) : null;
    }

    public static Circumstance? Circumstance(string? text, Errors errors) =>
        errors.Word("circumstance", text, PenaltyWords.Circumstance, CircumstanceWords);

    /// <summary>The source: a string (a kind, or <c>kind:reference</c>) or <c>{kind, reference}</c>; null when absent or unreadable (the domain then names the field).</summary>
    public static PenaltySource? Source(JsonElement? source, Errors errors)
    {
        const string allowed = "inspection（检查）、complaint（投诉举报）或 referral（移送），或 {kind, reference}";
        switch (source)
        {
            case { ValueKind: JsonValueKind.String } text:
                var value = text.GetString()!.Trim();
                var colon = value.IndexOfAny([':', '：']);
                var kindText = colon > 0 ? value[..colon] : value;
                var kind = errors.Word("source", kindText, PenaltyWords.SourceKind, allowed);
                return kind is { } k ? new PenaltySource(k, colon > 0 ? value[(colon + 1)..].Trim() : null) : null;
            case { ValueKind: JsonValueKind.Object } obj:
                var objectKind = errors.Word("source.kind", Text(obj, "kind"), PenaltyWords.SourceKind, allowed);
                return objectKind is { } ok ? new PenaltySource(ok, Text(obj, "reference")) : null;
            case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return null;
            default:
                errors.Add("source", $"案件来源须为字符串或对象，须为 {allowed}");
                return null;
        }
    }

    /// <summary>Subjects from <c>["sub", …]</c> or <c>[{sub}, …]</c>; null entries keep their place so the domain sees the count given.</summary>
    public static IReadOnlyList<string> Names(JsonElement? list, string field, string property, Errors errors)
    {
        if (list is not { ValueKind: JsonValueKind.Array } array)
        {
            if (list is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
            {
                errors.Add(field, "须为数组");
            }

            return [];
        }

        return array.EnumerateArray().Select(e => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString() ?? string.Empty,
            JsonValueKind.Object => Text(e, property) ?? Text(e, "name") ?? string.Empty,
            _ => string.Empty,
        }).ToArray();
    }

    /// <summary>A person named as <c>"sub"</c>, <c>{sub, name}</c>; both null when absent.</summary>
    public static (string? Subject, string? Name) Person(JsonElement? person) => person switch
    {
        { ValueKind: JsonValueKind.String } s => (s.GetString(), null),
        { ValueKind: JsonValueKind.Object } o => (Text(o, "sub"), Text(o, "name")),
        _ => (null, null),
    };

    /// <summary>
    /// Votes, one per attendee: <c>[{name, vote, opinion?}]</c>; <c>{name: vote}</c>; <c>[vote, …]</c> in the
    /// order of <paramref name="attendees"/>; or a tally <c>{agree: n, disagree: m}</c> when it names everyone
    /// unambiguously — every attendee counted, each vote against being a member whose dissent is recorded by
    /// name, everyone else agreeing (a tally with abstentions cannot say who abstained: refused).
    /// </summary>
    public static IReadOnlyList<MeetingVote> Votes(JsonElement? votes, IReadOnlyList<string> attendees, JsonElement? dissent, Errors errors)
    {
        const string allowed = "agree（同意）、disagree（不同意）或 abstain（弃权）";
        var read = new List<MeetingVote>();
        switch (votes)
        {
            case { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                var words = array.EnumerateArray().Select(v => v.GetString()).ToArray();
                if (words.Length != attendees.Count)
                {
                    errors.Add("votes", "按顺序记录表决时，表决须与参会人员一一对应");
                    break;
                }

                for (var i = 0; i < words.Length; i++)
                {
                    if (errors.Word($"votes[{i}]", words[i], PenaltyWords.Vote, allowed) is { } vote)
                    {
                        read.Add(new MeetingVote(attendees[i], vote, null));
                    }
                }

                break;
            case { ValueKind: JsonValueKind.Array } array:
                var index = 0;
                foreach (var v in array.EnumerateArray())
                {
                    var vote = v.ValueKind == JsonValueKind.Object ? errors.Word($"votes[{index}].vote", Text(v, "vote"), PenaltyWords.Vote, allowed) : null;
                    if (vote is null)
                    {
                        errors.Add($"votes[{index}]", $"每一票须为 {{name, vote, opinion?}}，vote 为 {allowed}");
                    }
                    else
                    {
                        read.Add(new MeetingVote(Text(v, "name") ?? string.Empty, vote.Value, Text(v, "opinion")));
                    }

                    index++;
                }

                break;
            case { ValueKind: JsonValueKind.Object } map when map.EnumerateObject().Any() && map.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.Number && PenaltyWords.Vote(p.Name) is not null):
                read.AddRange(Tally(map, attendees, dissent, errors));
                break;
            case { ValueKind: JsonValueKind.Object } map:
                foreach (var p in map.EnumerateObject())
                {
                    var vote = p.Value.ValueKind == JsonValueKind.String ? errors.Word($"votes.{p.Name}", p.Value.GetString(), PenaltyWords.Vote, allowed) : null;
                    if (vote is null)
                    {
                        errors.Add($"votes.{p.Name}", $"表决须为 {allowed}");
                    }
                    else
                    {
                        read.Add(new MeetingVote(p.Name, vote.Value, null));
                    }
                }

                break;
            case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                break;
            default:
                errors.Add("votes", "表决须为 [{name, vote}]、{姓名: 表决} 或 {agree: 票数, disagree: 票数}");
                break;
        }

        return read;
    }

    /// <summary>Dissent from <c>[{name, opinion}]</c>, <c>["opinion"]</c> or <c>"opinion"</c>; an opinion without a name goes to a member who voted against and has none recorded, else to one who abstained.</summary>
    public static IReadOnlyList<Dissent> Dissent(JsonElement? dissent, IReadOnlyList<MeetingVote> votes, Errors errors)
    {
        var named = new List<Dissent>();
        var unnamed = new List<string>();
        void Read(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String when !IsNothing(e.GetString()):
                    unnamed.Add(e.GetString()!.Trim());
                    break;
                case JsonValueKind.String:
                    break;
                case JsonValueKind.Object when Text(e, "name") is null:
                    if (!IsNothing(Text(e, "opinion")))
                    {
                        unnamed.Add(Text(e, "opinion")!.Trim());
                    }

                    break;
                case JsonValueKind.Object:
                    named.Add(new Dissent(Text(e, "name")!, Text(e, "opinion") ?? string.Empty));
                    break;
                default:
                    errors.Add("dissent", "不同意见须为 [{name, opinion}]、意见文字或其数组");
                    break;
            }
        }

        if (dissent is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var e in array.EnumerateArray())
            {
                Read(e);
            }
        }
        else if (dissent is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } one)
        {
            Read(one);
        }

        var candidates = votes.Where(v => v.Vote == Domain.Enforcement.Vote.Disagree).Concat(votes.Where(v => v.Vote == Domain.Enforcement.Vote.Abstain))
            .Select(v => v.Name.Trim()).Where(n => named.All(d => d.Name.Trim() != n)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var opinion in unnamed)
        {
            if (candidates.Count == 0)
            {
                errors.Add("dissent", "不同意见须注明发表意见的参会人员：{name, opinion}");
                break;
            }

            named.Add(new Dissent(candidates[0], opinion));
            candidates.RemoveAt(0);
        }

        return named;
    }

    /// <summary>The votes a tally names: the dissenters recorded by name voted against, everyone else agreed.</summary>
    private static IEnumerable<MeetingVote> Tally(JsonElement tally, IReadOnlyList<string> attendees, JsonElement? dissent, Errors errors)
    {
        int Count(Domain.Enforcement.Vote kind) => tally.EnumerateObject().Where(p => PenaltyWords.Vote(p.Name) == kind).Sum(p => p.Value.TryGetInt32(out var n) ? n : -1);
        var (agree, against, abstain) = (Count(Domain.Enforcement.Vote.Agree), Count(Domain.Enforcement.Vote.Disagree), Count(Domain.Enforcement.Vote.Abstain));
        var dissenters = dissent is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(d => Text(d, "name")?.Trim()).OfType<string>().Where(attendees.Contains).Distinct(StringComparer.Ordinal).ToArray()
            : [];
        if (agree < 0 || against < 0 || abstain != 0 || agree + against != attendees.Count || against != dissenters.Length)
        {
            errors.Add("votes", "票数汇总须计入每名参会人员、不含弃权，且每一反对票对应一条注明姓名的不同意见；否则请按人记录表决 [{name, vote}]");
            return [];
        }

        return attendees.Select(a => new MeetingVote(a, dissenters.Contains(a) ? Domain.Enforcement.Vote.Disagree : Domain.Enforcement.Vote.Agree, null));
    }

    public static string? Text(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsNothing(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim() is "无" or "没有" or "none" or "-";

    /// <summary>A penalty as sent: <c>{type, amount}</c> (amount in yuan, absent for a type without one).</summary>
    public sealed record PenaltyBody(string? Type, decimal? Amount);
}
