using System.Reflection;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// An HTTP-triggered function. <see cref="Route"/> is its <c>HttpTrigger</c> route, without the <c>api/</c>
/// prefix (the Functions default route prefix, kept by both hosts), e.g. <c>cases/{caseNo}/progress</c>;
/// <see cref="Methods"/> are upper-case.
/// </summary>
public sealed record HttpFunction(string Name, Type ClassType, MethodInfo Method, IReadOnlyList<FunctionParameter> Parameters, string Route, IReadOnlyList<string> Methods, Access Access)
    : FunctionDescriptor(Name, ClassType, Method, Parameters)
{
    /// <summary>The non-JSON body types the function reads itself (<see cref="AcceptsAttribute"/>); empty: JSON only, checked by the pipeline.</summary>
    public IReadOnlyList<string> Accepts { get; } = Method.GetCustomAttributes(typeof(AcceptsAttribute), false) is [AcceptsAttribute accepts] ? accepts.MediaTypes : [];
}
