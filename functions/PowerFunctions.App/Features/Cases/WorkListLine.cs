using System.Text.Json.Serialization;

namespace PowerFunctions.App.Features.Cases;

/// <summary>
/// One line of the work list (API.md): <c>{caseNo, itemCode, itemName, state, receivedAt, nextDeadline:{kind,
/// due, status}}</c> with the case's department and whether the due date is provisional; <c>nextDeadline</c>
/// is null when no clock runs for the reader (a final case, a joint opinion given).
/// </summary>
public sealed record WorkListLine(
    string CaseNo,
    string ItemCode,
    string ItemName,
    string Department,
    string State,
    string ReceivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] WorkListLineDeadline? NextDeadline);
