using Azure;

namespace PowerFunctions.Storage.Embedded;

/// <summary>Failures the embedded adapter raises beyond <see cref="StorageErrors"/>, with Azure's status.</summary>
internal static class EmbeddedErrors
{
    public static RequestFailedException ResourceMissing(ResourceKind kind, string name) =>
        new(404, $"{Describe(kind)} '{name}' does not exist (create it first)", StorageErrorCodes.TableNotFound, null);

    private static string Describe(ResourceKind kind) => kind switch
    {
        ResourceKind.Table => "table",
        ResourceKind.Container => "blob container",
        _ => "queue",
    };
}
