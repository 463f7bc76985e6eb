using System.Globalization;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Features.Timers;
using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Common;
using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.App.Features.Supervision;

/// <summary>
/// Supervisors' question (电子监察) <c>GET /api/supervision/due?from=&amp;to=</c> ("what falls due this week", from the timer index).
/// Supervisors oversee every department (a <c>dept</c> claim does not narrow what they see);
/// <c>department=</c> filters.
/// </summary>
public sealed class SupervisionFunctions(DueTimers dueTimers)
{
    /// <summary>The longest window <c>supervision/due</c> answers, in days.</summary>
    public const int MaxDueWindowDays = 31;

    /// <summary>The most timers <c>supervision/due</c> lists; more sets the <c>X-Truncated</c> header.</summary>
    public const int MaxDueTimers = 5000;

    [Function("SupervisionDue")]
    [AnyRole(Roles.Supervisor)]
    public async Task<IResult> ListDueAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "supervision/due")] HttpRequest request, CancellationToken cancellationToken)
    {
        var from = ParseDate(request, "from");
        var to = ParseDate(request, "to");
        if (to < from)
        {
            throw Problems.BadParameter("to", $"to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
        }

        if (to.DayNumber - from.DayNumber >= MaxDueWindowDays)
        {
            throw Problems.BadParameter("to", $"the window is at most {MaxDueWindowDays} days");
        }

        var (timers, truncated) = await dueTimers.ListAsync(ChinaTime.StartOf(from), ChinaTime.EndOf(to), MaxDueTimers, cancellationToken).ConfigureAwait(false);
        var result = HttpResult.Ok(timers.Select(t => new DueTimerView(t.Kind, t.TargetId, t.Key, ChinaTime.InChina(t.DueAt))).ToList());
        return truncated ? result.WithHeader("X-Truncated", "true") : result;
    }

    private static DateOnly ParseDate(HttpRequest request, string name)
    {
        var text = request.QueryValue(name) ?? throw Problems.BadParameter(name, $"{name} is required (YYYY-MM-DD)");
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Problems.BadParameter(name, $"{name} '{text}' is not a date (YYYY-MM-DD)");
    }
}
