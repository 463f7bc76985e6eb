namespace PowerFunctions.App.Config;

/// <summary><c>Clock:*</c> settings.</summary>
public sealed class ClockOptions
{
    public const string System = "System";
    public const string Manual = "Manual";

    /// <summary><c>System</c> or <c>Manual</c> (refused in Production).</summary>
    public string Mode { get; set; } = System;

    /// <summary>The manual clock's first instant (ISO-8601 with offset); now when empty.</summary>
    public string? Start { get; set; }
}
