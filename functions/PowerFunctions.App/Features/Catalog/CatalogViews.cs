using System.Text.Json;
using System.Text.Json.Nodes;
using PowerFunctions.App.Http;
using PowerFunctions.Domain.Catalog;

namespace PowerFunctions.App.Features.Catalog;

/// <summary>The JSON answers of the catalog routes beyond the list: the full service guide, versions and the flowchart.</summary>
public static class CatalogViews
{
    /// <summary>
    /// The full item (办事指南): every field of the version, its kind in Chinese, where the flowchart
    /// is, whether a revision is overdue, and for drafts what still stops publishing.
    /// </summary>
    public static JsonObject Guide(PowerItem item, DateOnly today, int? draftVersion = null)
    {
        var node = JsonSerializer.SerializeToNode(item, JsonDefaults.Options)!.AsObject();
        node["kindName"] = PowerKinds.ChineseName(item.Kind);
        node["revisionOverdue"] = item.IsRevisionOverdue(today);
        node["flowchartSvg"] = $"/api/catalog/items/{item.Code}/flowchart.svg";
        if (item.Status == ItemStatus.Draft)
        {
            node["publishingProblems"] = JsonSerializer.SerializeToNode(item.PublishingProblems(), JsonDefaults.Options);
        }

        if (draftVersion is { } v)
        {
            node["draftVersion"] = v;
        }

        return node;
    }

    /// <summary>One line per version: <c>{version, status, name, createdAt, updatedAt, publishedAt?, abolishedAt?, abolishReason?}</c>.</summary>
    public static object VersionLine(PowerItem item) => new
    {
        version = item.Version,
        status = item.Status,
        name = item.Name,
        createdAt = item.CreatedAt,
        updatedAt = item.UpdatedAt,
        publishedAt = item.PublishedAt,
        abolishedAt = item.AbolishedAt,
        abolishReason = item.AbolishReason,
    };

    /// <summary><c>{code, name, version, unit, start, ends, stages:[{id, name, post, limit:{days, unit}, next}]}</c>.</summary>
    public static object Flowchart(PowerItem item) => new
    {
        code = item.Code,
        name = item.Name,
        version = item.Version,
        unit = item.PromisedLimit.Unit,
        start = item.Flowchart.Start,
        ends = item.Flowchart.Ends().Select(e => e.Id).ToList(),
        stages = item.Flowchart.Stages.Select(s => new
        {
            id = s.Id,
            name = s.Name,
            post = s.Post,
            limit = new TimeLimit(s.LimitDays, item.PromisedLimit.Unit),
            next = s.Next,
        }).ToList(),
    };

    /// <summary>One pending legal-basis change: <c>{code, name, department, version, changedOn, description, revisionDue, flowchartDue, provisional, overdue}</c>.</summary>
    public static object Revision(PowerItem item, DateOnly today) => new
    {
        code = item.Code,
        name = item.Name,
        department = item.Department,
        version = item.Version,
        changedOn = item.PendingBasisChange!.ChangedOn,
        description = item.PendingBasisChange.Description,
        revisionDue = item.PendingBasisChange.RevisionDue,
        flowchartDue = item.PendingBasisChange.FlowchartDue,
        provisional = item.PendingBasisChange.Provisional,
        overdue = item.IsRevisionOverdue(today),
    };
}
