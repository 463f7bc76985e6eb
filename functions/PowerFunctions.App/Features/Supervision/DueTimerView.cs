namespace PowerFunctions.App.Features.Supervision;

/// <summary>One timer of <c>GET /api/supervision/due</c>: what fires (<see cref="Kind"/>, <see cref="Key"/>) for which <see cref="Target"/> and when (China time).</summary>
public sealed record DueTimerView(string Kind, string Target, string Key, DateTimeOffset Due);
