using System.Reflection;

namespace PowerFunctions.App.Hosting;

/// <summary>A storage-queue-triggered function; standalone, the queue runner polls <see cref="QueueName"/> in the configured storage.</summary>
public sealed record QueueFunction(string Name, Type ClassType, MethodInfo Method, IReadOnlyList<FunctionParameter> Parameters, string QueueName)
    : FunctionDescriptor(Name, ClassType, Method, Parameters);
