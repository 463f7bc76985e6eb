using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.Documents;

/// <summary>The documents feature's problems.</summary>
public static class DocumentProblems
{
    /// <summary>404 <c>documents.not_found</c>: no such id, or (anonymous) a query code that does not open it.</summary>
    public static ProblemException NotFound(string id) => Problems.NotFound("documents.not_found", "文书不存在", $"no document has the id '{id}'");
}
