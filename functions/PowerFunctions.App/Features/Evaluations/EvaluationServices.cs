using PowerFunctions.App.Config;
using PowerFunctions.App.Features.Timers;
using PowerFunctions.App.Hosting;
using PowerFunctions.Domain.Evaluations;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>Registers 好差评: settings (validated at start), store, module, alert timers, and the re-dating of open rectifications on a calendar change.</summary>
public static class EvaluationServices
{
    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IConfiguration>().GetSection("Evaluations").Get<EvaluationOptions>() ?? new EvaluationOptions();
            if (!EvaluationRules.IsValidWindow(options.RectificationWorkingDays))
            {
                throw new ConfigurationException($"Evaluations:RectificationWorkingDays={options.RectificationWorkingDays} is outside the 5–15 working days local rules allow.");
            }

            return options;
        });
        services.AddSingleton<EvaluationStore>();
        services.AddSingleton<IStartupTask, EvaluationStartupTask>();
        services.AddSingleton<ITimerHandler, RectificationAlertTimerHandler>();
        services.AddSingleton<Calendar.ICalendarObserver, EvaluationCalendarObserver>();
        return services;
    }
}
