using System.Reflection;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Classes whose <c>[Function]</c> methods the standalone host serves: the app's own assembly (registered by
/// the composition root); tests add their own classes the same way.
/// </summary>
public sealed record FunctionClasses(IReadOnlyList<Type> Types)
{
    /// <summary>Every public class of <paramref name="assembly"/> (the index keeps those with <c>[Function]</c> methods).</summary>
    public static FunctionClasses InAssembly(Assembly assembly) =>
        new(assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } || (t.IsAbstract && t.IsSealed)).ToList());

    public static FunctionClasses Of(params Type[] types) => new(types);
}
