namespace PowerFunctions.App.Config;

/// <summary>A setting is wrong; the message names it and says what is expected. The app refuses to start.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
