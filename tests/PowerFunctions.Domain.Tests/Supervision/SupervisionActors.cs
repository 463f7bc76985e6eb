using PowerFunctions.Domain.Supervision;

namespace PowerFunctions.Domain.Tests.Supervision;

/// <summary>The actors of the supervision tests.</summary>
internal static class SupervisionActors
{
    public static readonly SupervisionActor Supervisor = new("sup-1", "吴监察", SupervisionActorKind.Supervisor);
    public static readonly SupervisionActor StaffD01 = new("s-1", "郑科长", SupervisionActorKind.DepartmentStaff, "D01");
    public static readonly SupervisionActor StaffD02 = new("s-2", "王科长", SupervisionActorKind.DepartmentStaff, "D02");
    public static readonly SupervisionActor System = SupervisionActor.System;

    /// <summary>10:00 China time on 2026-<paramref name="month"/>-<paramref name="day"/>.</summary>
    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
