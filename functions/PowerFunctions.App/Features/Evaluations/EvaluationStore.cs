using System.Globalization;
using Azure;
using PowerFunctions.Domain.Calendar;
using PowerFunctions.Domain.Evaluations;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Features.Evaluations;

/// <summary>
/// Table <c>evaluations</c>: partition = department, row = case number, so one case has one rating
/// (create-only) and a department's ratings are one partition.
/// </summary>
public sealed class EvaluationStore(IStorageAccount storage)
{
    public const string TableName = "evaluations";

    private ITableClient Table => storage.GetTableClient(TableName);

    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Adds the rating; false when the case was already rated.</summary>
    public async Task<bool> TryAddAsync(Evaluation evaluation, string? documentId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(ToEntity(evaluation, documentId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (StorageErrors.IsConflict(e))
        {
            return false;
        }
    }

    public async Task<StoredEvaluation?> GetAsync(string departmentCode, string caseNo, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityAsync(departmentCode, caseNo, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Replaces the rating under the ETag it was read with (412 when someone else changed it).</summary>
    public Task UpdateAsync(StoredEvaluation stored, Evaluation next, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(ToEntity(next, stored.DocumentId), stored.ETag, cancellationToken);

    /// <summary>Every rating of a department, or of all departments when <paramref name="departmentCode"/> is null.</summary>
    public async Task<IReadOnlyList<StoredEvaluation>> ListAsync(string? departmentCode, CancellationToken cancellationToken)
    {
        var all = new List<StoredEvaluation>();
        string? token = null;
        do
        {
            var query = departmentCode is null ? new TableQuery { ContinuationToken = token } : TableQuery.Partition(departmentCode) with { ContinuationToken = token };
            var page = await Table.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Entities.Select(FromEntity));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    private static TableEntity ToEntity(Evaluation e, string? documentId)
    {
        var entity = new TableEntity(e.DepartmentCode, e.CaseNo)
        {
            ["ItemCode"] = e.ItemCode,
            ["RatedBy"] = e.RatedBy,
            ["Level"] = (int)e.Level,
            ["Comment"] = e.Comment,
            ["RatedAt"] = e.RatedAt,
            ["Status"] = e.Status.ToString(),
            ["DocumentId"] = documentId,
            ["Measures"] = e.Measures,
            ["RectifiedBy"] = e.RectifiedBy,
            ["RectifiedAt"] = e.RectifiedAt,
        };
        if (e.RectificationDue is { } due)
        {
            entity["RectificationDue"] = due.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            entity["DueProvisional"] = due.Provisional;
            entity["RectificationWorkingDays"] = e.RectificationWorkingDays;
        }

        return entity;
    }

    private static StoredEvaluation FromEntity(TableEntity entity)
    {
        CalendarDate? due = entity.GetString("RectificationDue") is { } text
            ? new CalendarDate(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), entity.GetBoolean("DueProvisional") ?? false)
            : null;
        var evaluation = new Evaluation
        {
            CaseNo = entity.RowKey,
            DepartmentCode = entity.PartitionKey,
            ItemCode = entity.GetString("ItemCode") ?? string.Empty,
            RatedBy = entity.GetString("RatedBy") ?? string.Empty,
            Level = (Satisfaction)(entity.GetInt32("Level") ?? 0),
            Comment = entity.GetString("Comment") ?? string.Empty,
            RatedAt = entity.GetDateTimeOffset("RatedAt") ?? default,
            Status = Enum.Parse<EvaluationStatus>(entity.GetString("Status") ?? nameof(EvaluationStatus.Recorded)),
            RectificationDue = due,
            RectificationWorkingDays = entity.GetInt32("RectificationWorkingDays"),
            Measures = entity.GetString("Measures"),
            RectifiedBy = entity.GetString("RectifiedBy"),
            RectifiedAt = entity.GetDateTimeOffset("RectifiedAt"),
        };
        return new StoredEvaluation(evaluation, entity.GetString("DocumentId"), entity.ETag);
    }
}
