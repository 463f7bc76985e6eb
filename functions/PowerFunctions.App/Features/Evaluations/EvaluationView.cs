using System.Globalization;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>A rating as the API shows it.</summary>
public sealed record EvaluationView(
    string CaseNo,
    string ItemCode,
    string Department,
    string Level,
    string LevelName,
    string Comment,
    DateTimeOffset RatedAt,
    string Status,
    string? RectificationDue,
    bool? Provisional,
    bool Overdue,
    string? RectificationNotice,
    string? Measures,
    DateTimeOffset? RectifiedAt)
{
    public static EvaluationView From(StoredEvaluation stored, DateTimeOffset now)
    {
        var e = stored.Evaluation;
        return new EvaluationView(
            e.CaseNo,
            e.ItemCode,
            e.DepartmentCode,
            EvaluationRules.Code(e.Level),
            EvaluationRules.ChineseName(e.Level),
            e.Comment,
            Domain.Common.ChinaTime.InChina(e.RatedAt),
            StatusCode(e.Status),
            e.RectificationDue?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.RectificationDue?.Provisional,
            e.IsOverdue(now),
            stored.DocumentId,
            e.Measures,
            e.RectifiedAt is { } at ? Domain.Common.ChinaTime.InChina(at) : null);
    }

    public static string StatusCode(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Recorded => "recorded",
        EvaluationStatus.AwaitingRectification => "awaiting-rectification",
        EvaluationStatus.Rectified => "rectified",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
