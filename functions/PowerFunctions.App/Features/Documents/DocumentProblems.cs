using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>The documents feature's problems.</summary>
public static class DocumentProblems
{
    /// <summary>404 <c>documents.not_found</c>: no such id, or (anonymous) a query code that does not open it.</summary>
    public static ProblemException NotFound(string id) => Problems.NotFound("documents.not_found", "文书不存在", $"no document has the id '{id}'");

    /// <summary>500 <c>documents.unreadable</c>: the stored file does not open (altered in storage, or its key is no longer listed); nothing of it is served.</summary>
    public static ProblemException Unreadable(string id) =>
        new(500, "documents.unreadable", "文书文件无法读取，请联系出具机关", $"the stored file of document '{id}' does not open; its verification says more");
}
