namespace PowerFunctions.App.Hosting;

/// <summary>
/// Thrown by a queue handler for a message that can never succeed (malformed, invalid): the standalone
/// runner moves it to the poison queue at once instead of retrying. Under the Functions host it fails
/// the delivery like any exception, and the broker dead-letters it after its maximum delivery count.
/// </summary>
public sealed class PoisonMessageException(string message, Exception? inner = null) : Exception(message, inner);
