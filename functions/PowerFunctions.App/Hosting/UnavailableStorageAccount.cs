using System.Reflection;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Storage for commands that must not touch data (<c>emit-functions</c>): modules may take clients in
/// their constructors, but any operation on them is refused.
/// </summary>
internal sealed class UnavailableStorageAccount : IStorageAccount
{
    public string Provider => "Unavailable";

    public ITableClient GetTableClient(string tableName) => RefusingClient.Create<ITableClient>(tableName);

    public IBlobContainerClient GetBlobContainerClient(string containerName) => RefusingClient.Create<IBlobContainerClient>(containerName);

    public IQueueClient GetQueueClient(string queueName) => RefusingClient.Create<IQueueClient>(queueName);

    /// <summary>A client that knows its name and refuses everything else.</summary>
    public class RefusingClient : DispatchProxy
    {
        private string _name = string.Empty;

        public static T Create<T>(string name)
            where T : class
        {
            var proxy = DispatchProxy.Create<T, RefusingClient>();
            ((RefusingClient)(object)proxy)._name = name;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_Name"
                ? _name
                : throw new InvalidOperationException($"storage is not available while emitting function metadata ({targetMethod?.Name} on '{_name}')");
    }
}
