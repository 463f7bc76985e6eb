namespace PowerFunctions.Domain.Catalog;

/// <summary>One material of the 申请材料目录: code, name, required or optional, original/copy, copies, form template and acceptance standard.</summary>
public sealed record Material(
    string Code,
    string Name,
    bool Required,
    MaterialForm Form,
    int Copies,
    string? FormTemplate = null,
    string? AcceptanceStandard = null);
