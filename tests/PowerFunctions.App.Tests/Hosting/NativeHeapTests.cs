using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Tests.Hosting;

/// <summary>glibc's heap is asked to keep fewer arenas and to give free pages back; both are taken on our Linux hosts.</summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void LimitArenas_AndTrim_AreTakenByGlibc()
    {
        // Our machines are Debian (glibc); elsewhere both calls answer false and change nothing.
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(NativeHeap.LimitArenas());
            return;
        }

        Assert.True(NativeHeap.LimitArenas());
        Assert.True(NativeHeap.Trim());
    }
}
