using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;
using PowerFunctions.App.PersonalData;

namespace PowerFunctions.App.Features.Admin;

/// <summary>
/// The end of a personal-data key rotation (<see cref="PersonalDataRewrapper"/>): <c>PersonalDataRewrap</c> (timer,
/// nightly at 02:40 China time; with one key listed it reads nothing) and <c>POST /api/admin/personal-data/rewrap</c>
/// (admin, on demand, right after deploying a new active key): re-encrypts under the active key every value still
/// under a retired one, and answers the pass's report (when <c>done</c>, the retired keys may be dropped).
/// </summary>
public sealed class PersonalDataFunctions(PersonalDataRewrapper rewrapper)
{
    /// <summary>18:40 UTC = 02:40 China time, after the nightly anchor and archive jobs (NCRONTAB with seconds, read in UTC by both hosts).</summary>
    public const string Nightly = "0 40 18 * * *";

    [Function("PersonalDataRewrap")]
    public Task RewrapOnTimerAsync([TimerTrigger(Nightly)] TimerInfo timer, CancellationToken cancellationToken) =>
        rewrapper.RunAsync(cancellationToken);

    [Function("AdminPersonalDataRewrap")]
    [AnyRole(Roles.Admin)]
    public async Task<IResult> RewrapNowAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "{area:regex(^admin$)}/personal-data/rewrap")] HttpRequest request, CancellationToken cancellationToken)
    {
        var report = await rewrapper.RunAsync(cancellationToken).ConfigureAwait(false);
        return HttpResult.Ok(new
        {
            report.ActiveKey,
            report.RetiredKeys,
            report.StartedAt,
            report.RowsRead,
            report.RowsRewritten,
            report.ValuesRewrapped,
            report.ValuesUnreadable,
            report.RowsChangedMeanwhile,
            report.Done,
        });
    }
}
