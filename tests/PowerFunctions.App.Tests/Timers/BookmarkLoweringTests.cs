using PowerFunctions.App.Features.Timers;
using PowerFunctions.Storage;

namespace PowerFunctions.App.Tests.Timers;

/// <summary>
/// The process's bookmark writes coalesced: under many concurrent touches (each submission makes one) no
/// caller gives up, the bookmark ends at the earliest bucket asked for, and it was rewritten after every
/// caller asked (its ETag changed), which is what keeps a racing sweep from moving past new rows.
/// </summary>
public sealed class BookmarkLoweringTests : IDisposable
{
    private readonly TimerStore _store = new();

    [Fact]
    public async Task LowerAsync_200ConcurrentTouches_AllSucceedBookmarkAtTheEarliest()
    {
        var lowering = new BookmarkLowering(_store.Index);
        var buckets = Enumerable.Range(0, 200).Select(i => TimerIndex.Bucket(TimerStore.Start.AddMinutes(200 - i))).ToList();

        await Task.WhenAll(buckets.Select(b => Task.Run(() => lowering.LowerAsync(b, touch: true, CancellationToken.None))));

        var (_, bucket) = await TimerBookmark.ReadAsync(_store.Index, CancellationToken.None);
        Assert.Equal(buckets.Min(StringComparer.Ordinal), bucket);
    }

    [Fact]
    public async Task LowerAsync_Touch_RewritesTheBookmarkEvenWhenNotLower()
    {
        var lowering = new BookmarkLowering(_store.Index);
        var early = TimerIndex.Bucket(TimerStore.Start);
        await lowering.LowerAsync(early, touch: true, CancellationToken.None);
        var (before, _) = await TimerBookmark.ReadAsync(_store.Index, CancellationToken.None);

        await lowering.LowerAsync(TimerIndex.Bucket(TimerStore.Start.AddHours(1)), touch: true, CancellationToken.None);

        var (after, bucket) = await TimerBookmark.ReadAsync(_store.Index, CancellationToken.None);
        Assert.Equal(early, bucket);
        Assert.NotEqual(before!.ETag, after!.ETag); // a sweep holding the old ETag fails its move
    }

    [Fact]
    public async Task LowerAsync_Later_NoTouch_LeavesTheBookmark()
    {
        var lowering = new BookmarkLowering(_store.Index);
        var early = TimerIndex.Bucket(TimerStore.Start);
        await lowering.LowerAsync(early, touch: true, CancellationToken.None);
        var (before, _) = await TimerBookmark.ReadAsync(_store.Index, CancellationToken.None);

        await lowering.LowerAsync(TimerIndex.Bucket(TimerStore.Start.AddDays(3)), touch: false, CancellationToken.None);

        var (after, bucket) = await TimerBookmark.ReadAsync(_store.Index, CancellationToken.None);
        Assert.Equal(early, bucket);
        Assert.Equal(before!.ETag, after!.ETag);
    }

    public void Dispose() => _store.Dispose();
}
