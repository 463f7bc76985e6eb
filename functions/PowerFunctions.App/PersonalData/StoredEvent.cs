using System.Globalization;
using PowerFunctions.Storage;

namespace PowerFunctions.App.PersonalData;

/// <summary>
/// One hash-chained event as the three event tables keep it (cases, complaint tickets, penalty cases): partition =
/// the stream (case or ticket number), row <c>e-{seq:D9}</c>, columns <c>Seq, Type, At, Actor, ActorName, Role, Data,
/// PreviousHash, Hash</c>. The one place those columns are mapped, and where an event's personal values are encrypted
/// on the way in and decrypted on the way out (<see cref="PersonalDataProtector"/> with the table's
/// <see cref="PersonalEventFields"/>): the stores map it to their own event types, the rewrap reads the same row.
/// </summary>
public sealed record StoredEvent(long Seq, string Type, string At, string Actor, string ActorName, string Role, string Data, string PreviousHash, string Hash)
{
    /// <summary>Every event row's key starts so (the snapshot row does not).</summary>
    public const string RowPrefix = "e-";

    public const string ActorNameColumn = "ActorName";

    public const string DataColumn = "Data";

    /// <summary>The row key of event <paramref name="seq"/>: sorts in sequence.</summary>
    public static string RowKey(long seq) => RowPrefix + seq.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>The row, its personal values encrypted.</summary>
    public TableEntity ToEntity(string partition, PersonalEventFields fields, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var (actorName, data) = protector.ProtectEvent(fields, partition, Seq, Type, Role, ActorName, Data);
        return new TableEntity(partition, RowKey(Seq))
        {
            ["Seq"] = Seq,
            ["Type"] = Type,
            ["At"] = At,
            ["Actor"] = Actor,
            [ActorNameColumn] = actorName,
            ["Role"] = Role,
            [DataColumn] = data,
            ["PreviousHash"] = PreviousHash,
            ["Hash"] = Hash,
        };
    }

    /// <summary>The event of <paramref name="row"/>, its personal values decrypted (one that does not open is left as stored: the chain then names the event).</summary>
    public static StoredEvent Read(TableEntity row, PersonalEventFields fields, PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var stored = Raw(row);
        var (actorName, data) = protector.RevealEvent(fields, row.PartitionKey, stored.Seq, stored.Type, stored.Role, stored.ActorName, stored.Data);
        return stored with { ActorName = actorName, Data = data };
    }

    /// <summary>The row's columns as stored (personal values still encrypted).</summary>
    public static StoredEvent Raw(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.GetInt64("Seq") ?? 0,
            row.GetString("Type") ?? string.Empty,
            row.GetString("At") ?? string.Empty,
            row.GetString("Actor") ?? string.Empty,
            row.GetString(ActorNameColumn) ?? string.Empty,
            row.GetString("Role") ?? string.Empty,
            row.GetString(DataColumn) ?? string.Empty,
            row.GetString("PreviousHash") ?? string.Empty,
            row.GetString("Hash") ?? string.Empty);
    }
}
