namespace PowerFunctions.App.PersonalData;

/// <summary>An event's actor name and data after <see cref="PersonalDataProtector.RewrapEvent"/>: how many values it re-encrypted, how many did not open.</summary>
public sealed record RewrappedEvent(string ActorName, string Data, int Rewrapped, int Unreadable);
