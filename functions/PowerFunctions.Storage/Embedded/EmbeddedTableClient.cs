using System.Text;
using Azure;
using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>
/// A table of the embedded store: rows of <c>entities</c> keyed by (table, PartitionKey, RowKey),
/// ordered by the keys' UTF-8 bytes (ordinal order). Every write gets a fresh ETag; conditional
/// writes compare it inside the same statement or transaction, so no update is lost across threads
/// or processes.
/// </summary>
internal sealed class EmbeddedTableClient : ITableClient
{
    private const string SelectOne = "SELECT etag, ts, props FROM entities WHERE tbl = $t AND pk = $p AND rk = $r";
    private const string Exists = "SELECT 1 FROM entities WHERE tbl = $t AND pk = $p AND rk = $r";
    private const string Insert = "INSERT INTO entities(tbl, pk, rk, etag, ts, props) VALUES($t, $p, $r, $e, $ts, $props) ON CONFLICT DO NOTHING";
    private const string Upsert = """
        INSERT INTO entities(tbl, pk, rk, etag, ts, props) VALUES($t, $p, $r, $e, $ts, $props)
        ON CONFLICT(tbl, pk, rk) DO UPDATE SET etag = excluded.etag, ts = excluded.ts, props = excluded.props
        """;
    private const string Replace = "UPDATE entities SET etag = $e, ts = $ts, props = $props WHERE tbl = $t AND pk = $p AND rk = $r";
    private const string ReplaceIfMatch = Replace + " AND etag = $m";
    private const string Delete = "DELETE FROM entities WHERE tbl = $t AND pk = $p AND rk = $r";
    private const string DeleteIfMatch = Delete + " AND etag = $m";

    private readonly SqliteStore _store;
    private readonly string _key;

    public EmbeddedTableClient(SqliteStore store, string name)
    {
        StorageNames.ValidateTableName(name);
        _store = store;
        Name = name;
        _key = name.ToLowerInvariant(); // Azure table names are case-insensitive
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        _store.CreateIfNotExistsAsync(ResourceKind.Table, _key, cancellationToken);

    public Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        Completed.Run(() => GetEntity(partitionKey, rowKey), cancellationToken);

    public Task<TablePage> QueryAsync(TableQuery query, CancellationToken cancellationToken = default) =>
        Completed.Run(() => Query(query), cancellationToken);

    private TableEntity? GetEntity(string partitionKey, string rowKey)
    {
        StorageNames.ValidateKey(partitionKey, "PartitionKey");
        StorageNames.ValidateKey(rowKey, "RowKey");
        EnsureTable();
        return _store.Read(session =>
        {
            var command = Bind(session.Command(SelectOne), partitionKey, rowKey);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? EntityCodec.Decode(partitionKey, rowKey, reader.GetString(0), reader.GetInt64(1), (byte[])reader.GetValue(2))
                : null;
        });
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var packed = EntityCodec.Encode(entity);
        EnsureTable();
        var (etag, now) = NewVersion();
        await _store.WriteAsync(session => { AddRow(session, entity, packed, etag, now); return 0; }, singleStatement: true, cancellationToken).ConfigureAwait(false);
        return Stamp(entity, etag, now);
    }

    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var packed = EntityCodec.Encode(entity);
        EnsureTable();
        var (etag, now) = NewVersion();
        await _store.WriteAsync(session => { ReplaceRow(session, entity, packed, ifMatch, etag, now); return 0; }, singleStatement: true, cancellationToken).ConfigureAwait(false);
        return Stamp(entity, etag, now);
    }

