namespace Postmortem.Discord.Tests.Rest;

/// <summary>
/// Bounds every await on the client: a request stuck on a timer the test never advances fails the test after
/// 10 s instead of hanging the run. The bound only matters when something is broken.
/// </summary>
internal static class TaskBounds
{
    private static readonly TimeSpan _generous = TimeSpan.FromSeconds(10);

    public static Task Within(this Task task) => task.WaitAsync(_generous);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(_generous);
}
