namespace PowerFunctions.App.PersonalData;

/// <summary>
/// What one <see cref="PersonalDataRewrapper"/> pass did. A retired key may be dropped from
/// <c>PersonalData:Keys</c> once a pass reports <see cref="Done"/>: nothing was left under it (every value it
/// held is now under <see cref="ActiveKey"/>) and no row changed under the pass.
/// </summary>
public sealed class RewrapReport(string activeKey, IReadOnlyList<string> retiredKeys, DateTimeOffset startedAt)
{
    public string ActiveKey { get; } = activeKey;

    public IReadOnlyList<string> RetiredKeys { get; } = retiredKeys;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public long RowsRead { get; set; }

    public long RowsRewritten { get; set; }

    public long ValuesRewrapped { get; set; }

    /// <summary>Values that did not open (changed, moved, or their key is no longer listed): left as stored; the hash chain names their events.</summary>
    public long ValuesUnreadable { get; set; }

    /// <summary>Rows written (or removed) by someone else between this pass's read and its write: the next pass takes them.</summary>
    public long RowsChangedMeanwhile { get; set; }

    /// <summary>True when this pass leaves no value under a retired key that it could have moved.</summary>
    public bool Done => RowsChangedMeanwhile == 0;
}
