using System.Reflection;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// One <c>[Function]</c> method as the standalone host found it: its name, class, method and parameters.
/// The class is created per invocation from the invocation's services (constructor injection), as the
/// Functions worker does.
/// </summary>
public abstract record FunctionDescriptor(string Name, Type ClassType, MethodInfo Method, IReadOnlyList<FunctionParameter> Parameters)
{
    private readonly Lazy<ObjectFactory> _factory = new(() => ActivatorUtilities.CreateFactory(ClassType, Type.EmptyTypes));

    /// <summary>Creates the class, runs the method with <paramref name="arguments"/> and awaits it; answers what it returned.</summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, object?[] arguments)
    {
        var instance = Method.IsStatic ? null : _factory.Value(services, null);
        var returned = Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        switch (returned)
        {
            case Task<IResult> result:
                return await result.ConfigureAwait(false);
            case Task task:
                await task.ConfigureAwait(false);
                return null;
            default:
                return returned;
        }
    }

    /// <summary>The arguments in the method's order, each taken from <paramref name="source"/> by its kind.</summary>
    public object?[] Arguments(Func<FunctionParameter, object?> source) => Parameters.Select(source).ToArray();
}
