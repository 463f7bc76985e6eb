using PowerFunctions.Domain.Calendar;

namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// How long a department has to answer one category of ticket: <see cref="Days"/> in <see cref="Unit"/>,
/// extendable once by up to <see cref="ExtensionDays"/> (0: no extension). A petition-type matter
/// (<see cref="Petition"/>) is first accepted within <see cref="AcceptanceDays"/> calendar days and its
/// answer clock runs from the acceptance; any other ticket's runs from the day it reached its department.
/// <see cref="Source"/> names where the numbers come from.
/// </summary>
public sealed record AnswerLimit(
    ComplaintCategory Category,
    bool Petition,
    int Days,
    [property: System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PeriodUnit>))] PeriodUnit Unit,
    int ExtensionDays,
    int? AcceptanceDays,
    string Source);
