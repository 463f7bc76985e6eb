using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Tests.Support;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>The engine inside the real app: <c>POST /api/admin/timers/sweep</c> fires what the manual clock made due.</summary>
public sealed class TimerHttpTests
{
    [Fact]
    public async Task AdminSweep_TimerBecomesDue_FiresItOnceOverHttp()
    {
        await using var app = await TestApp.StartAsync(overrideServices: s =>
            s.AddSingleton<ITimerHandler>(sp => new EffectCounterHandler(sp.GetRequiredService<IStorageAccount>())));
        await app.Get<IStorageAccount>().GetTableClient(EffectCounterHandler.TableName).CreateIfNotExistsAsync();
        var due = TestApp.DefaultStart.AddDays(3);
        await app.Get<ITimerScheduler>().ScheduleAsync([new DurableTimer(EffectCounterHandler.DefaultKind, "C1", "k", due, 1)], default);
        var admin = app.ClientFor("admin");

        Assert.Equal(0, await SweepAsync(admin));
        (await admin.PostAsJsonAsync("/api/admin/clock", new { advance = "P3D" })).EnsureSuccessStatusCode();
        Assert.Equal(1, await SweepAsync(admin));
        Assert.Equal(0, await SweepAsync(admin));

        var handler = (EffectCounterHandler)app.Get<ITimerHandler>();
        Assert.Equal(1, await handler.CountAsync("C1"));
    }

    [Fact]
    public async Task AdminSweep_MoreDueThanOneSweepTakes_FiresEveryDueTimer()
    {
        await using var app = await TestApp.StartAsync(overrideServices: s =>
        {
            s.AddSingleton(new TimerOptions { MaxTimersPerSweep = 5 });
            s.AddSingleton<ITimerHandler>(sp => new EffectCounterHandler(sp.GetRequiredService<IStorageAccount>()));
        });
        await app.Get<IStorageAccount>().GetTableClient(EffectCounterHandler.TableName).CreateIfNotExistsAsync();
        var timers = Enumerable.Range(0, 12).Select(i => new DurableTimer(EffectCounterHandler.DefaultKind, $"C{i}", "k", TestApp.DefaultStart.AddMinutes(-i), 1)).ToList();
        await app.Get<ITimerScheduler>().ScheduleAsync(timers, default);

        Assert.Equal(12, await SweepAsync(app.ClientFor("admin")));
    }

    [Fact]
    public async Task AdminSweep_NonAdmin_Forbidden()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.ClientFor("supervisor").PostAsync("/api/admin/timers/sweep", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<int> SweepAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/timers/sweep", null);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("fired").GetInt32();
    }
}
