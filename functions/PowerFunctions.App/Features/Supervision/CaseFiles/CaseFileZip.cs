using PowerFunctions.Domain.Supervision.CaseFiles;

namespace PowerFunctions.App.Features.Supervision.CaseFiles;

/// <summary>One assembled case file (行权案卷): the zip's bytes and the manifest written into it.</summary>
public sealed record CaseFileZip(byte[] Content, CaseFileManifest Manifest);
