using System.Reflection;
using NCrontab;

namespace PowerFunctions.App.Hosting;

/// <summary>A timer-triggered function on a 6-field NCRONTAB schedule (with seconds, UTC, as the Functions host), e.g. <c>0 */1 * * * *</c>.</summary>
public sealed record TimerFunction(string Name, Type ClassType, MethodInfo Method, IReadOnlyList<FunctionParameter> Parameters, string Schedule, CrontabSchedule Crontab)
    : FunctionDescriptor(Name, ClassType, Method, Parameters);
