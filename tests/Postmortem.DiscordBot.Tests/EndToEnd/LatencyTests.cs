using Postmortem.DiscordBot.Tests.Support;
using Xunit.Abstractions;

namespace Postmortem.DiscordBot.Tests.EndToEnd;

public sealed class LatencyTests(ITestOutputHelper output)
{
    private const int Runs = 40;

    [Fact]
    public async Task SimpleCommand_IsAnsweredWellWithinTheThreeSecondDeadline()
    {
        await using var bot = await BotUnderTest.StartAsync();
        var thread = await bot.StartPostmortemAsync(bot.Alice);
        var latencies = new List<TimeSpan>();

        for (var i = 0; i < Runs; i++)
        {
            var status = await bot.SlashAsync(bot.Bob, thread, "status");
            var response = await status.ResponseAsync();
            latencies.Add(response.At - status.CreatedAt);
        }

        latencies.Sort();
        var p50 = latencies[Runs / 2];
        var p99 = latencies[(int)Math.Ceiling(Runs * 0.99) - 1];
        output.WriteLine($"/postmortem status through the emulator, {Runs} runs: p50 {p50.TotalMilliseconds:0.0} ms, p99 {p99.TotalMilliseconds:0.0} ms");
        Assert.True(p99 < TimeSpan.FromSeconds(3), $"p99 {p99} is over Discord's 3-second deadline.");
        bot.AssertNoViolations();
    }
}
