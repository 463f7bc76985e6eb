namespace PowerFunctions.App.PersonalData;

/// <summary>
/// One disclosure of personal data to a caller, as the audit keeps it: when, who (subject, name, roles,
/// department), what record (<paramref name="RecordKind"/> <c>case</c>, <c>ticket</c> or <c>penalty</c>, and its
/// number), which fields, and through which route. It holds no personal data itself.
/// </summary>
public sealed record PersonalDataRead(
    DateTimeOffset At,
    string ReaderSubject,
    string ReaderName,
    string ReaderRoles,
    string? ReaderDepartment,
    string RecordKind,
    string RecordId,
    IReadOnlyList<string> Fields,
    string Route);
