using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>Where the lifecycle raises yellow/red alerts (电子监察). Raising the same (case, deadline kind, level) twice records one alert.</summary>
public interface IAlertSink
{
    Task RaiseAsync(AlertRaised alert, CancellationToken cancellationToken);

    /// <summary>The deadline was met or withdrawn: its open alerts close.</summary>
    Task ResolveAsync(string caseNo, string deadlineKind, DateTimeOffset resolvedAt, CancellationToken cancellationToken);
}

/// <summary>One alert: a case's deadline of <see cref="DeadlineKind"/> reached <see cref="Level"/>.</summary>
public sealed record AlertRaised(string CaseNo, string DepartmentCode, string ItemCode, string DeadlineKind, AlertLevel Level, DateOnly Due, DateTimeOffset RaisedAt);
