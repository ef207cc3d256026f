using System.Diagnostics;
using System.Runtime;

namespace Postmortem.Benchmarks.BotLoad;

/// <summary>This process's memory after a full, compacting GC: the managed heap and the working set, in MB.</summary>
internal sealed record MemorySnapshot(double HeapMb, double WorkingSetMb)
{
    public static MemorySnapshot Take()
    {
        // Twice, with finalizers in between: objects kept alive only by finalizable ones go in the second pass.
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(GC.GetTotalMemory(forceFullCollection: false) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }
}
