namespace PowerFunctions.App.Hosting;

/// <summary>
/// Which host runs the app. Under the Functions host (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set) the
/// host owns triggers: the app answers <c>POST /{FunctionName}</c> and its own runners stay off.
/// Standalone, the app serves <c>/api/*</c> itself and its runners fire timers and poll queues.
/// </summary>
public sealed record HostingMode(bool IsCustomHandler)
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static HostingMode Standalone { get; } = new(false);

    public static HostingMode CustomHandler { get; } = new(true);
}
