namespace PowerFunctions.Domain.Complaints;

/// <summary>
/// What a ticket (工单) asks for (API <c>category</c>). <see cref="Complaint"/> (投诉) and <see cref="Report"/>
/// (举报) are petition-type matters (信访事项: 申诉求决类, 检举控告类) under 信访工作条例 (2022); the other three
/// follow the local 12345 rules. The limits of each are in <see cref="ComplaintLimits"/>.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ComplaintCategory>))]
public enum ComplaintCategory
{
    /// <summary>咨询: a question about policy, procedure or a case.</summary>
    Consultation,

    /// <summary>求助: a request for help within a department's remit.</summary>
    Help,

    /// <summary>投诉: a complaint about a department's service or conduct (申诉求决类).</summary>
    Complaint,

    /// <summary>举报: a report of wrongdoing (检举控告类); the reporter is protected (<see cref="ComplaintPrivacy"/>).</summary>
    Report,

    /// <summary>建议: a suggestion.</summary>
    Suggestion,
}
