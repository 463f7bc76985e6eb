namespace PowerFunctions.App.PersonalData;

/// <summary>
/// Which parts of the events of one table are personal data: per event type the JSON paths of the data
/// (dotted, from the root: <c>applicant.idNumber</c>), and the actor's name on events in one of
/// <paramref name="personRoles"/> (a citizen or a member of the public acting under their own name). <paramref name="scope"/> (the table)
/// is bound into every ciphertext with the partition, the event and the path.
/// </summary>
public sealed class PersonalEventFields(string scope, IReadOnlyDictionary<string, string[]> dataPaths, params string[] personRoles)
{
    public string Scope { get; } = scope;

    /// <summary>The personal paths of the data of events of <paramref name="type"/> (none for most).</summary>
    public IReadOnlyCollection<string> PathsOf(string type) => dataPaths.TryGetValue(type, out var paths) ? paths : [];

    /// <summary>Whether the actor's name of an event in <paramref name="role"/> is a person's own name.</summary>
    public bool ProtectsActorName(string role) => personRoles.Contains(role, StringComparer.Ordinal);

    /// <summary>Every field name an event of <paramref name="type"/> in <paramref name="role"/> holds encrypted (for the audit and the README).</summary>
    public IEnumerable<string> FieldsOf(string type, string role) =>
        ProtectsActorName(role) ? [.. PathsOf(type), "actorName"] : PathsOf(type);
}
