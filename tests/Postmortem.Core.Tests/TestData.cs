using Postmortem.Core.Postmortems;

namespace Postmortem.Core.Tests;

internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2021, 5, 10, 9, 0, 0, TimeSpan.Zero);

    public static readonly UserRef Felix = new("100000000000000001", "Felix");
    public static readonly UserRef Wesley = new("100000000000000002", "Wesley");
    public static readonly UserRef Ana = new("100000000000000003", "Ana");

    public static Core.Postmortem Draft(string title = "1.52.0 incremental compilation ICEs") =>
        Core.Postmortem.Start("guild-1", "channel-1", title, Felix, Now, "rust-compiler-2021", "high", Now.AddDays(-4));

    /// <summary>Applies a command that must succeed and returns the created id (if any).</summary>
    public static int Do(this Core.Postmortem postmortem, Commands.PostmortemCommand command, UserRef? actor = null)
    {
        var result = postmortem.Apply(command, actor ?? Felix, Now);
        Assert.True(result.Succeeded, $"{command} failed: {result.Message}");
        return result.CreatedId ?? 0;
    }
}