    public async Task<ETag> UpsertEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var packed = EntityCodec.Encode(entity);
        EnsureTable();
        var (etag, now) = NewVersion();
        await _store.WriteAsync(session => { UpsertRow(session, entity, packed, etag, now); return 0; }, singleStatement: true, cancellationToken).ConfigureAwait(false);
        return Stamp(entity, etag, now);
    }

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateKey(partitionKey, "PartitionKey");
        StorageNames.ValidateKey(rowKey, "RowKey");
        EnsureTable();
        await _store.WriteAsync(session => DeleteRow(session, partitionKey, rowKey, ifMatch, mustExist: false), singleStatement: true, cancellationToken).ConfigureAwait(false);
    }

    private TablePage Query(TableQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > 1000)
        {
            throw StorageErrors.InvalidInput($"a page holds 1 to 1000 entities, not {query.PageSize}");
        }

        var after = query.ContinuationToken is null ? default : DecodeToken(query.ContinuationToken);
        EnsureTable();

        // A token names the next page's first row, at or past every lower bound of the query, so it
        // replaces them: the primary key then seeks straight to the page instead of re-reading earlier rows.
        var resuming = query.ContinuationToken is not null;
        if (resuming && !TokenWithinLowerBounds(query, after))
        {
            throw StorageErrors.InvalidInput("the continuation token belongs to another query");
        }

        var sql = new StringBuilder("SELECT pk, rk, etag, ts, props FROM entities WHERE tbl = $t");
        if (query.PartitionKey is not null)
        {
            sql.Append(" AND pk = $pk");
            sql.Append(resuming ? " AND rk >= $afterRk" : query.RowKeyFrom is not null ? " AND rk >= $rkFrom" : string.Empty);
        }
        else
        {
            sql.Append(resuming ? " AND (pk, rk) >= ($afterPk, $afterRk)" : query.PartitionKeyFrom is not null ? " AND pk >= $pkFrom" : string.Empty);
            if (query.PartitionKeyTo is not null)
            {
                sql.Append(" AND pk < $pkTo");
            }

            if (query.RowKeyFrom is not null)
            {
                sql.Append(" AND rk >= $rkFrom");
            }
        }

        if (query.RowKeyTo is not null)
        {
            sql.Append(" AND rk < $rkTo");
        }

        sql.Append(" ORDER BY pk, rk LIMIT $limit");
        var text = sql.ToString();

        return _store.Read(session =>
        {
            var command = session.Command(text);
            command.Set("$t", _key);
            if (query.PartitionKey is not null)
            {
                command.Set("$pk", query.PartitionKey);
                if (resuming)
                {
                    command.Set("$afterRk", after.RowKey);
                }
                else
                {
                    AddIfSet(command, "$rkFrom", query.RowKeyFrom);
                }
            }
            else
            {
                if (resuming)
                {
                    command.Set("$afterPk", after.PartitionKey);
                    command.Set("$afterRk", after.RowKey);
                }
                else
                {
                    AddIfSet(command, "$pkFrom", query.PartitionKeyFrom);
                }

                AddIfSet(command, "$pkTo", query.PartitionKeyTo);
                AddIfSet(command, "$rkFrom", query.RowKeyFrom);
            }

            AddIfSet(command, "$rkTo", query.RowKeyTo);
            command.Set("$limit", query.PageSize + 1);
            var entities = new List<TableEntity>(Math.Min(query.PageSize, 64));
            string? token = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var pk = reader.GetString(0);
                var rk = reader.GetString(1);
                if (entities.Count == query.PageSize)
                {
                    token = EncodeToken(pk, rk); // the first row of the next page
                    break;
                }

                entities.Add(EntityCodec.Decode(pk, rk, reader.GetString(2), reader.GetInt64(3), (byte[])reader.GetValue(4)));
            }

            return new TablePage(entities, token);
        });
    }

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        TableTransaction.Validate(actions);
        var packed = new byte[]?[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            try
            {
                var action = actions[i];
                if (action.ActionType == TableTransactionActionType.Delete)
                {
                    StorageNames.ValidateKey(action.Entity.PartitionKey, "PartitionKey");
                    StorageNames.ValidateKey(action.Entity.RowKey, "RowKey");
                }
                else if (Enum.IsDefined(action.ActionType))
                {
                    packed[i] = EntityCodec.Encode(action.Entity);
                }
                else
                {
                    throw StorageErrors.InvalidInput($"unknown transaction action {action.ActionType}");
                }
            }
            catch (RequestFailedException e)
            {
                throw new TableTransactionFailedException(i, e);
            }
        }

        EnsureTable();
        var (_, now) = NewVersion();
        var etags = new string?[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            etags[i] = actions[i].ActionType == TableTransactionActionType.Delete ? null : _store.NewETag(now, weak: true);
        }

        await _store.WriteAsync(session =>
        {
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                try
                {
                    switch (action.ActionType)
                    {
                        case TableTransactionActionType.Add:
                            AddRow(session, action.Entity, packed[i]!, etags[i]!, now);
                            break;
                        case TableTransactionActionType.UpdateReplace:
                            ReplaceRow(session, action.Entity, packed[i]!, action.IfMatch, etags[i]!, now);
                            break;
                        case TableTransactionActionType.UpsertReplace:
                            UpsertRow(session, action.Entity, packed[i]!, etags[i]!, now);
                            break;
                        default:
                            DeleteRow(session, action.Entity.PartitionKey, action.Entity.RowKey, action.IfMatch, mustExist: true);
                            break;
                    }
                }
                catch (RequestFailedException e)
                {
                    throw new TableTransactionFailedException(i, e);
                }
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        var result = new ETag[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            if (etags[i] is { } etag)
            {
                result[i] = Stamp(actions[i].Entity, etag, now);
            }
        }

        return result;
    }

    private void EnsureTable() => _store.EnsureExists(ResourceKind.Table, _key, Name);

    private (string ETag, DateTimeOffset Now) NewVersion()
    {
        var now = _store.Clock.GetUtcNow().ToUniversalTime();
        return (_store.NewETag(now, weak: true), now);
    }

    private static ETag Stamp(TableEntity entity, string etag, DateTimeOffset now)
    {
        var value = new ETag(etag);
        entity.ETag = value;
        entity.Timestamp = now;
        return value;
    }

    private void AddRow(SqliteSession session, TableEntity entity, byte[] packed, string etag, DateTimeOffset now)
    {
        if (BindWrite(session.Command(Insert), entity, packed, etag, now).ExecuteNonQuery() == 0)
        {
            throw StorageErrors.AlreadyExists($"entity '{entity.PartitionKey}'/'{entity.RowKey}' of table {Name}");
        }
    }

    private void UpsertRow(SqliteSession session, TableEntity entity, byte[] packed, string etag, DateTimeOffset now) =>
        BindWrite(session.Command(Upsert), entity, packed, etag, now).ExecuteNonQuery();

    private void ReplaceRow(SqliteSession session, TableEntity entity, byte[] packed, ETag ifMatch, string etag, DateTimeOffset now)
    {
        var any = IsAny(ifMatch);
        var command = BindWrite(session.Command(any ? Replace : ReplaceIfMatch), entity, packed, etag, now);
        if (!any)
        {
            command.Set("$m", ifMatch.ToString());
        }

        if (command.ExecuteNonQuery() == 0)
        {
            ThrowMissingOrChanged(session, entity.PartitionKey, entity.RowKey);
        }
    }

    private int DeleteRow(SqliteSession session, string partitionKey, string rowKey, ETag ifMatch, bool mustExist)
    {
        var any = IsAny(ifMatch);
        var command = Bind(session.Command(any ? Delete : DeleteIfMatch), partitionKey, rowKey);
        if (!any)
        {
            command.Set("$m", ifMatch.ToString());
        }

        var deleted = command.ExecuteNonQuery();
        if (deleted == 0 && (mustExist || !any))
        {
            if (!any && Bind(session.Command(Exists), partitionKey, rowKey).ExecuteScalar() is not null)
            {
                throw StorageErrors.ConditionNotSatisfied($"entity '{partitionKey}'/'{rowKey}' of table {Name}");
            }

            if (mustExist)
            {
                throw StorageErrors.NotFound($"entity '{partitionKey}'/'{rowKey}' of table {Name}");
            }
        }

        return deleted;
    }

    private void ThrowMissingOrChanged(SqliteSession session, string partitionKey, string rowKey)
    {
        if (Bind(session.Command(Exists), partitionKey, rowKey).ExecuteScalar() is null)
        {
            throw StorageErrors.NotFound($"entity '{partitionKey}'/'{rowKey}' of table {Name}");
        }

        throw StorageErrors.ConditionNotSatisfied($"entity '{partitionKey}'/'{rowKey}' of table {Name}");
    }

    /// <summary><see cref="ETag.All"/> and the default (no If-Match) both match any version.</summary>
    private static bool IsAny(ETag ifMatch) => ifMatch == default || ifMatch == ETag.All;

    private SqliteCommand Bind(SqliteCommand command, string partitionKey, string rowKey)
    {
        command.Set("$t", _key);
        command.Set("$p", partitionKey);
        command.Set("$r", rowKey);
        return command;
    }

    private SqliteCommand BindWrite(SqliteCommand command, TableEntity entity, byte[] packed, string etag, DateTimeOffset now)
    {
        Bind(command, entity.PartitionKey, entity.RowKey);
        command.Set("$e", etag);
        command.Set("$ts", now.UtcTicks);
        command.Set("$props", packed);
        return command;
    }

    /// <summary>
    /// A token may only move a query forward, never widen it: it must lie at or past the query's lower
    /// bounds, compared as SQLite compares keys (UTF-8 bytes).
    /// </summary>
    private static bool TokenWithinLowerBounds(TableQuery query, (string PartitionKey, string RowKey) after)
    {
        if (query.PartitionKey is not null)
        {
            return string.Equals(after.PartitionKey, query.PartitionKey, StringComparison.Ordinal)
                && (query.RowKeyFrom is null || CompareUtf8(after.RowKey, query.RowKeyFrom) >= 0);
        }

        return query.PartitionKeyFrom is null || CompareUtf8(after.PartitionKey, query.PartitionKeyFrom) >= 0;
    }

    private static int CompareUtf8(string left, string right) =>
        Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));

    private static void AddIfSet(SqliteCommand command, string name, string? value)
    {
        if (value is not null)
        {
            command.Set(name, value);
        }
    }

    /// <summary>The continuation token: the keys of the next page's first row, base64url so it stays opaque and URL-safe.</summary>
    private static string EncodeToken(string partitionKey, string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"1\n{partitionKey}\n{rowKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string PartitionKey, string RowKey) DecodeToken(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('\n');
            if (parts is ["1", var pk, var rk])
            {
                return (pk, rk);
            }
        }
        catch (FormatException)
        {
        }

        throw StorageErrors.InvalidInput("the continuation token is not one this store issued");
    }
}
