namespace PowerFunctions.App.Config;

/// <summary><c>Runners:*</c> settings: the standalone timer and queue runners.</summary>
public sealed class RunnerOptions
{
    /// <summary>Fire timers and poll queues in-process when standalone (never under the Functions host); tests turn them off.</summary>
    public bool Enabled { get; set; } = true;
}
