namespace PowerFunctions.App.Hosting;

/// <summary>
/// A feature's functions. Register with <c>services.AddFunctionModule&lt;T&gt;()</c>; the module is a
/// singleton that gets its dependencies by constructor and declares its functions once.
/// </summary>
public interface IFunctionModule
{
    IEnumerable<FunctionDeclaration> Declare();
}
