namespace PowerFunctions.Domain.Complaints;

/// <summary>The roles that act on tickets (the app's token roles of the same names).</summary>
public static class ComplaintRoles
{
    /// <summary>Department staff handling tickets; acts only for its own department.</summary>
    public const string Handler = "handler";

    /// <summary>The 12345 hotline's operators.</summary>
    public const string Hotline = "hotline";

    /// <summary>The supervision centre (电子监察).</summary>
    public const string Supervisor = "supervisor";

    /// <summary>The filer on the mini-program.</summary>
    public const string Citizen = "citizen";

    /// <summary>A partner system filing through Open311 (its api_key).</summary>
    public const string Partner = "partner";

    /// <summary>The system itself (timers, calendar changes).</summary>
    public const string System = "system";
}
