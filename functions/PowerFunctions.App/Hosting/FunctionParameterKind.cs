namespace PowerFunctions.App.Hosting;

/// <summary>Where the standalone host takes a function parameter's value from (the Functions host binds the same by itself).</summary>
public enum FunctionParameterKind
{
    /// <summary>The <see cref="HttpRequest"/> of an HTTP trigger.</summary>
    Request,

    /// <summary>A route value of the HTTP trigger's route, by the parameter's name.</summary>
    RouteValue,

    /// <summary>The <c>TimerInfo</c> of a timer trigger.</summary>
    TimerInfo,

    /// <summary>The message text of a queue trigger.</summary>
    QueueMessage,

    /// <summary>The invocation's <see cref="CancellationToken"/>.</summary>
    CancellationToken,
}
